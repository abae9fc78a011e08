/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-season-episodes.c: a show's episodes, one season at a time. The rows are a list box
 * bound to the episodes filtered by the season picked; the first season with an episode of
 * the library left to watch opens. Episodes that show the same as before keep their rows. */

#include "config.h"

#include <glib/gi18n.h>

#include "pages/title/ssv-season-episodes.h"
#include "widgets/ssv-episode-row.h"

struct _SsvSeasonEpisodes
{
  GtkWidget          parent_instance;

  GListModel        *episodes;
  SsvTextureLoader  *loader;
  GListStore        *shown;           /* SsvEpisode, all seasons */
  GtkCustomFilter   *filter;
  GArray            *season_numbers;  /* int, in the switcher's order */
  int                season;          /* the one shown */
  char              *shown_key;       /* what the rows show, to keep them when nothing changed */
  gboolean           filling;

  GtkWidget         *box;             /* the template's child: unparented at dispose */
  GtkDropDown       *season_dropdown;
  GtkWidget         *season_search_button;
  GtkListBox        *list;
};

G_DEFINE_FINAL_TYPE (SsvSeasonEpisodes, ssv_season_episodes, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EPISODES,
  PROP_LOADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
in_season (gpointer item,
           gpointer user_data)
{
  SsvSeasonEpisodes *self = user_data;

  return ssv_episode_get_season_number (item) == self->season;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SsvSeasonEpisodes *self = user_data;

  return ssv_episode_row_new (item, self->loader, NULL);
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

/* Everything a row shows, so a reload with nothing new leaves the rows be. */
static char *
describe (GListModel *episodes)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; episodes != NULL && i < g_list_model_get_n_items (episodes); i++)
    {
      g_autoptr(SsvEpisode) e = g_list_model_get_item (episodes, i);

      g_string_append_printf (key, "%" G_GINT64_FORMAT "|%d|%d|%s|%s|%s|%s|%d|%d\n", ssv_episode_get_id (e),
                              ssv_episode_get_season_number (e), ssv_episode_get_episode_number (e),
                              ssv_episode_get_title (e), ssv_episode_get_overview (e), ssv_episode_get_air_date (e),
                              ssv_episode_get_still_url (e), ssv_episode_get_has_file (e),
                              ssv_episode_get_watched (e));
    }

  return g_string_free (key, FALSE);
}

static void
show_season (SsvSeasonEpisodes *self,
             int                season)
{
  self->season = season;
  /* the header's search is for the season shown: title.search-releases (season, -1) */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->season_search_button), "(ii)", season, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_season_selected (SsvSeasonEpisodes *self)
{
  guint selected = gtk_drop_down_get_selected (self->season_dropdown);

  if (!self->filling && selected < self->season_numbers->len)
    show_season (self, g_array_index (self->season_numbers, int, selected));
}

/* The season numbers, sorted, and the one to open: the one shown before if it is still
 * there, else the first with an episode of the library left to watch. */
static guint
collect_seasons (SsvSeasonEpisodes *self,
                 GtkStringList     *names,
                 int                previous)
{
  GListModel *episodes = G_LIST_MODEL (self->shown);
  guint keep = G_MAXUINT;
  guint open = G_MAXUINT;

  g_array_set_size (self->season_numbers, 0);
  for (guint i = 0; i < g_list_model_get_n_items (episodes); i++)
    {
      g_autoptr(SsvEpisode) episode = g_list_model_get_item (episodes, i);
      int season = ssv_episode_get_season_number (episode);
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

      for (guint j = 0; j < g_list_model_get_n_items (episodes) && !unwatched; j++)
        {
          g_autoptr(SsvEpisode) episode = g_list_model_get_item (episodes, j);

          unwatched = ssv_episode_get_season_number (episode) == season && ssv_episode_get_has_file (episode) &&
                      !ssv_episode_get_watched (episode);
        }
      if (unwatched && open == G_MAXUINT && season != 0)
        open = i;
    }

  if (keep != G_MAXUINT)
    return keep;
  return open != G_MAXUINT ? open : 0;
}

static void
fill (SsvSeasonEpisodes *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = self->episodes ? g_list_model_get_n_items (self->episodes) : 0;
  int previous = self->season;
  guint open;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (self->episodes, i));

  /* The rows go while the season changes, then come back once. */
  self->season = G_MININT;
  g_list_store_splice (self->shown, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shown)), items->pdata, items->len);
  open = collect_seasons (self, names, previous);

  self->filling = TRUE;
  gtk_drop_down_set_model (self->season_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->season_dropdown, open);
  self->filling = FALSE;

  if (self->season_numbers->len > 0)
    show_season (self, g_array_index (self->season_numbers, int, open));
  gtk_widget_set_visible (GTK_WIDGET (self), self->season_numbers->len > 0);
}

