/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-page-private.h: the Wishlist page's state, shared by its files (the page and
 * its "Search now" in ssv-wishlist-page-search.c). */

#pragma once

#include "pages/ssv-wishlist-page.h"
#include "ssv-streaming-filter.h"
#include "stores/ssv-wishlist-store.h"

G_BEGIN_DECLS

#define PAGE_SIZE        40
#define LOAD_AHEAD_PX    600

enum { TAB_MOVIES, TAB_SHOWS, N_TABS };

typedef struct
{
  SsvWishlistPage *page;
  SsvWishlistKind  kind;
  GListStore      *items;
  GtkStack        *stack;
  AdwStatusPage   *error_page;
  GtkAdjustment   *vadjustment;
  GCancellable    *cancellable;
  guint            limit;         /* of the running load */
  guint            more_source;
  gboolean         appending;     /* the running load adds a page (not a reload) */
  gboolean         exhausted;     /* the last page came back short */
  gboolean         loaded;
} Tab;

struct _SsvWishlistPage
{
  SsvPage          parent_instance;

  Tab              tabs[N_TABS];
  GtkWidget       *movies_grid;
  GtkListView     *shows_view;
  GtkWidget       *videos;        /* the Videos tab, searched and sorted here too */
  GPtrArray       *tiles;         /* bound tiles */
  GHashTable      *expanded;      /* show group ids people opened */
  char            *search;
  SsvWishlistSort  sort;
  GCancellable    *states_cancellable;
  GCancellable    *times_cancellable;
  guint            states_source;  /* a refresh of the download states, soon */

  AdwViewStack    *view_stack;
  GtkSearchEntry  *search_entry;
  GtkMenuButton   *sort_button;
  GMenuModel      *sort_menu;
  GtkSpinner      *drain_spinner;
  GtkLabel        *drain_label;

  GCancellable    *drain_cancellable;   /* a "Search now" under way */
  gulong           searched_id;
  guint            n_searched;
  char            *last_message;
  GHashTable      *searching;      /* wishlist ids a "Search now" covers and has not searched yet */
  gint64           searching_show; /* the show it covers (0: none), and its season (-1: all) */
  int              searching_season;

  SsvStreamingFilter *streaming_filter;  /* "not on my streaming services" */
};

/* ssv-wishlist-page.c */
void ssv_wishlist_page_refresh_states        (SsvWishlistPage *self);
void ssv_wishlist_page_reload_all            (SsvWishlistPage *self);

/* ssv-wishlist-page-search.c */
void ssv_wishlist_page_show_searching        (SsvWishlistPage *self);
void ssv_wishlist_page_stop_listening        (SsvWishlistPage *self);
void ssv_wishlist_page_add_search_actions    (GtkWidgetClass  *widget_class);

G_END_DECLS
