/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-acq-search.c: searches started from a title's page carry the title's ids to the indexer,
 * a show's season header and episode rows search that season or that episode, and a wanted
 * episode's wishlist row says what became of its download. */

#include "config.h"

#include <string.h>

#include "widgets/ssv-episode-row.h"
#include "downloads/ssv-grabber.h"
#include "pages/ssv-wishlist-page.h"
#include "widgets/ssv-wishlist-tile.h"
#include "ssv-fake-indexer.h"
#include "dialogs/ssv-release-search-dialog.h"
#include "pages/title/ssv-season-episodes.h"
#include "pages/ssv-title-page-private.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "downloads/ssv-download-monitor.h"
#include "downloads/ssv-retry-engine.h"
#include "model/ssv-wishlist-item.h"
#include "downloads/ssv-wishlist-drain.h"
#include "ssv-scheduler.h"
#include "widgets/ssv-poster-card.h"
#include "widgets/ssv-poster-grid.h"
#include "widgets/ssv-wish-profile-menu.h"
#include "stores/ssv-profile-store.h"
#include "stores/ssv-wishlist-store.h"

#define INDEXER_KEY    "ui-test-key"
#define GOOD_REFERENCE "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

static char *tmp_dir;

static const char caps[] =
  "<caps><searching><search available=\"yes\" supportedParams=\"q\"/>"
  "<tv-search available=\"yes\" supportedParams=\"q,season,ep,tvdbid\"/>"
  "<movie-search available=\"yes\" supportedParams=\"q,imdbid\"/></searching>"
  "<categories><category id=\"2000\" name=\"Movies\"/><category id=\"5000\" name=\"TV\"/></categories></caps>";

static const char fix_feed[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<rss version=\"1.0\" xmlns:torznab=\"http://torznab.com/schemas/2015/feed\"><channel><title>x</title>"
  "<item><title>The.Fix.S01E02.1080p.WEB-DL.DDP5.1.H.264-GRP</title><guid>fix-s01e02</guid>"
  "<pubDate>Sat, 28 Feb 2026 21:34:00 +0000</pubDate><size>2147483648</size>"
  "<link>magnet:?xt=urn:btih:" GOOD_REFERENCE "</link>"
  "<torznab:attr name=\"seeders\" value=\"50\"/><torznab:attr name=\"peers\" value=\"60\"/>"
  "<torznab:attr name=\"infohash\" value=\"" GOOD_REFERENCE "\"/></item>"
  "</channel></rss>";

static const char empty_feed[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>";

typedef struct
{
  SsvApplication *app;
  SsvWindow      *window;
  SsvContext     *context;
  SsvFakeIndexer *indexer;
} Session;

/* A new library for each test, with @sql run on it before the app opens it (the app may
 * open on the page that shows it); its indexer is this test's fake. */
static void
session_start_with (Session    *s,
                    const char *db_name,
                    const char *sql)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, db_name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  gint64 id;

  g_assert_false (g_file_test (db_path, G_FILE_TEST_EXISTS));
  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    ssv_database_exec (db,
      "INSERT INTO movies (id, title, year, tmdb_id, imdb_id) VALUES (1, 'Heat', 1995, 949, 'tt0113277');"
      "INSERT INTO shows (id, title, sort_title, year, tmdb_id, tvdb_id) VALUES (1, 'The Fix', 'fix', 2019, 1, 354629);"
      "INSERT INTO seasons (show_id, season_number, episode_count) VALUES (1, 1, 2), (1, 2, 1);"
      "INSERT INTO episodes (id, show_id, season_number, episode_number, title, air_date) VALUES"
      " (11, 1, 1, 1, 'Pilot', '2019-04-28'), (12, 1, 1, 2, 'Second', '2019-05-05'),"
      " (21, 1, 2, 1, 'Again', '2020-05-05');", &error);
    g_assert_no_error (error);
    if (sql != NULL)
      ssv_database_exec (db, sql, &error);
    g_assert_no_error (error);
  }

  s->indexer = ssv_fake_indexer_new (INDEXER_KEY, "torznab/newznab_caps.xml");
  ssv_fake_indexer_set_caps_text (s->indexer, caps);
  ssv_fake_indexer_set_body (s->indexer, NULL, 200, "application/rss+xml", empty_feed);
  s->app = ssv_ui_test_start_app (db_path);
  s->window = ssv_ui_test_wait_for_window (s->app);
  s->context = ssv_application_get_context (s->app);

  id = ssv_download_store_add_indexer (ssv_context_get_download_store (s->context), "torznab", "Fake",
                                       ssv_fake_indexer_get_url (s->indexer), &error);
  g_assert_no_error (error);
  key = ssv_secrets_indexer_key (id);
  ssv_secrets_store_sync (ssv_context_get_secrets (s->context), key, "test", INDEXER_KEY, NULL, &error);
  g_assert_no_error (error);
}

