/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wish-button.c: a title's wishlist button. Whether the title is wanted, and under which
 * quality profile, comes from the wishlist store (asked again when it changes); looks, action
 * and menu bind to that and to the title in the template. A wanted title's menu (a show's
 * wishlist menu, a movie's button beside its pill) has the "Quality Profile" choice the
 * wishlist's menus have. A show known only from TMDB is wished by TMDB's ids, with TMDB's
 * list of its episodes (through the discovery service). */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "model/ssv-episode.h"
#include "model/ssv-season.h"
#include "ssv-discovery.h"
#include "widgets/ssv-wish-button.h"
#include "widgets/ssv-wish-profile-choice.h"

struct _SsvWishButton
{
  GtkWidget         parent_instance;

  SsvTitle         *item;
  SsvWishlistStore *store;
  SsvDiscovery     *discovery;     /* wishes a show not owned */
  SsvProfileStore  *profile_store;
  SsvWishProfileChoice *profile_choice;  /* the wanted title's "Quality Profile" */
  gboolean          wanted;
  GCancellable     *cancellable;   /* the question on its way */

  GtkWidget        *box;
  GtkWidget        *movie_button;
  AdwButtonContent *movie_content;
  GtkWidget        *movie_menu_button;
  GtkWidget        *show_button;
  AdwButtonContent *show_content;
};

G_DEFINE_FINAL_TYPE (SsvWishButton, ssv_wish_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_STORE,
  PROP_WANTED,
  PROP_PROFILE_MENU,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- a title known only from TMDB ------------------------------------------------ */

/* A show not in the library: its page came from TMDB, and ids in its targets are TMDB's. */
static gboolean
is_tmdb_show (SsvTitle *item)
{
  return item != NULL && ssv_title_get_id (item) == 0 && ssv_title_get_tmdb_id (item) > 0 &&
         ssv_title_get_kind (item) == SSV_MEDIA_KIND_SHOW;
}

/* Returns: (transfer full) (nullable): the episode of a show from TMDB with TMDB's id @tmdb_id */
static SsvEpisode *
find_listed_episode (SsvTitle *item,
                     gint64    tmdb_id)
{
  GListModel *episodes = ssv_title_get_episodes (item);

  for (guint i = 0; tmdb_id > 0 && i < g_list_model_get_n_items (episodes); i++)
    {
      g_autoptr(SsvEpisode) episode = g_list_model_get_item (episodes, i);

      if (ssv_episode_get_tmdb_id (episode) == tmdb_id)
        return g_steal_pointer (&episode);
    }
  return NULL;
}

/* ---- looks (closures of the template) ------------------------------------------ */

static gboolean
is_movie (gpointer unused,
          gboolean is_show)
{
  return !is_show;
}


static char *
movie_tooltip (gpointer unused,
               gboolean wanted)
{
  return g_strdup (wanted ? _("Remove from Wishlist") : _("Add to Wishlist"));
}

/* A show's page has no movie to want: its hidden movie button names no action. */
static char *
movie_action (gpointer  unused,
              SsvTitle *item,
              gboolean  wanted)
{
  if (item == NULL || ssv_title_get_kind (item) != SSV_MEDIA_KIND_MOVIE)
    return NULL;

  return g_strdup (wanted ? "title.unwish" : "title.wish");
}

static GVariant *
movie_target (gpointer unused,
              gint64   id)
{
  return g_variant_new ("(uxi)", (guint32) SSV_WISH_TARGET_MOVIE, id, -1);
}

/* A wanted movie's menu: its quality profile. */
static gboolean
movie_menu_visible (gpointer unused,
                    gboolean is_show,
                    gboolean wanted)
{
  return !is_show && wanted;
}


static char *
show_tooltip (gpointer unused,
              gboolean wanted)
{
  return g_strdup (wanted ? _("On Your Wishlist") : _("Add to Wishlist"));
}

static void
append_item (GMenu         *menu,
             const char    *label,
             const char    *action,
             SsvWishTarget  target,
             gint64         id,
             int            season)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, action, "(uxi)", (guint32) target, id, season);
  g_menu_append_item (menu, item);
}

