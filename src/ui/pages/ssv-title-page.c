/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-page.c: one movie or show: poster, facts, overview, files; a show's seasons expand
 * into episodes (rows made on first expand) with their watched state. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-follow-set.h"
#include "ssv-texture-loader.h"
#include "ssv-title-page.h"
#include "ssv-utils.h"
#include "widgets/ssv-poster-card.h"
#include "widgets/ssv-watch-button.h"

#define POSTER_HEIGHT    300
#define RELOAD_DELAY_MS  500

struct _SsvTitlePage
{
  SsvPage          parent_instance;

  SsvMediaKind     kind;
  gint64           title_id;
  GCancellable    *cancellable;
  GCancellable    *poster_cancellable;
  SsvTitleDetail  *detail;
  GPtrArray       *season_rows;     /* AdwExpanderRow */
  GPtrArray       *file_rows;
  guint            reload_source;
  gboolean         loaded;

  GtkStack        *state_stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  GtkLabel        *initials_label;
  GtkPicture      *poster_picture;
  GtkLabel        *title_label;
  GtkLabel        *facts_label;
  GtkLabel        *tagline_label;
  GtkLabel        *watched_label;
  GtkLabel        *overview_label;
  AdwPreferencesGroup *files_group;
  AdwPreferencesGroup *seasons_group;
  GtkBox          *actions_box;

  /* Follow and wishlist (the watchlist and wishlist features' part of the page). */
  SsvFollowSet    *follow_set;
  GtkWidget       *watch_button;
  GtkWidget       *wish_button;     /* movies: a button; shows: a menu button */
  GCancellable    *wish_cancellable;
  gboolean         wanted;
};

G_DEFINE_FINAL_TYPE (SsvTitlePage, ssv_title_page, SSV_TYPE_PAGE)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (SsvTitlePage *self,
           const char   *state)
{
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (state, "loading") == 0);
  gtk_stack_set_visible_child_name (self->state_stack, state);
}

/* "loading", "error" or "content". */
const char *
ssv_title_page_get_state (SsvTitlePage *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->state_stack);
}

/* ---- text ------------------------------------------------------------------ */

static char *
format_size (gint64 bytes)
{
  return bytes >= 0 ? g_format_size ((guint64) bytes) : NULL;
}

/* "2160p · DV · hevc · 5.1 eac3 · mkv · 4.0 GB" */
static char *
describe_file (const SsvMediaFile *file)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (file->video_height > 0)
    g_ptr_array_add (parts, g_strdup_printf ("%dp", file->video_height));
  if (file->video_range != NULL && g_strcmp0 (file->video_range, "SDR") != 0)
    g_ptr_array_add (parts, g_strdup (file->video_range));
  if (file->video_codec != NULL)
    g_ptr_array_add (parts, g_strdup (file->video_codec));
  if (file->audio_channels > 0 || file->audio_codec != NULL)
    {
      const char *layout = file->audio_channels == 8 ? "7.1" : file->audio_channels == 6 ? "5.1" :
                           file->audio_channels == 2 ? "2.0" : file->audio_channels == 1 ? "1.0" : NULL;

      g_ptr_array_add (parts, g_strjoin (" ", layout ? layout : "", file->audio_codec ? file->audio_codec : "",
                                         NULL));
      g_strstrip (g_ptr_array_index (parts, parts->len - 1));
    }
  if (file->container != NULL)
    g_ptr_array_add (parts, g_strdup (file->container));
  if (file->size_bytes >= 0)
    g_ptr_array_add (parts, format_size (file->size_bytes));
  if (file->duration_s > 0)
    g_ptr_array_add (parts, ssv_format_duration (file->duration_s));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static char *
