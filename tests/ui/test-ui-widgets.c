/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-widgets.c: each card, row and section built alone from a model object: what it
 * shows, what its buttons name, and that it goes away whole (no leak, no reference cycle:
 * every test ends in g_assert_finalize_object). */

#include "config.h"

#include "model/ssv-calendar-day.h"
#include "model/ssv-calendar-entry-private.h"
#include "model/ssv-cast-member.h"
#include "model/ssv-episode.h"
#include "model/ssv-library-file.h"
#include "model/ssv-title-private.h"
#include "model/ssv-wishlist-item-private.h"
#include "widgets/ssv-cast-card.h"
#include "widgets/ssv-day-section.h"
#include "widgets/ssv-episode-card.h"
#include "widgets/ssv-episode-row.h"
#include "widgets/ssv-poster-art.h"
#include "widgets/ssv-poster-card.h"
#include "widgets/ssv-rating-badge.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "widgets/ssv-wish-button.h"
#include "widgets/ssv-wish-profile-menu.h"
#include "widgets/ssv-wishlist-episode-row.h"
#include "widgets/ssv-wishlist-movie-corner.h"
#include "widgets/ssv-wishlist-tile.h"
#include "dialogs/ssv-worker-row.h"
#include "ssv-channel-follow.h"
#include "ssv-channel-service.h"
#include "ssv-fake-youtube.h"
#include "ssv-reload-gate.h"
#include "net/ssv-http.h"
#include "stores/ssv-channel-store.h"
#include "stores/ssv-watchlist-store.h"
#include "stores/ssv-wishlist-store.h"
#include "pages/library/ssv-library-filters.h"
#include "pages/title/ssv-cast-row.h"
#include "pages/title/ssv-season-episodes.h"
#include "pages/title/ssv-title-files.h"
#include "pages/title/ssv-title-hero-private.h"
#include "pages/title/ssv-title-overview.h"
#include "model/ssv-season.h"

/* ---- helpers --------------------------------------------------------------------- */

/* A widget made for the test alone: sunk, so the test holds its only reference. */
static GtkWidget *
own (GtkWidget *widget)
{
  return g_object_ref_sink (widget);
}

static gboolean
is_button_named (GtkWidget     *widget,
                 gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The target of the first button of @root that names @action, as text ("(uint32 3, …)"). */
static char *
dup_target (GtkWidget  *root,
            const char *action)
{
  GtkWidget *button = ssv_ui_test_find_widget (root, is_button_named, action);
  GVariant *target;

  g_assert_nonnull (button);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_nonnull (target);
  return g_variant_print (target, TRUE);
}

static guint
count_children (GtkWidget *parent)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (parent); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static SsvEpisode *
make_episode (gint64      id,
              int         season,
              int         number,
              const char *title,
              const char *air_date,
              gboolean    has_file,
              gboolean    watched)
{
  return g_object_new (SSV_TYPE_EPISODE, "id", id, "season-number", season, "episode-number", number,
                       "title", title, "air-date", air_date, "has-file", has_file, "watched", watched, NULL);
}

/* Fight Club, with what its page would show. */
static SsvTitle *
make_movie (void)
{
  SsvTitle *title = ssv_title_new (SSV_MEDIA_KIND_MOVIE, 7);
  g_autoptr(SsvCastMember) lead = ssv_cast_member_new ("Edward Norton", "Narrator", NULL);
  g_autoptr(SsvCastMember) soap = ssv_cast_member_new ("Brad Pitt", "Tyler Durden", NULL);
  g_autoptr(SsvLibraryFile) file = NULL;
  SsvMediaFile facts = { .path = (char *) "/srv/films/Fight Club (1999).mkv", .size_bytes = 4000000000,
                         .container = (char *) "mkv", .video_codec = (char *) "hevc", .video_height = 2160,
                         .video_range = (char *) "DV", .audio_codec = (char *) "eac3", .audio_channels = 6,
                         .duration_s = 8340 };
  const char *genres[] = { "Drama", "Thriller", NULL };
  const char *directors[] = { "David Fincher", NULL };
  const char *writers[] = { "Chuck Palahniuk", "Jim Uhls", NULL };

  title->title = g_strdup ("Fight Club");
  title->year = 1999;
  title->tagline = g_strdup ("Mischief. Mayhem. Soap.");
  title->overview = g_strdup ("An insomniac and a soap salesman.");
  title->content_rating = g_strdup ("R");
  title->runtime_minutes = 139;
  title->server_name = g_strdup ("Home");
  title->imdb_rating = 8.8;
  title->rt_score = 79;
  title->tmdb_rating = 8.4;
  title->genres = g_strdupv ((GStrv) genres);
  title->directors = g_strdupv ((GStrv) directors);
  title->writers = g_strdupv ((GStrv) writers);
  g_list_store_append (title->cast, lead);
  g_list_store_append (title->cast, soap);
  file = ssv_library_file_new (&facts);
  g_list_store_append (title->files, file);

  return title;
}

/* Severance: a season with a watched and an unwatched episode of the library, one that
 * aired without a file, and a special. */
static SsvTitle *
make_show (void)
{
  SsvTitle *title = ssv_title_new (SSV_MEDIA_KIND_SHOW, 3);
  SsvEpisode *episodes[] = {
    make_episode (100, 0, 1, "Behind the Scenes", "2022-03-01", FALSE, FALSE),
    make_episode (101, 1, 1, "Good News About Hell", "2022-02-18", TRUE, TRUE),
    make_episode (102, 1, 2, "Half Loop", "2022-02-18", TRUE, FALSE),
    make_episode (201, 2, 1, "Hello, Ms. Cobel", "2025-01-17", FALSE, FALSE),
  };
  const int season_numbers[] = { 1, 2, 0 };

  title->title = g_strdup ("Severance");
  title->year = 2022;
  title->last_year = 2025;
  title->network = g_strdup ("Apple TV+");
  title->episode_count = 4;
  title->watched_count = 1;
  title->n_seasons = 3;
  for (guint i = 0; i < G_N_ELEMENTS (episodes); i++)
    {
      g_list_store_append (title->episodes, episodes[i]);
      g_object_unref (episodes[i]);
    }
  /* As the store reads them: the specials last. */
  for (guint i = 0; i < G_N_ELEMENTS (season_numbers); i++)
    {
      int number = season_numbers[i];
      g_autoptr(SsvSeason) season = g_object_new (SSV_TYPE_SEASON, "season-number", number,
                                                  "episode-count", number == 1 ? 2 : 1, NULL);

      g_list_store_append (title->seasons, season);
    }

  return title;
}

/* ---- poster art ------------------------------------------------------------------- */

/* Whether @root's poster shows @initials, there being no art yet. */
static gboolean
shows_initials (GtkWidget  *root,
                const char *initials)
{
  GtkWidget *art = ssv_ui_test_find_widget_of_type (root, SSV_TYPE_POSTER_ART);

  return art != NULL && gtk_widget_is_visible (art) &&
         ssv_poster_art_get_texture (SSV_POSTER_ART (art)) == NULL &&
         g_strcmp0 (ssv_poster_art_get_initials (SSV_POSTER_ART (art)), initials) == 0;
}

static gboolean
is_watched_badge (GtkWidget     *widget,
                  gconstpointer  unused)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Watched") == 0;
}

static GdkTexture *
solid_texture (int    width,
               int    height,
               guchar red,
               guchar green,
               guchar blue)
{
  g_autoptr(GByteArray) pixels = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;

  for (int i = 0; i < width * height; i++)
    {
      guchar pixel[] = { red, green, blue, 255 };

      g_byte_array_append (pixels, pixel, sizeof pixel);
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&pixels));
  return gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8A8, bytes, width * 4);
}

