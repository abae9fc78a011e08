/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-enrichment.c: the real app with fake metadata providers: worker orbs, Manage
 * Workers (pause, unmatched titles, re-match) and the API key preferences. */

#include "config.h"

#include <string.h>

#include "widgets/ssv-cast-card.h"
#include "widgets/ssv-episode-row.h"
#include "ssv-fake-providers.h"
#include "widgets/ssv-rating-badge.h"
#include "pages/ssv-title-page-private.h"
#include "pages/title/ssv-cast-row.h"
#include "pages/title/ssv-season-episodes.h"
#include "pages/title/ssv-title-hero-private.h"
#include "preferences/ssv-metadata-preferences.h"
#include "preferences/ssv-preferences-window.h"
#include "dialogs/ssv-rematch-dialog.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "widgets/ssv-worker-orb.h"
#include "dialogs/ssv-worker-row.h"
#include "dialogs/ssv-workers-dialog.h"
#include "stores/ssv-settings-store.h"

static char *tmp_dir;
static SsvFakeServer *server;
static SsvFakeProviders *fake;

static const char * const providers[] = { "tmdb", "tvdb", "omdb", "fanart", "opensubtitles" };

static void
store_key (const char *provider,
           const char *key)
{
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autofree char *name = g_strconcat ("api-key:", provider, NULL);
  g_autoptr(GError) error = NULL;

  ssv_secrets_store_sync (secrets, name, "test key", key, NULL, &error);
  g_assert_no_error (error);
}

static char *
lookup_key (const char *provider)
{
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autofree char *name = g_strconcat ("api-key:", provider, NULL);

  return ssv_secrets_lookup_sync (secrets, name, NULL, NULL);
}

/* A library with one title TMDB knows and one it does not; only TMDB has a key. */
static char *
make_library (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (path, &error);

  g_assert_no_error (error);
  ssv_database_exec (db, "INSERT INTO movies (id, title, year) VALUES (1, 'Fight Club', 1999), "
                         "(2, 'A Film Nobody Made', 2003)", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    store_key (providers[i], NULL);
  store_key ("tmdb", "good-tmdb");

  return g_steal_pointer (&path);
}

static gint64
query_int (const char *db_path,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

  g_assert_no_error (error);
  return ssv_test_query_int (db, sql);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *name)
{
  g_autoptr(GPtrArray) all = find_all (root, type);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (all, i)), name) == 0)
      return g_ptr_array_index (all, i);

  return NULL;
}

static SsvWorkerOrb *
find_orb (SsvWindow  *window,
          const char *name)
{
  g_autoptr(GPtrArray) orbs = find_all (GTK_WIDGET (window), SSV_TYPE_WORKER_ORB);

  for (guint i = 0; i < orbs->len; i++)
    {
      SsvWorkerOrb *orb = g_ptr_array_index (orbs, i);

      if (g_strcmp0 (ssv_worker_get_name (ssv_worker_orb_get_worker (orb)), name) == 0)
        return orb;
    }

  return NULL;
}

static void
wait_for_state (SsvWorker      *worker,
                SsvWorkerState  state)
{
  ssv_test_wait_for_worker_state (worker, state, 20000);
}

static gboolean
unmatched_loaded (gpointer data)
{
  return !ssv_workers_dialog_is_loading (data) && ssv_workers_dialog_get_n_unmatched (data) > 0;
}

static gboolean
rematch_settled (gpointer data)
{
  return g_strcmp0 (ssv_rematch_dialog_get_state (data), "loading") != 0;
}

static gboolean
rematch_closed (gpointer data)
{
  return ssv_ui_test_find_window (SSV_TYPE_REMATCH_DIALOG) == NULL;
}