join_facts (GPtrArray *parts)
{
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static char *
movie_facts (SsvMovie *movie)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (ssv_movie_get_year (movie) > 0)
    g_ptr_array_add (parts, g_strdup_printf ("%d", ssv_movie_get_year (movie)));
  if (ssv_movie_get_content_rating (movie) != NULL)
    g_ptr_array_add (parts, g_strdup (ssv_movie_get_content_rating (movie)));
  if (ssv_movie_get_runtime_minutes (movie) > 0)
    g_ptr_array_add (parts, ssv_format_duration ((gint64) ssv_movie_get_runtime_minutes (movie) * 60));
  if (ssv_movie_get_genres (movie) != NULL)
    g_ptr_array_add (parts, g_strdup (ssv_movie_get_genres (movie)));
  if (ssv_movie_get_community_rating (movie) >= 0)
    g_ptr_array_add (parts, g_strdup_printf ("★ %.1f", ssv_movie_get_community_rating (movie)));
  if (ssv_movie_get_server_name (movie) != NULL)
    /* Translators: where a title comes from, e.g. "from Living Room" */
    g_ptr_array_add (parts, g_strdup_printf (_("from %s"), ssv_movie_get_server_name (movie)));

  return join_facts (parts);
}

static char *
show_facts (SsvShow *show)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *last = ssv_show_get_last_air_date (show);
  int seasons = ssv_show_get_season_count (show);
  int episodes = ssv_show_get_episode_count (show);

  if (ssv_show_get_year (show) > 0 && last != NULL && g_ascii_strtoll (last, NULL, 10) > ssv_show_get_year (show))
    g_ptr_array_add (parts, g_strdup_printf ("%d–%d", ssv_show_get_year (show), (int) g_ascii_strtoll (last, NULL, 10)));
  else if (ssv_show_get_year (show) > 0)
    g_ptr_array_add (parts, g_strdup_printf ("%d", ssv_show_get_year (show)));
  if (ssv_show_get_content_rating (show) != NULL)
    g_ptr_array_add (parts, g_strdup (ssv_show_get_content_rating (show)));
  if (ssv_show_get_status (show) != NULL)
    g_ptr_array_add (parts, g_strdup (ssv_show_get_status (show)));
  if (seasons > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d season", "%d seasons", seasons), seasons));
  if (episodes > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d episode", "%d episodes", episodes), episodes));
  if (ssv_show_get_genres (show) != NULL)
    g_ptr_array_add (parts, g_strdup (ssv_show_get_genres (show)));
  if (ssv_show_get_community_rating (show) >= 0)
    g_ptr_array_add (parts, g_strdup_printf ("★ %.1f", ssv_show_get_community_rating (show)));
  if (ssv_show_get_server_name (show) != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("from %s"), ssv_show_get_server_name (show)));

  return join_facts (parts);
}

/* ---- poster ----------------------------------------------------------------- */

static void
poster_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SsvTitlePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = ssv_texture_loader_load_finish (SSV_TEXTURE_LOADER (source), result, &error);

  if (texture == NULL)
    return;

  gtk_picture_set_paintable (self->poster_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->poster_picture), TRUE);
}

static void
load_poster (SsvTitlePage *self,
             const char   *title,
             const char   *uri)
{
  SsvTextureLoader *loader = ssv_texture_loader_get_default (ssv_page_get_context (SSV_PAGE (self)));
  g_autofree char *initials = ssv_poster_initials (title);
  g_autofree char *color = g_strdup_printf ("color-%u", title ? g_str_hash (title) % 8 : 0);

  gtk_label_set_label (self->initials_label, initials);
  gtk_widget_add_css_class (GTK_WIDGET (self->initials_label), color);

  if (uri == NULL || gtk_picture_get_paintable (self->poster_picture) != NULL)
    return;

  g_cancellable_cancel (self->poster_cancellable);
  g_clear_object (&self->poster_cancellable);
  self->poster_cancellable = g_cancellable_new ();
  ssv_texture_loader_load_async (loader, uri, POSTER_HEIGHT * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                 self->poster_cancellable, poster_ready_cb, g_object_ref (self));
}

