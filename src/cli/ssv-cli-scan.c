/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-scan.c: `soulsync-video-cli scan`: scan sources headless, with a progress line. */

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "ssv-cli.h"
#include "ssv-error.h"
#include "sources/ssv-folder-source.h"
#include "stores/ssv-scan-hold-store.h"
#include "stores/ssv-server-store.h"
#include "stores/ssv-settings-store.h"
#include "sources/ssv-scan-result.h"
#include "sources/ssv-scanner.h"

typedef struct
{
  GMainLoop     *loop;
  GCancellable  *cancellable;
  SsvScanResult *result;
  GError        *error;
  gboolean       tty;
  GMutex         lock;
  char          *last_phase;
} ScanRun;

static const char *
phase_label (const char *phase)
{
  if (g_strcmp0 (phase, "connecting") == 0)
    return _("connecting");
  if (g_strcmp0 (phase, "movies") == 0)
    return _("movies");
  if (g_strcmp0 (phase, "shows") == 0)
    return _("shows");
  if (g_strcmp0 (phase, "pruning") == 0)
    return _("removing what is gone");
  if (g_strcmp0 (phase, "finishing") == 0)
    return _("finishing");
  return phase;
}

/* On the scanning thread: one line that rewrites itself on a terminal, one
 * line per phase otherwise (logs, tests). */