static void
test_orbs_and_workers_dialog (void)
{
  g_autofree char *db_path = make_library ("workers.db");
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvEnrichmentEngine *engine = ssv_context_get_enrichment_engine (ssv_window_get_context (window));
  SsvWorker *tmdb = ssv_enrichment_engine_lookup (engine, "tmdb");
  SsvWorker *omdb = ssv_enrichment_engine_lookup (engine, "omdb");
  g_autoptr(GPtrArray) rows = NULL;
  SsvWorkersDialog *dialog;
  SsvRematchDialog *rematch;
  GtkListBox *list;
  GtkListBoxRow *first;
  SsvWorkerOrb *orb;
  const char *tooltip;
  SsvKindStats stats;

  /* The app starts the workers: TMDB matches one title and finds nothing for the other. */
  wait_for_state (tmdb, SSV_WORKER_IDLE);
  ssv_worker_get_stats (tmdb, SSV_ITEM_MOVIE, &stats);
  g_assert_cmpint (stats.matched, ==, 1);
  g_assert_cmpint (stats.not_found, ==, 1);
  ssv_ui_test_iterate (200);

  /* An orb per running worker, saying how it is. */
  orb = find_orb (window, "tmdb");
  g_assert_nonnull (orb);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (orb)));
  g_assert_cmpstr (ssv_worker_orb_get_look (orb), ==, "idle");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (orb)), ==, "TMDB: up to date");
  orb = find_orb (window, "omdb");
  wait_for_state (omdb, SSV_WORKER_NEEDS_KEY);
  ssv_ui_test_iterate (100);
  g_assert_cmpstr (ssv_worker_orb_get_look (orb), ==, "needs-key");
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (orb));
  g_assert_cmpstr (tooltip, ==, "OMDb: Add your OMDb API key in Preferences");
  ssv_ui_test_screenshot (GTK_WIDGET (window), "worker-orbs");

  /* Manage Workers: a group per worker with its progress. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.manage-workers", NULL);
  ssv_ui_test_iterate (300);
  dialog = SSV_WORKERS_DIALOG (ssv_ui_test_find_window (SSV_TYPE_WORKERS_DIALOG));
  g_assert_nonnull (dialog);
  rows = find_all (GTK_WIDGET (dialog), SSV_TYPE_WORKER_ROW);
  /* The metadata workers, then YouTube's channel sweep and its extras. */
  {
    g_autoptr(GString) names = g_string_new (NULL);

    for (guint i = 0; i < rows->len; i++)
      g_string_append_printf (names, "%s%s", i > 0 ? " " : "",
                              ssv_worker_get_name (ssv_worker_row_get_worker (g_ptr_array_index (rows, i))));
    g_assert_cmpstr (names->str, ==, "tmdb tvdb omdb fanart opensubtitles youtube sponsorblock dearrow ryd");
  }
  for (guint i = 0; i < rows->len; i++)
    if (ssv_worker_row_get_worker (g_ptr_array_index (rows, i)) == tmdb)
      g_assert_cmpfloat (ssv_worker_row_get_fraction (g_ptr_array_index (rows, i), SSV_ITEM_MOVIE), ==, 1.0);
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "workers-dialog");

  /* Pause from the dialog: remembered in the library. */
  for (guint i = 0; i < rows->len; i++)
    if (ssv_worker_row_get_worker (g_ptr_array_index (rows, i)) == tmdb)
      gtk_widget_activate_action (g_ptr_array_index (rows, i), "worker-row.toggle-pause", NULL);
  wait_for_state (tmdb, SSV_WORKER_PAUSED);
  ssv_ui_test_iterate (300);
  g_assert_cmpint (query_int (db_path, "SELECT value FROM settings WHERE key = 'worker.tmdb.paused'"), ==, 1);
  for (guint i = 0; i < rows->len; i++)
    if (ssv_worker_row_get_worker (g_ptr_array_index (rows, i)) == tmdb)
      gtk_widget_activate_action (g_ptr_array_index (rows, i), "worker-row.toggle-pause", NULL);
  wait_for_state (tmdb, SSV_WORKER_IDLE);

  /* The unmatched title, and a hand-picked match for it. */
  ssv_workers_dialog_show_unmatched (dialog);
  g_assert_true (ssv_test_wait_for (unmatched_loaded, dialog, 10000));
  g_assert_cmpuint (ssv_workers_dialog_get_n_unmatched (dialog), ==, 1);
  list = ssv_workers_dialog_get_unmatched_list (dialog);
  first = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "A Film Nobody Made (2003)");
  ssv_ui_test_iterate (300);
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "workers-unmatched");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "workers-dialog.rematch", "(uxsi)",
                              (guint) SSV_ITEM_MOVIE, (gint64) 2, "A Film Nobody Made", 2003);
  ssv_ui_test_iterate (200);
  rematch = SSV_REMATCH_DIALOG (ssv_ui_test_find_window (SSV_TYPE_REMATCH_DIALOG));
  g_assert_nonnull (rematch);
  g_assert_true (ssv_test_wait_for (rematch_settled, rematch, 10000));
  /* TMDB knows nothing by that name: the person types another. */
  g_assert_cmpstr (ssv_rematch_dialog_get_state (rematch), ==, "empty");
  {
    GtkWidget *entry = GTK_WIDGET (find_all (GTK_WIDGET (rematch), GTK_TYPE_SEARCH_ENTRY)->pdata[0]);

    gtk_editable_set_text (GTK_EDITABLE (entry), "Fight Club");
    g_signal_emit_by_name (entry, "activate");
  }
  ssv_ui_test_iterate (100);
  g_assert_true (ssv_test_wait_for (rematch_settled, rematch, 10000));
  g_assert_cmpstr (ssv_rematch_dialog_get_state (rematch), ==, "results");
  ssv_ui_test_iterate (300);
  ssv_ui_test_screenshot (GTK_WIDGET (rematch), "rematch-dialog");

  g_signal_emit_by_name (ssv_rematch_dialog_get_results (rematch), "row-activated",
                         gtk_list_box_get_row_at_index (ssv_rematch_dialog_get_results (rematch), 0));
  /* The pick is saved, and the dialog closes. */
  g_assert_true (ssv_test_wait_for (rematch_closed, NULL, 20000));
  g_assert_cmpint (query_int (db_path, "SELECT tmdb_id FROM movies WHERE id = 2"), ==, 550);

  /* The workers took it up again, this title first: it is matched now. */
  wait_for_state (tmdb, SSV_WORKER_IDLE);
  ssv_ui_test_iterate (500);
  wait_for_state (tmdb, SSV_WORKER_IDLE);
  g_assert_cmpint (query_int (db_path, "SELECT count(*) FROM enrichment_status WHERE movie_id = 2 "
                                       "AND provider = 'tmdb' AND status = 'matched'"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  ssv_ui_test_stop_app (app);
}

static void
test_key_preferences (void)
{
  g_autofree char *db_path = make_library ("keys.db");
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvEnrichmentEngine *engine = ssv_context_get_enrichment_engine (ssv_window_get_context (window));
  SsvWorker *omdb = ssv_enrichment_engine_lookup (engine, "omdb");
  g_autofree char *stored = NULL;
  GtkWidget *preferences;
  GtkWidget *tmdb_row;
  GtkWidget *omdb_row;
  GtkWidget *language;

  wait_for_state (omdb, SSV_WORKER_NEEDS_KEY);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ssv_ui_test_iterate (500);
  preferences = ssv_ui_test_find_window (SSV_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (ssv_preferences_window_show_page (SSV_PREFERENCES_WINDOW (preferences), "metadata"));
  ssv_ui_test_iterate (300);

  /* The stored key shows (hidden); the others are empty. */
  tmdb_row = find_named (preferences, ADW_TYPE_PASSWORD_ENTRY_ROW, "tmdb");
  omdb_row = find_named (preferences, ADW_TYPE_PASSWORD_ENTRY_ROW, "omdb");
  g_assert_nonnull (tmdb_row);
  g_assert_nonnull (omdb_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tmdb_row)), ==, "good-tmdb");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (omdb_row)), ==, "");
  ssv_ui_test_screenshot (preferences, "preferences-metadata");

  /* A key typed and applied goes to the keyring, and the worker picks it up. */
  gtk_editable_set_text (GTK_EDITABLE (omdb_row), "good-omdb");
  g_signal_emit_by_name (omdb_row, "apply");
  ssv_ui_test_iterate (500);
  stored = lookup_key ("omdb");
  g_assert_cmpstr (stored, ==, "good-omdb");
  wait_for_state (omdb, SSV_WORKER_IDLE);
  /* OMDb rated what TMDB found an IMDb id for. */
  g_assert_cmpint (query_int (db_path, "SELECT rt_score FROM movies WHERE id = 1"), ==, 79);

  /* The language is kept with the library. */
  language = find_named (preferences, ADW_TYPE_COMBO_ROW, "language");
  g_assert_nonnull (language);
  adw_combo_row_set_selected (ADW_COMBO_ROW (language), 2);
  ssv_ui_test_iterate (500);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);
    g_autofree char *saved = ssv_settings_store_get (db, "metadata.language", &error);

    g_assert_cmpstr (saved, ==, "de-DE");
  }

  gtk_window_destroy (GTK_WINDOW (preferences));
  ssv_ui_test_stop_app (app);
}

