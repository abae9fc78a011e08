/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-downloads.c: `soulsync-video-cli downloads`: the list with state, progress and attempts,
 * or (--watch) the monitor and the retry engine in the foreground until nothing is active. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "ssv-cli.h"
#include "downloads/ssv-download-monitor.h"
#include "downloads/ssv-importer.h"
#include "downloads/ssv-retry-engine.h"
#include "downloads/ssv-stall.h"
#include "model/ssv-download.h"
#include "stores/ssv-download-store.h"

static char *
describe_progress (SsvDownload *d)
{
  gint64 speed = 0, eta = -1;
  g_autofree char *rate = NULL;

  g_object_get (d, "speed", &speed, "eta", &eta, NULL);
  if (speed <= 0)
    return g_strdup_printf ("%5.1f %%", ssv_download_get_progress (d) * 100.0);

  rate = g_format_size (speed);
  if (eta < 0)
    return g_strdup_printf ("%5.1f %% %s/s", ssv_download_get_progress (d) * 100.0, rate);
  return g_strdup_printf (_("%5.1f %% %s/s, %" G_GINT64_FORMAT " min left"), ssv_download_get_progress (d) * 100.0,
                          rate, (eta + 59) / 60);
}

static void
print_download (gpointer item)
{
  SsvDownload *d = item;
  g_autofree char *label = ssv_download_dup_label (d);
  g_autofree char *progress = describe_progress (d);
  const char *problem = ssv_download_get_error (d);

  g_print ("%4" G_GINT64_FORMAT "  %-11s %-26s %2d×  %s  %s%s%s\n", ssv_download_get_id (d),
           ssv_download_status_to_string (ssv_download_get_status (d)), progress, ssv_download_get_attempts (d),
           label, ssv_download_get_release_title (d), problem ? " — " : "", problem ? problem : "");
}

static void
add_download_json (JsonBuilder *builder,
                   gpointer     item)
{
  SsvDownload *d = item;
  static const char * const strings[] = {
    "kind", "title", "release-title", "indexer", "protocol", "client-name", "reference", "quality",
    "status-name", "error", "content-path",
  };
  static const char * const numbers[] = {
    "id", "year", "season", "episode", "size", "speed", "eta", "attempts", "created-at", "updated-at",
  };
  double progress;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (d, strings[i], &value, NULL);
      ssv_cli_json_add_string (builder, g_str_equal (strings[i], "status-name") ? "status" : strings[i], value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      GValue value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (d), numbers[i], &value);
      json_builder_set_member_name (builder, numbers[i]);
      json_builder_add_int_value (builder, G_VALUE_HOLDS_INT (&value) ? g_value_get_int (&value)
                                                                        : g_value_get_int64 (&value));
      g_value_unset (&value);
    }
  g_object_get (d, "progress", &progress, NULL);
  json_builder_set_member_name (builder, "progress");
  json_builder_add_double_value (builder, progress);
}

static GPtrArray *
load_downloads (SsvContext  *context,
                GError     **error)
{
  return ssv_download_store_list (ssv_context_get_download_store (context), FALSE, 200, error);
}

typedef struct
{
  GMainLoop          *loop;
  gboolean            interrupted;
  SsvDownloadMonitor *monitor;
  SsvRetryEngine     *engine;
  SsvImporter        *importer;
  guint               importing; /* imports under way */
  gboolean            moved;    /* a retry sent a release: the monitor has it now */
} Watch;

static void maybe_quit (Watch *watch);

static void
on_progress (SsvDownloadMonitor *monitor,
             SsvDownload        *d,
             Watch              *watch)
{
  print_download (d);
}

static void
on_state_changed (SsvDownloadMonitor *monitor,
                  SsvDownload        *d,
                  guint               old_status,
                  Watch              *watch)
{
  print_download (d);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Watch *watch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvImportOutcome) outcome = ssv_importer_import_finish (SSV_IMPORTER (source), result, &error);

  if (outcome == NULL)
    g_print (_("Not imported: %s\n"), error->message);
  else if (outcome->library_path != NULL)
    g_print (_("Imported as %s\n"), outcome->library_path);
  watch->importing--;
  maybe_quit (watch);
}

static void
adopted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Watch *watch = user_data;
  g_autoptr(GError) error = NULL;
  int n = ssv_importer_adopt_finish (SSV_IMPORTER (source), result, &error);

  if (n < 0)
    g_printerr (_("The finished downloads could not be read: %s\n"), error->message);
  else if (n > 0)
    /* Translators: how many downloads that finished earlier were taken up for import */
    g_print (ngettext ("%d download finished earlier was taken up for import.\n",
                       "%d downloads finished earlier were taken up for import.\n", n), n);
  watch->importing--;
  maybe_quit (watch);
}

static void
on_completed (SsvDownloadMonitor *monitor,
              SsvDownload        *d,
              const char         *path,
              Watch              *watch)
{
  g_autofree char *label = ssv_download_dup_label (d);

  g_print (_("%s: downloaded to %s\n"), label, path != NULL ? path : _("(the client did not say where)"));
  /* Into the library; files that prove bad send the engine on to the next release. */
  watch->importing++;
  ssv_importer_import_async (watch->importer, d, path, NULL, imported_cb, watch);
}

static void
on_failed (SsvDownloadMonitor *monitor,
           SsvDownload        *d,
           const char         *reason,
           Watch              *watch)
{
  g_autofree char *label = ssv_download_dup_label (d);

  g_print (_("%s: failed: %s\n"), label, reason);
}