/* ---- files, seasons, episodes ---------------------------------------------------- */

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
show_files (SsvTitlePage *self,
            GPtrArray    *files)
{
  clear_rows (self->files_group, self->file_rows);

  for (guint i = 0; i < files->len; i++)
    {
      const SsvMediaFile *file = g_ptr_array_index (files, i);
      g_autofree char *name = g_path_get_basename (file->path);
      g_autofree char *facts = describe_file (file);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), facts);
      gtk_widget_set_tooltip_text (row, file->path);
      adw_preferences_group_add (self->files_group, row);
      g_ptr_array_add (self->file_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->files_group), files->len > 0);
}

/* ---- wishlist --------------------------------------------------------------- */

static GtkWidget *
episode_wish_button (SsvEpisode *episode)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("non-starred-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Add to Wishlist"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add to Wishlist"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "title.wish");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(uxi)", (guint32) SSV_WISH_TARGET_EPISODE,
                                    ssv_episode_get_id (episode), -1);
  return button;
}

static const char *
detail_title (SsvTitlePage *self)
{
  if (self->detail == NULL)
    return "";
  return SSV_IS_MOVIE (self->detail->title) ? ssv_movie_get_title (SSV_MOVIE (self->detail->title))
                                            : ssv_show_get_title (SSV_SHOW (self->detail->title));
}

static const char *
episode_title (SsvTitlePage *self,
               gint64        id)
{
  for (guint i = 0; self->detail != NULL && i < self->detail->episodes->len; i++)
    {
      SsvEpisode *episode = g_ptr_array_index (self->detail->episodes, i);

      if (ssv_episode_get_id (episode) == id)
        return ssv_episode_get_title (episode);
    }

  return NULL;
}

static GMenuModel *
build_show_wish_menu (SsvTitlePage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) show = g_menu_new ();
  g_autoptr(GMenu) seasons = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("Add Every Aired _Episode"), NULL);
  g_menu_item_set_action_and_target (item, "title.wish", "(uxi)", (guint32) SSV_WISH_TARGET_SHOW,
                                     self->title_id, -1);
  g_menu_append_item (show, item);
  g_clear_object (&item);

  if (self->wanted)
    {
      item = g_menu_item_new (_("_Remove from Wishlist"), NULL);
      g_menu_item_set_action_and_target (item, "title.unwish", "(uxi)", (guint32) SSV_WISH_TARGET_SHOW,
                                         self->title_id, -1);
      g_menu_append_item (show, item);
      g_clear_object (&item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (show));

  for (guint i = 0; self->detail != NULL && i < self->detail->seasons->len; i++)
    {
      SsvSeason *season = g_ptr_array_index (self->detail->seasons, i);
      int number = ssv_season_get_season_number (season);
      g_autofree char *label = NULL;

      if (ssv_season_get_episode_count (season) == 0)
        continue;

      label = number == 0 ? g_strdup (_("Add the Specials"))
                          /* Translators: a menu item that wants a season's episodes */
                          : g_strdup_printf (_("Add Season %d"), number);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "title.wish", "(uxi)", (guint32) SSV_WISH_TARGET_SEASON,
                                         self->title_id, number);
      g_menu_append_item (seasons, item);
      g_clear_object (&item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (seasons)) > 0)
    g_menu_append_section (menu, _("Seasons"), G_MENU_MODEL (seasons));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
update_wish_button (SsvTitlePage *self)
{
  if (self->kind == SSV_MEDIA_KIND_MOVIE)
    {
      AdwButtonContent *content = ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (self->wish_button)));

      adw_button_content_set_icon_name (content, self->wanted ? "starred-symbolic" : "non-starred-symbolic");
      adw_button_content_set_label (content, self->wanted ? _("On Your Wishlist") : _("Add to Wishlist"));
      gtk_widget_set_tooltip_text (self->wish_button,
                                   self->wanted ? _("Remove from Wishlist") : _("Add to Wishlist"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->wish_button),
                                      self->wanted ? "title.unwish" : "title.wish");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->wish_button), "(uxi)",
                                        (guint32) SSV_WISH_TARGET_MOVIE, self->title_id, -1);
    }
  else
    {
      g_autoptr(GMenuModel) menu = build_show_wish_menu (self);

      AdwButtonContent *content = ADW_BUTTON_CONTENT (gtk_menu_button_get_child (GTK_MENU_BUTTON (self->wish_button)));

      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->wish_button), menu);
      adw_button_content_set_icon_name (content, self->wanted ? "starred-symbolic" : "non-starred-symbolic");
      adw_button_content_set_label (content, self->wanted ? _("On Your _Wishlist") : _("_Wishlist"));
      gtk_widget_set_tooltip_text (self->wish_button,
                                   self->wanted ? _("On Your Wishlist") : _("Add to Wishlist"));
    }

  if (self->wanted)
    gtk_widget_add_css_class (self->wish_button, "wanted");
  else
    gtk_widget_remove_css_class (self->wish_button, "wanted");
}