static void
session_start (Session    *s,
               const char *db_name)
{
  session_start_with (s, db_name, NULL);
}

static void
session_stop (Session *s)
{
  ssv_ui_test_stop_app (s->app);
  g_clear_pointer (&s->indexer, ssv_fake_indexer_free);
}

static gboolean
title_loaded (gpointer data)
{
  SsvPage *page = ssv_window_get_visible_page (data);

  return SSV_IS_TITLE_PAGE (page) && g_strcmp0 (ssv_title_page_get_state (SSV_TITLE_PAGE (page)), "content") == 0;
}

static gboolean
search_done (gpointer data)
{
  return !ssv_release_search_dialog_is_searching (data);
}

/* The dialog the last action opened, once its search is over; its title checked. */
static void
finish_dialog (const char *title,
               const char *screenshot)
{
  SsvReleaseSearchDialog *dialog = SSV_RELEASE_SEARCH_DIALOG (ssv_ui_test_find_window (SSV_TYPE_RELEASE_SEARCH_DIALOG));

  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, title);
  g_assert_true (ssv_test_wait_for (search_done, dialog, 20000));
  if (screenshot != NULL)
    ssv_ui_test_screenshot (GTK_WIDGET (dialog), screenshot);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ssv_ui_test_iterate (50);
}

/* The first search the indexer saw since @from that used @param; NULL: none did. */
static GHashTable *
search_with (SsvFakeIndexer *indexer,
             guint           from,
             const char     *param)
{
  g_autoptr(GPtrArray) searches = ssv_fake_indexer_dup_searches (indexer);

  for (guint i = from; i < searches->len; i++)
    if (g_hash_table_contains (g_ptr_array_index (searches, i), param))
      return g_hash_table_ref (g_ptr_array_index (searches, i));
  return NULL;
}

static guint
n_searches (SsvFakeIndexer *indexer)
{
  g_autoptr(GPtrArray) searches = ssv_fake_indexer_dup_searches (indexer);

  return searches->len;
}

/* A film's page searches by its IMDb id where the indexer takes one. */
static void
test_movie_ids (void)
{
  Session s = { 0 };
  g_autoptr(GHashTable) by_id = NULL;
  SsvPage *page;

  session_start (&s, "movie.db");
  gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-movie", "x", (gint64) 1);
  g_assert_true (ssv_test_wait_for (title_loaded, s.window, 20000));
  page = ssv_window_get_visible_page (s.window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "title.search-releases", "(ii)", -1, -1));
  finish_dialog ("Heat (1995)", NULL);
  by_id = search_with (s.indexer, 0, "imdbid");
  g_assert_nonnull (by_id);
  g_assert_cmpstr (g_hash_table_lookup (by_id, "t"), ==, "movie");
  g_assert_cmpstr (g_hash_table_lookup (by_id, "imdbid"), ==, "0113277");  /* Newznab takes it without "tt" */
  session_stop (&s);
}

