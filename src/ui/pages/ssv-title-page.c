/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-page.c: a movie's or show's billboard: backdrop hero with the title logo (the
 * title in words until one arrives), tagline, facts, rating badges; genres, overview,
 * crew, a cast row with headshots, a show's episodes by season, and the files. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-follow-set.h"
#include "ssv-texture-loader.h"
#include "ssv-title-page.h"
#include "ssv-utils.h"
#include "widgets/ssv-cast-card.h"
#include "widgets/ssv-episode-row.h"
#include "widgets/ssv-poster-card.h"
#include "widgets/ssv-rating-badge.h"
#include "widgets/ssv-watch-button.h"

#define HERO_HEIGHT       420
#define BACKDROP_HEIGHT   720
#define LOGO_HEIGHT       110
#define LOGO_MAX_WIDTH    440
#define HEADSHOT_SIZE     88
#define STILL_HEIGHT      99
#define RELOAD_DELAY_MS   500

struct _SsvTitlePage
{
  SsvPage          parent_instance;

  SsvMediaKind     kind;
  gint64           title_id;
  GCancellable    *cancellable;
  GCancellable    *image_cancellable;
  SsvTitleDetail  *detail;
  SsvBillboard    *billboard;
  GArray          *season_numbers;   /* int, in the switcher's order */
  GPtrArray       *file_rows;
  guint            reload_source;
  guint            pending;
  gboolean         loaded;
  gboolean         requested;
  gboolean         filling_seasons;
  GError          *load_error;
  char            *shown_cast;       /* what the cast row and the episode list show, */
  char            *shown_episodes;   /* so a reload with nothing new leaves them be */