/* The red, green and blue of @widget's pixel at @x, @y, as its window draws it. */
static guint32
pixel_at (GtkWidget *widget,
          int        x,
          int        y)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree guchar *data = NULL;
  guchar *pixel;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc (width * height * 4);
  gdk_texture_download (texture, data, width * 4);
  /* Cairo's order: B, G, R, A in memory on little-endian machines. */
  pixel = data + (y * width + x) * 4;
  return (pixel[2] << 16) | (pixel[1] << 8) | pixel[0];
}

static void
test_poster_art (void)
{
  g_autoptr(GdkTexture) portrait = solid_texture (2, 3, 255, 0, 0);
  g_autoptr(GdkTexture) landscape = solid_texture (4, 2, 0, 0, 255);
  GtkWidget *art = own (ssv_poster_art_new ());
  GtkWidget *window = gtk_window_new ();
  guint n_colours = 0;
  gint64 deadline;

  /* The title's initials on the title's own colour, and no badge. */
  ssv_poster_art_set_title (SSV_POSTER_ART (art), "Breaking Bad");
  g_assert_true (shows_initials (art, "BB"));
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *colour = g_strdup_printf ("color-%u", i);

      n_colours += gtk_widget_has_css_class (art, colour);
      if (gtk_widget_has_css_class (art, colour))
        g_assert_cmpuint (i, ==, g_str_hash ("Breaking Bad") % 8);
    }
  g_assert_cmpuint (n_colours, ==, 1);
  g_assert_null (ssv_ui_test_find_widget (art, is_watched_badge, NULL));

  /* Watched: the badge, with its words; then not again. */
  ssv_poster_art_set_watched (SSV_POSTER_ART (art), TRUE);
  g_assert_nonnull (ssv_ui_test_find_widget (art, is_watched_badge, NULL));
  ssv_poster_art_set_watched (SSV_POSTER_ART (art), FALSE);
  g_assert_null (ssv_ui_test_find_widget (art, is_watched_badge, NULL));

  /* Art fills the whole poster, cut to fit whatever its shape. */
  gtk_widget_set_size_request (art, SSV_POSTER_WIDTH, SSV_POSTER_HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), art);
  gtk_window_present (GTK_WINDOW (window));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((!gtk_widget_get_mapped (art) || gtk_widget_get_width (art) == 0) &&
         g_get_monotonic_time () < deadline)
    ssv_ui_test_iterate (20);
  g_assert_cmphex (pixel_at (art, 75, 112) & 0xff0000, !=, 0xff0000);
  ssv_poster_art_set_texture (SSV_POSTER_ART (art), portrait);
  g_assert_false (shows_initials (art, "BB"));
  ssv_ui_test_iterate (100);
  g_assert_cmphex (pixel_at (art, 75, 112), ==, 0xff0000);
  g_assert_cmphex (pixel_at (art, 20, 20), ==, 0xff0000);
  ssv_poster_art_set_texture (SSV_POSTER_ART (art), landscape);
  ssv_ui_test_iterate (100);
  g_assert_cmphex (pixel_at (art, 75, 10), ==, 0x0000ff);
  g_assert_cmphex (pixel_at (art, 75, 215), ==, 0x0000ff);
  ssv_poster_art_set_texture (SSV_POSTER_ART (art), NULL);
  g_assert_true (shows_initials (art, "BB"));

  gtk_window_destroy (GTK_WINDOW (window));
  ssv_ui_test_iterate (50);
  g_assert_finalize_object (art);
}

/* ---- poster card ------------------------------------------------------------------- */

/* Whether hovering @widget shows a tooltip (its text is not readable back). */
static gboolean
offers_tooltip (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  if (!gtk_widget_get_has_tooltip (widget))
    return FALSE;
  g_signal_emit_by_name (widget, "query-tooltip", 10, 10, FALSE, tooltip, &shown);
  return shown;
}

static void
test_poster_card (void)
{
  g_autoptr(SsvEpisode) first = make_episode (1, 1, 1, "Breaking Bad", NULL, FALSE, TRUE);
  g_autoptr(SsvSeason) second = g_object_new (SSV_TYPE_SEASON, "title", "The Wire", NULL);
  GtkWidget *card = own (ssv_poster_card_new (NULL));

  /* Any object with a title; a watched one gets the badge. */
  ssv_poster_card_set_item (SSV_POSTER_CARD (card), G_OBJECT (first));
  g_assert_cmpstr (ssv_poster_card_get_title (SSV_POSTER_CARD (card)), ==, "Breaking Bad");
  g_assert_true (ssv_ui_test_shows_label (card, "Breaking Bad"));
  g_assert_true (shows_initials (card, "BB"));
  g_assert_true (offers_tooltip (card));
  g_assert_true (ssv_ui_test_shows_label (card, "Breaking Bad"));
  {
    gboolean watched = FALSE;

    g_object_get (card, "watched", &watched, NULL);
    g_assert_true (watched);
  }
  g_assert_nonnull (ssv_ui_test_find_widget (card, is_watched_badge, NULL));
  g_assert_false (ssv_poster_card_get_has_poster (SSV_POSTER_CARD (card)));

  /* A changed item shows at once; a recycled card shows its new item, unwatched. */
  g_object_set (first, "title", "Better Call Saul", NULL);
  g_assert_true (ssv_ui_test_shows_label (card, "Better Call Saul"));
  g_assert_true (shows_initials (card, "BC"));
  ssv_poster_card_set_item (SSV_POSTER_CARD (card), G_OBJECT (second));
  g_assert_true (ssv_ui_test_shows_label (card, "The Wire"));
  g_assert_true (shows_initials (card, "W"));
  {
    gboolean watched = TRUE;

    g_object_get (card, "watched", &watched, NULL);
    g_assert_false (watched);
  }
  g_assert_null (ssv_ui_test_find_widget (card, is_watched_badge, NULL));

  ssv_poster_card_set_item (SSV_POSTER_CARD (card), NULL);
  g_assert_null (ssv_poster_card_get_title (SSV_POSTER_CARD (card)));
  g_assert_false (offers_tooltip (card));
  g_assert_finalize_object (card);
}

/* ---- cast card ---------------------------------------------------------------------- */

static void
test_cast_card (void)
{
  g_autoptr(SsvCastMember) narrator = ssv_cast_member_new ("Edward Norton", "Narrator", NULL);
  g_autoptr(SsvCastMember) nobody = ssv_cast_member_new ("Meat Loaf", NULL, NULL);
  GtkWidget *card = own (ssv_cast_card_new (narrator, NULL));
  GtkWidget *other = own (ssv_cast_card_new (nobody, NULL));

  g_assert_true (ssv_cast_card_get_member (SSV_CAST_CARD (card)) == narrator);
  g_assert_true (ssv_ui_test_shows_label (card, "Edward Norton"));
  g_assert_true (ssv_ui_test_shows_label (card, "Narrator"));
  g_assert_nonnull (ssv_ui_test_find_widget_of_type (card, ADW_TYPE_AVATAR));
  g_assert_cmpstr (adw_avatar_get_text (ADW_AVATAR (ssv_ui_test_find_widget_of_type (card, ADW_TYPE_AVATAR))), ==,
                   "Edward Norton");
  g_assert_false (ssv_cast_card_has_headshot (SSV_CAST_CARD (card)));

  /* Without a part, the name alone. */
  g_assert_true (ssv_ui_test_shows_label (other, "Meat Loaf"));
  g_assert_false (ssv_ui_test_shows_label (other, ""));

  g_assert_finalize_object (card);
  g_assert_finalize_object (other);
}

/* ---- rating badge --------------------------------------------------------------------- */