static gboolean
is_button_titled (GtkWidget     *widget,
                  gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
is_row_of_episode (GtkWidget     *widget,
                   gconstpointer  number)
{
  return SSV_IS_EPISODE_ROW (widget) &&
         ssv_episode_get_episode_number (ssv_episode_row_get_episode (SSV_EPISODE_ROW (widget))) ==
           GPOINTER_TO_INT (number);
}

/* A show's page: the season header searches the season shown, an episode's row that episode,
 * both with the show's TheTVDB id. */
static void
test_season_and_episode (void)
{
  Session s = { 0 };
  g_autoptr(GHashTable) season = NULL;
  g_autoptr(GHashTable) episode = NULL;
  GtkWidget *episodes, *button, *row;
  SsvPage *page;
  guint before;

  session_start (&s, "show.db");
  gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-show", "x", (gint64) 1);
  g_assert_true (ssv_test_wait_for (title_loaded, s.window, 20000));
  page = ssv_window_get_visible_page (s.window);
  ssv_ui_test_iterate (200);
  episodes = ssv_ui_test_find_widget_of_type (GTK_WIDGET (page), SSV_TYPE_SEASON_EPISODES);
  g_assert_nonnull (episodes);
  g_assert_cmpint (ssv_season_episodes_get_season (SSV_SEASON_EPISODES (episodes)), ==, 1);
  ssv_ui_test_screenshot (GTK_WIDGET (s.window), "title-page-season-search");

  button = ssv_ui_test_find_widget (episodes, is_button_titled, "Search Releases of This Season");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  finish_dialog ("The Fix · season 1", "release-search-season");
  season = search_with (s.indexer, 0, "tvdbid");
  g_assert_nonnull (season);
  g_assert_cmpstr (g_hash_table_lookup (season, "tvdbid"), ==, "354629");
  g_assert_cmpstr (g_hash_table_lookup (season, "season"), ==, "1");
  g_assert_false (g_hash_table_contains (season, "ep"));

  before = n_searches (s.indexer);
  row = ssv_ui_test_find_widget (episodes, is_row_of_episode, GINT_TO_POINTER (2));
  g_assert_nonnull (row);
  button = ssv_ui_test_find_widget (row, is_button_titled, "Search Releases of This Episode");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  finish_dialog ("The Fix · S01E02", NULL);
  episode = search_with (s.indexer, before, "tvdbid");
  g_assert_nonnull (episode);
  g_assert_cmpstr (g_hash_table_lookup (episode, "season"), ==, "1");
  g_assert_cmpstr (g_hash_table_lookup (episode, "ep"), ==, "2");
  session_stop (&s);
}

/* The row on its own: its search button names its own season and episode. */
static void
test_episode_row (void)
{
  g_autoptr(SsvEpisode) e = g_object_new (SSV_TYPE_EPISODE, "id", (gint64) 7, "season-number", 3,
                                          "episode-number", 4, "title", "Four", NULL);
  GtkWidget *row = g_object_ref_sink (ssv_episode_row_new (e, NULL, NULL));
  GtkWidget *button = ssv_ui_test_find_widget (row, is_button_titled, "Search Releases of This Episode");
  GVariant *target;

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "title.search-releases");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_nonnull (target);
  g_assert_true (g_variant_equal (target, g_variant_new ("(ii)", 3, 4)));
  g_assert_finalize_object (row);
}

/* ---- the wishlist ------------------------------------------------------------------ */

static gboolean
tile_shown (gpointer data)
{
  return ssv_wishlist_page_find_tile (data, "The Fix") != NULL;
}

typedef struct
{
  SsvWishlistItem *item;
  const char      *prefix;
} StateWait;

static gboolean
state_is (gpointer data)
{
  StateWait *wait = data;
  return g_str_has_prefix (ssv_wishlist_item_get_download_state (wait->item) ?
                           ssv_wishlist_item_get_download_state (wait->item) : "", wait->prefix);
}

static void
wait_state (SsvWishlistItem *item,
            const char      *prefix)
{
  StateWait wait = { item, prefix };

  if (!ssv_test_wait_for (state_is, &wait, 20000))
    g_error ("the row says “%s”, not “%s…”", ssv_wishlist_item_get_download_state (item), prefix);
}

static SsvDownloadMonitor *the_monitor;

static gboolean
monitor_downloading (gpointer data)
{
  SsvDownload *d = ssv_download_monitor_find (the_monitor, *(gint64 *) data);
  SsvDownloadStatus status = SSV_DOWNLOAD_QUEUED;

  if (d != NULL)
    g_object_get (d, "status", &status, NULL);
  return status == SSV_DOWNLOAD_DOWNLOADING;
}

/* A wanted episode's row says what became of it as its download moves: a grab of that episode
 * (found on the wishlist by the show's TheTVDB id) downloads, then fails, and the retry engine's verdict
 * follows. */
