/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-watchlist-page.c: the Watchlist page: Shows and People tabs of poster cards with eye
 * buttons, and a Channels tab showing the followed channels' list (the Channels page's own
 * widget), with Add Channel… (Ctrl+N). Unfollowing removes a card at once (from the store's
 * follow-changed); other changes reload the tab, merged so untouched cards stay. */

#include "config.h"

#include <glib/gi18n.h>

#include "pages/ssv-watchlist-page.h"
#include "dialogs/ssv-add-channel-dialog.h"
#include "ssv-texture-loader.h"
#include "ssv-ui-utils.h"
#include "widgets/ssv-channel-list.h"
#include "widgets/ssv-poster-grid.h"
#include "widgets/ssv-watch-button.h"
#include "model/ssv-watch-item.h"
#include "stores/ssv-watchlist-store.h"

#define N_KINDS          3
#define RELOAD_DELAY_MS  250

typedef struct
{
  SsvWatchlistPage     *page;
  SsvWatchKind          kind;
  GListStore           *items;
  SsvFollowSet         *follow_set;
  GtkWidget            *grid;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GCancellable         *cancellable;
  guint                 reload_source;
  gboolean              loaded;
} Tab;

struct _SsvWatchlistPage
{
  SsvPage        parent_instance;

  Tab            tabs[N_KINDS];          /* the Channels tab's is its channel list's */
  SsvChannelList *channel_list;

  AdwViewStack  *view_stack;
};

G_DEFINE_FINAL_TYPE (SsvWatchlistPage, ssv_watchlist_page, SSV_TYPE_PAGE)

static const struct
{
  const char *name;
  const char *title;
  const char *icon;
  const char *empty_icon;
  const char *empty_title;
  const char *empty_description;
} kinds[N_KINDS] = {
  [SSV_WATCH_KIND_SHOW] = {
    "shows", N_("Shows"), "video-display-symbolic", "view-reveal-symbolic",
    N_("No Shows Followed"),
    N_("Shows of your library that are still airing are followed on their own. Follow any other show "
       "with the eye button on its card in the Library or on its page."),
  },
  [SSV_WATCH_KIND_PERSON] = {
    "people", N_("People"), "system-users-symbolic", "avatar-default-symbolic",
    N_("No People Followed"),
    N_("Follow an actor or a director from a title’s cast and they appear here."),
  },
  [SSV_WATCH_KIND_CHANNEL] = {
    "channels", N_("Channels"), "camera-web-symbolic", "camera-web-symbolic",
    NULL, NULL,
  },
};

/* ---- keys ------------------------------------------------------------------- */

static gboolean
item_has_key (SsvWatchItem *item,
              const char   *source,
              const char   *source_id)
{
  if (g_strcmp0 (ssv_watch_item_get_source (item), source) == 0 &&
      g_strcmp0 (ssv_watch_item_get_source_id (item), source_id) == 0)
    return TRUE;

  if (g_strcmp0 (source, "library") == 0 && ssv_watch_item_get_show_id (item) > 0)
    return g_ascii_strtoll (source_id, NULL, 10) == ssv_watch_item_get_show_id (item);

  return FALSE;
}

static char *
dup_item_key (SsvWatchItem *item)
{
  return ssv_watchlist_key (ssv_watch_item_get_source (item), ssv_watch_item_get_source_id (item));
}

/* ---- loading ------------------------------------------------------------------ */

static void
set_tab_state (Tab        *tab,
               const char *state)
{
  gtk_stack_set_visible_child_name (tab->stack, state);
}

static void
update_tab_state (Tab *tab)
{
  set_tab_state (tab, g_list_model_get_n_items (G_LIST_MODEL (tab->items)) > 0 ? "grid" : "empty");
}

