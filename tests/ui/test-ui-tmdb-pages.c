/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-tmdb-pages.c: pages beyond the library against a fake TMDB: a title not owned opens
 * from Find Anything on a page built from TMDB (a second visit asks TMDB nothing), a movie
 * not owned joins the wishlist, a person's page lists their work and follows them with the
 * look-back choice, Discover lists what is trending and popular with the library's marked,
 * and a refused key, an unknown id or a dead TMDB say so in plain words. */

#include "config.h"

#include <string.h>

#include "model/ssv-cast-member.h"
#include "model/ssv-episode.h"
#include "widgets/ssv-cast-card.h"
#include "pages/ssv-discover-page.h"
#include "ssv-fake-providers.h"
#include "dialogs/ssv-find-dialog.h"
#include "dialogs/ssv-follow-person-dialog.h"
#include "model/ssv-found-title.h"
#include "pages/ssv-person-detail-page.h"
#include "ssv-test-utils.h"
#include "pages/ssv-title-page-private.h"
#include "ssv-ui-test-utils.h"
#include "pages/title/ssv-cast-row.h"
#include "pages/title/ssv-season-episodes.h"
#include "stores/ssv-watchlist-store.h"
#include "stores/ssv-wishlist-store.h"
#include "widgets/ssv-episode-row.h"
#include "widgets/ssv-wish-button.h"

#define PERSON_ID 12312

static char *tmp_dir;
static SsvFakeServer *server;
static SsvFakeProviders *fake;

static SsvApplication *
start_app_with (const char *name,
                const char *sql)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, name, NULL);

  if (sql != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

      g_assert_no_error (error);
      ssv_database_exec (db, sql, &error);
      g_assert_no_error (error);
    }
  return ssv_ui_test_start_app (db_path);
}

static SsvApplication *
start_app (const char *name)
{
  return start_app_with (name, NULL);
}

static gboolean
page_settled (gpointer data)
{
  SsvPage *page = ssv_window_get_visible_page (data);
  const char *state = NULL;

  if (SSV_IS_TITLE_PAGE (page))
    state = ssv_title_page_get_state (SSV_TITLE_PAGE (page));
  else if (SSV_IS_PERSON_DETAIL_PAGE (page))
    state = ssv_person_detail_page_get_state (SSV_PERSON_DETAIL_PAGE (page));

  return state != NULL && g_strcmp0 (state, "loading") != 0;
}

/* Opens @action (@id) in @window and waits until the page shows its content or an error. */
static SsvPage *
open_page (SsvWindow  *window,
           const char *action,
           gint64      id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, "x", id));
  g_assert_true (ssv_test_wait_for (page_settled, window, 30000));
  return ssv_window_get_visible_page (window);
}

static gboolean
search_done (gpointer data)
{
  return !ssv_find_dialog_is_searching (data) && g_list_model_get_n_items (ssv_find_dialog_get_results (data)) > 0;
}

static gboolean
find_dialog_shown (gpointer unused)
{
  return ssv_ui_test_find_window (SSV_TYPE_FIND_DIALOG) != NULL;
}

static guint
find_result (SsvFindDialog *dialog,
             const char    *kind,
             gint64         tmdb_id)
{
  GListModel *results = ssv_find_dialog_get_results (dialog);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(SsvFoundTitle) found = g_list_model_get_item (results, i);

      if (g_str_equal (ssv_found_title_get_kind (found), kind) && ssv_found_title_get_tmdb_id (found) == tmdb_id)
        return i;
    }

  g_assert_not_reached ();
}

static gboolean
has_air_dates (GListModel *episodes)
{
  for (guint i = 0; i < g_list_model_get_n_items (episodes); i++)
    {
      g_autoptr(SsvEpisode) episode = g_list_model_get_item (episodes, i);

      if (ssv_episode_get_air_date (episode) == NULL)
        return FALSE;
    }
  return g_list_model_get_n_items (episodes) > 0;
}

/* Requests TMDB's API heard since the log was reset (its image host aside). */
static guint
tmdb_requests (void)
{
  g_autoptr(GPtrArray) requests = ssv_fake_server_dup_requests (server);
  guint n = 0;

  for (guint i = 0; i < requests->len; i++)
    {
      const SsvFakeRequest *request = g_ptr_array_index (requests, i);

      if (g_str_has_prefix (request->path, "/tmdb/"))
        n++;
      g_test_message ("asked %s", request->path);
    }
  return n;
}