static void
test_rating_badge (void)
{
  GtkWidget *badge = own (ssv_rating_badge_new (SSV_RATING_ROTTEN_TOMATOES, 59));

  g_assert_true (ssv_ui_test_shows_label (badge, "RT"));
  g_assert_true (ssv_ui_test_shows_label (badge, "59%"));
  g_assert_true (gtk_widget_has_css_class (badge, "rt-rotten"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==, "Rotten Tomatoes 59%, rotten");
  g_assert_finalize_object (badge);
}

/* ---- episode row ---------------------------------------------------------------------- */

static void
test_episode_row (void)
{
  g_autoptr(SsvEpisode) missing = make_episode (42, 1, 3, "Lord Snow", "2011-05-01", FALSE, FALSE);
  g_autoptr(SsvEpisode) watched = make_episode (43, 1, 1, NULL, "2011-04-17", TRUE, TRUE);
  g_autoptr(SsvEpisode) coming = make_episode (44, 9, 1, "Later", NULL, FALSE, FALSE);
  GtkWidget *row = own (ssv_episode_row_new (missing, NULL, "2026-11-24"));
  GtkWidget *owned = own (ssv_episode_row_new (watched, NULL, "2026-11-24"));
  GtkWidget *upcoming = own (ssv_episode_row_new (coming, NULL, "2026-11-24"));
  g_autofree char *target = NULL;

  g_assert_cmpstr (ssv_episode_row_get_state (SSV_EPISODE_ROW (row)), ==, "missing");
  g_assert_true (gtk_widget_has_css_class (row, "missing"));
  g_assert_true (ssv_ui_test_shows_label (row, "3"));
  g_assert_true (ssv_ui_test_shows_label (row, "Lord Snow"));
  g_assert_true (ssv_ui_test_shows_label (row, "Missing"));
  g_assert_true (ssv_ui_test_shows_label (row, "1 May 2011"));

  /* Its star wants this episode through the page's title.wish. */
  target = dup_target (row, "title.wish");
  g_assert_cmpstr (target, ==, "(uint32 3, int64 42, -1)");

  /* Untitled and watched; undated and still to come. */
  g_assert_true (ssv_ui_test_shows_label (owned, "Episode 1"));
  g_assert_true (ssv_ui_test_shows_label (owned, "Watched"));
  g_assert_true (gtk_widget_has_css_class (owned, "owned"));
  g_assert_true (ssv_ui_test_shows_label (upcoming, "Upcoming"));
  g_assert_true (ssv_ui_test_shows_label (upcoming, "No air date yet"));

  g_assert_finalize_object (row);
  g_assert_finalize_object (owned);
  g_assert_finalize_object (upcoming);
}

/* ---- title hero ----------------------------------------------------------------------- */

static void
test_title_hero (void)
{
  g_autoptr(SsvTitle) movie = make_movie ();
  g_autoptr(SsvTitle) show = make_show ();
  GtkWidget *hero = own (ssv_title_hero_new (NULL));
  g_autofree char *facts = NULL;

  ssv_title_hero_set_item (SSV_TITLE_HERO (hero), movie);
  g_assert_true (ssv_ui_test_shows_label (hero, "Fight Club"));
  g_assert_true (ssv_ui_test_shows_label (hero, "Mischief. Mayhem. Soap."));
  g_assert_true (ssv_ui_test_shows_label (hero, "1999 · 2 h 19 min · R · from Home"));
  g_assert_true (ssv_ui_test_shows_label (hero, "Not watched yet"));
  g_assert_cmpuint (ssv_title_hero_count_badges (SSV_TITLE_HERO (hero)), ==, 3);
  g_assert_cmpuint (ssv_title_hero_count_genres (SSV_TITLE_HERO (hero)), ==, 2);
  /* Without a logo, the title in words. */
  g_assert_false (ssv_title_hero_has_logo (SSV_TITLE_HERO (hero)));
  g_assert_false (ssv_ui_test_shows_label (hero, "Looking up details…"));
  g_object_set (hero, "looking-up", TRUE, NULL);
  g_assert_true (ssv_ui_test_shows_label (hero, "Looking up details…"));

  /* A show: its years, its seasons and network; no tagline, no ratings, no genres. */
  ssv_title_hero_set_item (SSV_TITLE_HERO (hero), show);
  facts = ssv_title_hero_dup_facts (SSV_TITLE_HERO (hero));
  g_assert_cmpstr (facts, ==, "2022–2025 · 3 seasons · Apple TV+");
  g_assert_true (ssv_ui_test_shows_label (hero, facts));
  g_assert_true (ssv_ui_test_shows_label (hero, "1 of 4 episodes watched"));
  g_assert_false (ssv_ui_test_shows_label (hero, "Mischief. Mayhem. Soap."));
  g_assert_cmpuint (ssv_title_hero_count_badges (SSV_TITLE_HERO (hero)), ==, 0);
  g_assert_cmpuint (ssv_title_hero_count_genres (SSV_TITLE_HERO (hero)), ==, 0);

  g_assert_finalize_object (hero);
}

/* ---- title overview ------------------------------------------------------------------ */

static void
test_title_overview (void)
{
  g_autoptr(SsvTitle) movie = make_movie ();
  g_autoptr(SsvTitle) show = make_show ();
  GtkWidget *overview = own (ssv_title_overview_new ());
  g_autofree char *crew = NULL;

  ssv_title_overview_set_item (SSV_TITLE_OVERVIEW (overview), movie);
  g_assert_true (ssv_ui_test_shows_label (overview, "An insomniac and a soap salesman."));
  g_assert_true (ssv_ui_test_shows_label (overview, "Directed by David Fincher · Written by Chuck Palahniuk, Jim Uhls"));

  /* Nothing known: it says so, and names nobody. */
  ssv_title_overview_set_item (SSV_TITLE_OVERVIEW (overview), show);
  g_assert_true (ssv_ui_test_shows_label (overview, "No overview yet."));
  crew = ssv_title_overview_dup_crew (SSV_TITLE_OVERVIEW (overview));
  g_assert_null (crew);
  g_assert_false (ssv_ui_test_shows_label (overview, "Directed by David Fincher · Written by Chuck Palahniuk, Jim Uhls"));

  g_assert_finalize_object (overview);
}

/* ---- cast row ------------------------------------------------------------------------- */

static void
test_cast_row (void)
{
  g_autoptr(SsvTitle) movie = make_movie ();
  g_autoptr(SsvTitle) again = make_movie ();
  g_autoptr(GListStore) empty = g_list_store_new (SSV_TYPE_CAST_MEMBER);
  g_autoptr(SsvCastMember) newcomer = ssv_cast_member_new ("Helena Bonham Carter", "Marla Singer", NULL);
  GtkWidget *row = own (ssv_cast_row_new (NULL));
  GtkWidget *cards = ssv_cast_row_get_cards (SSV_CAST_ROW (row));
  GtkWidget *first;

  ssv_cast_row_set_cast (SSV_CAST_ROW (row), ssv_title_get_cast (movie));
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpuint (count_children (cards), ==, 2);
  first = gtk_widget_get_first_child (cards);
  g_assert_true (SSV_IS_CAST_CARD (first));
  g_assert_cmpstr (ssv_cast_member_get_name (ssv_cast_card_get_member (SSV_CAST_CARD (first))), ==, "Edward Norton");

  /* A reload with the same cast keeps the cards (and their headshots). */
  ssv_cast_row_set_cast (SSV_CAST_ROW (row), ssv_title_get_cast (again));
  g_assert_true (gtk_widget_get_first_child (cards) == first);

  /* Someone new: the row shows them. */
  g_list_store_append (G_LIST_STORE (ssv_title_get_cast (again)), newcomer);
  ssv_cast_row_set_cast (SSV_CAST_ROW (row), NULL);
  ssv_cast_row_set_cast (SSV_CAST_ROW (row), ssv_title_get_cast (again));
  g_assert_cmpuint (count_children (cards), ==, 3);
  g_assert_true (ssv_ui_test_shows_label (row, "Marla Singer"));

  /* No cast, no section. */
  ssv_cast_row_set_cast (SSV_CAST_ROW (row), G_LIST_MODEL (empty));
  g_assert_false (gtk_widget_get_visible (row));

  g_assert_finalize_object (row);
}

/* ---- season episodes ------------------------------------------------------------------ */

static void
test_season_episodes (void)
{
  g_autoptr(SsvTitle) show = make_show ();
  g_autoptr(SsvTitle) again = make_show ();
  g_autoptr(SsvTitle) movie = make_movie ();
  GtkWidget *section = own (ssv_season_episodes_new (NULL));
  SsvSeasonEpisodes *episodes = SSV_SEASON_EPISODES (section);
  GtkDropDown *switcher;
  GListModel *names;
  GtkWidget *first_row;

  ssv_season_episodes_set_episodes (episodes, ssv_title_get_episodes (show));
  g_assert_true (gtk_widget_get_visible (section));

  /* Seasons in order, the specials last; the first with something left to watch opens. */
  switcher = GTK_DROP_DOWN (ssv_ui_test_find_widget_of_type (section, GTK_TYPE_DROP_DOWN));
  names = gtk_drop_down_get_model (switcher);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Season 1");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==, "Specials");
  g_assert_cmpint (ssv_season_episodes_get_season (episodes), ==, 1);
  g_assert_cmpuint (ssv_season_episodes_count_rows (episodes), ==, 2);
  g_assert_true (ssv_ui_test_shows_label (section, "Half Loop"));
  g_assert_false (ssv_ui_test_shows_label (section, "Hello, Ms. Cobel"));

  /* The switcher shows another season; a season the show lacks is refused. */
  g_assert_true (ssv_season_episodes_show_season (episodes, 2));
  g_assert_cmpuint (ssv_season_episodes_count_rows (episodes), ==, 1);
  g_assert_true (ssv_ui_test_shows_label (section, "Hello, Ms. Cobel"));
  g_assert_false (ssv_season_episodes_show_season (episodes, 42));

  /* The same episodes again keep their rows and the season shown. */
  first_row = gtk_widget_get_first_child (ssv_ui_test_find_widget_of_type (section, GTK_TYPE_LIST_BOX));
  ssv_season_episodes_set_episodes (episodes, ssv_title_get_episodes (again));
  g_assert_cmpint (ssv_season_episodes_get_season (episodes), ==, 2);
  g_assert_true (gtk_widget_get_first_child (ssv_ui_test_find_widget_of_type (section, GTK_TYPE_LIST_BOX)) == first_row);

  /* Changed episodes fill the list again, and the season shown stays open. */
  {
    g_autoptr(SsvTitle) changed = make_show ();
    g_autoptr(SsvEpisode) half_loop = g_list_model_get_item (ssv_title_get_episodes (changed), 2);

    g_object_set (half_loop, "watched", TRUE, NULL);
    ssv_season_episodes_set_episodes (episodes, ssv_title_get_episodes (changed));
    g_assert_cmpint (ssv_season_episodes_get_season (episodes), ==, 2);
    g_assert_true (ssv_ui_test_shows_label (section, "Hello, Ms. Cobel"));
  }

  /* A movie has no episodes: no section. */
  ssv_season_episodes_set_episodes (episodes, ssv_title_get_episodes (movie));
  g_assert_false (gtk_widget_get_visible (section));

  g_assert_finalize_object (section);
}

/* ---- title files ----------------------------------------------------------------------- */

static void
test_title_files (void)
{
  g_autoptr(SsvTitle) movie = make_movie ();
  g_autoptr(SsvTitle) show = make_show ();
  GtkWidget *files = own (ssv_title_files_new ());
  GtkListBoxRow *row;

  ssv_title_files_set_files (SSV_TITLE_FILES (files), ssv_title_get_files (movie));
  g_assert_true (gtk_widget_get_visible (files));
  row = gtk_list_box_get_row_at_index (ssv_title_files_get_list (SSV_TITLE_FILES (files)), 0);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Fight Club (1999).mkv");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "2160p · DV · hevc · 5.1 eac3 · mkv · 4.0\u00a0GB · 2 h 19 min");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==, "/srv/films/Fight Club (1999).mkv");
  g_assert_null (gtk_list_box_get_row_at_index (ssv_title_files_get_list (SSV_TITLE_FILES (files)), 1));

  ssv_title_files_set_files (SSV_TITLE_FILES (files), ssv_title_get_files (show));
  g_assert_false (gtk_widget_get_visible (files));

  g_assert_finalize_object (files);
}

/* ---- wish button ----------------------------------------------------------------------- */

static gboolean
not_busy (gpointer data)
{
  return !ssv_wish_button_get_busy (data);
}

static gboolean
wanted_and_settled (gpointer data)
{
  return ssv_wish_button_get_wanted (data) && !ssv_wish_button_get_busy (data);
}

static void
test_wish_button (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvWishlistStore) store = ssv_wishlist_store_new (db);
  g_autoptr(SsvTitle) movie = make_movie ();
  g_autoptr(SsvTitle) show = make_show ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  GtkWidget *wish = own (ssv_wish_button_new (store));
  GtkWidget *button;
  g_autofree char *target = NULL;

  ssv_database_exec (db, "INSERT INTO movies (id, title, tmdb_id) VALUES (7, 'Fight Club', 550)", &error);
  g_assert_no_error (error);

  /* A movie: a pill that wants it. */
  ssv_wish_button_set_item (SSV_WISH_BUTTON (wish), movie);
  g_assert_true (ssv_test_wait_for (not_busy, wish, 10000));
  button = ssv_wish_button_get_button (SSV_WISH_BUTTON (wish));
  g_assert_true (GTK_IS_BUTTON (button) && !GTK_IS_MENU_BUTTON (button));
  g_assert_false (ssv_wish_button_get_wanted (SSV_WISH_BUTTON (wish)));
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button)))), ==,
                   "Add to Wishlist");
  target = dup_target (wish, "title.wish");
  g_assert_cmpstr (target, ==, "(uint32 0, int64 7, -1)");
  g_clear_pointer (&target, g_free);

  /* Once the store has it, the button says so and takes it back. */
  ssv_wishlist_store_add (store, SSV_WISH_TARGET_MOVIE, 7, -1, now, NULL, &error);
  g_assert_no_error (error);
  /* The store's "changed" makes the button ask again. */
  g_assert_true (ssv_test_wait_for (wanted_and_settled, wish, 10000));
  g_assert_true (gtk_widget_has_css_class (button, "wanted"));
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button)))), ==,
                   "On Your Wishlist");
  target = dup_target (wish, "title.unwish");
  g_assert_cmpstr (target, ==, "(uint32 0, int64 7, -1)");
  g_clear_pointer (&target, g_free);

  /* A show: a menu of every aired episode and the seasons that have episodes. */
  ssv_wish_button_set_item (SSV_WISH_BUTTON (wish), show);
  g_assert_true (ssv_test_wait_for (not_busy, wish, 10000));
  button = ssv_wish_button_get_button (SSV_WISH_BUTTON (wish));
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  g_assert_false (ssv_wish_button_get_wanted (SSV_WISH_BUTTON (wish)));
  {
    GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    GMenuModel *shows = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    GMenuModel *seasons = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
    g_autoptr(GVariant) every = g_menu_model_get_item_attribute_value (shows, 0, G_MENU_ATTRIBUTE_TARGET, NULL);
    g_autoptr(GVariant) specials = g_menu_model_get_item_attribute_value (seasons, 2, G_MENU_ATTRIBUTE_TARGET, NULL);
    g_autofree char *every_text = g_variant_print (every, TRUE);
    g_autofree char *specials_text = g_variant_print (specials, TRUE);

    g_assert_cmpint (g_menu_model_get_n_items (shows), ==, 1);
    g_assert_cmpint (g_menu_model_get_n_items (seasons), ==, 3);
    g_assert_cmpstr (every_text, ==, "(uint32 1, int64 3, -1)");
    g_assert_cmpstr (specials_text, ==, "(uint32 2, int64 3, 0)");
    g_object_unref (shows);
    g_object_unref (seasons);
  }

  g_assert_finalize_object (wish);
  g_clear_object (&store);
  ssv_test_close_temp_database (&db, &dir);
}

