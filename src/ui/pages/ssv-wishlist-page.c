/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-page.c: the Wishlist page. Movies are poster cards; shows are tiles that
 * expand into their episodes. Both are read a page at a time as people scroll, searched
 * and sorted by the store; any change to the wishlist reloads what is shown. The Videos
 * tab takes the same search and sort. */

#include "config.h"

#include <glib/gi18n.h>

#include "dialogs/ssv-release-search-dialog.h"
#include "ssv-texture-loader.h"
#include "pages/ssv-wishlist-page-private.h"
#include "ssv-streaming-filter.h"
#include "ssv-ui-utils.h"
#include "widgets/ssv-poster-grid.h"
#include "widgets/ssv-wishlist-movie-corner.h"
#include "widgets/ssv-wishlist-tile.h"
#include "widgets/ssv-wish-profile-menu.h"
#include "widgets/ssv-wishlist-videos.h"
#include "downloads/ssv-wishlist-drain.h"
#include "model/ssv-wishlist-item.h"
#include "stores/ssv-wishlist-store.h"

G_DEFINE_FINAL_TYPE (SsvWishlistPage, ssv_wishlist_page, SSV_TYPE_PAGE)

enum {
  PROP_0,
  PROP_SORT,
  PROP_HIDE_STREAMING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const sort_names[] = {
  [SSV_WISHLIST_SORT_NEWEST] = "newest",
  [SSV_WISHLIST_SORT_OLDEST] = "oldest",
  [SSV_WISHLIST_SORT_TITLE] = "title",
  [SSV_WISHLIST_SORT_MOST_WANTED] = "most-wanted",
};

static void load (Tab      *tab,
                  gboolean  append);

/* ---- not on my streaming services ------------------------------------------------ */

/* Returns: (transfer full): @items without what the person's services stream, while the
 * filter is on */
static GListModel *
without_streamed (SsvWishlistPage *self,
                  GListStore      *items)
{
  return G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (items)),
                                                  GTK_FILTER (g_object_ref (self->streaming_filter))));
}

static void
set_hide_streaming (SsvWishlistPage *self,
                    gboolean         hide)
{
  if (ssv_streaming_filter_get_active (self->streaming_filter) == !!hide)
    return;

  ssv_streaming_filter_set_active (self->streaming_filter, hide);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDE_STREAMING]);
}

/* ---- loading ------------------------------------------------------------------- */

static void
update_tab_state (Tab *tab)
{
  const char *state = g_list_model_get_n_items (G_LIST_MODEL (tab->items)) > 0 ? "content"
                    : tab->page->search != NULL ? "no-results" : "empty";

  gtk_stack_set_visible_child_name (tab->stack, state);
}

/* Pages keep coming while the view is not full, or as people near its end. */
static gboolean
wants_more (Tab *tab)
{
  double value = gtk_adjustment_get_value (tab->vadjustment);
  double page_size = gtk_adjustment_get_page_size (tab->vadjustment);
  double upper = gtk_adjustment_get_upper (tab->vadjustment);

  return tab->loaded && !tab->exhausted && tab->cancellable == NULL &&
         value + page_size >= upper - LOAD_AHEAD_PX;
}

static gboolean
load_more_idle_cb (gpointer user_data)
{
  Tab *tab = user_data;

  tab->more_source = 0;
  if (wants_more (tab))
    load (tab, TRUE);
  return G_SOURCE_REMOVE;
}

/* ---- what became of each wanted item ------------------------------------------------ */

static void
apply_states (GListModel *items,
              GHashTable *states)
{
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SsvWishlistItem) item = g_list_model_get_item (items, i);
      g_autofree char *words = NULL;
      gint64 id;

      if (ssv_wishlist_item_get_children (item) != NULL)
        {
          apply_states (ssv_wishlist_item_get_children (item), states);
          continue;
        }
      id = ssv_wishlist_item_get_id (item);
      words = ssv_wish_download_state_describe (g_hash_table_lookup (states, &id));
      ssv_wishlist_item_set_download_state (item, words);
    }
}