static void
wanted_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SsvTitlePage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean wanted = ssv_wishlist_store_change_finish (SSV_WISHLIST_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Unknown counts as not wanted: adding again is harmless. */
  self->wanted = wanted;
  update_wish_button (self);
}

static void
query_wanted (SsvTitlePage *self)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));

  g_cancellable_cancel (self->wish_cancellable);
  g_clear_object (&self->wish_cancellable);
  self->wish_cancellable = g_cancellable_new ();
  ssv_wishlist_store_contains_async (ssv_context_get_wishlist_store (context),
                                     self->kind == SSV_MEDIA_KIND_MOVIE ? SSV_WISH_TARGET_MOVIE
                                                                       : SSV_WISH_TARGET_SHOW,
                                     self->title_id, -1, self->wish_cancellable,
                                     wanted_cb, g_object_ref (self));
}

static void
on_wishlist_changed (SsvTitlePage *self,
                     const char   *detail)
{
  query_wanted (self);
}

typedef struct
{
  SsvTitlePage *page;
  char         *message;
} WishChange;

static void
wish_changed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WishChange *change = user_data;
  g_autoptr(GError) error = NULL;

  ssv_wishlist_store_change_finish (SSV_WISHLIST_STORE (source), result, &error);
  ssv_page_show_toast (SSV_PAGE (change->page), error != NULL ? error->message : change->message);

  g_object_unref (change->page);
  g_free (change->message);
  g_free (change);
}

static void
wish_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (widget);
  SsvWishlistStore *store = ssv_context_get_wishlist_store (ssv_page_get_context (SSV_PAGE (self)));
  gboolean add = g_str_equal (action_name, "title.wish");
  WishChange *change = g_new0 (WishChange, 1);
  const char *name = detail_title (self);
  guint32 target;
  gint64 id;
  int season;

  g_variant_get (parameter, "(uxi)", &target, &id, &season);

  if (!add)
    /* Translators: a toast; %s is a title */
    change->message = g_strdup_printf (_("Removed “%s” from your wishlist"), name);
  else if (target == SSV_WISH_TARGET_SHOW)
    change->message = g_strdup_printf (_("Every aired episode of “%s” is on your wishlist; new ones join as they air"),
                                       name);
  else if (target == SSV_WISH_TARGET_SEASON && season == 0)
    change->message = g_strdup_printf (_("The specials of “%s” are on your wishlist"), name);
  else if (target == SSV_WISH_TARGET_SEASON)
    /* Translators: a toast: "Season 2 of “Severance” is on your wishlist" */
    change->message = g_strdup_printf (_("Season %d of “%s” is on your wishlist"), season, name);
  else if (target == SSV_WISH_TARGET_EPISODE && episode_title (self, id) != NULL)
    change->message = g_strdup_printf (_("“%s” is on your wishlist"), episode_title (self, id));
  else if (target == SSV_WISH_TARGET_EPISODE)
    change->message = g_strdup (_("The episode is on your wishlist"));
  else
    change->message = g_strdup_printf (_("“%s” is on your wishlist"), name);

  change->page = g_object_ref (self);
  if (add)
    ssv_wishlist_store_add_async (store, target, id, season, NULL, wish_changed_cb, change);
  else
    ssv_wishlist_store_remove_async (store, target, id, season, NULL, wish_changed_cb, change);
}