/* ---- wishlist tile --------------------------------------------------------------------- */

static SsvWishlistItem *
make_wanted_episode (int         season,
                     int         number,
                     const char *title,
                     gboolean    done)
{
  SsvWishlistItem *episode = ssv_wishlist_item_new (SSV_WISHLIST_KIND_EPISODE);

  episode->id = season * 20 + number;
  episode->season_number = season;
  episode->episode_number = number;
  episode->title = g_strdup (title);
  episode->air_date = g_strdup ("2022-02-18");
  episode->library_id = 3;
  episode->wanted = 1;
  episode->done = done;
  return episode;
}

/* Severance: three of season 1 wanted (one in the library), one of season 2. */
static SsvWishlistItem *
make_wanted_show (void)
{
  SsvWishlistItem *show = ssv_wishlist_item_new (SSV_WISHLIST_KIND_SHOW);
  const struct { int season; int number; const char *title; gboolean done; } wanted[] = {
    { 1, 1, "Good News About Hell", TRUE }, { 1, 2, "Half Loop", FALSE }, { 1, 3, NULL, FALSE },
    { 2, 1, "Hello, Ms. Cobel", FALSE },
  };

  show->id = 5;
  show->title = g_strdup ("Severance");
  show->library_id = 3;
  show->wanted = 4;
  show->done = 1;
  for (int s = 1; s <= 2; s++)
    {
      g_autoptr(SsvWishlistItem) season = ssv_wishlist_item_new (SSV_WISHLIST_KIND_SEASON);

      season->season_number = s;
      for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
        if (wanted[i].season == s)
          {
            g_autoptr(SsvWishlistItem) episode = make_wanted_episode (s, wanted[i].number, wanted[i].title,
                                                                      wanted[i].done);

            g_list_store_append (season->children, episode);
            season->wanted++;
            season->done += wanted[i].done;
          }
      g_list_store_append (show->children, season);
    }

  return show;
}