/* A show TMDB knows but the library does not: Find Anything opens it on a page built from
 * TMDB, with its seasons and episodes and the eye to follow it; opened again, it comes
 * from what was kept, without a single request. */
static void
test_title_not_owned (void)
{
  SsvApplication *app;
  SsvWindow *window;
  SsvFindDialog *dialog;
  SsvPage *page;
  SsvTitle *item;
  GtkWidget *watch_button;

  ssv_fake_providers_set_tmdb_fixture (fake, "/search/multi", "tmdb/search-multi.json");
  app = start_app ("not-owned.db");
  window = ssv_ui_test_wait_for_window (app);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  g_assert_true (ssv_test_wait_for (find_dialog_shown, NULL, 5000));
  dialog = g_object_ref (SSV_FIND_DIALOG (ssv_ui_test_find_window (SSV_TYPE_FIND_DIALOG)));
  ssv_find_dialog_set_query (dialog, "Game of Thrones");
  g_assert_true (ssv_test_wait_for (search_done, dialog, 20000));

  /* Not in the library, yet it opens. */
  g_assert_true (ssv_find_dialog_open_result (dialog, find_result (dialog, SSV_FOUND_SHOW, 1399)));
  g_assert_true (ssv_test_wait_for (page_settled, window, 30000));
  page = ssv_window_get_visible_page (window);
  g_assert_true (SSV_IS_TITLE_PAGE (page));
  g_assert_cmpstr (ssv_title_page_get_state (SSV_TITLE_PAGE (page)), ==, "content");
  item = ssv_title_page_get_item (SSV_TITLE_PAGE (page));
  g_assert_false (ssv_title_get_owned (item));
  g_assert_cmpint (ssv_title_get_tmdb_id (item), ==, 1399);
  g_assert_cmpstr (ssv_title_get_title (item), ==, "Game of Thrones");
  g_assert_nonnull (ssv_title_get_overview (item));
  g_assert_nonnull (ssv_title_get_backdrop_url (item));
  g_assert_cmpuint (ssv_title_get_n_seasons (item), >, 0);
  g_assert_true (has_air_dates (ssv_title_get_episodes (item)));

  /* The eye follows it by TMDB's id; the show's wishlist menu wishes it by TMDB's ids. */
  watch_button = ssv_title_page_get_watch_button (SSV_TITLE_PAGE (page));
  g_assert_nonnull (watch_button);
  g_assert_true (gtk_widget_get_visible (watch_button));
  g_assert_true (gtk_widget_get_visible (ssv_title_page_get_section (SSV_TITLE_PAGE (page), "wish_button")));
  g_assert_false (gtk_widget_get_visible (ssv_title_page_get_section (SSV_TITLE_PAGE (page), "tmdb_wish_button")));
  ssv_ui_test_iterate (300);
  ssv_ui_test_screenshot (GTK_WIDGET (window), "tmdb-title-page");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  ssv_ui_test_iterate (100);

  /* The second visit: instant, and TMDB hears nothing. */
  ssv_fake_server_reset_log (server);
  page = open_page (window, "win.show-tmdb-show", 1399);
  g_assert_cmpstr (ssv_title_page_get_state (SSV_TITLE_PAGE (page)), ==, "content");
  g_assert_cmpstr (ssv_title_get_title (ssv_title_page_get_item (SSV_TITLE_PAGE (page))), ==, "Game of Thrones");
  g_assert_cmpuint (tmdb_requests (), ==, 0);

  g_assert_finalize_object (dialog);
  ssv_ui_test_stop_app (app);
}

static gboolean
item_wished (gpointer data)
{
  SsvTitle *item = ssv_title_page_get_item (data);

  return item != NULL && ssv_title_get_wished (item);
}

static gboolean
follow_dialog_shown (gpointer unused)
{
  return ssv_ui_test_find_window (SSV_TYPE_FOLLOW_PERSON_DIALOG) != NULL;
}

static gboolean
follow_dialog_gone (gpointer unused)
{
  return ssv_ui_test_find_window (SSV_TYPE_FOLLOW_PERSON_DIALOG) == NULL;
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
card_followed (gpointer data)
{
  return ssv_cast_card_get_followed (data);
}

static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
         gtk_widget_get_mapped (widget);
}

