/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-episode-row.c: an episode on a show's page. Its words and the wish button's target bind
 * to the episode in the template; the state's colour and the still are set here. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-closures.h"
#include "widgets/ssv-episode-row.h"
#include "stores/ssv-wishlist-store.h"

#define STILL_HEIGHT 99

struct _SsvEpisodeRow
{
  GtkListBoxRow     parent_instance;

  SsvEpisode       *episode;
  SsvTextureLoader *loader;
  char             *today;
  const char       *state;
  GCancellable     *cancellable;

  GtkPicture       *still;
  GtkLabel         *state_label;
  GtkWidget        *watched_button;
};

G_DEFINE_FINAL_TYPE (SsvEpisodeRow, ssv_episode_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_EPISODE,
  PROP_LOADER,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ssv_episode_state_for:
 * @today: "YYYY-MM-DD"
 *
 * "owned" when the library has a file, "upcoming" when it has not aired (or
 * has no date yet), "missing" when it aired and there is no file.
 */
const char *
ssv_episode_state_for (SsvEpisode *episode,
                       const char *today)
{
  const char *aired = ssv_episode_get_air_date (episode);

  if (ssv_episode_get_has_file (episode))
    return "owned";
  if (aired == NULL || g_strcmp0 (aired, today) > 0)
    return "upcoming";

  return "missing";
}

/* ---- words (closures of the template) ------------------------------------------ */

static char *
number_text (gpointer unused,
             int      number)
{
  return g_strdup_printf ("%d", number);
}

static char *
title_text (gpointer    unused,
            const char *title,
            int         number)
{
  return title ? g_strdup (title) : g_strdup_printf (_("Episode %d"), number);
}

static char *
date_text (gpointer    unused,
           const char *date)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *iso = NULL;

  if (date == NULL)
    return g_strdup (_("No air date yet"));

  iso = g_strconcat (date, "T12:00:00Z", NULL);
  when = g_date_time_new_from_iso8601 (iso, NULL);
  if (when == NULL)
    return g_strdup (date);

  /* Translators: an episode's air date, strftime format: "17 April 2011" */
  return g_date_time_format (when, _("%-d %B %Y"));
}

static const char *
state_words (SsvEpisodeRow *self)
{
  if (g_strcmp0 (self->state, "owned") == 0)
    return ssv_episode_get_watched (self->episode) ? _("Watched") : _("In library");
  if (g_strcmp0 (self->state, "upcoming") == 0)
    return _("Upcoming");

  return _("Missing");
}

static char *
state_text (SsvEpisodeRow *self,
            SsvEpisode    *episode)
{
  return episode ? g_strdup (state_words (self)) : NULL;
}

/* title.wish's (target, id, season) for this episode: the library's row, or for a show
 * known only from TMDB, TMDB's id of the episode. */
static GVariant *
wish_target (gpointer    unused,
             SsvEpisode *episode)
{
  gint64 id = 0;

  if (episode != NULL)
    id = ssv_episode_get_id (episode) > 0 ? ssv_episode_get_id (episode) : ssv_episode_get_tmdb_id (episode);

  return g_variant_new ("(uxi)", (guint32) SSV_WISH_TARGET_EPISODE, id, -1);
}

/* The check: filled once watched; a click flips it. */
static char *
watched_icon (gpointer unused,
              gboolean watched)
{
  return g_strdup (watched ? "object-select-symbolic" : "radio-symbolic");
}

static char *
watched_words (gpointer unused,
               gboolean watched)
{
  return g_strdup (watched ? _("Mark as Unwatched") : _("Mark as Watched"));
}

/* title.set-episode-watched's (episode id, watched): the opposite of what it is. */
static GVariant *
watched_target (gpointer unused,
                gint64   id,
                gboolean watched)
{
  return g_variant_new ("(xb)", id, !watched);
}

/* title.search-releases's (season, episode) for this episode. */
static GVariant *
search_target (gpointer unused,
               int      season,
               int      episode)
{
  return g_variant_new ("(ii)", season, episode);
}

/* ---- the episode ---------------------------------------------------------------- */