static void
test_billboard_widgets (void)
{
  static const struct { SsvRatingSource source; double value; const char *look; const char *text; } badges[] = {
    { SSV_RATING_IMDB, 8.8, "imdb", "IMDb rating 8.8 out of 10" },
    { SSV_RATING_ROTTEN_TOMATOES, 79, "rt-fresh", "Rotten Tomatoes 79%, fresh" },
    { SSV_RATING_ROTTEN_TOMATOES, 59, "rt-rotten", "Rotten Tomatoes 59%, rotten" },
    { SSV_RATING_METACRITIC, 67, "metacritic-good", "Metascore 67 out of 100" },
    { SSV_RATING_METACRITIC, 40, "metacritic-mixed", "Metascore 40 out of 100" },
    { SSV_RATING_METACRITIC, 39, "metacritic-bad", "Metascore 39 out of 100" },
    { SSV_RATING_TMDB, 8.4, "tmdb", "TMDB rating 8.4 out of 10" },
  };
  g_autoptr(SsvEpisode) owned = g_object_new (SSV_TYPE_EPISODE, "id", (gint64) 1, "season-number", 1,
                                              "episode-number", 1, "title", "Winter Is Coming",
                                              "overview", "Jon Arryn is dead.", "air-date", "2011-04-17",
                                              "runtime-minutes", 62, "has-file", TRUE, "watched", TRUE, NULL);
  g_autoptr(SsvEpisode) aired = g_object_new (SSV_TYPE_EPISODE, "id", (gint64) 2, "season-number", 1,
                                              "episode-number", 2, "title", "The Kingsroad", "air-date", "2011-04-24",
                                              "runtime-minutes", 56, NULL);
  g_autoptr(SsvEpisode) coming = g_object_new (SSV_TYPE_EPISODE, "id", (gint64) 3, "season-number", 9,
                                               "episode-number", 1, "air-date", "2031-01-01", NULL);
  g_autoptr(SsvEpisode) undated = g_object_new (SSV_TYPE_EPISODE, "id", (gint64) 4, "season-number", 9,
                                                "episode-number", 2, NULL);
  g_autoptr(SsvCastMember) narrator = ssv_cast_member_new ("Edward Norton", "Narrator", NULL);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *card = ssv_cast_card_new (narrator, NULL);
  g_autoptr(GdkTexture) headshot = NULL;
  g_autoptr(GBytes) pixels = NULL;
  guint8 data[4 * 4 * 4];

  for (guint i = 0; i < G_N_ELEMENTS (badges); i++)
    {
      GtkWidget *badge = ssv_rating_badge_new (badges[i].source, badges[i].value);

      g_assert_cmpstr (ssv_rating_badge_get_look (SSV_RATING_BADGE (badge)), ==, badges[i].look);
      g_assert_cmpstr (ssv_rating_badge_get_text (SSV_RATING_BADGE (badge)), ==, badges[i].text);
      g_assert_true (gtk_widget_has_css_class (badge, badges[i].look));
      gtk_box_append (GTK_BOX (row), badge);
    }

  /* Owned, missing, upcoming: a file decides, then the air date against today. */
  g_assert_cmpstr (ssv_episode_state_for (owned, "2026-11-24"), ==, "owned");
  g_assert_cmpstr (ssv_episode_state_for (aired, "2026-11-24"), ==, "missing");
  g_assert_cmpstr (ssv_episode_state_for (coming, "2026-11-24"), ==, "upcoming");
  g_assert_cmpstr (ssv_episode_state_for (undated, "2026-11-24"), ==, "upcoming");
  g_assert_cmpstr (ssv_episode_state_for (aired, "2011-04-24"), ==, "missing");
  g_assert_cmpstr (ssv_episode_state_for (aired, "2011-04-23"), ==, "upcoming");
  gtk_list_box_append (GTK_LIST_BOX (list), ssv_episode_row_new (owned, NULL, "2026-11-24"));
  gtk_list_box_append (GTK_LIST_BOX (list), ssv_episode_row_new (aired, NULL, "2026-11-24"));
  gtk_list_box_append (GTK_LIST_BOX (list), ssv_episode_row_new (coming, NULL, "2026-11-24"));
  g_assert_cmpstr (ssv_episode_row_get_state (SSV_EPISODE_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1))),
                   ==, "missing");

  /* Initials until the headshot arrives. */
  g_assert_false (ssv_cast_card_has_headshot (SSV_CAST_CARD (card)));
  for (guint i = 0; i < sizeof data; i++)
    data[i] = (i % 4 == 3) ? 255 : (guint8) (i * 7);
  pixels = g_bytes_new (data, sizeof data);
  headshot = gdk_memory_texture_new (4, 4, GDK_MEMORY_R8G8B8A8, pixels, 16);
  ssv_cast_card_set_headshot (SSV_CAST_CARD (card), GDK_PAINTABLE (headshot));
  g_assert_true (ssv_cast_card_has_headshot (SSV_CAST_CARD (card)));

  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), card);
  gtk_box_append (GTK_BOX (box), list);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  /* Without the app running, its style sheet is loaded by hand. */
  gtk_css_provider_load_from_resource (css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, -1);
  gtk_window_present (GTK_WINDOW (window));
  ssv_ui_test_iterate (400);
  ssv_ui_test_screenshot (window, "billboard-widgets");
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
}