static void
states_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SsvWishlistPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) states = ssv_wishlist_store_dup_download_states_finish (SSV_WISHLIST_STORE (source), result,
                                                                                &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->states_cancellable);
  if (states == NULL)
    {
      ssv_page_show_toast (SSV_PAGE (self), error->message);
      return;
    }
  for (guint i = 0; i < N_TABS; i++)
    apply_states (G_LIST_MODEL (self->tabs[i].items), states);
}

static void
apply_search_times (GListModel *items,
                    GHashTable *all,
                    gint64      now)
{
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SsvWishlistItem) item = g_list_model_get_item (items, i);
      g_autofree char *words = NULL;
      gint64 id;

      if (ssv_wishlist_item_get_children (item) != NULL)
        {
          apply_search_times (ssv_wishlist_item_get_children (item), all, now);
          continue;
        }
      id = ssv_wishlist_item_get_id (item);
      words = ssv_wish_search_times_describe (g_hash_table_lookup (all, &id), now);
      ssv_wishlist_item_set_search_state (item, words);
    }
}

static void
search_times_ready_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  SsvWishlistPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) all = ssv_wishlist_store_dup_search_times_finish (SSV_WISHLIST_STORE (source), result,
                                                                          &error);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->times_cancellable);
  if (all == NULL)
    {
      ssv_page_show_toast (SSV_PAGE (self), error->message);
      return;
    }
  for (guint i = 0; i < N_TABS; i++)
    apply_search_times (G_LIST_MODEL (self->tabs[i].items), all, now);
  ssv_wishlist_page_show_searching (self);
}

static void
restart (GCancellable **cancellable)
{
  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
}

/* Reads what became of every wanted item: its latest download and its searches. */
void
ssv_wishlist_page_refresh_states (SsvWishlistPage *self)
{
  SsvWishlistStore *store = ssv_context_get_wishlist_store (ssv_page_get_context (SSV_PAGE (self)));

  g_clear_handle_id (&self->states_source, g_source_remove);
  restart (&self->states_cancellable);
  ssv_wishlist_store_dup_download_states_async (store, self->states_cancellable, states_ready_cb, self);
  restart (&self->times_cancellable);
  ssv_wishlist_store_dup_search_times_async (store, self->times_cancellable, search_times_ready_cb, self);
}

static gboolean
refresh_states_cb (gpointer user_data)
{
  SsvWishlistPage *self = user_data;

  self->states_source = 0;
  ssv_wishlist_page_refresh_states (self);
  return G_SOURCE_REMOVE;
}

/* A download moved: its wanted item says so, a moment later (progress comes every poll). */
static void
on_downloads_changed (SsvWishlistPage *self,
                      const char      *detail)
{
  if (self->states_source == 0)
    self->states_source = g_timeout_add (300, refresh_states_cb, self);
}

/* The drain searched something (the hourly one too): its row says when, a moment later. */
static void
on_drain_item_searched (SsvWishlistPage *self,
                        gint64           wishlist_id,
                        const char      *result)
{
  on_downloads_changed (self, NULL);
}

static void
list_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Tab *tab = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = ssv_wishlist_store_list_finish (SSV_WISHLIST_STORE (source), result, &error);
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Not cancelled, so the page is alive. */
  g_clear_object (&tab->cancellable);

  if (items == NULL)
    {
      adw_status_page_set_description (tab->error_page, error->message);
      gtk_stack_set_visible_child_name (tab->stack, "error");
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (tab->items));
  if (tab->appending)
    g_list_store_splice (tab->items, n, 0, items->pdata, items->len);
  else
    g_list_store_splice (tab->items, 0, n, items->pdata, items->len);

  tab->exhausted = items->len < tab->limit;
  tab->loaded = TRUE;
  update_tab_state (tab);
  ssv_wishlist_page_refresh_states (tab->page);

  /* After layout: only then does the view know whether it is full. */
  if (tab->more_source == 0)
    tab->more_source = g_idle_add_full (G_PRIORITY_LOW, load_more_idle_cb, tab, NULL);
}