static void
on_remove_item (SsvWishlistTile  *tile,
                SsvWishlistItem  *item,
                SsvWishlistItem **removed)
{
  *removed = item;
}

static void
test_wishlist_tile (void)
{
  g_autoptr(SsvWishlistItem) show = make_wanted_show ();
  GtkWidget *tile = own (ssv_wishlist_tile_new (NULL, NULL));
  SsvWishlistItem *removed = NULL;
  GtkListBoxRow *row;
  g_autofree char *target = NULL;

  g_signal_connect (tile, "remove-item", G_CALLBACK (on_remove_item), &removed);
  ssv_wishlist_tile_set_item (SSV_WISHLIST_TILE (tile), show);
  g_assert_true (ssv_ui_test_shows_label (tile, "Severance"));
  g_assert_true (ssv_ui_test_shows_label (tile, "2 seasons · 4 episodes wanted"));
  g_assert_true (ssv_ui_test_shows_label (tile, "1 of 4 in your library"));
  g_assert_cmpfloat_with_epsilon (ssv_wishlist_tile_get_fraction (SSV_WISHLIST_TILE (tile)), 0.25, 1e-9);
  g_assert_cmpuint (ssv_wishlist_tile_count_episode_rows (SSV_WISHLIST_TILE (tile)), ==, 0);

  /* Opened: a row per wanted episode, with its heading and "in your library" mark. */
  ssv_wishlist_tile_set_expanded (SSV_WISHLIST_TILE (tile), TRUE);
  g_assert_cmpuint (ssv_wishlist_tile_count_episode_rows (SSV_WISHLIST_TILE (tile)), ==, 4);
  g_assert_true (ssv_ui_test_shows_label (tile, "Season 1 · 1 of 3 in your library"));
  row = ssv_wishlist_tile_get_episode_row (SSV_WISHLIST_TILE (tile), 2);
  g_assert_true (SSV_IS_WISHLIST_EPISODE_ROW (row));
  g_assert_true (ssv_ui_test_shows_label (GTK_WIDGET (row), "Episode 3"));
  g_assert_true (ssv_ui_test_shows_label (GTK_WIDGET (row), "No synopsis yet."));

  /* A row's button names its episode; the tile hands that episode on. */
  row = ssv_wishlist_tile_get_episode_row (SSV_WISHLIST_TILE (tile), 3);
  g_assert_true (ssv_ui_test_shows_label (GTK_WIDGET (row), "1. Hello, Ms. Cobel"));
  target = dup_target (GTK_WIDGET (row), "tile.remove-episode");
  g_assert_cmpstr (target, ==, "(2, 1)");
  gtk_widget_activate_action (tile, "tile.remove-episode", "(ii)", 2, 1);
  g_assert_nonnull (removed);
  g_assert_true (removed == ssv_wishlist_episode_row_get_item (SSV_WISHLIST_EPISODE_ROW (row)));

  /* "Search now" of the show, of a season and of an episode name what they search; a
   * season's heading says what its search is doing. */
  g_clear_pointer (&target, g_free);
  target = dup_target (tile, "wishlist.search-show");
  g_assert_cmpstr (target, ==, "(int64 5, -1)");
  g_clear_pointer (&target, g_free);
  target = dup_target (GTK_WIDGET (row), "wishlist.search-now");
  g_assert_cmpstr (target, ==, "int64 41");
  {
    g_autoptr(SsvWishlistItem) season = g_list_model_get_item (ssv_wishlist_item_get_children (show), 1);
    GtkWidget *box = GTK_WIDGET (ssv_wishlist_tile_get_episode_row (SSV_WISHLIST_TILE (tile), 0));
    g_autofree char *season_target = NULL;

    /* the episodes box: a heading and a list per season */
    box = gtk_widget_get_parent (gtk_widget_get_parent (box));
    g_clear_pointer (&target, g_free);
    ssv_wishlist_item_set_search_state (season, "Searching…");
    g_assert_true (ssv_ui_test_shows_label (box, "Searching…"));
    ssv_wishlist_item_set_search_state (season, NULL);
    g_assert_false (ssv_ui_test_shows_label (box, "Searching…"));
    for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (season_target == NULL && ssv_ui_test_shows_label (child, "Season 2 · 0 of 1 in your library"))
        season_target = dup_target (child, "wishlist.search-show");
    g_assert_cmpstr (season_target, ==, "(int64 5, 2)");
  }

  /* Recycled for nothing, it lets go of the rows and the item. */
  ssv_wishlist_tile_set_item (SSV_WISHLIST_TILE (tile), NULL);
  g_assert_cmpuint (ssv_wishlist_tile_count_episode_rows (SSV_WISHLIST_TILE (tile)), ==, 0);
  g_assert_finalize_object (tile);
}

/* ---- a wanted movie's card corner ------------------------------------------------------- */