static gboolean
is_cast_card (GtkWidget     *widget,
              gconstpointer  unused)
{
  return SSV_IS_CAST_CARD (widget);
}

/* A movie not owned joins the wishlist by its TMDB id; its cast cards lead to people. */
static void
test_wish_movie_not_owned (void)
{
  SsvApplication *app = start_app ("wish.db");
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvPage *page = open_page (window, "win.show-tmdb-movie", 550);
  GtkWidget *button, *card, *follow;
  GtkWidget *cards;
  SsvCastMember *member;

  g_assert_cmpstr (ssv_title_page_get_state (SSV_TITLE_PAGE (page)), ==, "content");
  g_assert_cmpstr (ssv_title_get_title (ssv_title_page_get_item (SSV_TITLE_PAGE (page))), ==, "Fight Club");
  g_assert_false (ssv_title_get_wished (ssv_title_page_get_item (SSV_TITLE_PAGE (page))));

  button = ssv_title_page_get_section (SSV_TITLE_PAGE (page), "tmdb_wish_button");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (ssv_test_wait_for (item_wished, page, 20000));
  ssv_ui_test_iterate (100);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "On Wishlist");
  g_assert_false (gtk_widget_is_sensitive (button));
  /* Nothing of it is here to have been watched. */
  g_assert_nonnull (ssv_ui_test_find_widget (ssv_title_page_get_section (SSV_TITLE_PAGE (page), "hero"),
                                             is_label_saying, "Not in the library"));

  /* The cast: each card with TMDB's id opens the person and has an eye to follow them. */
  cards = ssv_cast_row_get_cards (SSV_CAST_ROW (ssv_title_page_get_section (SSV_TITLE_PAGE (page), "cast_row")));
  card = ssv_ui_test_find_widget (cards, is_cast_card, NULL);
  g_assert_nonnull (card);
  member = ssv_cast_card_get_member (SSV_CAST_CARD (card));
  g_assert_cmpint (ssv_cast_member_get_tmdb_id (member), >, 0);
  g_assert_nonnull (ssv_ui_test_find_widget (card, is_button_for, "win.show-person"));
  follow = ssv_ui_test_find_widget (card, is_button_for, "win.follow-person");
  g_assert_nonnull (follow);
  g_assert_true (gtk_widget_get_visible (follow));
  g_assert_nonnull (gtk_widget_get_tooltip_text (follow));
  ssv_ui_test_screenshot (GTK_WIDGET (window), "tmdb-movie-wished");

  /* The eye asks how far back before following. */
  g_assert_true (gtk_widget_activate (follow));
  g_assert_true (ssv_test_wait_for (follow_dialog_shown, NULL, 5000));
  gtk_window_close (GTK_WINDOW (ssv_ui_test_find_window (SSV_TYPE_FOLLOW_PERSON_DIALOG)));
  g_assert_true (ssv_test_wait_for (follow_dialog_gone, NULL, 5000));

  /* Followed (from anywhere), the eye opens and leads to their page. */
  g_assert_false (ssv_cast_card_get_followed (SSV_CAST_CARD (card)));
  {
    SsvWatchlistStore *store = ssv_context_get_watchlist_store (ssv_application_get_context (app));
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ssv_cast_member_get_tmdb_id (member));
    g_autoptr(GError) error = NULL;

    g_assert_true (ssv_watchlist_store_set_followed (store, SSV_WATCH_KIND_PERSON, "tmdb", id, TRUE,
                                                     ssv_cast_member_get_name (member), NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (ssv_test_wait_for (card_followed, card, 10000));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (follow)), ==, "win.show-person");

  ssv_ui_test_stop_app (app);
}

static gboolean
person_followed (gpointer data)
{
  return ssv_person_detail_page_get_followed (data);
}

static gboolean
person_unfollowed (gpointer data)
{
  return !ssv_person_detail_page_get_followed (data);
}

/* A person's page: name, biography, their work by year; Follow asks how far back, follows,
 * and the button says so; Following unfollows. */