/* Keeps the store as it is when nothing changed, so cards are not rebuilt for nothing. */
static void
merge (Tab       *tab,
       GPtrArray *fresh)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (tab->items));
  gboolean same = n == fresh->len;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(SsvWatchItem) known = g_list_model_get_item (G_LIST_MODEL (tab->items), i);
      SsvWatchItem *item = g_ptr_array_index (fresh, i);
      g_autofree char *a = dup_item_key (known);
      g_autofree char *b = dup_item_key (item);

      same = g_str_equal (a, b) &&
             g_strcmp0 (ssv_watch_item_get_title (known), ssv_watch_item_get_title (item)) == 0 &&
             g_strcmp0 (ssv_watch_item_get_image_url (known), ssv_watch_item_get_image_url (item)) == 0;
    }

  if (!same)
    g_list_store_splice (tab->items, 0, n, fresh->pdata, fresh->len);
}

static void
list_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Tab *tab = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = ssv_watchlist_store_list_finish (SSV_WATCHLIST_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Not cancelled: the page (and so the tab) is alive. */
  g_clear_object (&tab->cancellable);

  if (items == NULL)
    {
      adw_status_page_set_description (tab->error_page, error->message);
      set_tab_state (tab, "error");
      return;
    }

  merge (tab, items);
  tab->loaded = TRUE;
  update_tab_state (tab);
}

static void
reload_tab (Tab *tab)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (tab->page));

  if (tab->kind == SSV_WATCH_KIND_CHANNEL)
    {
      ssv_channel_list_reload (tab->page->channel_list);
      return;
    }

  g_clear_handle_id (&tab->reload_source, g_source_remove);
  if (tab->cancellable != NULL)
    g_cancellable_cancel (tab->cancellable);
  g_clear_object (&tab->cancellable);
  tab->cancellable = g_cancellable_new ();

  if (!tab->loaded)
    set_tab_state (tab, "loading");

  /* One query for every eye button of the tab. */
  ssv_follow_set_load (tab->follow_set);
  ssv_watchlist_store_list_async (ssv_context_get_watchlist_store (context), tab->kind, tab->cancellable,
                                  list_ready_cb, tab);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  Tab *tab = user_data;

  tab->reload_source = 0;
  reload_tab (tab);
  return G_SOURCE_REMOVE;
}

static void
schedule_reload (Tab *tab)
{
  if (!ssv_page_is_loaded (SSV_PAGE (tab->page)))
    return;
  if (tab->reload_source == 0)
    tab->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, tab);
}

/* An unfollow takes the card away at once; a follow brings the new item with a reload. */
static void
on_follow_changed (SsvWatchlistPage  *self,
                   int                kind,
                   const char        *source,
                   const char        *source_id,
                   gboolean           followed,
                   SsvWatchlistStore *store)
{
  Tab *tab;

  /* The channel list follows the store itself. */
  if (kind < 0 || kind >= N_KINDS || kind == SSV_WATCH_KIND_CHANNEL)
    return;

  tab = &self->tabs[kind];
  if (followed)
    {
      schedule_reload (tab);
      return;
    }

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (tab->items)); i > 0; i--)
    {
      g_autoptr(SsvWatchItem) item = g_list_model_get_item (G_LIST_MODEL (tab->items), i - 1);

      if (item_has_key (item, source, source_id))
        g_list_store_remove (tab->items, i - 1);
    }

  if (tab->loaded)
    update_tab_state (tab);
}

/* Airing status comes from the library: a show that ended leaves the default follows. */
static void
on_library_changed (SsvWatchlistPage *self,
                    const char       *detail)
{
  schedule_reload (&self->tabs[SSV_WATCH_KIND_SHOW]);
}

/* ---- cards ----------------------------------------------------------------- */

static GtkWidget *
make_watch_button (gpointer user_data)
{
  Tab *tab = user_data;

  return ssv_watch_button_new (tab->follow_set);
}

static void
bind_watch_button (GtkWidget *button,
                   GObject   *item,
                   gpointer   user_data)
{
  ssv_watch_button_set_item (SSV_WATCH_BUTTON (button), item);
}