static void
test_wishlist_movie_corner (void)
{
  g_autoptr(SsvWishlistItem) heat = ssv_wishlist_item_new (SSV_WISHLIST_KIND_MOVIE);
  g_autoptr(SsvWishlistItem) ronin = ssv_wishlist_item_new (SSV_WISHLIST_KIND_MOVIE);
  GtkWidget *corner = own (ssv_wishlist_movie_corner_new ());
  SsvWishlistMovieCorner *self = SSV_WISHLIST_MOVIE_CORNER (corner);
  g_autofree char *target = NULL;

  heat->id = 11;
  heat->title = g_strdup ("Heat");
  ronin->id = 12;
  ronin->title = g_strdup ("Ronin");

  /* Unbound: nothing said, no button names an action. */
  g_assert_cmpstr (ssv_wishlist_movie_corner_get_download_text (self), ==, "");
  g_assert_null (ssv_ui_test_find_widget (corner, is_button_named, "wishlist.search-now"));

  /* Bound: the buttons name the movie, the words follow its download as it moves. */
  ssv_wishlist_item_set_download_state (heat, "wanted");
  ssv_wishlist_item_set_search_state (heat, "Not searched yet");
  ssv_wishlist_movie_corner_set_item (self, heat);
  g_assert_cmpstr (ssv_wishlist_movie_corner_get_download_text (self), ==, "wanted");
  g_assert_true (ssv_ui_test_shows_label (corner, "Not searched yet"));
  target = dup_target (corner, "wishlist.search-now");
  g_assert_cmpstr (target, ==, "int64 11");
  g_clear_pointer (&target, g_free);
  target = dup_target (corner, "wishlist.remove-movie");
  g_assert_cmpstr (target, ==, "int64 11");
  g_clear_pointer (&target, g_free);
  ssv_wishlist_item_set_download_state (heat, "downloading 42 %");
  g_assert_cmpstr (ssv_wishlist_movie_corner_get_download_text (self), ==, "downloading 42 %");
  ssv_wishlist_item_set_download_state (heat, "failed: No seeds for 3 hours.");
  g_assert_true (ssv_ui_test_shows_label (corner, "failed: No seeds for 3 hours."));

  /* Recycled for another movie: only that one's words and id; the first one's changes no longer show. */
  ssv_wishlist_movie_corner_set_item (self, ronin);
  g_assert_cmpstr (ssv_wishlist_movie_corner_get_download_text (self), ==, "");
  g_assert_false (ssv_ui_test_shows_label (corner, "Not searched yet"));
  target = dup_target (corner, "wishlist.search-now");
  g_assert_cmpstr (target, ==, "int64 12");
  ssv_wishlist_item_set_download_state (heat, "importing");
  g_assert_false (ssv_ui_test_shows_label (corner, "importing"));

  ssv_wishlist_movie_corner_set_item (self, NULL);
  g_assert_null (ssv_ui_test_find_widget (corner, is_button_named, "wishlist.remove-movie"));
  g_assert_finalize_object (corner);
}

/* ---- day section ------------------------------------------------------------------------ */

static SsvCalendarEntry *
make_entry (gint64      episode_id,
            const char *show,
            gboolean    anytime)
{
  SsvCalendarEntry *entry = ssv_calendar_entry_new ();

  entry->episode_id = episode_id;
  entry->show_title = g_strdup (show);
  entry->season_number = 4;
  entry->episode_number = 1;
  entry->title = g_strdup ("Identity Theft");
  entry->airs = g_date_time_new_local (2026, 12, 6, 0, 0, 0);
  entry->anytime = anytime;
  return entry;
}

static void
test_day_section (void)
{
  g_autoptr(SsvCalendarDay) day = ssv_calendar_day_new ();
  g_autoptr(GDateTime) sunday = g_date_time_new_local (2026, 12, 6, 0, 0, 0);
  g_autoptr(GDateTime) monday = g_date_time_new_local (2026, 12, 7, 0, 0, 0);
  g_autoptr(SsvCalendarEntry) entry = make_entry (201, "Slow Horses", TRUE);
  GtkWidget *section;
  GtkWidget *card;

  ssv_calendar_day_set_date (day, sunday, TRUE);
  section = own (ssv_day_section_new (day, NULL));

  /* Today, and nothing on it yet. */
  g_assert_true (ssv_ui_test_shows_label (section, "Sunday"));
  g_assert_true (ssv_ui_test_shows_label (section, "6 December"));
  g_assert_true (ssv_day_section_shows_today (SSV_DAY_SECTION (section)));
  g_assert_true (ssv_ui_test_shows_label (section, "Nothing airs"));

  /* An episode: its card, and the note goes. */
  ssv_calendar_day_set_entries (day, (gpointer *) &entry, 1);
  g_assert_false (ssv_ui_test_shows_label (section, "Nothing airs"));
  card = ssv_day_section_find_card (SSV_DAY_SECTION (section), 201);
  g_assert_nonnull (card);
  g_assert_cmpstr (ssv_episode_card_get_time_text (SSV_EPISODE_CARD (card)), ==, "Anytime");
  g_assert_true (ssv_ui_test_shows_label (section, "Slow Horses"));

  /* The next week moves the day on. */
  ssv_calendar_day_set_date (day, monday, FALSE);
  ssv_calendar_day_set_entries (day, NULL, 0);
  g_assert_true (ssv_ui_test_shows_label (section, "Monday"));
  g_assert_false (ssv_day_section_shows_today (SSV_DAY_SECTION (section)));
  g_assert_null (ssv_day_section_find_card (SSV_DAY_SECTION (section), 201));
  g_assert_true (ssv_ui_test_shows_label (section, "Nothing airs"));

  g_assert_finalize_object (section);
}

/* ---- worker row --------------------------------------------------------------------------- */

static gboolean
pause_remembered (gpointer data)
{
  return ssv_test_query_int (data, "SELECT count(*) FROM settings WHERE key = 'worker.tmdb.paused' AND value = 1") == 1;
}

static gboolean
is_more_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "More") == 0;
}

static void
test_worker_row (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = ssv_context_new (path, &error);
  SsvEnrichmentEngine *engine;
  SsvWorker *tmdb;
  GtkWidget *row;
  GtkWidget *pause;
  GtkWidget *more;
  gboolean paused = TRUE;

  g_assert_no_error (error);
  engine = ssv_context_get_enrichment_engine (context);
  tmdb = ssv_enrichment_engine_lookup (engine, "tmdb");
  row = own (ssv_worker_row_new (engine, tmdb));

  /* A group named for the worker, a row for each kind it handles. */
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (row)), ==, "TMDB");
  g_assert_true (ssv_ui_test_shows_label (row, "Movies"));
  g_assert_true (ssv_ui_test_shows_label (row, "Shows"));
  g_assert_cmpfloat (ssv_worker_row_get_fraction (SSV_WORKER_ROW (row), SSV_ITEM_MOVIE), ==, 0.0);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (row)), ==, "Stopped");

  /* Its pause button pauses, says so and then offers to resume. */
  pause = ssv_ui_test_find_widget (row, is_button_named, "worker-row.toggle-pause");
  g_assert_nonnull (pause);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (pause), ==, "Pause");
  g_object_get (row, "paused", &paused, NULL);
  g_assert_false (paused);
  gtk_widget_activate_action (row, "worker-row.toggle-pause", NULL);
  g_object_get (row, "paused", &paused, NULL);
  g_assert_true (paused);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (pause), ==, "Resume");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (pause)), ==, "media-playback-start-symbolic");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (row)), ==, "Paused");
  g_assert_true (ssv_test_wait_for (pause_remembered, ssv_context_get_database (context), 10000));

  /* Its "More" menu can be opened, and is built only when it is. */
  more = ssv_ui_test_find_widget (row, is_more_button, NULL);
  g_assert_nonnull (more);
  g_assert_true (gtk_widget_get_sensitive (more));
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more)));

  g_assert_finalize_object (row);
  g_clear_object (&context);
  ssv_test_remove_tree (dir);
}

/* ---- wish profile menu -------------------------------------------------------------------- */

static gboolean
menu_loaded (gpointer data)
{
  return ssv_wish_profile_menu_get_loaded (data);
}

/* A wanted movie's menu: "Quality Profile" lists the default and every profile once opened, as
 * radio items whose target is the profile's id; choosing one sets the movie's profile, and an
 * episode's menu sets its show's. */