/* ---- the billboard ------------------------------------------------------------- */

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
surface_to_png (cairo_surface_t *surface)
{
  GByteArray *png = g_byte_array_new ();

  cairo_surface_write_to_png_stream (surface, append_png, png);
  return g_byte_array_free_to_bytes (png);
}

/* Pictures for the fake TMDB image host, drawn per kind: a wordmark logo, a backdrop,
 * headshots and stills in a colour of their own (from the file name). */
static gboolean
image_handler (SsvFakeServer        *fake_server,
               const SsvFakeRequest *request,
               guint                *status,
               char                **content_type,
               GBytes              **body,
               gpointer              user_data)
{
  guint hash = g_str_hash (request->path);
  double hue = (hash % 360) / 360.0;
  cairo_surface_t *surface;
  cairo_pattern_t *gradient;
  cairo_t *cr;
  int width, height;

  if (strstr (request->path, "/w1280/") != NULL)
    width = 1280, height = 720;
  else if (strstr (request->path, "/w185/") != NULL)
    width = 185, height = 278;
  else if (strstr (request->path, "/w300/") != NULL)
    width = 300, height = 169;
  else if (g_str_has_suffix (request->path, ".png"))
    width = 600, height = 150;
  else
    width = 500, height = 750;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);

  if (width == 600)
    {
      /* A logo: the title's letters on transparency, fitted to the width. */
      const char *words = strstr (request->path, "7Uqhv24pGJs4Ns31NoOPWFJGWNG") ? "FIGHT CLUB" : "GAME OF THRONES";
      cairo_text_extents_t extents;

      cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 100);
      cairo_text_extents (cr, words, &extents);
      cairo_set_font_size (cr, 100 * (width - 24) / extents.width);
      cairo_text_extents (cr, words, &extents);
      cairo_move_to (cr, 12 - extents.x_bearing, (height - extents.height) / 2 - extents.y_bearing);
      cairo_text_path (cr, words);
      cairo_set_source_rgb (cr, 0.93, 0.93, 0.90);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.75, 0.1, 0.2);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
  else
    {
      gradient = cairo_pattern_create_linear (0, 0, width, height);
      cairo_pattern_add_color_stop_rgb (gradient, 0, 0.15 + 0.5 * hue, 0.2, 0.45);
      cairo_pattern_add_color_stop_rgb (gradient, 1, 0.9, 0.45 + 0.3 * hue, 0.25);
      cairo_set_source (cr, gradient);
      cairo_paint (cr);
      cairo_pattern_destroy (gradient);
      /* Something round in it: a head, a sun. */
      cairo_set_source_rgba (cr, 1, 1, 1, 0.35);
      cairo_arc (cr, width * 0.5, height * 0.38, MIN (width, height) * 0.22, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
  *body = surface_to_png (surface);
  cairo_surface_destroy (surface);
  *content_type = g_strdup ("image/png");
  *status = 200;

  return TRUE;
}

static gboolean
page_loaded (gpointer data)
{
  return g_strcmp0 (ssv_title_page_get_state (data), "content") == 0;
}

static GtkWidget *
cast_cards (SsvTitlePage *page)
{
  return ssv_cast_row_get_cards (SSV_CAST_ROW (ssv_title_page_get_section (page, "cast_row")));
}

static SsvTitleHero *
hero_of (SsvTitlePage *page)
{
  return SSV_TITLE_HERO (ssv_title_page_get_section (page, "hero"));
}

static SsvSeasonEpisodes *
episodes_of (SsvTitlePage *page)
{
  return SSV_SEASON_EPISODES (ssv_title_page_get_section (page, "season_episodes"));
}

static gboolean
billboard_complete (gpointer data)
{
  SsvTitlePage *page = data;
  SsvTitle *billboard = ssv_title_page_get_item (page);
  GtkWidget *cast = cast_cards (page);

  if (!page_loaded (page) || billboard == NULL || !ssv_title_get_synced (billboard) ||
      !ssv_title_hero_has_logo (hero_of (page)))
    return FALSE;

  /* Every cast member with a headshot shows it; the others keep their initials. */
  {
    guint i = 0;

    for (GtkWidget *card = gtk_widget_get_first_child (cast); card != NULL;
         card = gtk_widget_get_next_sibling (card), i++)
      {
        g_autoptr(SsvCastMember) person = g_list_model_get_item (ssv_title_get_cast (billboard), i);

        if ((ssv_cast_member_get_profile_url (person) != NULL) != ssv_cast_card_has_headshot (SSV_CAST_CARD (card)))
          return FALSE;
      }
  }

  return TRUE;
}

static void
describe_page (SsvTitlePage *page)
{
  SsvTitle *billboard = ssv_title_page_get_item (page);
  guint cards = 0, shots = 0;

  for (GtkWidget *card = gtk_widget_get_first_child (cast_cards (page)); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      cards++;
      shots += ssv_cast_card_has_headshot (SSV_CAST_CARD (card));
    }
  g_test_message ("state %s, synced %d, logo %d (%s), headshots %u of %u", ssv_title_page_get_state (page),
                  billboard ? ssv_title_get_synced (billboard) : -1, ssv_title_hero_has_logo (hero_of (page)),
                  billboard && ssv_title_get_logo_url (billboard) ? ssv_title_get_logo_url (billboard) : "no logo url",
                  shots, cards);
}

static void
wait_for_billboard (SsvTitlePage *page)
{
  if (!ssv_test_wait_for (billboard_complete, page, 20000))
    {
      describe_page (page);
      g_error ("The billboard did not complete");
    }
}

static guint
count_children (GtkWidget *parent)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (parent); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static SsvTitlePage *
open_title (SsvWindow  *window,
            const char *action,
            gint64      id)
{
  SsvPage *page;

  gtk_widget_activate_action (GTK_WIDGET (window), action, "x", id);
  ssv_ui_test_iterate (100);
  page = ssv_window_get_visible_page (window);
  g_assert_true (SSV_IS_TITLE_PAGE (page));
  g_assert_true (ssv_test_wait_for (page_loaded, page, 10000));

  return SSV_TITLE_PAGE (page);
}

static void
test_billboard (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *db_path = make_library ("billboard.db");
  g_autofree char *last_title = NULL;
  SsvApplication *app;
  SsvWindow *window;
  SsvEnrichmentEngine *engine;
  SsvTitlePage *page;
  SsvTitle *billboard;
  GtkWidget *logo;
  gint64 late_id;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    ssv_database_exec (db,
      "INSERT INTO servers (id, kind, name, url) VALUES (1, 'folder', 'Home', '/srv');"
      "INSERT INTO media_files (movie_id, server_source, path, size_bytes, container) "
      "  VALUES (1, 1, '/srv/Fight Club (1999).mkv', 4000000000, 'mkv');"
      "INSERT INTO shows (id, title, year) VALUES (1, 'Game of Thrones', 2011);"
      "INSERT INTO episodes (id, show_id, season_number, episode_number, title, watched) VALUES "
      "  (1, 1, 1, 1, 'Winter Is Coming', 1), (2, 1, 1, 2, 'The Kingsroad', 0);"
      "INSERT INTO media_files (episode_id, server_source, path) VALUES "
      "  (1, 1, '/srv/got/s01e01.mkv'), (2, 1, '/srv/got/s01e02.mkv');"
      "DELETE FROM movies WHERE id = 2;", &error);
    g_assert_no_error (error);
  }
  store_key ("omdb", "good-omdb");
  g_settings_set_string (settings, "last-title", "");

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  engine = ssv_context_get_enrichment_engine (ssv_window_get_context (window));
  wait_for_state (ssv_enrichment_engine_lookup (engine, "tmdb"), SSV_WORKER_IDLE);
  wait_for_state (ssv_enrichment_engine_lookup (engine, "omdb"), SSV_WORKER_IDLE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 900);

  /* A movie: backdrop, logo, tagline, facts, four ratings, genres, crew, cast with headshots. */
  page = open_title (window, "win.show-movie", 1);
  wait_for_billboard (page);
  billboard = ssv_title_page_get_item (page);
  g_assert_cmpstr (ssv_title_get_tagline (billboard), ==, "Mischief. Mayhem. Soap.");
  g_assert_cmpuint (ssv_title_hero_count_badges (hero_of (page)), ==, 4);
  g_assert_cmpuint (count_children (cast_cards (page)), ==, 12);
  /* The logo stands for the title, and still says it. */
  g_assert_true (ssv_title_hero_has_logo (hero_of (page)));
  logo = find_all (GTK_WIDGET (page), GTK_TYPE_PICTURE)->pdata[1];
  g_assert_cmpint (gtk_widget_get_height (logo), <=, 110);
  g_assert_cmpstr (gtk_picture_get_alternative_text (GTK_PICTURE (logo)), ==, "Fight Club");
  g_assert_cmpstr (ssv_page_get_title (SSV_PAGE (page)), ==, "Fight Club");
  last_title = g_settings_get_string (settings, "last-title");
  g_assert_cmpstr (last_title, ==, "movie:1");
  /* Workers announce changes often; a reload with nothing new for this title keeps its widgets. */
  {
    GtkWidget *first_card = gtk_widget_get_first_child (cast_cards (page));

    ssv_store_emit_changed (SSV_STORE (ssv_context_get_library_store (ssv_window_get_context (window))), "movie");
    ssv_ui_test_iterate (1200);
    g_assert_true (gtk_widget_get_first_child (cast_cards (page)) == first_card);
  }
  ssv_ui_test_iterate (500);
  ssv_ui_test_screenshot (GTK_WIDGET (window), "billboard-movie");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  ssv_ui_test_iterate (100);
  g_clear_pointer (&last_title, g_free);
  last_title = g_settings_get_string (settings, "last-title");
  g_assert_cmpstr (last_title, ==, "");

  /* A show: the season with something left to watch opens; the switcher goes to others. */
  page = open_title (window, "win.show-show", 1);
  wait_for_billboard (page);
  billboard = ssv_title_page_get_item (page);
  g_assert_cmpuint (g_list_model_get_n_items (ssv_title_get_episodes (billboard)), ==, 90);
  g_assert_cmpuint (ssv_season_episodes_count_rows (episodes_of (page)), ==, 10);
  g_assert_true (ssv_season_episodes_show_season (episodes_of (page), 3));
  ssv_ui_test_iterate (200);
  g_assert_cmpuint (ssv_season_episodes_count_rows (episodes_of (page)), ==, 10);
  g_assert_false (ssv_season_episodes_show_season (episodes_of (page), 42));
  g_assert_true (ssv_season_episodes_show_season (episodes_of (page), 1));
  ssv_ui_test_iterate (1000);
  ssv_ui_test_screenshot (GTK_WIDGET (window), "billboard-show");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);

  /* A title added while the app runs: its page asks TMDB for it first, and fills in. */
  ssv_fake_providers_add_synthetic (fake, 1, 0, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    ssv_database_exec (db, "INSERT INTO movies (title) VALUES ('Synthetic Movie 1')", &error);
    g_assert_no_error (error);
    late_id = ssv_database_last_insert_rowid (db);
  }
  page = open_title (window, "win.show-movie", late_id);
  g_assert_false (ssv_title_get_synced (ssv_title_page_get_item (page)));
  wait_for_billboard (page);
  g_assert_cmpstr (ssv_title_get_tagline (ssv_title_page_get_item (page)), ==, "Mischief. Mayhem. Soap.");

  /* The open billboard comes back at the next start. */
  gtk_window_close (GTK_WINDOW (window));
  ssv_ui_test_iterate (100);
  ssv_ui_test_stop_app (app);

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  page = SSV_TITLE_PAGE (ssv_window_get_visible_page (window));
  g_assert_true (SSV_IS_TITLE_PAGE (page));
  {
    g_autofree char *key = ssv_title_page_dup_restore_key (page);
    g_autofree char *expected = g_strdup_printf ("movie:%" G_GINT64_FORMAT, late_id);

    g_assert_cmpstr (key, ==, expected);
  }
  wait_for_billboard (page);
  ssv_ui_test_stop_app (app);
  g_settings_set_string (settings, "last-title", "");
}

