/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-enrich.c: `soulsync-video-cli enrich` and `status`: run and report the workers. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "ssv-cli.h"
#include "stores/ssv-settings-store.h"
#include "ssv-secrets.h"
#include "stores/ssv-enrichment-store.h"
#include "workers/ssv-enrichment-engine.h"
#include "workers/ssv-worker.h"

static const char * const kind_labels[] = { "movie", "show", "episode" };

typedef struct
{
  GMainLoop  *loop;
  GPtrArray  *workers;     /* the selected ones */
  GHashTable *notes;       /* worker → the note last printed for it */
  guint       next;
  gboolean    once;
  gboolean    quiet;
  gboolean    interrupted;
} EnrichRun;

static gboolean
any_running (EnrichRun *run)
{
  for (guint i = 0; i < run->workers->len; i++)
    if (ssv_worker_is_running (g_ptr_array_index (run->workers, i)))
      return TRUE;

  return FALSE;
}

/* With --once, one provider after the other: later ones use the ids earlier ones found. */
static void
start_next (EnrichRun *run)
{
  while (run->next < run->workers->len && !run->interrupted)
    {
      SsvWorker *worker = g_ptr_array_index (run->workers, run->next++);

      ssv_worker_start_once (worker);
      if (ssv_worker_is_running (worker))
        return;
    }

  g_main_loop_quit (run->loop);
}

static void
on_state_changed (SsvWorker *worker,
                  EnrichRun *run)
{
  g_autofree char *note = ssv_worker_dup_note (worker);

  if (!run->quiet && note != NULL && g_strcmp0 (note, g_hash_table_lookup (run->notes, worker)) != 0)
    g_print ("%s: %s\n", ssv_worker_get_name (worker), note);
  g_hash_table_replace (run->notes, worker, g_steal_pointer (&note));

  if (any_running (run))
    return;

  if (run->once)
    start_next (run);
  else
    g_main_loop_quit (run->loop);
}

static void
on_item_done (SsvWorker  *worker,
              guint       kind,
              gint64      id,
              guint       outcome,
              const char *label,
              EnrichRun  *run)
{
  if (!run->quiet)
    g_print ("%s: %s %s %s\n", ssv_worker_get_name (worker), ssv_outcome_to_string (outcome),
             kind < G_N_ELEMENTS (kind_labels) ? kind_labels[kind] : "?", label ? label : "");
}

static gboolean
on_signal (gpointer data)
{
  EnrichRun *run = data;

  /* The item in hand is cancelled and left unmarked; the loop ends once all stopped. */
  run->interrupted = TRUE;
  for (guint i = 0; i < run->workers->len; i++)
    ssv_worker_stop (g_ptr_array_index (run->workers, i));

  return G_SOURCE_CONTINUE;
}

static void
print_stats (SsvWorker *worker)
{
  for (guint kind = 0; kind < SSV_N_ITEM_KINDS; kind++)
    {
      SsvKindStats stats;

      if (!ssv_worker_get_stats (worker, kind, &stats))
        continue;
      g_print ("%s.%s: matched=%" G_GINT64_FORMAT " not_found=%" G_GINT64_FORMAT
               " errors=%" G_GINT64_FORMAT " pending=%" G_GINT64_FORMAT "\n",
               ssv_worker_get_name (worker), kind_labels[kind],
               stats.matched, stats.not_found, stats.errors, stats.pending);
    }
}