static void
test_wish_profile_menu (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = ssv_context_new (path, &error);
  g_autoptr(GPtrArray) movies = NULL;
  g_autoptr(GPtrArray) shows = NULL;
  g_autoptr(GMenuModel) submenu = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *loaded = NULL;
  SsvWishlistItem *season, *episode;
  SsvDatabase *db;
  GtkWidget *window, *menu, *button;
  gint64 uhd;

  g_assert_no_error (error);
  db = ssv_context_get_database (context);
  ssv_database_exec (db,
    "INSERT INTO wishlist (id, kind, source, source_id, title, year) VALUES (1, 'movie', 'tmdb', '949', 'Heat', 1995);"
    "INSERT INTO wishlist_shows (id, source, source_id, title, wanted) VALUES (1, 'tvdb', '354629', 'The Fix', 1);"
    "INSERT INTO wishlist (id, kind, wishlist_show_id, season_number, episode_number, title)"
    " VALUES (5, 'episode', 1, 1, 2, 'Second');", &error);
  g_assert_no_error (error);
  movies = ssv_wishlist_store_list_titles (ssv_context_get_wishlist_store (context), SSV_WISHLIST_KIND_MOVIE, NULL,
                                           SSV_WISHLIST_SORT_NEWEST, 0, 10, &error);
  shows = ssv_wishlist_store_list_shows (ssv_context_get_wishlist_store (context), NULL, SSV_WISHLIST_SORT_NEWEST,
                                         0, 10, &error);
  g_assert_no_error (error);

  menu = own (ssv_wish_profile_menu_new (context));
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), menu);
  gtk_window_present (GTK_WINDOW (window));
  ssv_wish_profile_menu_set_item (SSV_WISH_PROFILE_MENU (menu), g_ptr_array_index (movies, 0));

  /* An icon-only button that says what it is. */
  button = ssv_ui_test_find_widget_of_type (menu, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "More Options");

  /* Before it opens: the submenu and the default. */
  labels = ssv_ui_test_dup_menu_labels (ssv_wish_profile_menu_get_menu (SSV_WISH_PROFILE_MENU (menu)));
  g_assert_cmpstr (labels, ==, "Quality Profile");
  submenu = g_menu_model_get_item_link (ssv_wish_profile_menu_get_menu (SSV_WISH_PROFILE_MENU (menu)), 0,
                                        G_MENU_LINK_SUBMENU);
  g_assert_nonnull (submenu);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_true (ssv_test_wait_for (menu_loaded, menu, 10000));
  loaded = ssv_ui_test_dup_menu_labels (submenu);
  g_assert_cmpstr (loaded, ==, "Default|HD 1080p|Ultra-HD|Any");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  {
    g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (submenu, 2, G_MENU_ATTRIBUTE_TARGET, NULL);
    g_autofree char *action = NULL;

    uhd = ssv_test_query_int (db, "SELECT id FROM quality_profiles WHERE name = 'Ultra-HD'");
    g_assert_true (g_menu_model_get_item_attribute (submenu, 2, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "wish-profile.set");
    g_assert_cmpint (g_variant_get_int64 (target), ==, uhd);
  }

  /* Choosing "Ultra-HD" sets the movie's profile. */
  g_assert_true (gtk_widget_activate_action (menu, "wish-profile.set", "x", uhd));
  g_assert_true (ssv_test_wait_for_query_int (db, "SELECT coalesce (profile_id, 0) FROM wishlist WHERE id = 1", uhd,
                                              10000));

  /* An episode's menu sets its show's profile; the episode row itself keeps none. */
  season = g_list_model_get_item (ssv_wishlist_item_get_children (g_ptr_array_index (shows, 0)), 0);
  episode = g_list_model_get_item (ssv_wishlist_item_get_children (season), 0);
  ssv_wish_profile_menu_set_item (SSV_WISH_PROFILE_MENU (menu), episode);
  g_assert_true (gtk_widget_activate_action (menu, "wish-profile.set", "x", uhd));
  g_assert_true (ssv_test_wait_for_query_int (db, "SELECT coalesce (profile_id, 0) FROM wishlist_shows WHERE id = 1",
                                              uhd, 10000));
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM wishlist WHERE id = 5 AND profile_id IS NULL"), ==, 1);
  g_object_unref (episode);
  g_object_unref (season);

  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  ssv_ui_test_iterate (50);
  g_assert_finalize_object (menu);
  g_clear_object (&context);
  ssv_test_remove_tree (dir);
}

/* ---- the reload gate ------------------------------------------------------------------ */

static void
count_reload (SsvReloadGate *gate,
              guint         *reloads)
{
  (*reloads)++;
}

static void
wait_while_queued (SsvReloadGate *gate)
{
  while (ssv_reload_gate_get_queued (gate))
    g_main_context_iteration (NULL, TRUE);
}

/* A view not read yet reads what is current when it first shows: changes before need nothing. */
static void
test_reload_gate_nothing_before_open (void)
{
  SsvReloadGate *gate = ssv_reload_gate_new (1);
  guint reloads = 0;

  g_signal_connect (gate, "reload", G_CALLBACK (count_reload), &reloads);
  for (int i = 0; i < 5; i++)
    ssv_reload_gate_queue (gate);
  g_assert_false (ssv_reload_gate_get_open (gate));
  g_assert_false (ssv_reload_gate_get_queued (gate));
  g_assert_cmpuint (reloads, ==, 0);

  g_assert_finalize_object (gate);
}

/* Once read, a burst of changes (a scan's rows) makes one reload, and later changes another. */
static void
test_reload_gate_many_changes_one_reload (void)
{
  SsvReloadGate *gate = ssv_reload_gate_new (SSV_RELOAD_GATE_DELAY_MS);
  guint reloads = 0;

  g_signal_connect (gate, "reload", G_CALLBACK (count_reload), &reloads);
  ssv_reload_gate_open (gate);
  g_assert_true (ssv_reload_gate_get_open (gate));

  for (int i = 0; i < 20; i++)
    ssv_reload_gate_queue (gate);
  g_assert_true (ssv_reload_gate_get_queued (gate));
  g_assert_cmpuint (reloads, ==, 0);
  wait_while_queued (gate);
  g_assert_cmpuint (reloads, ==, 1);

  ssv_reload_gate_queue (gate);
  wait_while_queued (gate);
  g_assert_cmpuint (reloads, ==, 2);

  g_assert_finalize_object (gate);
}

/* A view that reads at once on its own takes back the queued reload; a gate that goes takes
 * its timer with it. */
static void
test_reload_gate_unqueued_or_gone_is_quiet (void)
{
  SsvReloadGate *gate = ssv_reload_gate_new (1);
  guint reloads = 0;

  g_signal_connect (gate, "reload", G_CALLBACK (count_reload), &reloads);
  ssv_reload_gate_open (gate);
  ssv_reload_gate_queue (gate);
  ssv_reload_gate_unqueue (gate);
  g_assert_false (ssv_reload_gate_get_queued (gate));
  ssv_ui_test_iterate (50);
  g_assert_cmpuint (reloads, ==, 0);

  ssv_reload_gate_queue (gate);
  g_assert_finalize_object (gate);
  ssv_ui_test_iterate (50);
  g_assert_cmpuint (reloads, ==, 0);
}

/* ---- following a channel from a box ----------------------------------------------------- */

#define FOLLOW_SYNTH_ID "UCaaaaaaaaaaaaaaaaaaaaa1"

static void
on_channel_followed (SsvChannelFollow *follow,
                     const char       *channel_id,
                     char            **followed)
{
  g_free (*followed);
  *followed = g_strdup (channel_id);
}

static void
wait_while_following (SsvChannelFollow *follow)
{
  while (ssv_channel_follow_get_busy (follow))
    g_main_context_iteration (NULL, TRUE);
}

/* The box the dialog and the channel list share: words when there is nothing to follow or
 * the address is not a channel's, a spinner and a locked entry while the service reads, and
 * the channel followed. */