static void
on_retried (SsvRetryEngine *engine,
            gint64          id,
            gboolean        gave_up,
            const char     *message,
            Watch          *watch)
{
  SsvDownload *d = ssv_download_monitor_find (watch->monitor, id);
  g_autofree char *label = d != NULL ? ssv_download_dup_label (d) : g_strdup_printf ("%" G_GINT64_FORMAT, id);

  /* Translators: "Heat (1995): retry: failed: No seeds → trying Heat.1995.720p… (score 1450)" */
  g_print (_("%s: retry: %s\n"), label, message);
  watch->moved |= !gave_up;
}

/* Done when the monitor has nothing to watch and no retry runs or just sent a release. */
static void
maybe_quit (Watch *watch)
{
  if (ssv_retry_engine_get_n_running (watch->engine) == 0 && !watch->moved && watch->importing == 0 &&
      ssv_download_monitor_get_n_active (watch->monitor) == 0 && !ssv_download_monitor_is_polling (watch->monitor))
    g_main_loop_quit (watch->loop);
}

static void
on_idle (SsvDownloadMonitor *monitor,
         Watch              *watch)
{
  watch->moved = FALSE;
  maybe_quit (watch);
}

static void
on_engine_idle (SsvRetryEngine *engine,
                Watch          *watch)
{
  maybe_quit (watch);
}

static gboolean
on_interrupt (gpointer user_data)
{
  Watch *watch = user_data;

  watch->interrupted = TRUE;
  g_main_loop_quit (watch->loop);
  return G_SOURCE_REMOVE;
}

static int
watch_downloads (SsvContext *context,
                 guint       interval_ms)
{
  SsvDownloadMonitor *monitor;
  SsvRetryEngine *engine;
  Watch watch = { g_main_loop_new (NULL, FALSE), FALSE };
  guint sigint = g_unix_signal_add (SIGINT, on_interrupt, &watch);

  monitor = ssv_download_monitor_new (ssv_context_get_client_pool (context));
  ssv_download_monitor_follow_settings (monitor);
  engine = ssv_retry_engine_new (ssv_context_get_client_pool (context), ssv_context_get_grabber (context),
                                 ssv_context_get_profile_store (context), ssv_context_get_blocklist_store (context));
  watch.monitor = monitor;
  watch.engine = engine;
  watch.importer = ssv_context_get_importer (context);
  ssv_retry_engine_watch (engine, monitor);
  g_signal_connect_object (watch.importer, "import-rejected", G_CALLBACK (ssv_retry_engine_block_and_retry), engine,
                           G_CONNECT_SWAPPED);
  g_signal_connect (engine, "retried", G_CALLBACK (on_retried), &watch);
  g_signal_connect (engine, "idle", G_CALLBACK (on_engine_idle), &watch);
  if (interval_ms > 0)
    {
      SsvStallRules rules;

      ssv_download_monitor_set_intervals (monitor, interval_ms, MAX (interval_ms, SSV_DOWNLOAD_MONITOR_MAX_INTERVAL_MS));
      /* Polling faster also notices sooner that a client dropped a transfer: after five
       * polls' time rather than a minute. */
      ssv_download_monitor_get_stall_rules (monitor, &rules);
      rules.missing_seconds = MIN (rules.missing_seconds, MAX (1, (gint64) interval_ms * 5 / 1000));
      ssv_download_monitor_set_stall_rules (monitor, &rules);
    }
  g_signal_connect (monitor, "download-progress", G_CALLBACK (on_progress), &watch);
  g_signal_connect (monitor, "download-state-changed", G_CALLBACK (on_state_changed), &watch);
  g_signal_connect (monitor, "download-completed", G_CALLBACK (on_completed), &watch);
  g_signal_connect (monitor, "download-failed", G_CALLBACK (on_failed), &watch);
  g_signal_connect (monitor, "idle", G_CALLBACK (on_idle), &watch);
  ssv_download_monitor_start (monitor);
  /* downloads a restart left searching are searched again */
  ssv_retry_engine_start (engine);
  /* and those finished while nothing watched go into the library */
  watch.importing++;
  ssv_importer_adopt_async (watch.importer, NULL, adopted_cb, &watch);

  g_main_loop_run (watch.loop);

  if (!watch.interrupted)
    g_print ("%s\n", _("Nothing is downloading."));
  g_object_unref (engine);
  ssv_download_monitor_stop (monitor);
  g_object_unref (monitor);
  g_source_remove (sigint);
  g_main_loop_unref (watch.loop);

  return watch.interrupted ? 130 : 0;
}

static gboolean
wants_watch (int    argc,
             char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--watch"))
      return TRUE;

  return FALSE;
}

int
ssv_cli_downloads (int    argc,
                   char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  gboolean watch = FALSE;
  int interval_ms = 0;
  GOptionEntry entries[] = {
    { "watch", 0, 0, G_OPTION_ARG_NONE, &watch, N_("Watch the active downloads until none is left"), NULL },
    { "interval", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &interval_ms, N_("Milliseconds between polls"), "MS" },
    { NULL }
  };

  if (!wants_watch (argc, argv))
    return ssv_cli_list (argc, argv, "downloads", _("List the downloads (state, progress, attempts)"),
                         load_downloads, add_download_json, print_download,
                         _("No downloads yet; “soulsync-video-cli grab” starts one."));

  if (!ssv_cli_parse_options ("downloads", NULL, _("Watch the active downloads until none is left"),
                              entries, &argc, &argv))
    return 2;
  if (argc != 1 || interval_ms < 0)
    {
      g_printerr ("%s\n", _("Usage: soulsync-video-cli downloads [--json] | --watch"));
      return 2;
    }

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);

  return watch_downloads (context, (guint) interval_ms);
}