  GtkStack        *state_stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  GtkWidget       *hero_placeholder;
  GtkPicture      *backdrop_picture;
  GtkStack        *title_stack;
  GtkLabel        *title_label;
  AdwClamp        *logo_clamp;
  GtkPicture      *logo_picture;
  GtkLabel        *tagline_label;
  GtkLabel        *facts_label;
  GtkBox          *badges_box;
  GtkWidget       *lookup_box;
  GtkSpinner      *lookup_spinner;
  GtkFlowBox      *genres_box;
  GtkLabel        *watched_label;
  GtkLabel        *overview_label;
  GtkLabel        *crew_label;
  GtkWidget       *cast_section;
  GtkBox          *cast_box;
  GtkWidget       *episodes_section;
  GtkDropDown     *season_dropdown;
  GtkListBox      *episodes_list;
  AdwPreferencesGroup *files_group;
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

static SsvItemKind
item_kind (SsvTitlePage *self)
{
  return self->kind == SSV_MEDIA_KIND_SHOW ? SSV_ITEM_SHOW : SSV_ITEM_MOVIE;
}

static SsvEnrichmentEngine *
get_engine (SsvTitlePage *self)
{
  return ssv_context_get_enrichment_engine (ssv_page_get_context (SSV_PAGE (self)));
}

static SsvTextureLoader *
get_loader (SsvTitlePage *self)
{
  return ssv_texture_loader_get_default (ssv_page_get_context (SSV_PAGE (self)));
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
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
join_parts (GPtrArray *parts,
            const char *separator)
{
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (separator, (char **) parts->pdata);
}

/* "1999 · 2 h 19 min · R", or for a show "2011–2019 · 8 seasons · TV-MA". */
static char *
billboard_facts (SsvTitlePage *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  SsvBillboard *billboard = self->billboard;
  const char *server = NULL;

  if (SSV_IS_SHOW (self->detail->title))
    {
      SsvShow *show = SSV_SHOW (self->detail->title);
      const char *last = ssv_show_get_last_air_date (show);
      int seasons = (int) self->season_numbers->len;
      int year = billboard->year > 0 ? billboard->year : ssv_show_get_year (show);
      int last_year = last ? (int) g_ascii_strtoll (last, NULL, 10) : 0;

      if (year > 0 && last_year > year)
        g_ptr_array_add (parts, g_strdup_printf ("%d–%d", year, last_year));
      else if (year > 0)
        g_ptr_array_add (parts, g_strdup_printf ("%d", year));
      if (seasons > 0)
        g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d season", "%d seasons", seasons), seasons));
      else if (billboard->runtime_minutes > 0)
        g_ptr_array_add (parts, ssv_format_duration ((gint64) billboard->runtime_minutes * 60));
      if (billboard->network != NULL)
        g_ptr_array_add (parts, g_strdup (billboard->network));
      server = ssv_show_get_server_name (show);
    }
  else
    {
      SsvMovie *movie = SSV_MOVIE (self->detail->title);
      int year = billboard->year > 0 ? billboard->year : ssv_movie_get_year (movie);

      if (year > 0)
        g_ptr_array_add (parts, g_strdup_printf ("%d", year));
      if (billboard->runtime_minutes > 0)
        g_ptr_array_add (parts, ssv_format_duration ((gint64) billboard->runtime_minutes * 60));
      server = ssv_movie_get_server_name (movie);
    }

  if (billboard->content_rating != NULL)
    g_ptr_array_add (parts, g_strdup (billboard->content_rating));
  if (server != NULL)
    /* Translators: where a title comes from, e.g. "from Living Room" */
    g_ptr_array_add (parts, g_strdup_printf (_("from %s"), server));

  return join_parts (parts, " · ");
}

static char *
join_names (GPtrArray *names)
{
  g_autoptr(GPtrArray) copy = g_ptr_array_new ();

  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (names, i));
  g_ptr_array_add (copy, NULL);

  return g_strjoinv (", ", (char **) copy->pdata);
}

/* "Directed by David Fincher · Written by Chuck Palahniuk" or "Created by …". */
static char *
crew_line (SsvBillboard *billboard)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (billboard->creators->len > 0)
    {
      g_autofree char *names = join_names (billboard->creators);
      /* Translators: "Created by David Benioff, D.B. Weiss" */
      g_ptr_array_add (parts, g_strdup_printf (_("Created by %s"), names));
    }
  if (billboard->directors->len > 0)
    {
      g_autofree char *names = join_names (billboard->directors);
      g_ptr_array_add (parts, g_strdup_printf (_("Directed by %s"), names));
    }
  if (billboard->writers->len > 0)
    {
      g_autofree char *names = join_names (billboard->writers);
      g_ptr_array_add (parts, g_strdup_printf (_("Written by %s"), names));
    }

  if (parts->len == 0)
    return NULL;

  return join_parts (parts, " · ");
}

/* ---- images ------------------------------------------------------------------ */

typedef struct
{
  SsvTitlePage *page;
  GtkWidget    *target;
} ImageRequest;

static void
image_request_free (ImageRequest *request)
{
  g_object_unref (request->page);
  g_object_unref (request->target);
  g_free (request);
}

typedef void (*ImageApply) (SsvTitlePage *self,
                            GtkWidget    *target,
                            GdkTexture   *texture);

static void
image_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImageRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = ssv_texture_loader_load_finish (SSV_TEXTURE_LOADER (source), result, &error);
  ImageApply apply = g_object_get_data (G_OBJECT (request->target), "ssv-image-apply");

  /* A picture that failed keeps its fallback (initials, the title in words). */
  if (texture != NULL && apply != NULL && gtk_widget_get_root (request->target) != NULL)
    apply (request->page, request->target, texture);
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No image for %s: %s", G_OBJECT_TYPE_NAME (request->target), error->message);

  image_request_free (request);
}

static void
load_image (SsvTitlePage *self,
            const char   *uri,
            int           height,
            GtkWidget    *target,
            ImageApply    apply)
{
  ImageRequest *request;

  if (uri == NULL)
    return;

  request = g_new0 (ImageRequest, 1);
  request->page = g_object_ref (self);
  request->target = g_object_ref (target);
  g_object_set_data (G_OBJECT (target), "ssv-image-apply", apply);
  ssv_texture_loader_load_async (get_loader (self), uri, height * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                 self->image_cancellable, image_ready_cb, request);
}