static void
test_wishlist_state (void)
{
  Session s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvWishlistItem) show = NULL;
  g_autoptr(SsvWishlistItem) season = NULL;
  g_autoptr(SsvWishlistItem) episode = NULL;
  SsvDownloadStore *downloads;
  SsvWishlistPage *wishlist;
  SsvWishlistTile *tile;
  SsvDownloadWanted wanted = { 0 };
  SsvDownloadCandidate *chosen = ssv_download_candidate_new ("torrent", "The.Fix.S01E02.1080p.WEB-DL-GRP");
  SsvDownloadProgress progress = { 0 };
  SsvGrabRecord record = { 0 };
  gint64 id;

  session_start (&s, "wishlist.db");
  downloads = ssv_context_get_download_store (s.context);
  the_monitor = ssv_context_get_download_monitor (s.context);
  {
    g_autofree char *db_path = g_build_filename (tmp_dir, "wishlist.db", NULL);
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    ssv_database_exec (db,
      "INSERT INTO wishlist_shows (id, source, source_id, title, wanted) VALUES (1, 'tvdb', '354629', 'The Fix', 1);"
      "INSERT INTO wishlist (id, kind, wishlist_show_id, season_number, episode_number, title)"
      " VALUES (5, 'episode', 1, 1, 2, 'Second');", &error);
    g_assert_no_error (error);
  }
  g_assert_true (ssv_window_show_page (s.window, "wishlist"));
  wishlist = SSV_WISHLIST_PAGE (ssv_window_get_visible_page (s.window));
  ssv_wishlist_page_show_kind (wishlist, SSV_WISHLIST_KIND_SHOW);
  g_assert_true (ssv_test_wait_for (tile_shown, wishlist, 20000));
  show = g_list_model_get_item (ssv_wishlist_page_get_items (wishlist, SSV_WISHLIST_KIND_SHOW), 0);
  season = g_list_model_get_item (ssv_wishlist_item_get_children (show), 0);
  episode = g_list_model_get_item (ssv_wishlist_item_get_children (season), 0);
  wait_state (episode, "wanted");

  /* the grab names the show by id only: the store finds its wishlist row */
  wanted.kind = SSV_DOWNLOAD_KIND_EPISODE;
  wanted.tvdb_id = 354629;
  wanted.title = (char *) "The Fix";
  wanted.season = 1;
  wanted.episode = 2;
  wanted.wishlist_id = ssv_download_store_find_wanted (downloads, &wanted, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wanted.wishlist_id, ==, 5);
  record.wanted = &wanted;
  record.chosen = chosen;
  record.reference = GOOD_REFERENCE;
  record.status = SSV_DOWNLOAD_QUEUED;
  record.event = "Grabbed.";
  id = ssv_download_store_record_grab (downloads, &record, &error);
  g_assert_no_error (error);

  progress.id = id;
  progress.status = SSV_DOWNLOAD_DOWNLOADING;
  progress.progress = 0.42;
  g_assert_true (ssv_download_store_update_progress (downloads, &progress, 1, &error));
  wait_state (episode, "downloading 42 %");
  tile = SSV_WISHLIST_TILE (ssv_wishlist_page_find_tile (wishlist, "The Fix"));
  ssv_wishlist_tile_set_expanded (tile, TRUE);
  ssv_ui_test_iterate (300);
  ssv_ui_test_screenshot (GTK_WIDGET (s.window), "wishlist-download-state");

  /* The failure is news once the app watches the download and its retry engine listens (the
   * app starts both a moment after its first frame; here they start now). */
  ssv_context_get_retry_engine (s.context);
  g_assert_true (ssv_test_wait_for (monitor_downloading, &id, 20000));
  g_assert_true (ssv_download_store_set_status (downloads, id, SSV_DOWNLOAD_FAILED, "No seeds for 3 hours.", NULL,
                                                "failed", "Failed.", &error));
  /* The app's retry engine takes the failure up at once: with nothing else found it gives up,
   * and the row says so; the first reason stays in the download's history. */
  wait_state (episode, "failed: Nothing else to try");
  {
    g_autoptr(GPtrArray) events = ssv_download_store_list_events (downloads, id, &error);
    gboolean first_reason_kept = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < events->len; i++)
      {
        SsvDownloadEvent *event = g_ptr_array_index (events, i);
        first_reason_kept |= strstr (event->message, "No seeds for 3 hours.") != NULL;
      }
    g_assert_true (first_reason_kept);
  }

  ssv_download_candidate_free (chosen);
  session_stop (&s);
}

/* ---- a wanted movie's card ------------------------------------------------------------- */

typedef struct
{
  SsvWishlistPage *page;
  const char      *prefix;
} CardWait;

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

/* Returns: (transfer none) (nullable): the corner of the card that shows @title */
static GtkWidget *
find_card_corner (SsvWishlistPage *page,
                  const char      *title)
{
  GtkWidget *grid = ssv_ui_test_find_widget_of_type (GTK_WIDGET (page), SSV_TYPE_POSTER_GRID);
  g_autoptr(GPtrArray) cards = NULL;

  if (grid == NULL)
    return NULL;
  cards = ssv_poster_grid_dup_bound_cards (SSV_POSTER_GRID (grid));
  for (guint i = 0; i < cards->len; i++)
    if (g_strcmp0 (ssv_poster_card_get_title (g_ptr_array_index (cards, i)), title) == 0)
      return ssv_poster_card_get_accessory (g_ptr_array_index (cards, i));
  return NULL;
}

static gboolean
card_says (gpointer data)
{
  CardWait *wait = data;
  GtkWidget *corner = find_card_corner (wait->page, "Heat");

  return corner != NULL && ssv_ui_test_find_widget (corner, is_label_starting, wait->prefix) != NULL;
}

static void
wait_card (SsvWishlistPage *page,
           const char      *prefix)
{
  CardWait wait = { page, prefix };

  if (!ssv_test_wait_for (card_says, &wait, 20000))
    g_error ("Heat's card does not say “%s…”", prefix);
}