/* Every aired episode, or (when wanted) none, and the quality profile; then a season at a time. */
static GMenuModel *
show_menu (gpointer    unused,
           SsvTitle   *item,
           gboolean    wanted,
           GMenuModel *profile_menu)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) show = g_menu_new ();
  g_autoptr(GMenu) seasons = g_menu_new ();
  GListModel *list;
  gint64 id;

  if (item == NULL || ssv_title_get_kind (item) != SSV_MEDIA_KIND_SHOW)
    return G_MENU_MODEL (g_steal_pointer (&menu));

  id = is_tmdb_show (item) ? ssv_title_get_tmdb_id (item) : ssv_title_get_id (item);
  append_item (show, _("Add Every Aired _Episode"), "title.wish", SSV_WISH_TARGET_SHOW, id, -1);
  if (wanted)
    append_item (show, _("_Remove from Wishlist"), "title.unwish", SSV_WISH_TARGET_SHOW, id, -1);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (show));
  if (wanted && profile_menu != NULL)
    g_menu_append_section (menu, NULL, profile_menu);

  list = ssv_title_get_seasons (item);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SsvSeason) season = g_list_model_get_item (list, i);
      int number = ssv_season_get_season_number (season);
      g_autofree char *label = NULL;

      if (ssv_season_get_episode_count (season) == 0)
        continue;

      label = number == 0 ? g_strdup (_("Add the Specials"))
                          /* Translators: a menu item that wants a season's episodes */
                          : g_strdup_printf (_("Add Season %d"), number);
      append_item (seasons, label, "title.wish", SSV_WISH_TARGET_SEASON, id, number);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (seasons)) > 0)
    g_menu_append_section (menu, _("Seasons"), G_MENU_MODEL (seasons));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* ---- wanted --------------------------------------------------------------------- */

static void
set_wanted (SsvWishButton *self,
            gboolean       wanted)
{
  wanted = !!wanted;
  if (self->wanted == wanted)
    return;

  self->wanted = wanted;
  adw_button_content_set_icon_name (self->movie_content, wanted ? "starred-symbolic" : "non-starred-symbolic");
  adw_button_content_set_label (self->movie_content, wanted ? _("On Your Wishlist") : _("Add to Wishlist"));
  adw_button_content_set_icon_name (self->show_content, wanted ? "starred-symbolic" : "non-starred-symbolic");
  adw_button_content_set_label (self->show_content, wanted ? _("On Your _Wishlist") : _("_Wishlist"));
  if (wanted)
    {
      gtk_widget_add_css_class (self->movie_button, "wanted");
      gtk_widget_add_css_class (self->show_button, "wanted");
    }
  else
    {
      gtk_widget_remove_css_class (self->movie_button, "wanted");
      gtk_widget_remove_css_class (self->show_button, "wanted");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WANTED]);
}

static void
wanted_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SsvWishButton) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvWishlistItem) wish = ssv_wishlist_store_dup_wish_finish (SSV_WISHLIST_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  /* Unknown counts as not wanted: adding again is harmless. The profile goes first, so the
   * menu that shows with "wanted" has it. */
  ssv_wish_profile_choice_set_item (self->profile_choice, wish);
  set_wanted (self, wish != NULL);
}

static void
query_wanted (SsvWishButton *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL || self->item == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  if (is_tmdb_show (self->item))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ssv_title_get_tmdb_id (self->item));

      ssv_wishlist_store_dup_wish_async (self->store, SSV_WISH_TARGET_SHOW, 0, "tmdb", id, self->cancellable,
                                         wanted_cb, g_object_ref (self));
      return;
    }
  if (ssv_title_get_id (self->item) <= 0)
    {
      /* Not in the library: nothing of it can be wanted by its library id. */
      g_clear_object (&self->cancellable);
      ssv_wish_profile_choice_set_item (self->profile_choice, NULL);
      set_wanted (self, FALSE);
      return;
    }
  ssv_wishlist_store_dup_wish_async (self->store,
                                     ssv_title_get_kind (self->item) == SSV_MEDIA_KIND_SHOW ? SSV_WISH_TARGET_SHOW
                                                                                          : SSV_WISH_TARGET_MOVIE,
                                     ssv_title_get_id (self->item), NULL, NULL, self->cancellable,
                                     wanted_cb, g_object_ref (self));
}