static void
apply_backdrop (SsvTitlePage *self,
                GtkWidget    *target,
                GdkTexture   *texture)
{
  gtk_picture_set_paintable (GTK_PICTURE (target), GDK_PAINTABLE (texture));
  gtk_widget_set_visible (target, TRUE);
}

/* The logo replaces the title in words; the picture still carries the title for screen readers. */
static void
apply_logo (SsvTitlePage *self,
            GtkWidget    *target,
            GdkTexture   *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  int shown_width = height > 0 ? MIN (LOGO_MAX_WIDTH, LOGO_HEIGHT * width / height) : LOGO_MAX_WIDTH;

  /* Wide logos are as wide as allowed, tall ones as tall: the clamp sets the width,
   * and the picture's height follows its shape. */
  gtk_picture_set_paintable (GTK_PICTURE (target), GDK_PAINTABLE (texture));
  adw_clamp_set_maximum_size (self->logo_clamp, shown_width);
  adw_clamp_set_tightening_threshold (self->logo_clamp, shown_width);
  gtk_stack_set_visible_child_name (self->title_stack, "logo");
}

static void
apply_headshot (SsvTitlePage *self,
                GtkWidget    *target,
                GdkTexture   *texture)
{
  ssv_cast_card_set_headshot (SSV_CAST_CARD (target), GDK_PAINTABLE (texture));
}

static void
apply_still (SsvTitlePage *self,
             GtkWidget    *target,
             GdkTexture   *texture)
{
  ssv_episode_row_set_still (SSV_EPISODE_ROW (target), GDK_PAINTABLE (texture));
}

/* ---- sections ------------------------------------------------------------------ */

static void
show_files (SsvTitlePage *self,
            GPtrArray    *files)
{
  for (guint i = 0; i < self->file_rows->len; i++)
    adw_preferences_group_remove (self->files_group, g_ptr_array_index (self->file_rows, i));
  g_ptr_array_set_size (self->file_rows, 0);

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

static void
show_badges (SsvTitlePage *self)
{
  SsvBillboard *billboard = self->billboard;

  remove_children (GTK_WIDGET (self->badges_box));

  if (billboard->imdb_rating > 0)
    gtk_box_append (self->badges_box, ssv_rating_badge_new (SSV_RATING_IMDB, billboard->imdb_rating));
  if (billboard->rt_score >= 0)
    gtk_box_append (self->badges_box, ssv_rating_badge_new (SSV_RATING_ROTTEN_TOMATOES, billboard->rt_score));
  if (billboard->metascore >= 0)
    gtk_box_append (self->badges_box, ssv_rating_badge_new (SSV_RATING_METACRITIC, billboard->metascore));
  if (billboard->tmdb_rating > 0)
    gtk_box_append (self->badges_box, ssv_rating_badge_new (SSV_RATING_TMDB, billboard->tmdb_rating));

  gtk_widget_set_visible (GTK_WIDGET (self->badges_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->badges_box)) != NULL);
}

static void
show_genres (SsvTitlePage *self)
{
  g_auto(GStrv) from_server = NULL;
  GPtrArray *genres = self->billboard->genres;
  guint shown = 0;

  remove_children (GTK_WIDGET (self->genres_box));

  /* Without a provider's list, the server's "Drama, Thriller". */
  if (genres->len == 0)
    {
      const char *text = SSV_IS_SHOW (self->detail->title) ? ssv_show_get_genres (SSV_SHOW (self->detail->title))
                                                           : ssv_movie_get_genres (SSV_MOVIE (self->detail->title));
      from_server = g_strsplit (text ? text : "", ",", -1);
    }

  for (guint i = 0; i < (from_server ? g_strv_length (from_server) : genres->len); i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (from_server ? from_server[i] : g_ptr_array_index (genres, i)));
      GtkWidget *chip;

      if (name[0] == '\0')
        continue;
      chip = gtk_label_new (name);
      gtk_widget_set_halign (chip, GTK_ALIGN_START);
      gtk_widget_add_css_class (chip, "genre-chip");
      gtk_flow_box_append (self->genres_box, chip);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->genres_box), shown > 0);
}