static void
test_person_page (void)
{
  SsvApplication *app;
  SsvWindow *window;
  SsvPage *page;
  SsvPersonDetailPage *person;
  GtkWidget *follow_button;
  g_autoptr(SsvFollowPersonDialog) dialog = NULL;

  ssv_fake_providers_set_tmdb_fixture (fake, "/person/12312", "tmdb/ceg_person-12312-append-combined_credits.trimmed.json");
  app = start_app ("person.db");
  window = ssv_ui_test_wait_for_window (app);
  page = open_page (window, "win.show-person", PERSON_ID);
  g_assert_true (SSV_IS_PERSON_DETAIL_PAGE (page));
  person = SSV_PERSON_DETAIL_PAGE (page);

  g_assert_cmpstr (ssv_person_detail_page_get_state (person), ==, "content");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ssv_person_detail_page_get_part (person, "name_label"))), ==,
                   "Richard Anderson");
  g_assert_cmpstr (ssv_page_get_title (page), ==, "Richard Anderson");
  g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (ssv_person_detail_page_get_part (person, "biography_label")))),
                    >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ssv_person_detail_page_get_filmography (person)), >, 0);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (ssv_person_detail_page_get_part (person, "filmography_list")), 0));
  g_assert_false (ssv_person_detail_page_get_followed (person));
  ssv_ui_test_iterate (300);
  ssv_ui_test_screenshot (GTK_WIDGET (window), "person-page");

  /* Follow… asks; only upcoming movies, then Follow. */
  follow_button = ssv_person_detail_page_get_part (person, "follow_button");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (follow_button)), ==, "win.follow-person");
  g_assert_true (gtk_widget_activate (follow_button));
  g_assert_true (ssv_test_wait_for (follow_dialog_shown, NULL, 5000));
  dialog = g_object_ref (SSV_FOLLOW_PERSON_DIALOG (ssv_ui_test_find_window (SSV_TYPE_FOLLOW_PERSON_DIALOG)));
  g_assert_cmpint (ssv_follow_person_dialog_get_lookback (dialog), ==, 5);
  ssv_follow_person_dialog_set_lookback (dialog, 0);
  g_assert_cmpint (ssv_follow_person_dialog_get_lookback (dialog), ==, 0);
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "follow-person-dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "follow-person.follow", NULL));
  g_assert_true (ssv_test_wait_for (follow_dialog_gone, NULL, 30000));
  g_assert_null (ssv_follow_person_dialog_get_error (dialog));
  g_assert_nonnull (ssv_follow_person_dialog_get_summary (dialog));
  g_assert_true (ssv_test_wait_for (person_followed, person, 5000));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (follow_button)), ==, "Following");

  /* Following → unfollow. */
  g_assert_true (gtk_widget_activate (follow_button));
  g_assert_true (ssv_test_wait_for (person_unfollowed, person, 10000));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (follow_button)), ==, "win.follow-person");

  g_assert_finalize_object (g_steal_pointer (&dialog));
  ssv_ui_test_stop_app (app);
}

/* The template child @name of whichever page @page is. */
static GtkWidget *
page_part (SsvPage    *page,
           const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), G_OBJECT_TYPE (page), name));
}

static const char *
error_text (SsvPage *page)
{
  return adw_status_page_get_description (ADW_STATUS_PAGE (page_part (page, "error_page")));
}

static GtkWidget *
preferences_button (SsvPage *page)
{
  return page_part (page, "preferences_button");
}

static const char *
page_state (SsvPage *page)
{
  return SSV_IS_TITLE_PAGE (page) ? ssv_title_page_get_state (SSV_TITLE_PAGE (page))
                                  : ssv_person_detail_page_get_state (SSV_PERSON_DETAIL_PAGE (page));
}

static gboolean
discover_settled (gpointer data)
{
  return !ssv_discover_page_is_busy (data) && g_strcmp0 (ssv_discover_page_get_state (data), "loading") != 0;
}

static SsvDiscoverPage *
show_discover (SsvWindow *window)
{
  SsvPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  page = ssv_window_get_visible_page (window);
  g_assert_true (SSV_IS_DISCOVER_PAGE (page));
  g_assert_true (ssv_test_wait_for (discover_settled, page, 30000));
  return SSV_DISCOVER_PAGE (page);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static gboolean
is_card_titled (GtkWidget     *widget,
                gconstpointer  title)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), title) == 0;
}

static gboolean
is_mark (GtkWidget     *widget,
         gconstpointer  unused)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_name (widget), "mark") == 0;
}

static gboolean
owned_title_shown (gpointer data)
{
  SsvPage *page = ssv_window_get_visible_page (data);

  return SSV_IS_TITLE_PAGE (page) && g_strcmp0 (ssv_title_page_get_state (SSV_TITLE_PAGE (page)), "content") == 0 &&
         ssv_title_get_id (ssv_title_page_get_item (SSV_TITLE_PAGE (page))) == 9;
}