static void
on_store_changed (SsvWishButton *self,
                  const char    *detail)
{
  query_wanted (self);
}

/* Returns: (transfer none) (nullable): the title the button wants */
SsvTitle *
ssv_wish_button_get_item (SsvWishButton *self)
{
  g_return_val_if_fail (SSV_IS_WISH_BUTTON (self), NULL);

  return self->item;
}

void
ssv_wish_button_set_item (SsvWishButton *self,
                          SsvTitle      *item)
{
  gboolean same_title;

  g_return_if_fail (SSV_IS_WISH_BUTTON (self));

  same_title = self->item != NULL && item != NULL && ssv_title_get_kind (self->item) == ssv_title_get_kind (item) &&
               ssv_title_get_id (self->item) == ssv_title_get_id (item);
  if (!g_set_object (&self->item, item))
    return;

  /* A reload of the same title keeps what the store said. */
  if (!same_title)
    query_wanted (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

void
ssv_wish_button_set_store (SsvWishButton    *self,
                           SsvWishlistStore *store)
{
  g_return_if_fail (SSV_IS_WISH_BUTTON (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  ssv_wish_profile_choice_set_stores (self->profile_choice, self->profile_store, store);

  query_wanted (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * ssv_wish_button_set_profile_store:
 * @store: (nullable): lists the quality profiles a wanted title's menu offers
 */
void
ssv_wish_button_set_profile_store (SsvWishButton   *self,
                                   SsvProfileStore *store)
{
  g_return_if_fail (SSV_IS_WISH_BUTTON (self));

  g_set_object (&self->profile_store, store);
  ssv_wish_profile_choice_set_stores (self->profile_choice, store, self->store);
}

/* Returns: (transfer none): the wanted title's "Quality Profile" choice */
SsvWishProfileChoice *
ssv_wish_button_get_profile_choice (SsvWishButton *self)
{
  g_return_val_if_fail (SSV_IS_WISH_BUTTON (self), NULL);

  return self->profile_choice;
}

gboolean
ssv_wish_button_get_wanted (SsvWishButton *self)
{
  g_return_val_if_fail (SSV_IS_WISH_BUTTON (self), FALSE);

  return self->wanted;
}

/* Whether the store's answer is on its way. */
gboolean
ssv_wish_button_get_busy (SsvWishButton *self)
{
  g_return_val_if_fail (SSV_IS_WISH_BUTTON (self), FALSE);

  return self->cancellable != NULL;
}

/* The menu button that shows: a wanted movie's, or a show's; NULL for a movie not wanted. */
GtkWidget *
ssv_wish_button_get_menu_button (SsvWishButton *self)
{
  g_return_val_if_fail (SSV_IS_WISH_BUTTON (self), NULL);

  if (gtk_widget_get_visible (self->show_button))
    return self->show_button;
  return gtk_widget_get_visible (self->movie_menu_button) ? self->movie_menu_button : NULL;
}

/* The button that shows: a movie's button or a show's menu button. */
GtkWidget *
ssv_wish_button_get_button (SsvWishButton *self)
{
  g_return_val_if_fail (SSV_IS_WISH_BUTTON (self), NULL);

  return gtk_widget_get_visible (self->show_button) ? self->show_button : self->movie_button;
}

/* ---- changes ------------------------------------------------------------------- */

static char *
describe_change (SsvWishButton *self,
                 gboolean       add,
                 SsvWishTarget  target,
                 gint64         id,
                 int            season)
{
  const char *name = self->item ? ssv_title_get_title (self->item) : "";
  const char *episode = self->item ? ssv_title_find_episode_title (self->item, id) : NULL;
  g_autoptr(SsvEpisode) listed = is_tmdb_show (self->item) ? find_listed_episode (self->item, id) : NULL;

  if (listed != NULL)
    episode = ssv_episode_get_title (listed);

  if (!add)
    /* Translators: a toast; %s is a title */
    return g_strdup_printf (_("Removed “%s” from your wishlist"), name);
  if (target == SSV_WISH_TARGET_SHOW)
    return g_strdup_printf (_("Every aired episode of “%s” is on your wishlist; new ones join as they air"), name);
  if (target == SSV_WISH_TARGET_SEASON && season == 0)
    return g_strdup_printf (_("The specials of “%s” are on your wishlist"), name);
  if (target == SSV_WISH_TARGET_SEASON)
    /* Translators: a toast: "Season 2 of “Severance” is on your wishlist" */
    return g_strdup_printf (_("Season %d of “%s” is on your wishlist"), season, name);
  if (target == SSV_WISH_TARGET_EPISODE && episode != NULL)
    return g_strdup_printf (_("“%s” is on your wishlist"), episode);
  if (target == SSV_WISH_TARGET_EPISODE)
    return g_strdup (_("The episode is on your wishlist"));

  return g_strdup_printf (_("“%s” is on your wishlist"), name);
}

static void
changed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  ssv_wishlist_store_change_finish (SSV_WISHLIST_STORE (source), result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_strdup (g_task_get_task_data (task)), g_free);
}

static void
show_wished_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!ssv_discovery_wish_show_finish (SSV_DISCOVERY (source), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_strdup (g_task_get_task_data (task)), g_free);
}

/* A show known only from TMDB: wished through the discovery service, which has TMDB's list
 * of its episodes; @id is TMDB's id of the show, or of the episode. */
static void
change_tmdb_show (SsvWishButton *self,
                  GTask         *task,
                  gboolean       add,
                  SsvWishTarget  target,
                  gint64         id,
                  int            season)
{
  g_autofree char *show_id = g_strdup_printf ("%" G_GINT64_FORMAT, ssv_title_get_tmdb_id (self->item));
  g_autoptr(SsvEpisode) episode = NULL;
  int number = 0;

  if (target == SSV_WISH_TARGET_EPISODE)
    {
      episode = find_listed_episode (self->item, id);
      if (episode == NULL)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                   _("TMDB does not list this episode (any more). Reload the page and try again."));
          return;
        }
      season = ssv_episode_get_season_number (episode);
      number = ssv_episode_get_episode_number (episode);
    }

  if (add && self->discovery == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("TMDB is not set up."));
  else if (add)
    ssv_discovery_wish_show_async (self->discovery, self->store, ssv_title_get_tmdb_id (self->item), target, season,
                                   number, g_task_get_cancellable (task), show_wished_cb, g_object_ref (task));
  else
    ssv_wishlist_store_remove_show_async (self->store, "tmdb", show_id, target, season, number,
                                          g_task_get_cancellable (task), changed_cb, g_object_ref (task));
}

/**
 * ssv_wish_button_change_async:
 * @add: %TRUE to want @target, %FALSE to stop wanting it
 * @target: (uxi): an SsvWishTarget, its library id and a season number, as title.wish takes;
 *   for a show known only from TMDB, TMDB's id of the show or episode
 *
 * Adds @target to the wishlist or removes it; the store's change then updates the button.
 */
void
ssv_wish_button_change_async (SsvWishButton       *self,
                              gboolean             add,
                              GVariant            *target,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  guint32 kind;
  gint64 id;
  int season;

  g_return_if_fail (SSV_IS_WISH_BUTTON (self));
  g_return_if_fail (g_variant_is_of_type (target, G_VARIANT_TYPE ("(uxi)")));

  g_task_set_source_tag (task, ssv_wish_button_change_async);
  if (self->store == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("The wishlist is not open."));
      return;
    }

  g_variant_get (target, "(uxi)", &kind, &id, &season);
  g_task_set_task_data (task, describe_change (self, add, kind, id, season), g_free);
  if (is_tmdb_show (self->item))
    change_tmdb_show (self, task, add, kind, id, season);
  else if (add)
    ssv_wishlist_store_add_async (self->store, kind, id, season, cancellable, changed_cb, g_steal_pointer (&task));
  else
    ssv_wishlist_store_remove_async (self->store, kind, id, season, cancellable, changed_cb, g_steal_pointer (&task));
}

/* Returns: (transfer full): what was done, in a sentence for a toast; %NULL with @error set */
char *
ssv_wish_button_change_finish (SsvWishButton  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ssv_wish_button_set_discovery:
 * @discovery: (nullable): what wishes a show known only from TMDB
 */
void
ssv_wish_button_set_discovery (SsvWishButton *self,
                               SsvDiscovery  *discovery)
{
  g_return_if_fail (SSV_IS_WISH_BUTTON (self));

  g_set_object (&self->discovery, discovery);
}

/* ---- GObject ------------------------------------------------------------------- */

static void
ssv_wish_button_dispose (GObject *object)
{
  SsvWishButton *self = SSV_WISH_BUTTON (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->profile_choice != NULL)
    ssv_wish_profile_choice_stop (self->profile_choice);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_WISH_BUTTON);
  g_clear_object (&self->profile_choice);
  g_clear_object (&self->item);
  g_clear_object (&self->store);
  g_clear_object (&self->profile_store);
  g_clear_object (&self->discovery);

  G_OBJECT_CLASS (ssv_wish_button_parent_class)->dispose (object);
}

static void
ssv_wish_button_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SsvWishButton *self = SSV_WISH_BUTTON (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_WANTED:
      g_value_set_boolean (value, self->wanted);
      break;
    case PROP_PROFILE_MENU:
      g_value_set_object (value, ssv_wish_profile_choice_get_section (self->profile_choice));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_wish_button_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SsvWishButton *self = SSV_WISH_BUTTON (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      ssv_wish_button_set_item (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      ssv_wish_button_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_wish_button_class_init (SsvWishButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_wish_button_dispose;
  object_class->get_property = ssv_wish_button_get_property;
  object_class->set_property = ssv_wish_button_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SSV_TYPE_TITLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SSV_TYPE_WISHLIST_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WANTED] =
    g_param_spec_boolean ("wanted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SsvWishButton:profile-menu:
   *
   * The "Quality Profile" section a wanted title's menus hold; the same one for the
   * button's life.
   */
  properties[PROP_PROFILE_MENU] =
    g_param_spec_object ("profile-menu", NULL, NULL, G_TYPE_MENU_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-wish-button.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvWishButton, box);
  gtk_widget_class_bind_template_child (widget_class, SsvWishButton, movie_button);
  gtk_widget_class_bind_template_child (widget_class, SsvWishButton, movie_content);
  gtk_widget_class_bind_template_child (widget_class, SsvWishButton, show_content);
  gtk_widget_class_bind_template_child (widget_class, SsvWishButton, movie_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SsvWishButton, show_button);
  gtk_widget_class_bind_template_callback (widget_class, is_movie);
  gtk_widget_class_bind_template_callback (widget_class, movie_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, movie_action);
  gtk_widget_class_bind_template_callback (widget_class, movie_target);
  gtk_widget_class_bind_template_callback (widget_class, movie_menu_visible);
  gtk_widget_class_bind_template_callback (widget_class, show_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, show_menu);
}

static void
ssv_wish_button_init (SsvWishButton *self)
{
  /* Before the template: its bindings read profile-menu. */
  self->profile_choice = ssv_wish_profile_choice_new (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
  ssv_wish_profile_choice_attach (self->profile_choice, GTK_MENU_BUTTON (self->show_button));
  ssv_wish_profile_choice_attach (self->profile_choice, GTK_MENU_BUTTON (self->movie_menu_button));
}

/**
 * ssv_wish_button_new:
 * @store: (nullable): the store that says whether the title is wanted
 */
GtkWidget *
ssv_wish_button_new (SsvWishlistStore *store)
{
  return g_object_new (SSV_TYPE_WISH_BUTTON, "store", store, NULL);
}