/* Only a change a person would see counts. */
static gboolean
unchanged (char       **shown,
           GString     *now)
{
  if (g_strcmp0 (*shown, now->str) == 0)
    return TRUE;

  g_free (*shown);
  *shown = g_strdup (now->str);
  return FALSE;
}

static void
show_cast (SsvTitlePage *self)
{
  GPtrArray *cast = self->billboard->cast;
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; i < cast->len; i++)
    {
      const SsvBillboardPerson *person = g_ptr_array_index (cast, i);

      g_string_append_printf (key, "%s|%s|%s\n", person->name, person->character ? person->character : "",
                              person->profile_url ? person->profile_url : "");
    }
  if (unchanged (&self->shown_cast, key))
    return;

  remove_children (GTK_WIDGET (self->cast_box));

  for (guint i = 0; i < cast->len; i++)
    {
      const SsvBillboardPerson *person = g_ptr_array_index (cast, i);
      GtkWidget *card = ssv_cast_card_new (person->name, person->character);

      gtk_box_append (self->cast_box, card);
      load_image (self, person->profile_url, HEADSHOT_SIZE, card, apply_headshot);
    }

  gtk_widget_set_visible (self->cast_section, cast->len > 0);
}

/* ---- wishlist --------------------------------------------------------------- */

static GtkWidget *
episode_wish_button (const SsvBillboardEpisode *episode)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("non-starred-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Add to Wishlist"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add to Wishlist"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "title.wish");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(uxi)", (guint32) SSV_WISH_TARGET_EPISODE,
                                    episode->id, -1);
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

static void
fill_episodes (SsvTitlePage *self,
               int           season)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GPtrArray *episodes = self->billboard->episodes;

  remove_children (GTK_WIDGET (self->episodes_list));

  for (guint i = 0; i < episodes->len; i++)
    {
      const SsvBillboardEpisode *episode = g_ptr_array_index (episodes, i);
      GtkWidget *row;

      if (episode->season_number != season)
        continue;

      row = ssv_episode_row_new (episode, today);
      ssv_episode_row_add_suffix (SSV_EPISODE_ROW (row), episode_wish_button (episode));
      gtk_list_box_append (self->episodes_list, row);
      load_image (self, episode->still_url, STILL_HEIGHT, row, apply_still);
    }
}

static void
on_season_selected (SsvTitlePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->season_dropdown);

  if (self->filling_seasons || selected >= self->season_numbers->len)
    return;

  fill_episodes (self, g_array_index (self->season_numbers, int, selected));
}

static int
compare_seasons (gconstpointer a,
                 gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  /* Specials after the numbered seasons. */
  if (x == 0 || y == 0)
    return (x == 0) - (y == 0);

  return x - y;
}

