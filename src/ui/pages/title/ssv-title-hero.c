/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-hero.c: the top of a title's page, down to its genres and how much of it was
 * watched. Words bind to the title in the template; the
 * pictures load here, and the ones shown stay until their replacements arrive. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-closures.h"
#include "pages/title/ssv-title-hero-private.h"
#include "ssv-utils.h"
#include "widgets/ssv-poster-card.h"
#include "widgets/ssv-rating-badge.h"

#define BACKDROP_HEIGHT 720
#define LOGO_HEIGHT     110
#define LOGO_MAX_WIDTH  440

struct _SsvTitleHero
{
  GtkWidget         parent_instance;

  SsvTitle         *item;
  SsvTextureLoader *loader;
  gboolean          looking_up;
  GCancellable     *cancellable;
  char             *backdrop_uri;   /* asked for or shown */
  char             *logo_uri;

  GtkWidget        *box;            /* the template's child: unparented at dispose */
  GtkWidget        *placeholder;
  GtkPicture       *backdrop_picture;
  GtkStack         *title_stack;
  AdwClamp         *logo_clamp;
  GtkPicture       *logo_picture;
  GtkBox           *badges_box;
  GtkFlowBox       *genres_box;
};

G_DEFINE_FINAL_TYPE (SsvTitleHero, ssv_title_hero, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_LOADER,
  PROP_LOOKING_UP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- words (closures of the template) ------------------------------------------ */

/* "1999 · 2 h 19 min · R · from Home", or for a show "2011–2019 · 8 seasons · HBO · TV-MA". */
static char *
facts_text (gpointer  unused,
            SsvTitle *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  int year = item ? ssv_title_get_year (item) : 0;
  int runtime = item ? ssv_title_get_runtime_minutes (item) : 0;

  if (item == NULL)
    return g_strdup ("");

  if (ssv_title_get_kind (item) == SSV_MEDIA_KIND_SHOW)
    {
      int last_year = ssv_title_get_last_year (item);
      guint seasons = ssv_title_get_n_seasons (item);

      if (year > 0 && last_year > year)
        g_ptr_array_add (parts, g_strdup_printf ("%d–%d", year, last_year));
      else if (year > 0)
        g_ptr_array_add (parts, g_strdup_printf ("%d", year));
      if (seasons > 0)
        g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u season", "%u seasons", seasons), seasons));
      else if (runtime > 0)
        g_ptr_array_add (parts, ssv_format_duration ((gint64) runtime * 60));
      if (ssv_title_get_network (item) != NULL)
        g_ptr_array_add (parts, g_strdup (ssv_title_get_network (item)));
    }
  else
    {
      if (year > 0)
        g_ptr_array_add (parts, g_strdup_printf ("%d", year));
      if (runtime > 0)
        g_ptr_array_add (parts, ssv_format_duration ((gint64) runtime * 60));
    }

  if (ssv_title_get_content_rating (item) != NULL)
    g_ptr_array_add (parts, g_strdup (ssv_title_get_content_rating (item)));
  if (ssv_title_get_server_name (item) != NULL)
    /* Translators: where a title comes from, e.g. "from Living Room" */
    g_ptr_array_add (parts, g_strdup_printf (_("from %s"), ssv_title_get_server_name (item)));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static char *
watched_text (gpointer  unused,
              SsvTitle *item)
{
  int total;

  if (item == NULL)
    return NULL;
  /* Built from TMDB: nothing of it is here to have been watched. */
  if (!ssv_title_get_owned (item))
    return g_strdup (_("Not in the library"));
  if (ssv_title_get_kind (item) == SSV_MEDIA_KIND_MOVIE)
    return g_strdup (ssv_title_get_watched (item) ? _("Watched") : _("Not watched yet"));

  total = ssv_title_get_episode_count (item);
  return g_strdup_printf (ngettext ("%d of %d episode watched", "%d of %d episodes watched", total),
                          ssv_title_get_watched_count (item), total);
}

static GtkWidget *
create_genre_chip (gpointer item,
                   gpointer user_data)
{
  GtkWidget *chip = gtk_label_new (gtk_string_object_get_string (item));

  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_add_css_class (chip, "genre-chip");
  return chip;
}

/* ---- pictures ------------------------------------------------------------------ */

/* The logo replaces the title in words; the picture still carries the title for screen readers. */
static void
logo_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SsvTitleHero) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = ssv_texture_loader_load_finish (SSV_TEXTURE_LOADER (source), result, &error);
  int width, height, shown_width;

  if (texture == NULL)
    return;

  /* Wide logos are as wide as allowed, tall ones as tall: the clamp sets the width,
   * and the picture's height follows its shape. */
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  shown_width = height > 0 ? MIN (LOGO_MAX_WIDTH, LOGO_HEIGHT * width / height) : LOGO_MAX_WIDTH;
  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  adw_clamp_set_maximum_size (self->logo_clamp, shown_width);
  adw_clamp_set_tightening_threshold (self->logo_clamp, shown_width);
  gtk_stack_set_visible_child_name (self->title_stack, "logo");
}