/* A wanted movie's card says what became of its latest download, and follows it as it moves. */
static void
test_movie_state (void)
{
  Session s = { 0 };
  g_autoptr(GError) error = NULL;
  SsvDownloadStore *downloads;
  SsvWishlistPage *wishlist;
  SsvDownloadWanted wanted = { 0 };
  SsvDownloadCandidate *chosen = ssv_download_candidate_new ("torrent", "Heat.1995.1080p.BluRay.x264-GRP");
  SsvDownloadProgress progress = { 0 };
  SsvGrabRecord record = { 0 };
  gint64 id;

  session_start_with (&s, "movie-state.db", "INSERT INTO wishlist (id, kind, source, source_id, title, sort_title,"
                                              " year) VALUES (7, 'movie', 'tmdb', '949', 'Heat', 'heat', 1995)");
  downloads = ssv_context_get_download_store (s.context);
  the_monitor = ssv_context_get_download_monitor (s.context);
  g_assert_true (ssv_window_show_page (s.window, "wishlist"));
  wishlist = SSV_WISHLIST_PAGE (ssv_window_get_visible_page (s.window));
  ssv_wishlist_page_show_kind (wishlist, SSV_WISHLIST_KIND_MOVIE);
  wait_card (wishlist, "wanted");

  wanted.kind = SSV_DOWNLOAD_KIND_MOVIE;
  wanted.tmdb_id = 949;
  wanted.title = (char *) "Heat";
  wanted.year = 1995;
  wanted.wishlist_id = ssv_download_store_find_wanted (downloads, &wanted, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wanted.wishlist_id, ==, 7);
  record.wanted = &wanted;
  record.chosen = chosen;
  record.reference = GOOD_REFERENCE;
  record.status = SSV_DOWNLOAD_QUEUED;
  record.event = "Grabbed.";
  id = ssv_download_store_record_grab (downloads, &record, &error);
  g_assert_no_error (error);
  wait_card (wishlist, "downloading 0 %");

  progress.id = id;
  progress.status = SSV_DOWNLOAD_DOWNLOADING;
  progress.progress = 0.42;
  g_assert_true (ssv_download_store_update_progress (downloads, &progress, 1, &error));
  wait_card (wishlist, "downloading 42 %");
  ssv_ui_test_iterate (200);
  ssv_ui_test_screenshot (GTK_WIDGET (s.window), "wishlist-movie-download-state");

  /* Failed: the card says so, with the reason (the retry engine's verdict, once it gives up). */
  g_assert_true (ssv_test_wait_for (monitor_downloading, &id, 20000));
  g_assert_true (ssv_download_store_set_status (downloads, id, SSV_DOWNLOAD_FAILED, "No seeds for 3 hours.", NULL,
                                                "failed", "Failed.", &error));
  wait_card (wishlist, "failed: ");

  ssv_download_candidate_free (chosen);
  session_stop (&s);
}

/* ---- "Search now" on an episode, a season, a show ---------------------------------------- */

static gboolean
drain_settled (gpointer data)
{
  Session *s = data;
  SsvWishlistPage *page = SSV_WISHLIST_PAGE (ssv_window_get_visible_page (s->window));

  return ssv_scheduler_lookup (ssv_context_get_scheduler (s->context), SSV_WISHLIST_DRAIN_JOB) != NULL &&
         !ssv_wishlist_drain_get_running (ssv_context_get_wishlist_drain (s->context)) &&
         !ssv_wishlist_page_get_loading (page) && ssv_wishlist_page_find_tile (page, "The Fix") != NULL;
}

typedef struct
{
  const char *action;
  GVariant   *target;
} ButtonFor;

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  data)
{
  const ButtonFor *want = data;
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), want->action) != 0)
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_variant_equal (target, want->target);
}

/* Returns: (transfer none): the button of @root naming @action with @target (floating, consumed) */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *action,
             GVariant   *target)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (target);
  ButtonFor want = { action, owned };
  GtkWidget *button = ssv_ui_test_find_widget (root, is_button_for, &want);

  g_assert_nonnull (button);
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  return button;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The episodes the indexer was asked for since @from, "1x2" each ("Severance 1x1" for the
 * other show), sorted, no repeats. */