static void
make_action_buttons (SsvTitlePage *self)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));

  if (self->kind == SSV_MEDIA_KIND_SHOW)
    {
      self->follow_set = ssv_follow_set_new (ssv_context_get_watchlist_store (context), SSV_WATCH_KIND_SHOW);
      self->watch_button = ssv_watch_button_new (self->follow_set);
      ssv_watch_button_set_show_label (SSV_WATCH_BUTTON (self->watch_button), TRUE);
      gtk_box_append (self->actions_box, self->watch_button);

      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
      self->wish_button = gtk_menu_button_new ();
      gtk_menu_button_set_child (GTK_MENU_BUTTON (self->wish_button), content);
      gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (self->wish_button), TRUE);
    }
  else
    {
      self->wish_button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->wish_button), adw_button_content_new ());
      gtk_widget_add_css_class (self->wish_button, "pill");
    }

  gtk_widget_add_css_class (self->wish_button, "wish-button");
  gtk_widget_set_valign (self->wish_button, GTK_ALIGN_CENTER);
  gtk_box_append (self->actions_box, self->wish_button);
  update_wish_button (self);
}

/* The page's eye button (shows only), for tests. */
GtkWidget *
ssv_title_page_get_watch_button (SsvTitlePage *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_PAGE (self), NULL);

  return self->watch_button;
}

static GtkWidget *
episode_row (SsvEpisode *episode)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *mark = gtk_image_new_from_icon_name (ssv_episode_get_watched (episode) ? "emblem-ok-symbolic" : NULL);
  g_autofree char *title = NULL;
  g_autofree char *file = ssv_episode_get_file_path (episode) ? g_path_get_basename (ssv_episode_get_file_path (episode))
                                                               : NULL;
  g_autofree char *subtitle = NULL;
  const char *aired = ssv_episode_get_air_date (episode);

  title = ssv_episode_get_title (episode)
          ? g_strdup_printf ("%d. %s", ssv_episode_get_episode_number (episode), ssv_episode_get_title (episode))
          : g_strdup_printf (_("Episode %d"), ssv_episode_get_episode_number (episode));
  subtitle = g_strjoin (" · ", aired ? aired : _("Air date unknown"), file ? file : _("No file"), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_image_set_pixel_size (GTK_IMAGE (mark), 16);
  gtk_widget_set_size_request (mark, 16, 16);
  if (ssv_episode_get_watched (episode))
    {
      gtk_widget_add_css_class (mark, "watched-mark");
      gtk_widget_set_tooltip_text (mark, _("Watched"));
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), mark);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), episode_wish_button (episode));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  ssv_episode_get_watched (episode) ? _("Watched") : _("Not watched"), -1);
  g_object_set_data_full (G_OBJECT (row), "ssv-episode", g_object_ref (episode), g_object_unref);

  return row;
}

/* Rows for a season's episodes are made the first time it opens. */
static void
on_season_expanded (AdwExpanderRow *season_row,
                    GParamSpec     *pspec,
                    SsvTitlePage   *self)
{
  int number = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (season_row), "ssv-season-number"));

  if (!adw_expander_row_get_expanded (season_row) || g_object_get_data (G_OBJECT (season_row), "ssv-filled"))
    return;

  for (guint i = 0; i < self->detail->episodes->len; i++)
    {
      SsvEpisode *episode = g_ptr_array_index (self->detail->episodes, i);

      if (ssv_episode_get_season_number (episode) == number)
        adw_expander_row_add_row (season_row, episode_row (episode));
    }

  g_object_set_data (G_OBJECT (season_row), "ssv-filled", GINT_TO_POINTER (TRUE));
}