/* Whether @uri is new: neither what @shown is nor what it waits for. */
static gboolean
take_uri (SsvTitleHero  *self,
          char         **shown,
          const char    *uri)
{
  if (uri == NULL || self->loader == NULL || g_strcmp0 (*shown, uri) == 0)
    return FALSE;

  g_free (*shown);
  *shown = g_strdup (uri);
  return TRUE;
}

static void
show_badges (SsvTitleHero *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->badges_box))) != NULL)
    gtk_box_remove (self->badges_box, child);

  if (self->item == NULL)
    return;

  if (ssv_title_get_imdb_rating (self->item) > 0)
    gtk_box_append (self->badges_box, ssv_rating_badge_new (SSV_RATING_IMDB, ssv_title_get_imdb_rating (self->item)));
  if (ssv_title_get_rt_score (self->item) >= 0)
    gtk_box_append (self->badges_box,
                    ssv_rating_badge_new (SSV_RATING_ROTTEN_TOMATOES, ssv_title_get_rt_score (self->item)));
  if (ssv_title_get_metascore (self->item) >= 0)
    gtk_box_append (self->badges_box, ssv_rating_badge_new (SSV_RATING_METACRITIC, ssv_title_get_metascore (self->item)));
  if (ssv_title_get_tmdb_rating (self->item) > 0)
    gtk_box_append (self->badges_box, ssv_rating_badge_new (SSV_RATING_TMDB, ssv_title_get_tmdb_rating (self->item)));

  gtk_widget_set_visible (GTK_WIDGET (self->badges_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->badges_box)) != NULL);
}

static void
show_genres (SsvTitleHero *self)
{
  const char * const *genres = self->item ? ssv_title_get_genres (self->item) : NULL;
  g_autoptr(GtkStringList) chips = gtk_string_list_new (genres);

  gtk_flow_box_bind_model (self->genres_box, G_LIST_MODEL (chips), create_genre_chip, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->genres_box), genres != NULL && genres[0] != NULL);
}

static void
show_item (SsvTitleHero *self)
{
  const char *name = self->item ? ssv_title_get_title (self->item) : NULL;
  const char *backdrop = NULL;
  int scale;

  show_badges (self);
  show_genres (self);
  /* Until a backdrop arrives (or when there is none), a colour of the title's own. */
  ssv_poster_set_placeholder_color (self->placeholder, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->logo_picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name ? name : "", -1);

  if (self->item == NULL)
    return;

  /* Without a backdrop, the title's own colour stays; without a logo, its name. */
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  backdrop = ssv_title_get_backdrop_url (self->item);
  if (take_uri (self, &self->backdrop_uri, backdrop ? backdrop : ssv_title_get_poster_url (self->item)))
    ssv_texture_loader_load_picture (self->loader, self->backdrop_picture, self->backdrop_uri,
                                     BACKDROP_HEIGHT * scale, self->cancellable);
  if (take_uri (self, &self->logo_uri, ssv_title_get_logo_url (self->item)))
    ssv_texture_loader_load_async (self->loader, self->logo_uri, LOGO_HEIGHT * scale, self->cancellable,
                                   logo_ready_cb, g_object_ref (self));
}

/* Returns: (transfer none) (nullable): the title shown */
SsvTitle *
ssv_title_hero_get_item (SsvTitleHero *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_HERO (self), NULL);

  return self->item;
}