static char *
dup_searched_episodes (SsvFakeIndexer *indexer,
                       guint           from)
{
  g_autoptr(GPtrArray) searches = ssv_fake_indexer_dup_searches (indexer);
  g_autoptr(GRegex) regex = g_regex_new ("S(\\d+)E(\\d+)", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) dates = g_regex_new ("(\\d{4}[. ]\\d{2}[. ]\\d{2})", 0, 0, NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  for (guint i = from; i < searches->len; i++)
    {
      GHashTable *params = g_ptr_array_index (searches, i);
      const char *season = g_hash_table_lookup (params, "season");
      const char *ep = g_hash_table_lookup (params, "ep");
      const char *q = g_hash_table_lookup (params, "q");
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GMatchInfo) date_match = NULL;
      g_autofree char *key = NULL;

      if (season != NULL && ep != NULL)
        key = g_strdup_printf ("%dx%d", atoi (season), atoi (ep));
      else if (q != NULL && g_regex_match (regex, q, 0, &match))
        {
          g_autofree char *s = g_match_info_fetch (match, 1);
          g_autofree char *e = g_match_info_fetch (match, 2);

          key = g_strdup_printf ("%dx%d", atoi (s), atoi (e));
        }
      else if (q != NULL && g_regex_match (dates, q, 0, &date_match))
        {
          g_autofree char *date = g_match_info_fetch (date_match, 1);

          /* The library's air dates (session_start), as daily searches name them. */
          g_strdelimit (date, " ", '.');
          key = g_strdup (g_str_equal (date, "2019.04.28") ? "1x1" : g_str_equal (date, "2019.05.05") ? "1x2"
                          : g_str_equal (date, "2020.05.05") ? "2x1"
                          : g_str_equal (date, "2022.02.18") ? "1x1" : date);
        }
      else
        key = g_strdup_printf ("?%s", q != NULL ? q : "");
      /* The other show's searches name it. */
      if (g_strcmp0 (g_hash_table_lookup (params, "tvdbid"), "371980") == 0 || (q != NULL && strstr (q, "Severance")))
        {
          g_autofree char *plain = g_steal_pointer (&key);

          key = g_strconcat ("Severance ", plain, NULL);
        }
      g_test_message ("search: t=%s q=%s season=%s ep=%s", (char *) g_hash_table_lookup (params, "t"), q, season, ep);
      if (!g_ptr_array_find_with_equal_func (seen, key, g_str_equal, NULL))
        g_ptr_array_add (seen, g_steal_pointer (&key));
    }
  g_ptr_array_sort (seen, compare_strings);
  g_ptr_array_add (seen, NULL);
  return g_strjoinv (",", (char **) seen->pdata);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return ssv_ui_test_shows_label (wait->root, wait->text);
}

static void
wait_label (GtkWidget  *root,
            const char *text)
{
  LabelWait wait = { root, text };

  if (!ssv_test_wait_for (label_shown, &wait, 20000))
    g_error ("“%s” is not shown", text);
}

typedef struct
{
  Session   *session;
  GtkWidget *button;
} PressWait;

/* The search is over and the page took its report: the button works again. */
static gboolean
press_done (gpointer data)
{
  PressWait *wait = data;

  return drain_settled (wait->session) && gtk_widget_get_sensitive (wait->button);
}

static gboolean
searching_over (gpointer data)
{
  return !ssv_ui_test_shows_label (data, "Searching…");
}

/* Presses @button with the indexer held: @searching shows "Searching…" meanwhile, and the
 * button cannot be pressed again; then the toast, and the episodes searched. */
static char *
press_search (Session    *s,
              GtkWidget  *button,
              GtkWidget  *searching,
              const char *toast)
{
  SsvWishlistPage *page = SSV_WISHLIST_PAGE (ssv_window_get_visible_page (s->window));
  guint before = n_searches (s->indexer);
  PressWait wait = { s, button };

  ssv_fake_indexer_hold (s->indexer);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_label (searching, "Searching…");
  g_assert_false (gtk_widget_get_sensitive (button));
  ssv_fake_indexer_release (s->indexer);
  g_assert_true (ssv_test_wait_for (press_done, &wait, 30000));
  g_assert_cmpstr (ssv_wishlist_page_get_last_drain_message (page), ==, toast);
  g_assert_true (ssv_test_wait_for (searching_over, searching, 20000));
  return dup_searched_episodes (s->indexer, before);
}

/* An episode row's, a season's and a show tile's "Search Now" search that episode, that season's
 * wanted episodes and all the show's, each saying "Searching…" while it runs and the outcome after. */