/* @append: the next page after what is shown; else everything shown again, from the top. */
static void
load (Tab      *tab,
      gboolean  append)
{
  SsvWishlistPage *self = tab->page;
  SsvWishlistStore *store = ssv_context_get_wishlist_store (ssv_page_get_context (SSV_PAGE (self)));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (tab->items));
  guint offset = append ? n : 0;
  guint limit = append ? PAGE_SIZE : MAX (PAGE_SIZE, n);

  if (tab->cancellable != NULL)
    g_cancellable_cancel (tab->cancellable);
  g_clear_object (&tab->cancellable);
  tab->cancellable = g_cancellable_new ();
  tab->appending = append;
  tab->limit = limit;

  if (!tab->loaded)
    gtk_stack_set_visible_child_name (tab->stack, "loading");

  ssv_wishlist_store_list_async (store, tab->kind, self->search, self->sort, offset, limit,
                                 tab->cancellable, list_ready_cb, tab);
}

void
ssv_wishlist_page_reload_all (SsvWishlistPage *self)
{
  ssv_page_unqueue_reload (SSV_PAGE (self));

  for (guint i = 0; i < N_TABS; i++)
    load (&self->tabs[i], FALSE);
}

static void
on_wishlist_changed (SsvWishlistPage *self,
                     const char      *detail)
{
  ssv_page_queue_reload (SSV_PAGE (self));
}

static void
on_scrolled (Tab *tab)
{
  if (wants_more (tab))
    load (tab, TRUE);
}

/* ---- search and sort ----------------------------------------------------------- */

static void
on_search_changed (SsvWishlistPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *search = text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;

  if (g_strcmp0 (search, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&search);
  if (self->videos != NULL)
    ssv_wishlist_videos_set_search (SSV_WISHLIST_VIDEOS (self->videos), self->search);
  ssv_wishlist_page_reload_all (self);
}

static void
on_stop_search (SsvWishlistPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
set_sort (SsvWishlistPage *self,
          SsvWishlistSort  sort)
{
  if (sort == self->sort)
    return;

  self->sort = sort;
  if (self->videos != NULL)
    ssv_wishlist_videos_set_sort (SSV_WISHLIST_VIDEOS (self->videos), sort);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  ssv_wishlist_page_reload_all (self);
}

/* ---- removal ------------------------------------------------------------------- */

static void
removed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SsvWishlistPage) self = user_data;
  g_autoptr(GError) error = NULL;

  /* The store's changed signal reloads the page. */
  if (!ssv_wishlist_store_change_finish (SSV_WISHLIST_STORE (source), result, &error) && error != NULL)
    ssv_page_show_toast (SSV_PAGE (self), error->message);
}

static void
remove_item (SsvWishlistPage *self,
             SsvWishlistItem *item)
{
  SsvWishlistStore *store = ssv_context_get_wishlist_store (ssv_page_get_context (SSV_PAGE (self)));

  ssv_wishlist_store_remove_item_async (store, item, NULL, removed_cb, g_object_ref (self));
}

/* ---- movies ---------------------------------------------------------------------- */

/* wishlist.remove-movie (wishlist row id): a movie card's star. */
static void
remove_movie_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsvWishlistPage *self = SSV_WISHLIST_PAGE (widget);
  GListModel *movies = G_LIST_MODEL (self->tabs[TAB_MOVIES].items);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; i < g_list_model_get_n_items (movies); i++)
    {
      g_autoptr(SsvWishlistItem) item = g_list_model_get_item (movies, i);

      if (ssv_wishlist_item_get_id (item) == id)
        {
          remove_item (self, item);
          return;
        }
    }
}

/* A movie card's corner: what became of its download and its searches, its menu (the quality
 * profile), "Search Now" and the star. */
static GtkWidget *
make_remove_button (gpointer user_data)
{
  GtkWidget *corner = ssv_wishlist_movie_corner_new ();

  ssv_wishlist_movie_corner_add_menu (SSV_WISHLIST_MOVIE_CORNER (corner),
                                      ssv_wish_profile_menu_new (ssv_page_get_context (SSV_PAGE (user_data))));
  return corner;
}