static void
show_episode (SsvEpisodeRow *self)
{
  static const char * const states[] = { "owned", "missing", "upcoming" };
  g_autofree char *spoken = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), states[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), states[i]);
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_picture_set_paintable (self->still, NULL);

  if (self->episode == NULL)
    return;

  self->state = ssv_episode_state_for (self->episode, self->today);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), self->state);
  gtk_widget_add_css_class (GTK_WIDGET (self), self->state);

  title = title_text (self, ssv_episode_get_title (self->episode), ssv_episode_get_episode_number (self->episode));
  date = date_text (self, ssv_episode_get_air_date (self->episode));
  /* Translators: an episode row read aloud: "Episode 3, Lord Snow, Missing, 1 May 2011" */
  spoken = g_strdup_printf (_("Episode %d, %s, %s, %s"), ssv_episode_get_episode_number (self->episode), title,
                            state_words (self), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->watched_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ssv_episode_get_watched (self->episode) ? _("Mark as Unwatched")
                                                                          : _("Mark as Watched"), -1);

  if (self->loader == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  ssv_texture_loader_load_picture (self->loader, self->still, ssv_episode_get_still_url (self->episode),
                                   STILL_HEIGHT * gtk_widget_get_scale_factor (GTK_WIDGET (self)), self->cancellable);
}

/* Returns: (transfer none) (nullable): the episode shown */
SsvEpisode *
ssv_episode_row_get_episode (SsvEpisodeRow *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE_ROW (self), NULL);

  return self->episode;
}

/* "owned", "missing" or "upcoming". */
const char *
ssv_episode_row_get_state (SsvEpisodeRow *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE_ROW (self), NULL);

  return self->state;
}

gboolean
ssv_episode_row_has_still (SsvEpisodeRow *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE_ROW (self), FALSE);

  return gtk_picture_get_paintable (self->still) != NULL;
}

/* ---- GObject ------------------------------------------------------------------- */

static void
ssv_episode_row_dispose (GObject *object)
{
  SsvEpisodeRow *self = SSV_EPISODE_ROW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), SSV_TYPE_EPISODE_ROW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->episode);
  g_clear_object (&self->loader);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (ssv_episode_row_parent_class)->dispose (object);
}

static void
ssv_episode_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SsvEpisodeRow *self = SSV_EPISODE_ROW (object);

  switch (prop_id)
    {
    case PROP_EPISODE:
      g_value_set_object (value, self->episode);
      break;
    case PROP_LOADER:
      g_value_set_object (value, self->loader);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_episode_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SsvEpisodeRow *self = SSV_EPISODE_ROW (object);

  switch (prop_id)
    {
    case PROP_EPISODE:
      /* Before the notify: the state the template's closure reads is current. */
      if (g_set_object (&self->episode, g_value_get_object (value)))
        {
          show_episode (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_LOADER:
      self->loader = g_value_dup_object (value);
      break;
    case PROP_TODAY:
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();

        self->today = g_value_get_string (value) ? g_value_dup_string (value)
                                                 : g_date_time_format (now, "%Y-%m-%d");
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_episode_row_class_init (SsvEpisodeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_episode_row_dispose;
  object_class->get_property = ssv_episode_row_get_property;
  object_class->set_property = ssv_episode_row_set_property;

  properties[PROP_EPISODE] =
    g_param_spec_object ("episode", NULL, NULL, SSV_TYPE_EPISODE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADER] =
    g_param_spec_object ("loader", NULL, NULL, SSV_TYPE_TEXTURE_LOADER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SsvEpisodeRow:today:
   *
   * "YYYY-MM-DD", what an air date is compared with; %NULL for the local date now.
   */
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-episode-row.ui");
  ssv_widget_class_bind_closures (widget_class);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeRow, still);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeRow, watched_button);
  gtk_widget_class_bind_template_callback (widget_class, number_text);
  gtk_widget_class_bind_template_callback (widget_class, title_text);
  gtk_widget_class_bind_template_callback (widget_class, date_text);
  gtk_widget_class_bind_template_callback (widget_class, state_text);
  gtk_widget_class_bind_template_callback (widget_class, wish_target);
  gtk_widget_class_bind_template_callback (widget_class, watched_icon);
  gtk_widget_class_bind_template_callback (widget_class, watched_words);
  gtk_widget_class_bind_template_callback (widget_class, watched_target);
  gtk_widget_class_bind_template_callback (widget_class, search_target);
}

static void
ssv_episode_row_init (SsvEpisodeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_episode_row_new:
 * @loader: (nullable): where the still comes from
 * @today: (nullable): "YYYY-MM-DD"; %NULL for the local date now
 */
GtkWidget *
ssv_episode_row_new (SsvEpisode       *episode,
                     SsvTextureLoader *loader,
                     const char       *today)
{
  return g_object_new (SSV_TYPE_EPISODE_ROW, "loader", loader, "today", today, "episode", episode, NULL);
}