static void
progress_cb (SsvScanner *scanner,
             const char *phase,
             const char *source_name,
             guint       done,
             guint       total,
             gpointer    user_data)
{
  ScanRun *run = user_data;
  guint percent = total > 0 ? MIN (done * 100 / total, 100) : 0;
  g_autofree char *key = g_strconcat (source_name ? source_name : "", "/", phase, NULL);

  g_mutex_lock (&run->lock);
  if (run->tty)
    {
      fprintf (stderr, "\r\033[K%s: %s %u/%u (%u%%)", source_name ? source_name : "",
               phase_label (phase), done, total, percent);
      fflush (stderr);
    }
  else if (g_strcmp0 (run->last_phase, key) != 0)
    {
      g_print ("%s: %s\n", source_name ? source_name : "", phase_label (phase));
      g_free (run->last_phase);
      run->last_phase = g_steal_pointer (&key);
    }
  g_mutex_unlock (&run->lock);
}

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ScanRun *run = user_data;

  run->result = ssv_scanner_scan_finish (SSV_SCANNER (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
interrupted_cb (gpointer user_data)
{
  ScanRun *run = user_data;

  g_printerr ("\n%s\n", _("Stopping the scan…"));
  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

/* What earlier scans held back for the person, as questions. */
static void
print_holds (SsvDatabase *db,
             gint64       server_row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holds = ssv_scan_hold_store_list (db, server_row, &error);

  if (holds == NULL)
    {
      ssv_cli_fail (error);
      return;
    }
  if (holds->len == 0)
    return;

  g_print ("\n%s\n", _("Waiting for your confirmation (nothing was removed):"));
  for (guint i = 0; i < holds->len; i++)
    {
      g_autofree char *question = ssv_scan_hold_dup_question (g_ptr_array_index (holds, i));

      g_print ("  %s\n", question);
    }
  g_print ("%s\n", _("To remove them, run “soulsync-video-cli scan --confirm-removals”. To keep them, do "
                     "nothing: nothing is removed until you confirm, and a scan that finds the titles "
                     "again lets the question go."));
}

/* The person's yes to every question earlier scans left: held titles go, folders'
 * new disks are theirs. */
static int
confirm_removals (SsvDatabase *db,
                  gint64       server_row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holds = ssv_scan_hold_store_list (db, server_row, &error);

  if (holds == NULL)
    return ssv_cli_fail (error);

  if (holds->len == 0)
    {
      g_print ("%s\n", _("No removals are waiting for confirmation."));
      return 0;
    }

  for (guint i = 0; i < holds->len; i++)
    {
      SsvScanHold *hold = g_ptr_array_index (holds, i);
      guint removed = 0;

      if (!ssv_scan_hold_store_confirm (db, hold->id, &removed, &error))
        return ssv_cli_fail (error);

      if (hold->reason == SSV_HOLD_DISK)
        g_print (_("The folder “%s” is read from its new disk from now on; scan it to read it.\n"),
                 hold->path ? hold->path : hold->server_name);
      else
        /* Translators: "Removed 37 titles of Movies on Home." */
        g_print (ngettext ("Removed %u title of %s on %s.\n", "Removed %u titles of %s on %s.\n", removed),
                 removed, hold->library_name ? hold->library_name : hold->library_key, hold->server_name);
    }

  return 0;
}

/* Adds (or finds) @path as a folder source with both kinds mapped. */
static gint64
add_folder (SsvDatabase  *db,
            const char   *path,
            GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *absolute = g_file_get_path (file);
  g_autofree char *name = NULL;
  g_autoptr(SsvFolderSource) source = NULL;
  g_autoptr(GPtrArray) libraries = NULL;
  g_autofree char *described = NULL;
  gint64 id = 0;

  if (absolute == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("“%s” is not a folder on this computer."), path);
      return 0;
    }

  source = ssv_folder_source_new (absolute);
  described = ssv_media_source_test_connection (SSV_MEDIA_SOURCE (source), NULL, error);
  if (described == NULL)
    return 0;

  name = g_file_get_basename (file);
  if (!ssv_server_store_add (db, "folder", name, ssv_folder_source_get_path (source), NULL,
                             &id, NULL, error))
    return 0;

  libraries = ssv_media_source_list_libraries (SSV_MEDIA_SOURCE (source), NULL, error);
  if (libraries == NULL || !ssv_server_store_set_libraries (db, id, libraries, error))
    return 0;

  g_print (_("Added the folder “%s”.\n"), described);
  return id;
}

int
ssv_cli_scan (int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autofree char *mode_text = NULL;
  g_autofree char *source_text = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ScanRun run = { 0 };
  SsvScanMode mode;
  gint64 server_row = 0;
  gboolean confirm = FALSE;
  guint sigint;
  int status;
  const GOptionEntry entries[] = {
    { "mode", 'm', 0, G_OPTION_ARG_STRING, &mode_text,
      N_("incremental (what changed), full (everything) or deep (everything, and remove what is gone)"),
      N_("MODE") },
    { "source", 's', 0, G_OPTION_ARG_STRING, &source_text,
      N_("Scan only this source (its number, name or address)"), N_("SOURCE") },
    { "folder", 'f', 0, G_OPTION_ARG_FILENAME, &folder,
      N_("Add this folder as a source and scan it"), N_("PATH") },
    { "confirm-removals", 0, 0, G_OPTION_ARG_NONE, &confirm,
      N_("Remove what earlier scans held back for your confirmation, instead of scanning"), NULL },
    { NULL }
  };

  if (!ssv_cli_parse_options ("scan", NULL,
                              _("Scan Plex, Jellyfin and folder sources into the library."),
                              entries, &argc, &argv))
    return 2;

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);

  if (mode_text == NULL)
    {
      mode_text = ssv_settings_store_get (ssv_context_get_database (context), "scan.mode", NULL);
      if (mode_text == NULL)
        mode_text = g_strdup (folder != NULL ? "full" : "incremental");
    }
  if (!ssv_scan_mode_from_string (mode_text, &mode))
    {
      g_printerr (_("soulsync-video-cli scan: “%s” is not a scan mode; use incremental, full or deep.\n"),
                  mode_text);
      return 2;
    }

  if (confirm && folder != NULL)
    {
      g_printerr ("%s\n", _("soulsync-video-cli scan: --confirm-removals takes --source, not --folder."));
      return 2;
    }

  if (folder != NULL)
    {
      server_row = add_folder (ssv_context_get_database (context), folder, &error);
      if (server_row == 0)
        return ssv_cli_fail (error);
    }
  else if (source_text != NULL)
    {
      g_autoptr(SsvServerInfo) info = ssv_server_store_find (ssv_context_get_database (context),
                                                             source_text, &error);
      if (info == NULL)
        return ssv_cli_fail (error);
      server_row = info->id;
    }

  if (confirm)
    return confirm_removals (ssv_context_get_database (context), server_row);

  run.loop = g_main_loop_new (NULL, FALSE);
  run.cancellable = cancellable;
  run.tty = isatty (STDERR_FILENO);
  g_mutex_init (&run.lock);

  ssv_scanner_set_progress_func (ssv_context_get_scanner (context), progress_cb, &run);
  sigint = g_unix_signal_add (SIGINT, interrupted_cb, &run);
  ssv_scanner_scan_async (ssv_context_get_scanner (context), mode, server_row, cancellable,
                          scan_done_cb, &run);
  g_main_loop_run (run.loop);
  g_source_remove (sigint);
  ssv_scanner_set_progress_func (ssv_context_get_scanner (context), NULL, NULL);

  if (run.tty)
    g_printerr ("\r\033[K");

  if (run.result == NULL)
    {
      status = ssv_cli_fail (run.error);
      goto out;
    }

  for (guint i = 0; i < run.result->messages->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (run.result->messages, i));

  summary = ssv_scan_result_dup_summary (run.result);
  if (run.result->sources == 0 && run.result->errors == 0)
    g_print ("%s\n", _("There is nothing to scan yet: add a server in the app, or a folder with --folder."));
  else
    g_print (run.result->cancelled ? _("Scan stopped: %s\n") :
             run.result->held > 0 ? _("Scan needs your confirmation: %s\n") : _("Scan finished: %s\n"), summary);

  print_holds (ssv_context_get_database (context), server_row);

  status = run.result->cancelled ? 130 : run.result->errors > 0 ? 1 : 0;

out:
  g_clear_pointer (&run.result, ssv_scan_result_free);
  g_clear_error (&run.error);
  g_clear_pointer (&run.loop, g_main_loop_unref);
  g_free (run.last_phase);
  g_mutex_clear (&run.lock);
  return status;
}