typedef struct
{
  const char *path;
  const char *genre;
} GenreAsk;

/* Whether TMDB was asked for @path narrowed to a genre id. */
static gboolean
asked_for_genre (const char *path,
                 const char *genre)
{
  g_autoptr(GPtrArray) requests = ssv_fake_server_dup_requests (server);
  g_autofree char *param = g_strconcat ("with_genres=", genre, NULL);

  for (guint i = 0; i < requests->len; i++)
    {
      const SsvFakeRequest *request = g_ptr_array_index (requests, i);

      if (g_strcmp0 (request->path, path) == 0 && request->query != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (request->query, "&", -1);

          if (g_strv_contains ((const char * const *) parts, param))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
genre_asked (gpointer data)
{
  const GenreAsk *asks = data;

  return asked_for_genre (asks[0].path, asks[0].genre) && asked_for_genre (asks[1].path, asks[1].genre);
}

/* The popular rows narrowed to a genre: TMDB is asked for that genre's movies and shows,
 * by their own ids where shows have another one. */
static void
choose_genre (SsvDiscoverPage *page,
              const char      *key,
              const char      *movie_id,
              const char      *tv_id)
{
  GenreAsk asks[] = { { "/tmdb/discover/movie", movie_id }, { "/tmdb/discover/tv", tv_id } };
  g_autofree char *chosen = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "discover.genre", "s", key));
  g_object_get (page, "genre", &chosen, NULL);
  g_assert_cmpstr (chosen, ==, key);
  g_assert_true (ssv_test_wait_for (genre_asked, asks, 20000));
  g_assert_true (ssv_test_wait_for (discover_settled, page, 30000));
  g_assert_cmpstr (ssv_discover_page_get_state (page), ==, "content");
}

/* Discover: trending this week and popular movies and shows, the library's marked, each
 * card leading to its page. */
static void
test_discover (void)
{
  /* TMDB's documented shape of /discover/tv; the fixtures have no recorded answer. */
  static const char discover_tv[] =
    "{\"page\":1,\"total_pages\":1,\"total_results\":1,\"results\":[{\"id\":1399,"
    "\"name\":\"Game of Thrones\",\"original_name\":\"Game of Thrones\",\"first_air_date\":\"2011-04-17\","
    "\"overview\":\"Seven noble families fight for control of the land of Westeros.\","
    "\"poster_path\":\"/1XS1oqL89opfnbLl8WnZY1O1uJx.jpg\",\"popularity\":369.6,\"vote_average\":8.4,"
    "\"genre_ids\":[10765,18],\"origin_country\":[\"US\"]}]}";
  SsvApplication *app;
  SsvWindow *window;
  SsvDiscoverPage *page;
  GtkWidget *card;

  ssv_fake_providers_set_tmdb_fixture (fake, "/trending/all/week", "tmdb/ceg_trending-all.json");
  ssv_fake_providers_set_tmdb_fixture (fake, "/discover/movie", "tmdb/ceg_discover-movie.json");
  ssv_fake_providers_set_tmdb (fake, "/discover/tv", 200, discover_tv);
  app = start_app_with ("discover.db", "INSERT INTO movies (id, title, year, tmdb_id)"
                                       " VALUES (9, 'The Super Mario Bros. Movie', 2023, 502356)");
  window = ssv_ui_test_wait_for_window (app);
  page = show_discover (window);

  g_assert_cmpstr (ssv_discover_page_get_state (page), ==, "content");
  g_assert_cmpuint (count_children (ssv_discover_page_get_row (page, "trending")), ==, 3);
  g_assert_cmpuint (count_children (ssv_discover_page_get_row (page, "movies")), ==, 20);
  g_assert_cmpuint (count_children (ssv_discover_page_get_row (page, "shows")), ==, 1);
  g_assert_null (ssv_discover_page_get_note (page, "shows"));

  /* A person leads to their page, a title not owned to TMDB's. */
  card = ssv_ui_test_find_widget (ssv_discover_page_get_row (page, "trending"), is_button_for, "win.show-person");
  g_assert_nonnull (card);
  g_assert_cmpint (g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (card))), ==, 224513);
  card = ssv_ui_test_find_widget (ssv_discover_page_get_row (page, "trending"), is_card_titled, "Scream VI (2023)");
  g_assert_nonnull (card);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (card)), ==, "win.show-tmdb-movie");
  g_assert_null (ssv_ui_test_find_widget (card, is_mark, NULL));

  /* The library's own is marked and opens the library's page. */
  card = ssv_ui_test_find_widget (ssv_discover_page_get_row (page, "movies"), is_card_titled,
                                  "The Super Mario Bros. Movie (2023)");
  g_assert_nonnull (card);
  g_assert_nonnull (ssv_ui_test_find_widget (card, is_label_saying, "In Library"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (card)), ==, "win.show-movie");
  ssv_ui_test_iterate (300);
  ssv_ui_test_screenshot (GTK_WIDGET (window), "discover");

  g_assert_false (asked_for_genre ("/tmdb/discover/movie", "35"));
  choose_genre (page, "comedy", "35", "35");
  choose_genre (page, "action", "28", "10759");
  choose_genre (page, "science-fiction", "878", "10765");
  card = ssv_ui_test_find_widget (ssv_discover_page_get_row (page, "movies"), is_card_titled,
                                  "The Super Mario Bros. Movie (2023)");
  g_assert_true (gtk_widget_activate (card));
  g_assert_true (ssv_test_wait_for (owned_title_shown, window, 20000));

  ssv_ui_test_stop_app (app);
}