static void
show_seasons (SsvTitlePage *self)
{
  GPtrArray *seasons = self->detail->seasons;
  gboolean opened = FALSE;

  clear_rows (self->seasons_group, self->season_rows);

  for (guint i = 0; i < seasons->len; i++)
    {
      SsvSeason *season = g_ptr_array_index (seasons, i);
      int number = ssv_season_get_season_number (season);
      int total = ssv_season_get_episode_count (season);
      int watched = ssv_season_get_watched_count (season);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (total == 0)
        continue;

      title = ssv_season_get_title (season) ? g_strdup (ssv_season_get_title (season))
            : number == 0 ? g_strdup (_("Specials"))
            : g_strdup_printf (_("Season %d"), number);
      /* Translators: "3 of 10 watched" (episodes of a season) */
      subtitle = g_strdup_printf (ngettext ("%d of %d watched", "%d of %d watched", total), watched, total);

      row = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (row), "ssv-season-number", GINT_TO_POINTER (number));
      g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_season_expanded), self, 0);
      adw_preferences_group_add (self->seasons_group, row);
      g_ptr_array_add (self->season_rows, row);

      /* The first season with something left to watch starts open. */
      if (!opened && (watched < total || i + 1 == seasons->len))
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          opened = TRUE;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->seasons_group), self->season_rows->len > 0);
}

static void
show_detail (SsvTitlePage *self)
{
  GObject *title = self->detail->title;
  g_autofree char *facts = NULL;
  g_autofree char *watched = NULL;
  const char *name;
  const char *overview;
  const char *tagline;
  const char *poster;

  if (SSV_IS_MOVIE (title))
    {
      SsvMovie *movie = SSV_MOVIE (title);

      name = ssv_movie_get_title (movie);
      overview = ssv_movie_get_overview (movie);
      tagline = ssv_movie_get_tagline (movie);
      poster = ssv_movie_get_poster_url (movie);
      facts = movie_facts (movie);
      watched = ssv_movie_get_watched (movie) ? g_strdup (_("Watched")) : g_strdup (_("Not watched yet"));
      show_files (self, self->detail->files);
    }
  else
    {
      SsvShow *show = SSV_SHOW (title);
      int total = ssv_show_get_episode_count (show);

      name = ssv_show_get_title (show);
      overview = ssv_show_get_overview (show);
      tagline = ssv_show_get_tagline (show);
      poster = ssv_show_get_poster_url (show);
      facts = show_facts (show);
      watched = g_strdup_printf (ngettext ("%d of %d episode watched", "%d of %d episodes watched", total),
                                 ssv_show_get_watched_count (show), total);
      show_seasons (self);
      ssv_watch_button_set_item (SSV_WATCH_BUTTON (self->watch_button), title);
    }

  update_wish_button (self);

  ssv_page_set_title (SSV_PAGE (self), name);
  gtk_label_set_label (self->title_label, name);
  gtk_label_set_label (self->facts_label, facts);
  gtk_label_set_label (self->watched_label, watched);
  gtk_label_set_label (self->tagline_label, tagline ? tagline : "");
  gtk_widget_set_visible (GTK_WIDGET (self->tagline_label), tagline != NULL);
  gtk_label_set_label (self->overview_label, overview ? overview : _("No overview yet."));
  load_poster (self, name, poster);
}

static void
detail_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SsvTitlePage) self = user_data;
  g_autoptr(GError) error = NULL;
  SsvTitleDetail *detail = ssv_library_store_load_title_finish (SSV_LIBRARY_STORE (source), result, &error);

  if (detail == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      set_state (self, "error");
      return;
    }

  g_clear_pointer (&self->detail, ssv_title_detail_free);
  self->detail = detail;
  self->loaded = TRUE;
  show_detail (self);
  set_state (self, "content");
}

static void
reload (SsvTitlePage *self)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (!self->loaded)
    set_state (self, "loading");

  if (self->follow_set != NULL)
    ssv_follow_set_load (self->follow_set);
  query_wanted (self);

  ssv_library_store_load_title_async (ssv_context_get_library_store (context), self->kind, self->title_id,
                                      self->cancellable, detail_ready_cb, g_object_ref (self));
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  SsvTitlePage *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_library_changed (SsvTitlePage *self,
                    const char   *detail)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

/**
 * ssv_title_page_get_detail:
 *
 * Returns: (transfer none) (nullable): what the page shows, once loaded
 */