/* The card's corner shows the movie the card shows; an unbound card's shows none. */
static void
bind_remove_button (GtkWidget *corner,
                    GObject   *item,
                    gpointer   user_data)
{
  ssv_wishlist_movie_corner_set_item (SSV_WISHLIST_MOVIE_CORNER (corner), item != NULL ? SSV_WISHLIST_ITEM (item) : NULL);
}

static void
on_movie_activated (SsvWishlistPage *self,
                    GObject         *object)
{
  SsvWishlistItem *item = SSV_WISHLIST_ITEM (object);

  if (ssv_wishlist_item_get_library_id (item) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-movie", "x", ssv_wishlist_item_get_library_id (item));
  else
    ssv_page_show_toast (SSV_PAGE (self), _("This movie is not in your library, so it has no page to open."));
}

/* ---- shows ------------------------------------------------------------------------ */

/* wishlist.search-releases (show, season, episode, poster URL or "", wishlist row or 0): a wanted
 * episode's releases, judged under the show's quality profile and searched with its ids. */
static void
search_releases_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autoptr(SsvSearchItem) item = NULL;
  const char *show, *poster;
  int season, episode;
  gint64 wishlist_id;

  g_variant_get (parameter, "(&sii&sx)", &show, &season, &episode, &poster, &wishlist_id);
  item = ssv_search_item_new_episode (show, (guint) MAX (season, 0), (guint) MAX (episode, 0));
  ssv_release_search_dialog_present (widget, ssv_page_get_context (SSV_PAGE (widget)), item,
                                     poster[0] != '\0' ? poster : NULL, wishlist_id);
}

static void
on_tile_expanded (SsvWishlistPage *self,
                  GParamSpec      *pspec,
                  SsvWishlistTile *tile)
{
  SsvWishlistItem *item = ssv_wishlist_tile_get_item (tile);
  gint64 *id;

  if (item == NULL)
    return;

  id = g_new (gint64, 1);
  *id = ssv_wishlist_item_get_id (item);
  if (ssv_wishlist_tile_get_expanded (tile))
    g_hash_table_add (self->expanded, id);
  else
    {
      g_hash_table_remove (self->expanded, id);
      g_free (id);
    }
}

static void
on_tile_remove (SsvWishlistPage *self,
                SsvWishlistItem *item,
                SsvWishlistTile *tile)
{
  remove_item (self, item);
}

static void
on_tile_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SsvWishlistPage          *self)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));
  GtkWidget *tile = ssv_wishlist_tile_new (ssv_texture_loader_get_default (context), context);

  g_signal_connect_object (tile, "notify::expanded", G_CALLBACK (on_tile_expanded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tile, "remove-item", G_CALLBACK (on_tile_remove), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (list_item, tile);
  /* The tile's buttons and rows take the clicks. */
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
on_tile_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SsvWishlistPage          *self)
{
  SsvWishlistTile *tile = SSV_WISHLIST_TILE (gtk_list_item_get_child (list_item));
  SsvWishlistItem *item = gtk_list_item_get_item (list_item);
  gint64 id = ssv_wishlist_item_get_id (item);

  ssv_wishlist_tile_set_item (tile, item);
  if (g_hash_table_contains (self->expanded, &id))
    ssv_wishlist_tile_set_expanded (tile, TRUE);
  g_ptr_array_add (self->tiles, tile);
}

static void
on_tile_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SsvWishlistPage          *self)
{
  GtkWidget *tile = gtk_list_item_get_child (list_item);

  ssv_wishlist_tile_set_item (SSV_WISHLIST_TILE (tile), NULL);
  g_ptr_array_remove_fast (self->tiles, tile);
}

/* ---- tabs ------------------------------------------------------------------------- */