/* A refused key leads to Preferences; an id TMDB does not know and a TMDB that cannot be
 * reached are said in plain words; never an empty page. */
static void
test_bad_input (void)
{
  SsvFakeFault dead = { SSV_FAKE_FAULT_RESET, 0, -1, 0, -1 };
  SsvApplication *app = start_app ("bad.db");
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvPage *page;

  /* The key stopped working. */
  ssv_fake_providers_set_key (fake, "tmdb", "another-key");
  {
    SsvDiscoverPage *discover = show_discover (window);

    g_assert_cmpstr (ssv_discover_page_get_state (discover), ==, "error");
    g_assert_nonnull (strstr (error_text (SSV_PAGE (discover)), "API key"));
    g_assert_true (gtk_widget_get_visible (preferences_button (SSV_PAGE (discover))));
    ssv_ui_test_screenshot (GTK_WIDGET (window), "discover-bad-key");
  }
  page = open_page (window, "win.show-tmdb-movie", 550);
  g_assert_cmpstr (page_state (page), ==, "error");
  g_assert_nonnull (strstr (error_text (page), "API key"));
  g_assert_true (gtk_widget_get_visible (preferences_button (page)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (preferences_button (page))), ==,
                   "app.preferences-page");
  ssv_ui_test_screenshot (GTK_WIDGET (window), "tmdb-title-bad-key");

  page = open_page (window, "win.show-person", PERSON_ID);
  g_assert_cmpstr (page_state (page), ==, "error");
  g_assert_nonnull (strstr (error_text (page), "API key"));
  g_assert_true (gtk_widget_get_visible (preferences_button (page)));
  ssv_fake_providers_set_key (fake, "tmdb", "good-tmdb");

  /* An id TMDB does not know. */
  page = open_page (window, "win.show-tmdb-movie", 999999);
  g_assert_cmpstr (page_state (page), ==, "error");
  g_assert_nonnull (strstr (error_text (page), "does not know"));
  g_assert_false (gtk_widget_get_visible (preferences_button (page)));

  /* TMDB cannot be reached, and nothing was kept. */
  ssv_fake_server_set_fault (server, "GET /tmdb/tv/2", &dead);
  page = open_page (window, "win.show-tmdb-show", 2);
  g_assert_cmpstr (page_state (page), ==, "error");
  g_assert_nonnull (strstr (error_text (page), "could not be reached"));
  g_assert_false (gtk_widget_get_visible (preferences_button (page)));
  ssv_ui_test_screenshot (GTK_WIDGET (window), "tmdb-title-offline");
  ssv_fake_server_clear_faults (server);

  ssv_ui_test_stop_app (app);
}


/* ---- a show not owned on the wishlist ---------------------------------------------- */

static gboolean
wish_button_wanted (gpointer data)
{
  return ssv_wish_button_get_wanted (data);
}