static void
test_channel_follow_box (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  SsvFakeServer *server = ssv_fake_server_new ();
  SsvFakeYoutube *youtube = ssv_fake_youtube_new (server);
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvChannelStore) store = ssv_channel_store_new (db);
  g_autoptr(SsvWatchlistStore) watchlist = ssv_watchlist_store_new (db);
  g_autoptr(SsvWishlistStore) wishlist = ssv_wishlist_store_new (db);
  g_autoptr(SsvChannelService) service = NULL;
  GtkWidget *entry = g_object_ref_sink (gtk_entry_new ());
  GtkWidget *spinner = g_object_ref_sink (gtk_spinner_new ());
  GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));
  SsvChannelFollow *follow;
  g_autofree char *followed = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  ssv_http_set_retry_policy (http, 1, 10);
  ssv_fake_youtube_point_http (youtube, http);
  ssv_fake_youtube_set_now (youtube, now);
  ssv_fake_youtube_add_synthetic (youtube, FOLLOW_SYNTH_ID, "@madeup", "Made Up", 5, now - 3 * 86400, 86400);
  service = ssv_channel_service_new (http, store, watchlist, wishlist);

  follow = ssv_channel_follow_new (service);
  ssv_channel_follow_bind (follow, NULL, NULL, GTK_EDITABLE (entry), GTK_SPINNER (spinner), GTK_LABEL (label));
  g_signal_connect (follow, "followed", G_CALLBACK (on_channel_followed), &followed);
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_false (gtk_widget_get_visible (spinner));

  /* Nothing pasted: what to paste, and nothing asked of the service. */
  ssv_channel_follow_start (follow, "   ");
  g_assert_false (ssv_channel_follow_get_busy (follow));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "youtube.com/@name"));
  ssv_channel_follow_clear_error (follow);
  g_assert_false (gtk_widget_get_visible (label));

  /* A video's address: a spinner and a locked entry while it is read, then the service's words. */
  ssv_channel_follow_start (follow, "https://www.youtube.com/watch?v=D0WQK7cMJn8");
  g_assert_true (ssv_channel_follow_get_busy (follow));
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  wait_while_following (follow);
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "address of a video"));
  g_assert_null (followed);

  /* The channel's address: followed, and the words gone. */
  ssv_channel_follow_start (follow, " https://www.youtube.com/@madeup ");
  g_assert_false (gtk_widget_get_visible (label));
  wait_while_following (follow);
  g_assert_cmpstr (followed, ==, FOLLOW_SYNTH_ID);
  g_assert_cmpstr (ssv_channel_follow_get_followed (follow), ==, FOLLOW_SYNTH_ID);
  g_assert_null (ssv_channel_follow_get_error (follow));
  g_assert_false (gtk_widget_get_visible (label));

  g_assert_finalize_object (follow);
  g_object_unref (entry);
  g_object_unref (spinner);
  g_object_unref (label);
  g_clear_object (&service);
  ssv_fake_youtube_free (youtube);
  ssv_fake_server_free (server);
  g_clear_object (&store);
  g_clear_object (&watchlist);
  g_clear_object (&wishlist);
  ssv_test_close_temp_database (&db, &dir);
}

/* ---- the Library's filter popover ------------------------------------------------ */

static void
count_changed (guint *n)
{
  (*n)++;
}

/* The first control of @type in the popover's grid. */
static GtkWidget *
filters_control (GtkWidget *filters,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_popover_get_child (GTK_POPOVER (filters)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;

  return NULL;
}

static void
test_library_filters (void)
{
  g_autoptr(GtkStringList) genres = gtk_string_list_new ((const char * const[]) { "All Genres", "Drama", "Horror",
                                                                                  NULL });
  GtkWidget *filters = own (ssv_library_filters_new (G_LIST_MODEL (genres)));
  SsvLibraryFilterChoice shown = { 2, 1990, 2010, 1, TRUE };
  SsvLibraryFilterChoice choice;
  GtkWidget *genre = filters_control (filters, GTK_TYPE_DROP_DOWN);
  GtkWidget *check = filters_control (filters, GTK_TYPE_CHECK_BUTTON);
  guint changed = 0;

  g_signal_connect_swapped (filters, "changed", G_CALLBACK (count_changed), &changed);

  /* As it opens: every genre, every year, watched or not, with a file or not. */
  ssv_library_filters_get_choice (SSV_LIBRARY_FILTERS (filters), &choice);
  g_assert_cmpuint (choice.genre, ==, 0);
  g_assert_cmpint (choice.year_from, ==, SSV_LIBRARY_FILTERS_YEAR_MIN);
  g_assert_cmpint (choice.year_to, ==, SSV_LIBRARY_FILTERS_YEAR_MAX);
  g_assert_cmpuint (choice.watched, ==, 0);
  g_assert_false (choice.has_file);
  g_assert_true (gtk_drop_down_get_model (GTK_DROP_DOWN (genre)) == G_LIST_MODEL (genres));

  /* What the page filters by, shown without a "changed" back. */
  ssv_library_filters_set_choice (SSV_LIBRARY_FILTERS (filters), &shown);
  ssv_library_filters_get_choice (SSV_LIBRARY_FILTERS (filters), &choice);
  g_assert_cmpuint (choice.genre, ==, 2);
  g_assert_cmpint (choice.year_from, ==, 1990);
  g_assert_cmpint (choice.year_to, ==, 2010);
  g_assert_cmpuint (choice.watched, ==, 1);
  g_assert_true (choice.has_file);
  g_assert_cmpuint (changed, ==, 0);

  /* A person's change is one "changed". */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (genre), 1);
  g_assert_cmpuint (changed, ==, 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_cmpuint (changed, ==, 2);
  ssv_library_filters_get_choice (SSV_LIBRARY_FILTERS (filters), &choice);
  g_assert_cmpuint (choice.genre, ==, 1);
  g_assert_false (choice.has_file);

  g_assert_finalize_object (filters);
}

int
main (int    argc,
      char **argv)
{
  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/ui/poster-art/initials-badge-and-art", test_poster_art);
  g_test_add_func ("/ui/channel-follow/box-shows-the-follow", test_channel_follow_box);
  g_test_add_func ("/ui/reload-gate/nothing-before-open", test_reload_gate_nothing_before_open);
  g_test_add_func ("/ui/reload-gate/many-changes-one-reload", test_reload_gate_many_changes_one_reload);
  g_test_add_func ("/ui/reload-gate/unqueued-or-gone-is-quiet", test_reload_gate_unqueued_or_gone_is_quiet);
  g_test_add_func ("/ui/poster-card/shows-its-item", test_poster_card);
  g_test_add_func ("/ui/cast-card/shows-the-person", test_cast_card);
  g_test_add_func ("/ui/rating-badge/shows-the-score", test_rating_badge);
  g_test_add_func ("/ui/episode-row/shows-the-episode", test_episode_row);
  g_test_add_func ("/ui/title-hero/shows-the-title", test_title_hero);
  g_test_add_func ("/ui/title-overview/shows-overview-and-crew", test_title_overview);
  g_test_add_func ("/ui/cast-row/keeps-cards-of-the-same-cast", test_cast_row);
  g_test_add_func ("/ui/season-episodes/one-season-at-a-time", test_season_episodes);
  g_test_add_func ("/ui/title-files/a-row-per-file", test_title_files);
  g_test_add_func ("/ui/wish-button/follows-the-store", test_wish_button);
  g_test_add_func ("/ui/wishlist-tile/rows-and-removal", test_wishlist_tile);
  g_test_add_func ("/ui/wishlist-movie-corner/follows-its-movie", test_wishlist_movie_corner);
  g_test_add_func ("/ui/wish-profile-menu/sets-the-items-profile", test_wish_profile_menu);
  g_test_add_func ("/ui/day-section/follows-its-day", test_day_section);
  g_test_add_func ("/ui/worker-row/state-and-pause", test_worker_row);
  g_test_add_func ("/ui/library-filters/choice-and-changed", test_library_filters);

  return g_test_run ();
}
