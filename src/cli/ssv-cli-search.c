/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-search.c: `soulsync-video-cli search` and `grab`: every configured indexer searched for a
 * film, an episode or a season, every hit judged with its reasons; a grab sends the best accepted
 * hit (or --pick N) to the default client. Also `indexer test`. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ssv-cli.h"
#include "downloads/ssv-grab-hits.h"
#include "downloads/ssv-searcher.h"
#include "stores/ssv-blocklist-store.h"
#include "stores/ssv-profile-store.h"

typedef struct
{
  char     *movie;
  char     *show;
  char     *profile;
  int       year;
  gint64    tmdb;
  int       season;
  int       episode;
  int       pick;
  gboolean  json;
} Selectors;

static void
selectors_clear (Selectors *s)
{
  g_free (s->movie);
  g_free (s->show);
  g_free (s->profile);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Selectors, selectors_clear)

static SsvSearchItem *
make_item (const Selectors  *s,
           GError          **error)
{
  SsvSearchItem *item;

  if ((s->movie == NULL) == (s->show == NULL))
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                           _("Say what to look for: --movie TITLE [--year Y] [--tmdb ID], "
                             "or --show TITLE --season S [--episode E]."));
      return NULL;
    }
  if (s->show != NULL && s->season < 0)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("A show needs --season S."));
      return NULL;
    }

  if (s->movie != NULL)
    item = ssv_search_item_new_movie (s->movie, s->year > 0 ? (guint) s->year : 0);
  else if (s->episode > 0)
    item = ssv_search_item_new_episode (s->show, (guint) s->season, (guint) s->episode);
  else
    item = ssv_search_item_new_season (s->show, (guint) s->season);
  if (s->tmdb > 0)
    ssv_search_item_set_ids (item, s->tmdb, 0, NULL);

  return item;
}

static SsvQualityProfile *
load_profile (SsvContext  *context,
              const char  *name,
              GError     **error)
{
  SsvProfileStore *profiles = ssv_context_get_profile_store (context);
  g_autoptr(GPtrArray) all = NULL;

  if (!ssv_profile_store_ensure_defaults (profiles, error))
    return NULL;
  if (name != NULL)
    return ssv_profile_store_get_by_name (profiles, name, error);

  all = ssv_profile_store_list (profiles, error);
  if (all == NULL)
    return NULL;
  if (all->len == 0)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("There is no quality profile."));
      return NULL;
    }

  return ssv_quality_profile_ref (g_ptr_array_index (all, 0));
}

/* Searches every enabled indexer; failures go to standard error, in plain words. */
static GPtrArray *
run_search (SsvContext         *context,
            SsvSearchItem      *item,
            SsvQualityProfile  *profile,
            GError            **error)
{
  g_autoptr(SsvSearcher) searcher = ssv_searcher_new (ssv_context_get_http (context));
  g_autoptr(GPtrArray) indexers = NULL;
  g_autoptr(SsvSearch) search = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(SsvBlocklist) blocklist = NULL;
  GPtrArray *hits;

  indexers = ssv_grab_load_indexers (ssv_context_get_download_store (context), ssv_context_get_secrets (context),
                                     NULL, error);
  if (indexers == NULL)
    return NULL;
  if (indexers->len == 0)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                           _("No indexer to search; add one with “soulsync-video-cli indexer add”."));
      return NULL;
    }
  for (guint i = 0; i < indexers->len; i++)
    ssv_searcher_add_indexer (searcher, g_ptr_array_index (indexers, i));
  blocklist = ssv_blocklist_store_load (ssv_context_get_blocklist_store (context), error);
  if (blocklist == NULL)
    return NULL;
  ssv_searcher_set_blocklist (searcher, blocklist);

  search = ssv_searcher_search_sync (searcher, item, profile, NULL, NULL);
  failures = ssv_search_dup_failures (search);
  for (guint i = 0; failures != NULL && i < failures->len; i++)
    {
      const SsvSearchFailure *failure = g_ptr_array_index (failures, i);
      g_printerr ("%s: %s\n", failure->source, failure->message);
    }

  hits = ssv_search_dup_results (search);
  ssv_judged_hits_sort (hits);
  return hits;
}

static void
print_hits (GPtrArray               *hits,
            const SsvQualityProfile *profile,
            gboolean                 json)
{
  if (json)
    {
      g_print ("[");
      for (guint i = 0; i < hits->len; i++)
        {
          g_autofree char *line = ssv_judged_hit_to_json (g_ptr_array_index (hits, i), profile->name);
          g_print ("%s\n  %s", i > 0 ? "," : "", line);
        }
      g_print ("\n]\n");
      return;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      const SsvJudgedHit *judged = g_ptr_array_index (hits, i);
      const SsvReleaseHit *hit = judged->hit;
      g_autofree char *size = hit->size >= 0 ? g_format_size (hit->size) : g_strdup ("?");
      g_autofree char *reasons = ssv_judged_hit_dup_reasons (judged, judged->decision->accepted ? SSV_REASON_SCORE
                                                                                                  : SSV_REASON_REJECT);

      g_print ("%3u. %s %s\n", i + 1, judged->decision->accepted ? _("accepted") : _("rejected"), hit->title);
      g_print ("     %s · %s · %s · %d %s · %s %d\n", ssv_quality_get_label (judged->decision->quality), size,
               hit->indexer != NULL ? hit->indexer : "?", hit->seeders,
               hit->protocol == SSV_PROTOCOL_TORRENT ? _("seeders") : _("peers"), _("score"), judged->decision->score);
      if (reasons != NULL && reasons[0] != '\0')
        g_print ("     %s\n", reasons);
    }
  if (hits->len == 0)
    g_print ("%s\n", _("Nothing found."));
}