static void
test_search_scopes (void)
{
  Session s = { 0 };
  g_autofree char *searched = NULL;
  SsvWishlistPage *wishlist;
  GtkWidget *tile, *row, *button;

  /* The Fix, and another wanted show whose aired episode no button of The Fix may search. */
  session_start_with (&s, "search-scopes.db",
    "INSERT INTO wishlist_shows (id, source, source_id, title, wanted) VALUES (1, 'tvdb', '354629', 'The Fix', 1),"
    " (2, 'tvdb', '371980', 'Severance', 1);"
    "INSERT INTO wishlist (id, kind, wishlist_show_id, season_number, episode_number, title, air_date) VALUES"
    " (5, 'episode', 1, 1, 1, 'Pilot', NULL), (6, 'episode', 1, 1, 2, 'Second', NULL),"
    " (7, 'episode', 1, 2, 1, 'Again', NULL), (8, 'episode', 2, 1, 1, 'Good News About Hell', '2022-02-18');");
  g_assert_true (ssv_window_show_page (s.window, "wishlist"));
  wishlist = SSV_WISHLIST_PAGE (ssv_window_get_visible_page (s.window));
  ssv_wishlist_page_show_kind (wishlist, SSV_WISHLIST_KIND_SHOW);
  g_assert_true (ssv_test_wait_for (drain_settled, &s, 30000));
  tile = ssv_wishlist_page_find_tile (wishlist, "The Fix");
  ssv_wishlist_tile_set_expanded (SSV_WISHLIST_TILE (tile), TRUE);
  ssv_ui_test_iterate (200);
  g_assert_cmpuint (ssv_wishlist_tile_count_episode_rows (SSV_WISHLIST_TILE (tile)), ==, 3);

  /* The second episode's own button: that episode only. */
  row = GTK_WIDGET (ssv_wishlist_tile_get_episode_row (SSV_WISHLIST_TILE (tile), 1));
  button = find_button (row, "wishlist.search-now", g_variant_new_int64 (6));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Search Now");
  searched = press_search (&s, button, row, "Searched 1 item; nothing to grab yet.");
  g_assert_cmpstr (searched, ==, "1x2");
  /* The outcome stays on the row, as the toast said it. */
  g_assert_nonnull (ssv_ui_test_find_widget (row, is_label_starting, "Searched "));
  ssv_ui_test_screenshot (GTK_WIDGET (s.window), "wishlist-search-episode");
  g_clear_pointer (&searched, g_free);

  /* Season 1's button: its two wanted episodes, not season 2's. */
  button = find_button (tile, "wishlist.search-show", g_variant_new ("(xi)", (gint64) 1, 1));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Search This Season Now");
  searched = press_search (&s, button, GTK_WIDGET (ssv_wishlist_tile_get_episode_row (SSV_WISHLIST_TILE (tile), 0)),
                           "Searched 2 items; nothing to grab yet.");
  g_assert_cmpstr (searched, ==, "1x1,1x2");
  g_clear_pointer (&searched, g_free);

  /* The show's button: every wanted episode. */
  button = find_button (tile, "wishlist.search-show", g_variant_new ("(xi)", (gint64) 1, -1));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Search This Show Now");
  searched = press_search (&s, button, GTK_WIDGET (ssv_wishlist_tile_get_episode_row (SSV_WISHLIST_TILE (tile), 2)),
                           "Searched 3 items; nothing to grab yet.");
  g_assert_cmpstr (searched, ==, "1x1,1x2,2x1");

  session_stop (&s);
}