static void
show_episodes (SsvTitlePage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  GPtrArray *episodes = self->billboard->episodes;
  int previous = -1;
  guint keep = G_MAXUINT;
  guint open = G_MAXUINT;

  for (guint i = 0; i < episodes->len; i++)
    {
      const SsvBillboardEpisode *episode = g_ptr_array_index (episodes, i);

      g_string_append_printf (key, "%" G_GINT64_FORMAT "|%d|%d|%s|%s|%s|%s|%d|%d\n", episode->id,
                              episode->season_number, episode->episode_number,
                              episode->title ? episode->title : "", episode->overview ? episode->overview : "",
                              episode->air_date ? episode->air_date : "", episode->still_url ? episode->still_url : "",
                              episode->owned, episode->watched);
    }
  if (unchanged (&self->shown_episodes, key))
    return;

  if (gtk_drop_down_get_selected (self->season_dropdown) < self->season_numbers->len)
    previous = g_array_index (self->season_numbers, int, gtk_drop_down_get_selected (self->season_dropdown));

  g_array_set_size (self->season_numbers, 0);
  for (guint i = 0; i < episodes->len; i++)
    {
      int season = ((SsvBillboardEpisode *) g_ptr_array_index (episodes, i))->season_number;
      gboolean seen = FALSE;

      for (guint j = 0; j < self->season_numbers->len && !seen; j++)
        seen = g_array_index (self->season_numbers, int, j) == season;
      if (!seen)
        g_array_append_val (self->season_numbers, season);
    }
  g_array_sort (self->season_numbers, compare_seasons);

  for (guint i = 0; i < self->season_numbers->len; i++)
    {
      int season = g_array_index (self->season_numbers, int, i);
      g_autofree char *name = season == 0 ? g_strdup (_("Specials")) : g_strdup_printf (_("Season %d"), season);
      gboolean unwatched = FALSE;

      gtk_string_list_append (names, name);
      if (season == previous)
        keep = i;

      /* The first season with an episode of the library left to watch opens. */
      for (guint j = 0; j < episodes->len && !unwatched; j++)
        {
          SsvBillboardEpisode *episode = g_ptr_array_index (episodes, j);

          unwatched = episode->season_number == season && episode->owned && !episode->watched;
        }
      if (unwatched && open == G_MAXUINT && season != 0)
        open = i;
    }

  self->filling_seasons = TRUE;
  gtk_drop_down_set_model (self->season_dropdown, G_LIST_MODEL (names));
  if (keep == G_MAXUINT)
    keep = open != G_MAXUINT ? open : 0;
  gtk_drop_down_set_selected (self->season_dropdown, keep);
  self->filling_seasons = FALSE;

  gtk_widget_set_visible (self->episodes_section, self->season_numbers->len > 0);
  if (self->season_numbers->len > 0)
    fill_episodes (self, g_array_index (self->season_numbers, int, keep));
}

/* Opening a title the providers have not finished asks them for it first. */
static void
request_if_unsynced (SsvTitlePage *self)
{
  SsvWorker *tmdb = ssv_enrichment_engine_lookup (get_engine (self), "tmdb");
  SsvWorkerState state = tmdb ? ssv_worker_get_state (tmdb) : SSV_WORKER_STOPPED;
  gboolean will_answer = state == SSV_WORKER_IDLE || state == SSV_WORKER_WORKING ||
                         state == SSV_WORKER_HELD || state == SSV_WORKER_COOLDOWN;

  if (self->billboard->synced)
    {
      gtk_widget_set_visible (self->lookup_box, FALSE);
      gtk_spinner_set_spinning (self->lookup_spinner, FALSE);
      return;
    }

  if (!self->requested)
    {
      self->requested = TRUE;
      ssv_enrichment_engine_request (get_engine (self), item_kind (self), self->title_id);
    }

  gtk_widget_set_visible (self->lookup_box, will_answer);
  gtk_spinner_set_spinning (self->lookup_spinner, will_answer);
}