static GtkWidget *
make_tab (SsvWishlistPage *self,
          guint            index,
          SsvWishlistKind  kind,
          GtkWidget       *content,
          GtkAdjustment   *vadjustment)
{
  Tab *tab = &self->tabs[index];
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *none = adw_status_page_new ();
  GtkWidget *error = adw_status_page_new ();

  tab->page = self;
  tab->kind = kind;
  tab->vadjustment = vadjustment;
  g_signal_connect_swapped (vadjustment, "value-changed", G_CALLBACK (on_scrolled), tab);
  g_signal_connect_swapped (vadjustment, "changed", G_CALLBACK (on_scrolled), tab);

  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Loading the wishlist"), -1);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "starred-symbolic");
  if (kind == SSV_WISHLIST_KIND_MOVIE)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Movies Wanted"));
      adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                       _("Open a movie in the Library and choose “Add to Wishlist”."));
    }
  else
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Episodes Wanted"));
      adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                       _("Open a show in the Library and add all of it, a season or single "
                                         "episodes from its “Wishlist” menu. New episodes of a wanted show "
                                         "join as they air."));
    }

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Matches"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none), _("Try another search."));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (error), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (error), _("The Wishlist Could Not Be Read"));
  tab->error_page = ADW_STATUS_PAGE (error);

  gtk_stack_add_named (GTK_STACK (stack), spinner, "loading");
  gtk_stack_add_named (GTK_STACK (stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (stack), none, "no-results");
  gtk_stack_add_named (GTK_STACK (stack), error, "error");
  gtk_stack_add_named (GTK_STACK (stack), content, "content");
  gtk_stack_set_transition_type (GTK_STACK (stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  tab->stack = GTK_STACK (stack);

  return stack;
}

static GtkWidget *
make_shows_view (SsvWishlistPage  *self,
                 GtkAdjustment   **vadjustment)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_scrollable_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection = gtk_no_selection_new (without_streamed (self, self->tabs[TAB_SHOWS].items));

  g_signal_connect (factory, "setup", G_CALLBACK (on_tile_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_tile_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_tile_unbind), self);

  self->shows_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->shows_view), "wishlist-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shows_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Wanted shows"), -1);

  /* The list recycles tiles as it scrolls; the clamp keeps lines readable on wide windows. */
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 900);
  adw_clamp_scrollable_set_tightening_threshold (ADW_CLAMP_SCROLLABLE (clamp), 700);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), GTK_WIDGET (self->shows_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  return scroller;
}

/* ---- for tests ------------------------------------------------------------------- */

static Tab *
tab_for (SsvWishlistPage *self,
         SsvWishlistKind  kind)
{
  return &self->tabs[kind == SSV_WISHLIST_KIND_SHOW ? TAB_SHOWS : TAB_MOVIES];
}

GListModel *
ssv_wishlist_page_get_items (SsvWishlistPage *self,
                             SsvWishlistKind  kind)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_PAGE (self), NULL);

  return G_LIST_MODEL (tab_for (self, kind)->items);
}

/* "loading", "empty", "no-results", "error" or "content". */
const char *
ssv_wishlist_page_get_state (SsvWishlistPage *self,
                             SsvWishlistKind  kind)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (tab_for (self, kind)->stack);
}

/* Whether a load or a reload is on its way. */
gboolean
ssv_wishlist_page_get_loading (SsvWishlistPage *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_PAGE (self), FALSE);

  return ssv_page_get_reload_queued (SSV_PAGE (self)) || self->tabs[TAB_MOVIES].cancellable != NULL ||
         self->tabs[TAB_SHOWS].cancellable != NULL;
}

/* Returns: (transfer none) (nullable): the shown tile of the show called @title */
GtkWidget *
ssv_wishlist_page_find_tile (SsvWishlistPage *self,
                             const char      *title)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_PAGE (self), NULL);

  for (guint i = 0; i < self->tiles->len; i++)
    {
      SsvWishlistTile *tile = g_ptr_array_index (self->tiles, i);
      SsvWishlistItem *item = ssv_wishlist_tile_get_item (tile);

      if (item != NULL && g_strcmp0 (ssv_wishlist_item_get_title (item), title) == 0)
        return GTK_WIDGET (tile);
    }

  return NULL;
}

void
ssv_wishlist_page_show_kind (SsvWishlistPage *self,
                             SsvWishlistKind  kind)
{
  g_return_if_fail (SSV_IS_WISHLIST_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, kind == SSV_WISHLIST_KIND_SHOW ? "shows" : "movies");
}