/* How many episodes of Game of Thrones (season @season, or all when < 0) are wanted. */
static guint
wanted_episodes (SsvApplication *app,
                 int             season)
{
  SsvWishlistStore *store = ssv_context_get_wishlist_store (ssv_application_get_context (app));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shows = ssv_wishlist_store_list_shows (store, NULL, SSV_WISHLIST_SORT_NEWEST, 0, 100, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < shows->len; i++)
    {
      SsvWishlistItem *show = g_ptr_array_index (shows, i);
      GListModel *seasons;

      if (g_strcmp0 (ssv_wishlist_item_get_source_id (show), "1399") != 0)
        continue;
      g_assert_cmpstr (ssv_wishlist_item_get_source (show), ==, "tmdb");
      seasons = ssv_wishlist_item_get_children (show);
      for (guint j = 0; seasons != NULL && j < g_list_model_get_n_items (seasons); j++)
        {
          g_autoptr(SsvWishlistItem) part = g_list_model_get_item (seasons, j);

          if (season < 0 || ssv_wishlist_item_get_season_number (part) == season)
            n += ssv_wishlist_item_get_wanted (part);
        }
    }
  return n;
}

typedef struct
{
  SsvApplication *app;
  int             season;
  guint           n;
} WantedWait;

static gboolean
wanted_reached (gpointer data)
{
  WantedWait *wait = data;

  return wanted_episodes (wait->app, wait->season) >= wait->n;
}

static gboolean
is_episode_row (GtkWidget     *widget,
                gconstpointer  unused)
{
  return SSV_IS_EPISODE_ROW (widget);
}

static gboolean
menu_has_label (GMenuModel *menu,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_label (section, label))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &text) &&
          g_strcmp0 (text, label) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
row_marked_wished (gpointer data)
{
  SsvPersonDetailPage *person = data;
  GListModel *filmography = ssv_person_detail_page_get_filmography (person);

  for (guint i = 0; i < g_list_model_get_n_items (filmography); i++)
    {
      g_autoptr(SsvFoundTitle) found = g_list_model_get_item (filmography, i);

      if (ssv_found_title_get_tmdb_id (found) == 1399 && g_str_equal (ssv_found_title_get_kind (found), SSV_FOUND_SHOW))
        return ssv_found_title_get_wished (found) &&
               ssv_ui_test_shows_label (ssv_person_detail_page_get_part (person, "filmography_list"), "Wished");
    }
  return FALSE;
}

/* Richard Anderson's recorded credits, with a part in Game of Thrones added in TMDB's shape
 * of a combined_credits cast entry (the recording has no show). */
static char *
person_with_a_show (void)
{
  g_autoptr(GBytes) recorded = ssv_fixture_load ("tmdb/ceg_person-12312-append-combined_credits.trimmed.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *credits;
  JsonObject *part = json_object_new ();
  gsize size;
  const char *data = g_bytes_get_data (recorded, &size);

  json_parser_load_from_data (parser, data, (gssize) size, &error);
  g_assert_no_error (error);
  credits = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "combined_credits");
  json_object_set_int_member (part, "id", 1399);
  json_object_set_string_member (part, "media_type", "tv");
  json_object_set_string_member (part, "name", "Game of Thrones");
  json_object_set_string_member (part, "first_air_date", "2011-04-17");
  json_object_set_string_member (part, "character", "Maester");
  json_object_set_int_member (part, "episode_count", 1);
  json_array_add_object_element (json_object_get_array_member (credits, "cast"), part);

  return json_to_string (json_parser_get_root (parser), FALSE);
}

/* A show not owned, from a person's page: its wishlist menu offers the owned show's choices;
 * a season joins the wishlist by TMDB's ids with TMDB's episodes, an episode row's star adds
 * one more, and back on the person's page the show is marked wished. */