static void
show_billboard (SsvTitlePage *self)
{
  SsvBillboard *billboard = self->billboard;
  GObject *title = self->detail->title;
  g_autofree char *facts = NULL;
  g_autofree char *watched = NULL;
  g_autofree char *crew = NULL;
  g_autofree char *initials = NULL;
  const char *name = billboard->title;

  if (SSV_IS_MOVIE (title))
    {
      watched = ssv_movie_get_watched (SSV_MOVIE (title)) ? g_strdup (_("Watched")) : g_strdup (_("Not watched yet"));
      show_files (self, self->detail->files);
    }
  else
    {
      SsvShow *show = SSV_SHOW (title);
      int total = ssv_show_get_episode_count (show);

      watched = g_strdup_printf (ngettext ("%d of %d episode watched", "%d of %d episodes watched", total),
                                 ssv_show_get_watched_count (show), total);
      show_episodes (self);
      ssv_watch_button_set_item (SSV_WATCH_BUTTON (self->watch_button), title);
    }

  update_wish_button (self);

  ssv_page_set_title (SSV_PAGE (self), name);
  gtk_label_set_label (self->title_label, name);
  gtk_picture_set_alternative_text (self->logo_picture, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->logo_picture), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  facts = billboard_facts (self);
  gtk_label_set_label (self->facts_label, facts);
  gtk_label_set_label (self->tagline_label, billboard->tagline ? billboard->tagline : "");
  gtk_widget_set_visible (GTK_WIDGET (self->tagline_label), billboard->tagline != NULL);
  gtk_label_set_label (self->watched_label, watched);
  gtk_label_set_label (self->overview_label, billboard->overview ? billboard->overview : _("No overview yet."));
  crew = crew_line (billboard);
  gtk_label_set_label (self->crew_label, crew ? crew : "");
  gtk_widget_set_visible (GTK_WIDGET (self->crew_label), crew != NULL);

  /* Until a backdrop arrives (or when there is none), a colour of the title's own. */
  initials = ssv_poster_initials (name);
  ssv_poster_set_placeholder_color (self->hero_placeholder, name);

  show_badges (self);
  show_genres (self);
  show_cast (self);
  request_if_unsynced (self);

  /* Pictures already shown stay until their replacements arrive. */
  if (gtk_picture_get_paintable (self->backdrop_picture) == NULL)
    load_image (self, billboard->backdrop_url ? billboard->backdrop_url : billboard->poster_url,
                BACKDROP_HEIGHT, GTK_WIDGET (self->backdrop_picture), apply_backdrop);
  if (gtk_picture_get_paintable (self->logo_picture) == NULL)
    load_image (self, billboard->logo_url, LOGO_HEIGHT, GTK_WIDGET (self->logo_picture), apply_logo);
}

static void
loads_done (SsvTitlePage *self)
{
  if (self->pending > 0)
    return;

  if (self->load_error != NULL)
    {
      if (!self->loaded)
        {
          adw_status_page_set_description (self->error_page, self->load_error->message);
          set_state (self, "error");
        }
      g_clear_error (&self->load_error);
      return;
    }

  self->loaded = TRUE;
  show_billboard (self);
  set_state (self, "content");
}

static void
detail_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SsvTitlePage) self = user_data;
  g_autoptr(GError) error = NULL;
  SsvTitleDetail *detail = ssv_library_store_load_title_finish (SSV_LIBRARY_STORE (source), result, &error);

  if (detail == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->pending--;
  if (detail == NULL)
    {
      if (self->load_error == NULL)
        self->load_error = g_steal_pointer (&error);
    }
  else
    {
      g_clear_pointer (&self->detail, ssv_title_detail_free);
      self->detail = detail;
    }
  loads_done (self);
}

static void
billboard_ready_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SsvTitlePage) self = user_data;
  g_autoptr(GError) error = NULL;
  SsvBillboard *billboard = ssv_enrichment_store_load_billboard_finish (SSV_ENRICHMENT_STORE (source),
                                                                       result, &error);

  if (billboard == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->pending--;
  if (billboard == NULL)
    {
      if (self->load_error == NULL)
        self->load_error = g_steal_pointer (&error);
    }
  else
    {
      g_clear_pointer (&self->billboard, ssv_billboard_free);
      self->billboard = billboard;
    }
  loads_done (self);
}