/* ---- actions and GObject ------------------------------------------------------------ */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (SSV_WISHLIST_PAGE (widget)->search_entry));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (SSV_WISHLIST_PAGE (widget)->view_stack,
                                         g_variant_get_string (parameter, NULL));
}

static void
ssv_wishlist_page_constructed (GObject *object)
{
  SsvWishlistPage *self = SSV_WISHLIST_PAGE (object);
  SsvContext *context;
  GtkAdjustment *vadjustment = NULL;
  GtkWidget *shows;
  AdwViewStackPage *page;

  G_OBJECT_CLASS (ssv_wishlist_page_parent_class)->constructed (object);

  context = ssv_page_get_context (SSV_PAGE (self));
  self->streaming_filter = ssv_streaming_filter_new (context);

  self->movies_grid = ssv_poster_grid_new (context);
  ssv_poster_grid_set_accessory (SSV_POSTER_GRID (self->movies_grid), make_remove_button, bind_remove_button, self);
  {
    g_autoptr(GListModel) movies = without_streamed (self, self->tabs[TAB_MOVIES].items);

    ssv_poster_grid_set_model (SSV_POSTER_GRID (self->movies_grid), movies);
  }
  g_signal_connect_object (self->movies_grid, "item-activated", G_CALLBACK (on_movie_activated),
                           self, G_CONNECT_SWAPPED);
  page = adw_view_stack_add_titled (self->view_stack,
                                    make_tab (self, TAB_MOVIES, SSV_WISHLIST_KIND_MOVIE, self->movies_grid,
                                              ssv_poster_grid_get_vadjustment (SSV_POSTER_GRID (self->movies_grid))),
                                    "movies", _("Movies"));
  adw_view_stack_page_set_icon_name (page, "video-x-generic-symbolic");

  shows = make_shows_view (self, &vadjustment);
  page = adw_view_stack_add_titled (self->view_stack,
                                    make_tab (self, TAB_SHOWS, SSV_WISHLIST_KIND_SHOW, shows, vadjustment),
                                    "shows", _("Shows"));
  adw_view_stack_page_set_icon_name (page, "video-display-symbolic");

  /* Wished YouTube videos: a widget of their own that reads when first shown. */
  self->videos = ssv_wishlist_videos_new (context);
  ssv_wishlist_videos_set_search (SSV_WISHLIST_VIDEOS (self->videos), self->search);
  ssv_wishlist_videos_set_sort (SSV_WISHLIST_VIDEOS (self->videos), self->sort);
  page = adw_view_stack_add_titled (self->view_stack, self->videos, "videos", _("Videos"));
  adw_view_stack_page_set_icon_name (page, "camera-web-symbolic");

  g_signal_connect_object (ssv_context_get_wishlist_store (context), "changed",
                           G_CALLBACK (on_wishlist_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_download_store (context), "changed",
                           G_CALLBACK (on_downloads_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_wishlist_drain (context), "item-searched",
                           G_CALLBACK (on_drain_item_searched), self, G_CONNECT_SWAPPED);
}

static void
ssv_wishlist_page_load (SsvPage *page)
{
  ssv_wishlist_page_reload_all (SSV_WISHLIST_PAGE (page));
}

static void
ssv_wishlist_page_dispose (GObject *object)
{
  SsvWishlistPage *self = SSV_WISHLIST_PAGE (object);

  for (guint i = 0; i < N_TABS; i++)
    {
      Tab *tab = &self->tabs[i];

      if (tab->cancellable != NULL)
        g_cancellable_cancel (tab->cancellable);
      g_clear_object (&tab->cancellable);
      if (tab->vadjustment != NULL)
        g_signal_handlers_disconnect_by_data (tab->vadjustment, tab);
      tab->vadjustment = NULL;
      g_clear_handle_id (&tab->more_source, g_source_remove);
    }
  self->videos = NULL;   /* the view stack's, going with it */
  if (self->drain_cancellable != NULL)
    g_cancellable_cancel (self->drain_cancellable);
  g_clear_object (&self->drain_cancellable);
  ssv_wishlist_page_stop_listening (self);
  if (self->states_cancellable != NULL)
    g_cancellable_cancel (self->states_cancellable);
  g_clear_object (&self->states_cancellable);
  if (self->times_cancellable != NULL)
    g_cancellable_cancel (self->times_cancellable);
  g_clear_object (&self->times_cancellable);
  g_clear_handle_id (&self->states_source, g_source_remove);
  g_clear_object (&self->streaming_filter);

  G_OBJECT_CLASS (ssv_wishlist_page_parent_class)->dispose (object);
}

static void
ssv_wishlist_page_finalize (GObject *object)
{
  SsvWishlistPage *self = SSV_WISHLIST_PAGE (object);

  for (guint i = 0; i < N_TABS; i++)
    g_clear_object (&self->tabs[i].items);
  g_clear_pointer (&self->tiles, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->searching, g_hash_table_unref);
  g_free (self->search);
  g_free (self->last_message);

  G_OBJECT_CLASS (ssv_wishlist_page_parent_class)->finalize (object);
}

static void
ssv_wishlist_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SsvWishlistPage *self = SSV_WISHLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT:
      g_value_set_string (value, sort_names[self->sort]);
      break;
    case PROP_HIDE_STREAMING:
      g_value_set_boolean (value, self->streaming_filter && ssv_streaming_filter_get_active (self->streaming_filter));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_wishlist_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SsvWishlistPage *self = SSV_WISHLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT:
      for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
        if (g_strcmp0 (g_value_get_string (value), sort_names[i]) == 0)
          set_sort (self, (SsvWishlistSort) i);
      break;
    case PROP_HIDE_STREAMING:
      if (self->streaming_filter != NULL)
        set_hide_streaming (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_wishlist_page_class_init (SsvWishlistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsvPageClass *page_class = SSV_PAGE_CLASS (klass);

  object_class->constructed = ssv_wishlist_page_constructed;
  object_class->dispose = ssv_wishlist_page_dispose;
  object_class->finalize = ssv_wishlist_page_finalize;
  object_class->get_property = ssv_wishlist_page_get_property;
  object_class->set_property = ssv_wishlist_page_set_property;

  ssv_page_class_set_info (page_class, "wishlist", _("Wishlist"), "starred-symbolic");
  page_class->load = ssv_wishlist_page_load;

  /**
   * SsvWishlistPage:sort:
   *
   * "newest", "oldest", "title" or "most-wanted"; the sort menu's radio items.
   */
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL, "newest",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SsvWishlistPage:hide-streaming:
   *
   * Whether what the person's streaming services stream is hidden; the header's toggle.
   */
  properties[PROP_HIDE_STREAMING] =
    g_param_spec_boolean ("hide-streaming", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/pages/ssv-wishlist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistPage, sort_button);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistPage, sort_menu);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistPage, drain_spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistPage, drain_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_install_property_action (widget_class, "wishlist.sort", "sort");
  gtk_widget_class_install_property_action (widget_class, "wishlist.hide-streaming", "hide-streaming");
  gtk_widget_class_install_action (widget_class, "wishlist.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "wishlist.remove-movie", "x", remove_movie_action);
  gtk_widget_class_install_action (widget_class, "wishlist.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "wishlist.search-releases", "(siisx)", search_releases_action);
  ssv_wishlist_page_add_search_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "wishlist.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "wishlist.show-view", "s", "movies");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "wishlist.show-view", "s", "shows");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "wishlist.show-view", "s", "videos");
}

static void
ssv_wishlist_page_init (SsvWishlistPage *self)
{
  self->tabs[TAB_MOVIES].items = g_list_store_new (SSV_TYPE_WISHLIST_ITEM);
  self->tabs[TAB_SHOWS].items = g_list_store_new (SSV_TYPE_WISHLIST_ITEM);
  self->tiles = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->searching = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->searching_season = -1;
  self->sort = SSV_WISHLIST_SORT_NEWEST;

  gtk_widget_init_template (GTK_WIDGET (self));
  ssv_ui_set_menu_when_opened (self->sort_button, self->sort_menu);
}