int
main (int    argc,
      char **argv)
{
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-enrichment-XXXXXX", NULL);

  /* The app's HTTP layer reads where each provider lives when it starts. */
  server = ssv_fake_server_new ();
  fake = ssv_fake_providers_new (server);
  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    {
      g_autofree char *name = g_ascii_strup (providers[i], -1);
      g_autofree char *variable = g_strdup_printf ("SSV_%s_URL", name);
      g_autofree char *url = ssv_fake_providers_dup_url (fake, providers[i]);
      g_autofree char *key = g_strconcat ("good-", providers[i], NULL);

      g_setenv (variable, url, TRUE);
      ssv_fake_providers_set_key (fake, providers[i], key);
    }
  {
    g_autofree char *images = g_strdup_printf ("%s/images", ssv_fake_server_get_url (server));
    g_setenv ("SSV_TMDB_IMAGES_URL", images, TRUE);
    ssv_fake_server_add_handler (server, "GET /images/*", image_handler, NULL, NULL);
  }

  g_test_add_func ("/ui/enrichment/orbs-and-workers-dialog", test_orbs_and_workers_dialog);
  g_test_add_func ("/ui/enrichment/key-preferences", test_key_preferences);
  g_test_add_func ("/ui/enrichment/billboard-widgets", test_billboard_widgets);
  g_test_add_func ("/ui/enrichment/billboard", test_billboard);

  result = g_test_run ();

  ssv_fake_providers_free (fake);
  ssv_fake_server_free (server);
  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return result;
}