int
ssv_cli_enrich (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) workers = g_ptr_array_new ();
  g_autoptr(GHashTable) notes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GMainLoop) loop = NULL;
  gboolean once = FALSE;
  gboolean quiet = FALSE;
  EnrichRun run = { NULL, };
  SsvEnrichmentEngine *engine;
  guint sigint, sigterm;
  int status = 0;
  GOptionEntry entries[] = {
    { "provider", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &names,
      N_("Only this provider (tmdb, tvdb, omdb, fanart, opensubtitles); may be repeated"), N_("NAME") },
    { "once", 0, 0, G_OPTION_ARG_NONE, &once, N_("Work through the queue once, then stop"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print only the summary"), NULL },
    { NULL },
  };

  if (!ssv_cli_parse_options ("enrich", NULL,
                              _("Fill in titles from the metadata providers."),
                              entries, &argc, &argv))
    return 2;

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);
  engine = ssv_context_get_enrichment_engine (context);

  if (names == NULL)
    {
      GListModel *all = ssv_enrichment_engine_get_workers (engine);

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(SsvWorker) worker = g_list_model_get_item (all, i);
          g_ptr_array_add (workers, worker);
        }
    }
  else
    for (guint i = 0; names[i] != NULL; i++)
      {
        SsvWorker *worker = ssv_enrichment_engine_lookup (engine, names[i]);

        if (worker == NULL)
          {
            g_printerr (_("soulsync-video-cli enrich: there is no provider “%s”. "
                          "Choose from tmdb, tvdb, omdb, fanart and opensubtitles.\n"), names[i]);
            return 2;
          }
        g_ptr_array_add (workers, worker);
      }

  loop = g_main_loop_new (NULL, FALSE);
  run.loop = loop;
  run.workers = workers;
  run.notes = notes;
  run.once = once;
  run.quiet = quiet;

  for (guint i = 0; i < workers->len; i++)
    {
      SsvWorker *worker = g_ptr_array_index (workers, i);

      g_signal_connect (worker, "state-changed", G_CALLBACK (on_state_changed), &run);
      g_signal_connect (worker, "item-done", G_CALLBACK (on_item_done), &run);
      if (!once)
        ssv_worker_start (worker);
    }
  if (once)
    start_next (&run);

  sigint = g_unix_signal_add (SIGINT, on_signal, &run);
  sigterm = g_unix_signal_add (SIGTERM, on_signal, &run);
  if (any_running (&run))
    g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);

  for (guint i = 0; i < workers->len; i++)
    {
      SsvWorker *worker = g_ptr_array_index (workers, i);
      g_autofree char *note = ssv_worker_dup_note (worker);

      g_signal_handlers_disconnect_by_data (worker, &run);
      print_stats (worker);
      /* A missing or rejected key is something to fix: say so in the exit status. */
      if (note != NULL)
        status = 1;
    }

  return run.interrupted ? 130 : status;
}

int
ssv_cli_status (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  SsvEnrichmentEngine *engine;
  SsvEnrichmentStore *store;
  SsvDatabase *db;
  GListModel *workers;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);

  engine = ssv_context_get_enrichment_engine (context);
  store = ssv_enrichment_engine_get_store (engine);
  db = ssv_context_get_database (context);
  workers = ssv_enrichment_engine_get_workers (engine);

  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(SsvWorker) worker = g_list_model_get_item (workers, i);
      SsvWorkerClass *klass = SSV_WORKER_GET_CLASS (worker);
      const char *name = ssv_worker_get_name (worker);
      g_autofree char *paused_key = g_strdup_printf ("worker.%s.paused", name);
      g_autofree char *quota_key = g_strdup_printf ("worker.%s.quota-until", name);
      g_autofree char *secret_key = ssv_worker_dup_secret_key (worker);
      g_autoptr(GError) key_error = NULL;
      g_autofree char *key = ssv_secrets_lookup_sync (ssv_context_get_secrets (context), secret_key,
                                                      NULL, &key_error);
      gint64 quota_until = ssv_settings_store_get_int (db, quota_key, 0);

      g_print ("%s: name=\"%s\" key=%s paused=%s", name, ssv_worker_get_display_name (worker),
               klass->keyless ? "none-needed" : key_error != NULL ? "unknown" : key != NULL ? "set" : "missing",
               ssv_settings_store_get_int (db, paused_key, 0) ? "yes" : "no");
      if (quota_until > now)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (quota_until);
          g_autofree char *text = g_date_time_format (when, "%Y-%m-%d %H:%M");

          g_print (" daily-limit-until=\"%s\"", text);
        }
      g_print ("\n");

      for (guint kind = 0; kind < SSV_N_ITEM_KINDS; kind++)
        {
          SsvKindStats stats;

          if (!(klass->kinds & (1u << kind)))
            continue;
          if (!ssv_enrichment_store_get_stats (store, name, kind, klass->requirements[kind], &stats, &error))
            return ssv_cli_fail (error);
          g_print ("%s.%s: matched=%" G_GINT64_FORMAT " not_found=%" G_GINT64_FORMAT
                   " errors=%" G_GINT64_FORMAT " pending=%" G_GINT64_FORMAT "\n",
                   name, kind_labels[kind], stats.matched, stats.not_found, stats.errors, stats.pending);
        }
    }

  return 0;
}