const SsvTitleDetail *
ssv_title_page_get_detail (SsvTitlePage *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_PAGE (self), NULL);

  return self->detail;
}

/* How many episode rows exist now (seasons open and filled). */
guint
ssv_title_page_count_episode_rows (SsvTitlePage *self)
{
  guint rows = 0;

  for (guint i = 0; i < self->season_rows->len; i++)
    if (g_object_get_data (g_ptr_array_index (self->season_rows, i), "ssv-filled"))
      {
        int number = GPOINTER_TO_INT (g_object_get_data (g_ptr_array_index (self->season_rows, i),
                                                         "ssv-season-number"));
        for (guint j = 0; j < self->detail->episodes->len; j++)
          rows += ssv_episode_get_season_number (g_ptr_array_index (self->detail->episodes, j)) == number;
      }

  return rows;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
ssv_title_page_constructed (GObject *object)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (object);
  SsvContext *context;

  G_OBJECT_CLASS (ssv_title_page_parent_class)->constructed (object);

  context = ssv_page_get_context (SSV_PAGE (self));
  g_signal_connect_object (ssv_context_get_library_store (context), "changed",
                           G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_wishlist_store (context), "changed",
                           G_CALLBACK (on_wishlist_changed), self, G_CONNECT_SWAPPED);
  make_action_buttons (self);
  reload (self);
}

static void
ssv_title_page_dispose (GObject *object)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->poster_cancellable);
  g_clear_object (&self->poster_cancellable);
  g_cancellable_cancel (self->wish_cancellable);
  g_clear_object (&self->wish_cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_pointer (&self->detail, ssv_title_detail_free);
  g_clear_pointer (&self->season_rows, g_ptr_array_unref);
  g_clear_pointer (&self->file_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ssv_title_page_parent_class)->dispose (object);

  /* After the eye button is gone with the template. */
  g_clear_object (&self->follow_set);
}

static void
ssv_title_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind == SSV_MEDIA_KIND_SHOW ? "show" : "movie");
      break;
    case PROP_TITLE_ID:
      g_value_set_int64 (value, self->title_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_title_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_strcmp0 (g_value_get_string (value), "show") == 0 ? SSV_MEDIA_KIND_SHOW : SSV_MEDIA_KIND_MOVIE;
      break;
    case PROP_TITLE_ID:
      self->title_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_title_page_class_init (SsvTitlePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_title_page_constructed;
  object_class->dispose = ssv_title_page_dispose;
  object_class->get_property = ssv_title_page_get_property;
  object_class->set_property = ssv_title_page_set_property;

  /* Pushed on top of the sidebar's pages, never in the sidebar itself. */
  ssv_page_class_set_info (SSV_PAGE_CLASS (klass), "title", _("Title"), "video-x-generic-symbolic");

  /**
   * SsvTitlePage:kind:
   *
   * "movie" or "show".
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "movie",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE_ID] =
    g_param_spec_int64 ("title-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/pages/ssv-title-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, initials_label);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, poster_picture);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, tagline_label);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, watched_label);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, overview_label);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, files_group);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, seasons_group);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, actions_box);

  /* (target, library id, season number): an SsvWishTarget and what it names. */
  gtk_widget_class_install_action (widget_class, "title.wish", "(uxi)", wish_action);
  gtk_widget_class_install_action (widget_class, "title.unwish", "(uxi)", wish_action);
}

static void
ssv_title_page_init (SsvTitlePage *self)
{
  self->season_rows = g_ptr_array_new ();
  self->file_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_title_page_new:
 * @kind: %SSV_MEDIA_KIND_MOVIE or %SSV_MEDIA_KIND_SHOW
 * @id: the title's library row
 */
SsvPage *
ssv_title_page_new (SsvContext   *context,
                    SsvMediaKind  kind,
                    gint64        id)
{
  return g_object_new (SSV_TYPE_TITLE_PAGE,
                       "context", context,
                       "kind", kind == SSV_MEDIA_KIND_SHOW ? "show" : "movie",
                       "title-id", id,
                       NULL);
}