static gboolean
parse_selectors (const char  *command,
                 Selectors   *s,
                 gboolean     grab,
                 int         *argc,
                 char      ***argv)
{
  GOptionEntry entries[] = {
    { "movie", 0, 0, G_OPTION_ARG_STRING, &s->movie, N_("A film’s title"), N_("TITLE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &s->year, N_("The film’s year"), "Y" },
    { "tmdb", 0, 0, G_OPTION_ARG_INT64, &s->tmdb, N_("The film’s TMDB id"), "ID" },
    { "show", 0, 0, G_OPTION_ARG_STRING, &s->show, N_("A show’s title"), N_("TITLE") },
    { "season", 0, 0, G_OPTION_ARG_INT, &s->season, N_("The season"), "S" },
    { "episode", 0, 0, G_OPTION_ARG_INT, &s->episode, N_("The episode (without it: the whole season)"), "E" },
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &s->profile, N_("The quality profile that judges (default: the first)"),
      N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &s->json, N_("Print JSON"), NULL },
    { grab ? "pick" : NULL, 0, 0, G_OPTION_ARG_INT, &s->pick, N_("Grab hit N of the list instead of the best"), "N" },
    { NULL }
  };

  s->season = -1;
  return ssv_cli_parse_options (command, NULL,
                                grab ? _("Search, then grab the best accepted hit (or --pick N)")
                                     : _("Search every indexer and judge every hit"),
                                entries, argc, argv);
}

/* What search and grab share: the selectors read, the item made, every indexer asked and
 * every hit judged. Returns 0, or the exit status to end with (the reason printed). */
static int
search_from_arguments (const char          *command,
                       gboolean             grab,
                       Selectors           *s,
                       int                 *argc,
                       char              ***argv,
                       SsvContext         **context,
                       SsvSearchItem      **item,
                       SsvQualityProfile  **profile,
                       GPtrArray          **hits)
{
  g_autoptr(GError) error = NULL;

  if (!parse_selectors (command, s, grab, argc, argv))
    return 2;
  if ((*item = make_item (s, &error)) == NULL)
    {
      g_printerr ("soulsync-video-cli %s: %s\n", command, error->message);
      return 2;
    }
  *context = ssv_cli_open_context (&error);
  if (*context == NULL || (*profile = load_profile (*context, s->profile, &error)) == NULL ||
      (*hits = run_search (*context, *item, *profile, &error)) == NULL)
    return ssv_cli_fail (error);

  return 0;
}

int
ssv_cli_search (int    argc,
                char **argv)
{
  g_auto(Selectors) s = { 0 };
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(SsvSearchItem) item = NULL;
  g_autoptr(SsvQualityProfile) profile = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  int status = search_from_arguments ("search", FALSE, &s, &argc, &argv, &context, &item, &profile, &hits);

  if (status != 0)
    return status;

  print_hits (hits, profile, s.json);
  return 0;
}

int
ssv_cli_grab (int    argc,
              char **argv)
{
  g_auto(Selectors) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(SsvSearchItem) item = NULL;
  g_autoptr(SsvQualityProfile) profile = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(SsvGrabRequest) request = NULL;
  const SsvDownloadCandidate *chosen;
  gint64 id, recorded = 0;
  guint pick = 0;

  int status = search_from_arguments ("grab", TRUE, &s, &argc, &argv, &context, &item, &profile, &hits);

  if (status != 0)
    return status;

  if (s.pick > 0)
    {
      if ((guint) s.pick > hits->len)
        {
          g_printerr (_("soulsync-video-cli: there is no hit %d; the search found %u.\n"), s.pick, hits->len);
          return 1;
        }
      pick = (guint) s.pick - 1;
    }
  else
    {
      while (pick < hits->len && !((SsvJudgedHit *) g_ptr_array_index (hits, pick))->decision->accepted)
        pick++;
      if (pick == hits->len)
        {
          print_hits (hits, profile, FALSE);
          g_printerr ("%s\n", _("soulsync-video-cli: no hit was accepted; nothing grabbed. "
                                "Pick one with --pick N if you want it anyway."));
          return 1;
        }
    }

  request = ssv_grab_request_new_from_hits (item, profile, hits, pick);
  /* A wanted film's row shows what became of it. */
  if (s.movie != NULL && s.tmdb > 0)
    request->wanted.wishlist_id = ssv_download_store_find_wanted_movie (ssv_context_get_download_store (context),
                                                                        s.tmdb, NULL);
  chosen = g_ptr_array_index (request->candidates, 0);
  id = ssv_grabber_grab (ssv_context_get_grabber (context), request, &recorded, NULL, &error);
  if (id == 0)
    return ssv_cli_fail (error);

  g_print (_("Grabbed “%s” as download %" G_GINT64_FORMAT " (%u other accepted hits kept for a retry).\n"),
           chosen->release_title, id, request->candidates->len - 1);
  return 0;
}

int
ssv_cli_indexer_test (int    argc,
                      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(SsvIndexerRow) row = NULL;
  g_autofree char *summary = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!ssv_cli_parse_options ("indexer test", "NAME", _("Check that an indexer answers and takes the key"),
                              entries, &argc, &argv))
    return 2;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("Usage: soulsync-video-cli indexer test NAME"));
      return 2;
    }
  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);
  row = ssv_download_store_find_indexer (ssv_context_get_download_store (context), argv[1], &error);
  if (row == NULL)
    return ssv_cli_fail (error);

  /* the caps are read again and their categories kept for the searches */
  summary = ssv_grab_test_indexer (ssv_context_get_download_store (context), ssv_context_get_secrets (context),
                                   ssv_context_get_http (context), row, NULL, &error);
  if (summary == NULL)
    return ssv_cli_fail (error);

  g_print ("%s: %s\n", argv[1], summary);
  return 0;
}