/* A copy of the default profile that rejects WEB-DL releases: its id. */
static gint64
add_no_web_profile (SsvContext *context)
{
  SsvProfileStore *profiles = ssv_context_get_profile_store (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(SsvQualityProfile) profile = NULL;

  g_assert_true (ssv_profile_store_ensure_defaults (profiles, &error));
  all = ssv_profile_store_list (profiles, &error);
  g_assert_no_error (error);
  profile = ssv_quality_profile_copy (g_ptr_array_index (all, 0));
  profile->id = 0;
  g_free (profile->name);
  profile->name = g_strdup ("No WEB-DL");
  g_ptr_array_add (profile->rejected_words, g_strdup ("WEB-DL"));
  g_assert_true (ssv_profile_store_save (profiles, profile, &error));
  g_assert_no_error (error);

  return profile->id;
}

/* Searches a wanted episode's releases from its tile; the dialog, once its search is over. */
static SsvReleaseSearchDialog *
search_from_tile (SsvWishlistPage *wishlist)
{
  GtkWidget *tile = ssv_wishlist_page_find_tile (wishlist, "The Fix");
  SsvReleaseSearchDialog *dialog;

  g_assert_nonnull (tile);
  g_assert_true (gtk_widget_activate_action (tile, "tile.search-releases", "(ii)", 1, 2));
  dialog = SSV_RELEASE_SEARCH_DIALOG (ssv_ui_test_find_window (SSV_TYPE_RELEASE_SEARCH_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (ssv_test_wait_for (search_done, dialog, 20000));
  return dialog;
}

static gboolean
show_profile_is (gpointer data)
{
  SsvWishlistPage *wishlist = data;
  GListModel *shows = ssv_wishlist_page_get_items (wishlist, SSV_WISHLIST_KIND_SHOW);
  g_autoptr(SsvWishlistItem) show = g_list_model_get_n_items (shows) > 0 ? g_list_model_get_item (shows, 0) : NULL;

  return show != NULL && ssv_wishlist_item_get_profile_id (show) == 0;
}

/* A wanted episode's search from the wishlist carries the show's TheTVDB id, and its hits are
 * judged under the show's own quality profile: the same WEB-DL release is rejected under a
 * profile that refuses WEB-DL and accepted once the show's tile menu put it back on the default one. */
static void
test_wishlist_search_ids_and_profile (void)
{
  Session s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  SsvWishlistStore *store;
  SsvWishlistPage *wishlist;
  SsvReleaseSearchDialog *dialog;
  gint64 no_web;

  session_start (&s, "wish-profile.db");
  ssv_fake_indexer_set_body (s.indexer, NULL, 200, "application/rss+xml", fix_feed);
  {
    g_autofree char *db_path = g_build_filename (tmp_dir, "wish-profile.db", NULL);
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    ssv_database_exec (db,
      "INSERT INTO wishlist_shows (id, source, source_id, title, wanted) VALUES (1, 'tvdb', '354629', 'The Fix', 1);"
      "INSERT INTO wishlist (id, kind, wishlist_show_id, season_number, episode_number, title)"
      " VALUES (5, 'episode', 1, 1, 2, 'Second');", &error);
    g_assert_no_error (error);
  }
  no_web = add_no_web_profile (s.context);
  store = ssv_context_get_wishlist_store (s.context);
  g_assert_true (ssv_wishlist_store_set_profile (store, SSV_WISHLIST_KIND_SHOW, 1, no_web, &error));
  g_assert_no_error (error);

  g_assert_true (ssv_window_show_page (s.window, "wishlist"));
  wishlist = SSV_WISHLIST_PAGE (ssv_window_get_visible_page (s.window));
  ssv_wishlist_page_show_kind (wishlist, SSV_WISHLIST_KIND_SHOW);
  g_assert_true (ssv_test_wait_for (tile_shown, wishlist, 20000));

  dialog = search_from_tile (wishlist);
  by_id = search_with (s.indexer, 0, "tvdbid");
  g_assert_nonnull (by_id);
  g_assert_cmpstr (g_hash_table_lookup (by_id, "tvdbid"), ==, "354629");
  g_assert_cmpstr (g_hash_table_lookup (by_id, "season"), ==, "1");
  g_assert_cmpstr (g_hash_table_lookup (by_id, "ep"), ==, "2");
  g_assert_cmpstr (ssv_release_search_dialog_get_progress (dialog), ==, "1 release found");
  g_assert_true (ssv_ui_test_shows_label (GTK_WIDGET (dialog), "No indexer offered anything acceptable."));
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "release-search-item-profile");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The show's tile menu: Quality Profile → Default. */
  {
    GtkWidget *menu = ssv_ui_test_find_widget_of_type (ssv_wishlist_page_find_tile (wishlist, "The Fix"),
                                                       SSV_TYPE_WISH_PROFILE_MENU);

    g_assert_nonnull (menu);
    g_assert_true (gtk_widget_activate_action (menu, "wish-profile.set", "x", (gint64) 0));
  }
  g_assert_true (ssv_test_wait_for (show_profile_is, wishlist, 20000));
  dialog = search_from_tile (wishlist);
  g_assert_cmpstr (ssv_release_search_dialog_get_progress (dialog), ==, "1 release found");
  g_assert_false (ssv_ui_test_shows_label (GTK_WIDGET (dialog), "No indexer offered anything acceptable."));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ssv_ui_test_iterate (50);

  session_stop (&s);
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();
  tmp_dir = ssv_test_make_temp_dir ();

  g_test_add_func ("/ui/episode-row/search-target", test_episode_row);
  g_test_add_func ("/ui/title-page/search-by-ids", test_movie_ids);
  g_test_add_func ("/ui/title-page/season-and-episode-search", test_season_and_episode);
  g_test_add_func ("/ui/wishlist/download-state", test_wishlist_state);
  g_test_add_func ("/ui/wishlist/movie-download-state", test_movie_state);
  g_test_add_func ("/ui/wishlist/search-now-episode-season-show", test_search_scopes);
  g_test_add_func ("/ui/wishlist/search-carries-ids-and-profile", test_wishlist_search_ids_and_profile);

  status = g_test_run ();
  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