static void
reload (SsvTitlePage *self)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_error (&self->load_error);

  if (!self->loaded)
    set_state (self, "loading");

  if (self->follow_set != NULL)
    ssv_follow_set_load (self->follow_set);
  query_wanted (self);

  /* The library's facts and the providers' billboard, read side by side. */
  self->pending = 2;
  ssv_library_store_load_title_async (ssv_context_get_library_store (context), self->kind, self->title_id,
                                      self->cancellable, detail_ready_cb, g_object_ref (self));
  ssv_enrichment_store_load_billboard_async (ssv_enrichment_engine_get_store (get_engine (self)),
                                             item_kind (self), self->title_id, self->cancellable,
                                             billboard_ready_cb, g_object_ref (self));
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
reload_soon (SsvTitlePage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

static void
on_library_changed (SsvTitlePage *self,
                    const char   *detail)
{
  reload_soon (self);
}

/* A provider finished this title (or one of its episodes): show what it brought. */
static void
on_item_done (SsvTitlePage *self,
              SsvWorker    *worker,
              guint         kind,
              gint64        id,
              guint         outcome,
              const char   *label)
{
  if (kind != item_kind (self) || id != self->title_id)
    return;

  if (outcome != SSV_OUTCOME_MATCHED && g_strcmp0 (ssv_worker_get_name (worker), "tmdb") == 0)
    {
      gtk_widget_set_visible (self->lookup_box, FALSE);
      gtk_spinner_set_spinning (self->lookup_spinner, FALSE);
    }
  reload_soon (self);
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

/**
 * ssv_title_page_get_billboard:
 *
 * Returns: (transfer none) (nullable): the providers' part of the page, once loaded
 */
const SsvBillboard *
ssv_title_page_get_billboard (SsvTitlePage *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_PAGE (self), NULL);

  return self->billboard;
}

/* How many episode rows the season switcher shows now. */
guint
ssv_title_page_count_episode_rows (SsvTitlePage *self)
{
  guint rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->episodes_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rows += SSV_IS_EPISODE_ROW (child);

  return rows;
}

/* Picks a season in the switcher (by its number); FALSE when the show has no such season. */
gboolean
ssv_title_page_show_season (SsvTitlePage *self,
                            int           season)
{
  g_return_val_if_fail (SSV_IS_TITLE_PAGE (self), FALSE);

  for (guint i = 0; i < self->season_numbers->len; i++)
    if (g_array_index (self->season_numbers, int, i) == season)
      {
        gtk_drop_down_set_selected (self->season_dropdown, i);
        return TRUE;
      }

  return FALSE;
}

/* Whether the title shows as its logo (TRUE) or in words. */
gboolean
ssv_title_page_has_logo (SsvTitlePage *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->title_stack), "logo") == 0;
}

/* The widgets a test looks at: the badges, the cast cards. */
GtkWidget *
ssv_title_page_get_badges (SsvTitlePage *self)
{
  return GTK_WIDGET (self->badges_box);
}

GtkWidget *
ssv_title_page_get_cast (SsvTitlePage *self)
{
  return GTK_WIDGET (self->cast_box);
}

/* "movie:42" or "show:7": what the window remembers to reopen. */
char *
ssv_title_page_dup_restore_key (SsvTitlePage *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_PAGE (self), NULL);

  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, self->kind == SSV_MEDIA_KIND_SHOW ? "show" : "movie",
                          self->title_id);
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
  g_signal_connect_object (get_engine (self), "item-done", G_CALLBACK (on_item_done), self, G_CONNECT_SWAPPED);
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
  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  g_cancellable_cancel (self->wish_cancellable);
  g_clear_object (&self->wish_cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_pointer (&self->detail, ssv_title_detail_free);
  g_clear_pointer (&self->billboard, ssv_billboard_free);
  g_clear_pointer (&self->season_numbers, g_array_unref);
  g_clear_pointer (&self->file_rows, g_ptr_array_unref);
  g_clear_error (&self->load_error);
  g_clear_pointer (&self->shown_cast, g_free);
  g_clear_pointer (&self->shown_episodes, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, hero_placeholder);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, backdrop_picture);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, title_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, logo_clamp);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, tagline_label);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, badges_box);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, lookup_box);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, lookup_spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, genres_box);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, watched_label);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, overview_label);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, crew_label);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, cast_section);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, cast_box);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, episodes_section);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, season_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, episodes_list);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, files_group);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, actions_box);

  /* (target, library id, season number): an SsvWishTarget and what it names. */
  gtk_widget_class_install_action (widget_class, "title.wish", "(uxi)", wish_action);
  gtk_widget_class_install_action (widget_class, "title.unwish", "(uxi)", wish_action);
}

static void
ssv_title_page_init (SsvTitlePage *self)
{
  self->file_rows = g_ptr_array_new ();
  self->season_numbers = g_array_new (FALSE, FALSE, sizeof (int));
  self->image_cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->season_dropdown, "notify::selected", G_CALLBACK (on_season_selected), self);
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