static void
on_item_activated (SsvWatchlistPage *self,
                   GObject          *object)
{
  SsvWatchItem *item = SSV_WATCH_ITEM (object);

  if (ssv_watch_item_get_kind (item) != SSV_WATCH_KIND_SHOW)
    return;

  if (ssv_watch_item_get_show_id (item) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-show", "x", ssv_watch_item_get_show_id (item));
  else
    ssv_page_show_toast (SSV_PAGE (self),
                         _("This show is not in your library, so it has no page yet. Its episodes still show in the Calendar once the library has them."));
}

static GtkWidget *
make_tab (SsvWatchlistPage *self,
          SsvWatchKind      kind)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));
  Tab *tab = &self->tabs[kind];
  GtkWidget *stack;
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *error = adw_status_page_new ();
  GtkWidget *retry = gtk_button_new_with_mnemonic (_("_Try Again"));

  tab->page = self;
  tab->kind = kind;
  tab->follow_set = ssv_follow_set_new (ssv_context_get_watchlist_store (context), kind);
  if (kind == SSV_WATCH_KIND_CHANNEL)
    {
      self->channel_list = SSV_CHANNEL_LIST (ssv_channel_list_new (context));
      return GTK_WIDGET (self->channel_list);
    }

  stack = gtk_stack_new ();
  tab->grid = ssv_poster_grid_new (context);
  ssv_poster_grid_set_accessory (SSV_POSTER_GRID (tab->grid), make_watch_button, bind_watch_button, tab);
  ssv_poster_grid_set_model (SSV_POSTER_GRID (tab->grid), G_LIST_MODEL (tab->items));
  g_signal_connect_object (tab->grid, "item-activated", G_CALLBACK (on_item_activated), self, G_CONNECT_SWAPPED);

  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Loading the watchlist"), -1);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), kinds[kind].empty_icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _(kinds[kind].empty_title));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _(kinds[kind].empty_description));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (error), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (error), _("The Watchlist Could Not Be Read"));
  gtk_widget_set_halign (retry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (retry, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (retry), "watchlist.reload");
  adw_status_page_set_child (ADW_STATUS_PAGE (error), retry);
  tab->error_page = ADW_STATUS_PAGE (error);

  gtk_stack_add_named (GTK_STACK (stack), spinner, "loading");
  gtk_stack_add_named (GTK_STACK (stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (stack), error, "error");
  gtk_stack_add_named (GTK_STACK (stack), tab->grid, "grid");
  gtk_stack_set_transition_type (GTK_STACK (stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  tab->stack = GTK_STACK (stack);

  return stack;
}

/* ---- for tests ------------------------------------------------------------------ */

GListModel *
ssv_watchlist_page_get_items (SsvWatchlistPage *self,
                              SsvWatchKind      kind)
{
  g_return_val_if_fail (SSV_IS_WATCHLIST_PAGE (self), NULL);
  g_return_val_if_fail ((guint) kind < N_KINDS, NULL);

  if (kind == SSV_WATCH_KIND_CHANNEL)
    return ssv_channel_list_get_channels (self->channel_list);
  return G_LIST_MODEL (self->tabs[kind].items);
}

GtkWidget *
ssv_watchlist_page_get_grid (SsvWatchlistPage *self,
                             SsvWatchKind      kind)
{
  g_return_val_if_fail (SSV_IS_WATCHLIST_PAGE (self), NULL);
  g_return_val_if_fail ((guint) kind < N_KINDS, NULL);

  if (kind == SSV_WATCH_KIND_CHANNEL)
    return ssv_channel_list_get_grid (self->channel_list);
  return self->tabs[kind].grid;
}

SsvFollowSet *
ssv_watchlist_page_get_follow_set (SsvWatchlistPage *self,
                                   SsvWatchKind      kind)
{
  g_return_val_if_fail (SSV_IS_WATCHLIST_PAGE (self), NULL);
  g_return_val_if_fail ((guint) kind < N_KINDS, NULL);

  return self->tabs[kind].follow_set;
}

/* "loading", "empty", "error" or "grid". */
const char *
ssv_watchlist_page_get_state (SsvWatchlistPage *self,
                              SsvWatchKind      kind)
{
  g_return_val_if_fail (SSV_IS_WATCHLIST_PAGE (self), NULL);
  g_return_val_if_fail ((guint) kind < N_KINDS, NULL);

  if (kind == SSV_WATCH_KIND_CHANNEL)
    return ssv_channel_list_get_state (self->channel_list);
  return gtk_stack_get_visible_child_name (self->tabs[kind].stack);
}

void
ssv_watchlist_page_show_kind (SsvWatchlistPage *self,
                              SsvWatchKind      kind)
{
  g_return_if_fail (SSV_IS_WATCHLIST_PAGE (self));
  g_return_if_fail ((guint) kind < N_KINDS);

  adw_view_stack_set_visible_child_name (self->view_stack, kinds[kind].name);
}

/* ---- actions and GObject ------------------------------------------------------------ */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsvWatchlistPage *self = SSV_WATCHLIST_PAGE (widget);

  for (guint i = 0; i < N_KINDS; i++)
    reload_tab (&self->tabs[i]);
}

static void
add_channel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (widget));

  ssv_ui_present_window (GTK_WINDOW (ssv_add_channel_dialog_new (context)), widget);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SsvWatchlistPage *self = SSV_WATCHLIST_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

static void
ssv_watchlist_page_constructed (GObject *object)
{
  SsvWatchlistPage *self = SSV_WATCHLIST_PAGE (object);
  SsvContext *context;

  G_OBJECT_CLASS (ssv_watchlist_page_parent_class)->constructed (object);

  context = ssv_page_get_context (SSV_PAGE (self));

  for (guint i = 0; i < N_KINDS; i++)
    {
      AdwViewStackPage *page = adw_view_stack_add_titled (self->view_stack, make_tab (self, i),
                                                          kinds[i].name, _(kinds[i].title));

      adw_view_stack_page_set_icon_name (page, kinds[i].icon);
    }

  g_signal_connect_object (ssv_context_get_watchlist_store (context), "follow-changed",
                           G_CALLBACK (on_follow_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_library_store (context), "changed",
                           G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);
}

static void
ssv_watchlist_page_load (SsvPage *page)
{
  SsvWatchlistPage *self = SSV_WATCHLIST_PAGE (page);

  for (guint i = 0; i < N_KINDS; i++)
    reload_tab (&self->tabs[i]);
}

static void
ssv_watchlist_page_dispose (GObject *object)
{
  SsvWatchlistPage *self = SSV_WATCHLIST_PAGE (object);

  for (guint i = 0; i < N_KINDS; i++)
    {
      Tab *tab = &self->tabs[i];

      if (tab->cancellable != NULL)
        g_cancellable_cancel (tab->cancellable);
      g_clear_object (&tab->cancellable);
      g_clear_handle_id (&tab->reload_source, g_source_remove);
    }

  G_OBJECT_CLASS (ssv_watchlist_page_parent_class)->dispose (object);

  /* After the grids (and their eye buttons) are gone. */
  for (guint i = 0; i < N_KINDS; i++)
    {
      g_clear_object (&self->tabs[i].follow_set);
      g_clear_object (&self->tabs[i].items);
    }
}

static void
ssv_watchlist_page_class_init (SsvWatchlistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsvPageClass *page_class = SSV_PAGE_CLASS (klass);

  object_class->constructed = ssv_watchlist_page_constructed;
  object_class->dispose = ssv_watchlist_page_dispose;

  ssv_page_class_set_info (page_class, "watchlist", _("Watchlist"), "view-reveal-symbolic");
  page_class->load = ssv_watchlist_page_load;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/pages/ssv-watchlist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvWatchlistPage, view_stack);

  gtk_widget_class_install_action (widget_class, "watchlist.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "watchlist.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "watchlist.add-channel", NULL, add_channel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "watchlist.show-view", "s", "shows");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "watchlist.show-view", "s", "people");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "watchlist.show-view", "s", "channels");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "watchlist.add-channel", NULL);
}

static void
ssv_watchlist_page_init (SsvWatchlistPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_KINDS; i++)
    self->tabs[i].items = g_list_store_new (SSV_TYPE_WATCH_ITEM);
}