/* Returns: (transfer none) (nullable): the SsvEpisode list given */
GListModel *
ssv_season_episodes_get_episodes (SsvSeasonEpisodes *self)
{
  g_return_val_if_fail (SSV_IS_SEASON_EPISODES (self), NULL);

  return self->episodes;
}

/**
 * ssv_season_episodes_set_episodes:
 * @episodes: (nullable): SsvEpisode items of every season
 */
void
ssv_season_episodes_set_episodes (SsvSeasonEpisodes *self,
                                  GListModel        *episodes)
{
  g_autofree char *key = NULL;

  g_return_if_fail (SSV_IS_SEASON_EPISODES (self));

  if (!g_set_object (&self->episodes, episodes))
    return;

  key = describe (episodes);
  if (g_strcmp0 (key, self->shown_key) != 0)
    {
      g_free (self->shown_key);
      self->shown_key = g_steal_pointer (&key);
      fill (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EPISODES]);
}

void
ssv_season_episodes_set_loader (SsvSeasonEpisodes *self,
                                SsvTextureLoader  *loader)
{
  g_return_if_fail (SSV_IS_SEASON_EPISODES (self));

  if (g_set_object (&self->loader, loader))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADER]);
}

/* The season number shown. */
int
ssv_season_episodes_get_season (SsvSeasonEpisodes *self)
{
  g_return_val_if_fail (SSV_IS_SEASON_EPISODES (self), 0);

  return self->season;
}

/* Picks a season in the switcher (by its number); FALSE when the show has no such season. */
gboolean
ssv_season_episodes_show_season (SsvSeasonEpisodes *self,
                                 int                season)
{
  g_return_val_if_fail (SSV_IS_SEASON_EPISODES (self), FALSE);

  for (guint i = 0; i < self->season_numbers->len; i++)
    if (g_array_index (self->season_numbers, int, i) == season)
      {
        gtk_drop_down_set_selected (self->season_dropdown, i);
        return TRUE;
      }

  return FALSE;
}

/* How many episode rows show now. */
guint
ssv_season_episodes_count_rows (SsvSeasonEpisodes *self)
{
  guint rows = 0;

  g_return_val_if_fail (SSV_IS_SEASON_EPISODES (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rows += SSV_IS_EPISODE_ROW (child);

  return rows;
}

static void
ssv_season_episodes_dispose (GObject *object)
{
  SsvSeasonEpisodes *self = SSV_SEASON_EPISODES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_SEASON_EPISODES);
  g_clear_object (&self->episodes);
  g_clear_object (&self->loader);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->season_numbers, g_array_unref);
  g_clear_pointer (&self->shown_key, g_free);

  G_OBJECT_CLASS (ssv_season_episodes_parent_class)->dispose (object);
}

static void
ssv_season_episodes_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SsvSeasonEpisodes *self = SSV_SEASON_EPISODES (object);

  switch (prop_id)
    {
    case PROP_EPISODES:
      g_value_set_object (value, self->episodes);
      break;
    case PROP_LOADER:
      g_value_set_object (value, self->loader);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_season_episodes_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SsvSeasonEpisodes *self = SSV_SEASON_EPISODES (object);

  switch (prop_id)
    {
    case PROP_EPISODES:
      ssv_season_episodes_set_episodes (self, g_value_get_object (value));
      break;
    case PROP_LOADER:
      ssv_season_episodes_set_loader (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_season_episodes_class_init (SsvSeasonEpisodesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_season_episodes_dispose;
  object_class->get_property = ssv_season_episodes_get_property;
  object_class->set_property = ssv_season_episodes_set_property;

  properties[PROP_EPISODES] =
    g_param_spec_object ("episodes", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADER] =
    g_param_spec_object ("loader", NULL, NULL, SSV_TYPE_TEXTURE_LOADER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/pages/title/ssv-season-episodes.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvSeasonEpisodes, box);
  gtk_widget_class_bind_template_child (widget_class, SsvSeasonEpisodes, season_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SsvSeasonEpisodes, season_search_button);
  gtk_widget_class_bind_template_child (widget_class, SsvSeasonEpisodes, list);
  gtk_widget_class_bind_template_callback (widget_class, on_season_selected);
}

static void
ssv_season_episodes_init (SsvSeasonEpisodes *self)
{
  GtkFilterListModel *season;

  self->season_numbers = g_array_new (FALSE, FALSE, sizeof (int));
  self->shown = g_list_store_new (SSV_TYPE_EPISODE);
  self->filter = gtk_custom_filter_new (in_season, self, NULL);
  self->season = G_MININT;

  gtk_widget_init_template (GTK_WIDGET (self));

  season = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->shown)),
                                      GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (season), create_row, self, NULL);
  g_object_unref (season);
}

/**
 * ssv_season_episodes_new:
 * @loader: (nullable): where stills come from
 */
GtkWidget *
ssv_season_episodes_new (SsvTextureLoader *loader)
{
  return g_object_new (SSV_TYPE_SEASON_EPISODES, "loader", loader, NULL);
}