static void
test_wish_show_not_owned (void)
{
  g_autofree char *person_body = person_with_a_show ();
  SsvApplication *app;
  SsvWindow *window;
  SsvPage *page;
  SsvWishButton *wish_button;
  GtkWidget *row, *star;
  GMenuModel *menu;
  WantedWait season_one, one_more;
  g_autoptr(SsvPersonDetailPage) person = NULL;

  ssv_fake_providers_set_tmdb (fake, "/person/12312", 200, person_body);
  app = start_app ("wish-show.db");
  window = ssv_ui_test_wait_for_window (app);
  person = SSV_PERSON_DETAIL_PAGE (g_object_ref (open_page (window, "win.show-person", PERSON_ID)));
  g_assert_cmpstr (ssv_person_detail_page_get_state (person), ==, "content");
  g_assert_false (row_marked_wished (person));

  page = open_page (window, "win.show-tmdb-show", 1399);
  g_assert_cmpstr (ssv_title_page_get_state (SSV_TITLE_PAGE (page)), ==, "content");
  wish_button = SSV_WISH_BUTTON (ssv_title_page_get_section (SSV_TITLE_PAGE (page), "wish_button"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (wish_button)));
  g_assert_false (ssv_wish_button_get_wanted (wish_button));
  ssv_ui_test_iterate (100);
  g_assert_true (GTK_IS_MENU_BUTTON (ssv_wish_button_get_button (wish_button)));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (ssv_wish_button_get_button (wish_button)));
  g_assert_true (menu_has_label (menu, "Add Every Aired _Episode"));
  g_assert_true (menu_has_label (menu, "Add Season 1"));
  g_assert_true (menu_has_label (menu, "Add the Specials"));

  /* "Add Season 1", as the menu names it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "title.wish", "(uxi)",
                                             (guint32) SSV_WISH_TARGET_SEASON, (gint64) 1399, 1));
  g_assert_true (ssv_test_wait_for (wish_button_wanted, wish_button, 20000));
  season_one = (WantedWait) { app, 1, 10 };
  g_assert_true (ssv_test_wait_for (wanted_reached, &season_one, 10000));
  g_assert_cmpuint (wanted_episodes (app, 2), ==, 0);
  ssv_ui_test_screenshot (GTK_WIDGET (window), "tmdb-show-wished");

  /* An episode of season 2 by its row's star. */
  g_assert_true (ssv_season_episodes_show_season (SSV_SEASON_EPISODES (ssv_title_page_get_section (SSV_TITLE_PAGE (page),
                                                                                              "season_episodes")), 2));
  ssv_ui_test_iterate (200);
  row = ssv_ui_test_find_widget (ssv_title_page_get_section (SSV_TITLE_PAGE (page), "season_episodes"),
                                 is_episode_row, NULL);
  g_assert_nonnull (row);
  g_assert_cmpint (ssv_episode_get_season_number (ssv_episode_row_get_episode (SSV_EPISODE_ROW (row))), ==, 2);
  star = ssv_ui_test_find_widget (row, is_button_for, "title.wish");
  g_assert_nonnull (star);
  g_assert_true (gtk_widget_activate (star));
  one_more = (WantedWait) { app, 2, 1 };
  g_assert_true (ssv_test_wait_for (wanted_reached, &one_more, 10000));
  g_assert_cmpuint (wanted_episodes (app, -1), ==, 11);

  /* Back on the person's page, the show is marked wished. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_true (ssv_test_wait_for (row_marked_wished, person, 10000));

  ssv_ui_test_stop_app (app);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SsvSecrets) secrets = NULL;
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-tmdb-XXXXXX", NULL);

  /* The app's HTTP layer reads where TMDB lives when it starts. */
  server = ssv_fake_server_new ();
  fake = ssv_fake_providers_new (server);
  {
    g_autofree char *url = ssv_fake_providers_dup_url (fake, "tmdb");
    g_autofree char *images = g_strdup_printf ("%s/images", ssv_fake_server_get_url (server));

    g_setenv ("SSV_TMDB_URL", url, TRUE);
    g_setenv ("SSV_TMDB_IMAGES_URL", images, TRUE);
  }
  ssv_fake_providers_set_key (fake, "tmdb", "good-tmdb");
  secrets = ssv_secrets_new ();
  ssv_test_store_api_key (secrets, "tmdb", "good-tmdb");

  g_test_add_func ("/ui/tmdb-title/opens-not-owned-and-keeps-it", test_title_not_owned);
  g_test_add_func ("/ui/tmdb-title/wish-a-movie-not-owned", test_wish_movie_not_owned);
  g_test_add_func ("/ui/tmdb-title/wish-a-show-not-owned", test_wish_show_not_owned);
  g_test_add_func ("/ui/person-page/lists-work-and-follows", test_person_page);
  g_test_add_func ("/ui/discover/rows-marked-and-open", test_discover);
  g_test_add_func ("/ui/tmdb-title/bad-input-in-plain-words", test_bad_input);

  result = g_test_run ();

  ssv_fake_providers_free (fake);
  ssv_fake_server_free (server);
  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