void
ssv_title_hero_set_item (SsvTitleHero *self,
                         SsvTitle     *item)
{
  g_return_if_fail (SSV_IS_TITLE_HERO (self));
  g_return_if_fail (item == NULL || SSV_IS_TITLE (item));

  if (!g_set_object (&self->item, item))
    return;

  show_item (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * ssv_title_hero_set_loader:
 * @loader: (nullable): where pictures come from; without one, words and colours only
 */
void
ssv_title_hero_set_loader (SsvTitleHero     *self,
                           SsvTextureLoader *loader)
{
  g_return_if_fail (SSV_IS_TITLE_HERO (self));

  if (g_set_object (&self->loader, loader))
    {
      show_item (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADER]);
    }
}

/* ---- for tests ----------------------------------------------------------------- */

/* Whether the title shows as its logo (TRUE) or in words. */
gboolean
ssv_title_hero_has_logo (SsvTitleHero *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_HERO (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->title_stack), "logo") == 0;
}

guint
ssv_title_hero_count_badges (SsvTitleHero *self)
{
  guint n = 0;

  g_return_val_if_fail (SSV_IS_TITLE_HERO (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->badges_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += SSV_IS_RATING_BADGE (child) && gtk_widget_get_visible (child);

  return n;
}

GtkWidget *
ssv_title_hero_get_badges (SsvTitleHero *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_HERO (self), NULL);

  return GTK_WIDGET (self->badges_box);
}

guint
ssv_title_hero_count_genres (SsvTitleHero *self)
{
  guint n = 0;

  g_return_val_if_fail (SSV_IS_TITLE_HERO (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->genres_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return gtk_widget_get_visible (GTK_WIDGET (self->genres_box)) ? n : 0;
}

/* Returns: (transfer full): the facts line as shown */
char *
ssv_title_hero_dup_facts (SsvTitleHero *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_HERO (self), NULL);

  return facts_text (self, self->item);
}

/* ---- GObject ------------------------------------------------------------------- */

static void
ssv_title_hero_dispose (GObject *object)
{
  SsvTitleHero *self = SSV_TITLE_HERO (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_TITLE_HERO);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->item);
  g_clear_object (&self->loader);
  g_clear_pointer (&self->backdrop_uri, g_free);
  g_clear_pointer (&self->logo_uri, g_free);

  G_OBJECT_CLASS (ssv_title_hero_parent_class)->dispose (object);
}

static void
ssv_title_hero_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SsvTitleHero *self = SSV_TITLE_HERO (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_LOADER:
      g_value_set_object (value, self->loader);
      break;
    case PROP_LOOKING_UP:
      g_value_set_boolean (value, self->looking_up);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_title_hero_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SsvTitleHero *self = SSV_TITLE_HERO (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      ssv_title_hero_set_item (self, g_value_get_object (value));
      break;
    case PROP_LOADER:
      ssv_title_hero_set_loader (self, g_value_get_object (value));
      break;
    case PROP_LOOKING_UP:
      if (self->looking_up != g_value_get_boolean (value))
        {
          self->looking_up = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_title_hero_class_init (SsvTitleHeroClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_title_hero_dispose;
  object_class->get_property = ssv_title_hero_get_property;
  object_class->set_property = ssv_title_hero_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SSV_TYPE_TITLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADER] =
    g_param_spec_object ("loader", NULL, NULL, SSV_TYPE_TEXTURE_LOADER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SsvTitleHero:looking-up:
   *
   * Whether to say that a provider is being asked about the title.
   */
  properties[PROP_LOOKING_UP] =
    g_param_spec_boolean ("looking-up", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/pages/title/ssv-title-hero.ui");
  ssv_widget_class_bind_closures (widget_class);
  gtk_widget_class_bind_template_child (widget_class, SsvTitleHero, box);
  gtk_widget_class_bind_template_child (widget_class, SsvTitleHero, placeholder);
  gtk_widget_class_bind_template_child (widget_class, SsvTitleHero, backdrop_picture);
  gtk_widget_class_bind_template_child (widget_class, SsvTitleHero, title_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvTitleHero, logo_clamp);
  gtk_widget_class_bind_template_child (widget_class, SsvTitleHero, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, SsvTitleHero, badges_box);
  gtk_widget_class_bind_template_child (widget_class, SsvTitleHero, genres_box);
  gtk_widget_class_bind_template_callback (widget_class, facts_text);
  gtk_widget_class_bind_template_callback (widget_class, watched_text);
}

static void
ssv_title_hero_init (SsvTitleHero *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  ssv_poster_set_placeholder_color (self->placeholder, NULL);
}

/**
 * ssv_title_hero_new:
 * @loader: (nullable): where pictures come from
 */
GtkWidget *
ssv_title_hero_new (SsvTextureLoader *loader)
{
  return g_object_new (SSV_TYPE_TITLE_HERO, "loader", loader, NULL);
}
