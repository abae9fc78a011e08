/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-page.c: the Library page: movies and shows from the store, filtered and sorted
 * in list models under two poster grids; reloads merge into the models so scrolling stays. */

#include "config.h"

#include <glib/gi18n.h>

#include "dialogs/ssv-server-dialog.h"
#include "ssv-folder-chooser.h"
#include "ssv-follow-set.h"
#include "pages/library/ssv-library-filters.h"
#include "pages/library/ssv-library-item.h"
#include "pages/ssv-library-page.h"
#include "ssv-ui-utils.h"
#include "widgets/ssv-key-banner.h"
#include "widgets/ssv-poster-grid.h"
#include "widgets/ssv-watch-button.h"
#include "model/ssv-movie.h"
#include "model/ssv-show.h"
#include "stores/ssv-library-store.h"
#include "workers/ssv-enrichment-engine.h"

#define RELOAD_DELAY_MS 300
/* Titles of each kind read before the rest at the first load: more than a large
 * screen shows at once. */
#define FIRST_SCREEN_TITLES 240
/* How long the rest of the library waits for a first frame that does not come. */
#define REST_WAIT_MS 1000

typedef enum
{
  SORT_TITLE,
  SORT_YEAR,
  SORT_ADDED,
  SORT_RATING,
} SortKey;

/* The "sort" property's values (the sort menu's targets), and what the Sort button says. */
static const char * const sort_names[] = { "title", "year", "added", "rating" };
static const char * const sort_labels[] = { N_("Title"), N_("Year"), N_("Date Added"), N_("Rating") };

enum
{
  PROP_0,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  WATCHED_ANY,
  WATCHED_YES,
  WATCHED_NO,
} WatchedFilter;

struct _SsvLibraryPage
{
  SsvPage             parent_instance;

  GCancellable       *cancellable;
  gboolean            loaded;        /* every title read, not only a first screen */
  gboolean            first_screen;  /* a first screen is shown, the rest to read */
  guint               n_movies;      /* how many the library holds, as the last read said */
  guint               n_shows;
  guint               reload_source;
  GdkFrameClock      *rest_clock;    /* the frame after which the rest is read */
  gulong              rest_paint_handler;
  gulong              rest_map_handler;
  guint               rest_timeout;

  GListStore         *movies;
  GListStore         *shows;
  GHashTable         *movie_index;   /* id → SsvMovie (borrowed from the store) */
  GHashTable         *show_index;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GtkFilterListModel *movies_filtered;
  GtkFilterListModel *shows_filtered;
  GtkSortListModel   *movies_sorted;
  GtkSortListModel   *shows_sorted;
  GtkStringList      *genres;
  GtkWidget          *movies_grid;
  GtkWidget          *shows_grid;
  GtkStack           *movies_stack;
  GtkStack           *shows_stack;
  SsvFollowSet       *follow_set;    /* the eye buttons of the show cards */

  char               *search;        /* case-folded, or NULL */
  char               *genre;         /* or NULL for every genre */
  int                 year_from;
  int                 year_to;
  WatchedFilter       watched;
  gboolean            has_file_only;
  SortKey             sort;
  gboolean            descending;

  /* Template widgets */
  GtkStack           *state_stack;
  SsvKeyBanner       *key_banner;
  GtkSpinner         *spinner;
  AdwViewStack       *view_stack;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  SsvLibraryFilters  *filters;       /* its popover, once first opened */
  GtkMenuButton      *sort_button;
  GMenuModel         *sort_menu;
  GtkToggleButton    *descending_button;
  GtkLabel           *count_label;
};

G_DEFINE_FINAL_TYPE (SsvLibraryPage, ssv_library_page, SSV_TYPE_PAGE)

/* The page of @state ("empty" or "error"), built the first time it shows. */
static AdwStatusPage *
ensure_state_page (SsvLibraryPage *self,
                   const char     *state)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autofree char *id = g_strconcat (state, "_page", NULL);
  GtkWidget *page = gtk_stack_get_child_by_name (self->state_stack, state);
  g_autoptr(GError) error = NULL;

  if (page != NULL)
    return ADW_STATUS_PAGE (page);

  gtk_builder_add_objects_from_resource (builder, RESOURCE_PATH "/ui/pages/library/ssv-library-states.ui",
                                         (const char *[]) { id, NULL }, &error);
  g_assert_no_error (error);
  page = GTK_WIDGET (gtk_builder_get_object (builder, id));
  gtk_stack_add_named (self->state_stack, page, state);
  return ADW_STATUS_PAGE (page);
}

static void
set_state (SsvLibraryPage *self,
           const char     *state)
{
  if (g_str_equal (state, "empty") || g_str_equal (state, "error"))
    ensure_state_page (self, state);
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (state, "loading") == 0);
  gtk_stack_set_visible_child_name (self->state_stack, state);
}

/* "loading", "empty", "error" or "content": what a person sees now. */
const char *
ssv_library_page_get_state (SsvLibraryPage *self)
{
  g_return_val_if_fail (SSV_IS_LIBRARY_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->state_stack);
}

/* ---- filter and sort ---------------------------------------------------------- */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SsvLibraryPage *self = user_data;
  int year;

  if (self->search != NULL && strstr (ssv_library_item_folded_title (item), self->search) == NULL)
    return FALSE;

  if (self->genre != NULL && !ssv_library_item_has_genre (ssv_library_item_genres (item), self->genre))
    return FALSE;

  year = ssv_library_item_year (item);
  if ((self->year_from > SSV_LIBRARY_FILTERS_YEAR_MIN || self->year_to < SSV_LIBRARY_FILTERS_YEAR_MAX) &&
      (year == 0 || year < self->year_from || year > self->year_to))
    return FALSE;

  if (self->watched == WATCHED_YES && !ssv_library_item_watched (item))
    return FALSE;
  if (self->watched == WATCHED_NO && ssv_library_item_watched (item))
    return FALSE;

  if (self->has_file_only && !ssv_library_item_has_file (item))
    return FALSE;

  return TRUE;
}

/* Ratings, and ids and times (far below 2^53, so exact as doubles). */
static int
compare_numbers (double a,
                 double b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_titles (gpointer a,
                gpointer b)
{
  int cmp = g_strcmp0 (ssv_library_item_sort_key (a), ssv_library_item_sort_key (b));

  if (cmp != 0)
    return cmp;

  return compare_numbers (ssv_library_item_id (a), ssv_library_item_id (b));
}

/* The grid's order: what the sorter compares by, copied so a read's thread can
 * order its titles the same way. */
typedef struct
{
  SortKey  sort;
  gboolean descending;
} SortOrder;

static int
compare_in_order (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const SortOrder *order = user_data;
  gpointer ia = (gpointer) a;
  gpointer ib = (gpointer) b;
  int cmp = 0;

  switch (order->sort)
    {
    case SORT_YEAR:
      cmp = ssv_library_item_year (ia) - ssv_library_item_year (ib);
      break;
    case SORT_ADDED:
      cmp = compare_numbers (ssv_library_item_added_at (ia), ssv_library_item_added_at (ib));
      break;
    case SORT_RATING:
      cmp = compare_numbers (ssv_library_item_rating (ia), ssv_library_item_rating (ib));
      break;
    case SORT_TITLE:
    default:
      break;
    }

  if (order->descending)
    cmp = -cmp;

  /* Ties (and the title sort) go by title, A to Z unless reversed on purpose. */
  if (cmp == 0)
    cmp = order->sort == SORT_TITLE && order->descending ? -compare_titles (ia, ib) : compare_titles (ia, ib);

  return cmp;
}

static SortOrder *
dup_sort_order (SsvLibraryPage *self)
{
  SortOrder *order = g_new (SortOrder, 1);

  order->sort = self->sort;
  order->descending = self->descending;
  return order;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  SsvLibraryPage *self = user_data;
  SortOrder order = { self->sort, self->descending };

  return compare_in_order (a, b, &order);
}

static GListModel *
visible_model (SsvLibraryPage *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

  return G_LIST_MODEL (g_strcmp0 (view, "shows") == 0 ? self->shows_sorted : self->movies_sorted);
}

static gboolean filters_active (SsvLibraryPage *self);

/* A view shows its grid, or "No Matches" when a search or filters leave nothing of a
 * kind the library has (built the first time that happens). */
static void
show_grid_or_none (GtkStack *stack,
                   gboolean  grid)
{
  GtkWidget *none;

  /* A view not opened yet: its grid comes with it. */
  if (grid && gtk_stack_get_child_by_name (stack, "grid") == NULL)
    return;
  if (!grid && gtk_stack_get_child_by_name (stack, "no-results") == NULL)
    {
      none = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "edit-find-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Matches"));
      adw_status_page_set_description (ADW_STATUS_PAGE (none), _("Try another search, or clear the filters."));
      gtk_stack_add_named (stack, none, "no-results");
    }
  gtk_stack_set_visible_child_name (stack, grid ? "grid" : "no-results");
}

static void
update_counts (SsvLibraryPage *self)
{
  gboolean shows = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "shows") == 0;
  guint shown = g_list_model_get_n_items (shows ? G_LIST_MODEL (self->shows_filtered)
                                                : G_LIST_MODEL (self->movies_filtered));
  guint total = g_list_model_get_n_items (shows ? G_LIST_MODEL (self->shows) : G_LIST_MODEL (self->movies));
  g_autofree char *text = NULL;

  /* A first screen stands for the whole library until the rest is read. */
  if (!self->loaded && self->first_screen && self->search == NULL && !filters_active (self))
    shown = total = shows ? self->n_shows : self->n_movies;

  /* Views still being added. */
  if (self->movies_stack == NULL || self->shows_stack == NULL)
    return;

  if (shown == total)
    text = shows ? g_strdup_printf (ngettext ("%u show", "%u shows", total), total)
                 : g_strdup_printf (ngettext ("%u movie", "%u movies", total), total);
  else
    text = shows ? g_strdup_printf (ngettext ("%u of %u show", "%u of %u shows", total), shown, total)
                 : g_strdup_printf (ngettext ("%u of %u movie", "%u of %u movies", total), shown, total);

  gtk_label_set_label (self->count_label, text);

  show_grid_or_none (self->movies_stack, g_list_model_get_n_items (G_LIST_MODEL (self->movies_filtered)) > 0 ||
                                         g_list_model_get_n_items (G_LIST_MODEL (self->movies)) == 0);
  show_grid_or_none (self->shows_stack, g_list_model_get_n_items (G_LIST_MODEL (self->shows_filtered)) > 0 ||
                                        g_list_model_get_n_items (G_LIST_MODEL (self->shows)) == 0);
}

static gboolean
filters_active (SsvLibraryPage *self)
{
  return self->genre != NULL || self->year_from > SSV_LIBRARY_FILTERS_YEAR_MIN ||
         self->year_to < SSV_LIBRARY_FILTERS_YEAR_MAX ||
         self->watched != WATCHED_ANY || self->has_file_only;
}

static void
refilter (SsvLibraryPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  if (filters_active (self))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filters-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filters-active");

  update_counts (self);
}

static void
on_search_changed (SsvLibraryPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && text[0] != '\0')
    {
      g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
      self->search = g_utf8_casefold (normalized, -1);
    }

  refilter (self);
}

static GtkWidget *ensure_grid (SsvLibraryPage *self,
                               const char     *view);

static void
on_stop_search (SsvLibraryPage *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_widget_grab_focus (ensure_grid (self, NULL));
}

/* Enter in the search moves to the results. */
static void
on_search_activate (SsvLibraryPage *self)
{
  gtk_widget_grab_focus (ensure_grid (self, NULL));
}

/* The position of the genre filtered by in the genres list; 0 ("All Genres") for none. */
static guint
genre_position (SsvLibraryPage *self)
{
  for (guint i = 1; self->genre != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->genres)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->genres, i), self->genre) == 0)
      return i;

  return 0;
}

/* The filter popover shows what the page filters by. */
static void
show_choice (SsvLibraryPage *self)
{
  SsvLibraryFilterChoice choice = {
    .genre = genre_position (self),
    .year_from = self->year_from,
    .year_to = self->year_to,
    .watched = self->watched,
    .has_file = self->has_file_only,
  };

  if (self->filters != NULL)
    ssv_library_filters_set_choice (self->filters, &choice);
}

static void
on_filter_changed (SsvLibraryPage *self)
{
  SsvLibraryFilterChoice choice;

  ssv_library_filters_get_choice (self->filters, &choice);
  g_clear_pointer (&self->genre, g_free);
  if (choice.genre > 0 && choice.genre < g_list_model_get_n_items (G_LIST_MODEL (self->genres)))
    self->genre = g_strdup (gtk_string_list_get_string (self->genres, choice.genre));
  self->year_from = choice.year_from;
  self->year_to = choice.year_to;
  self->watched = (WatchedFilter) MIN (choice.watched, WATCHED_NO);
  self->has_file_only = choice.has_file;

  refilter (self);
}

/* The Filter button's popover, built the first time it opens. */
static void
create_filters_popup (GtkMenuButton *button,
                      gpointer       user_data)
{
  SsvLibraryPage *self = user_data;

  if (self->filters != NULL)
    return;

  self->filters = SSV_LIBRARY_FILTERS (ssv_library_filters_new (G_LIST_MODEL (self->genres)));
  show_choice (self);
  g_signal_connect_object (self->filters, "changed", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->filters));
}

static void
resort (SsvLibraryPage *self)
{
  gtk_button_set_icon_name (GTK_BUTTON (self->descending_button),
                            self->descending ? "view-sort-descending-symbolic" : "view-sort-ascending-symbolic");
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
set_sort (SsvLibraryPage *self,
          SortKey         sort)
{
  if (sort == self->sort)
    return;

  self->sort = sort;
  gtk_menu_button_set_label (self->sort_button, _(sort_labels[sort]));
  /* Titles read A to Z; years, dates and ratings newest or best first. */
  g_signal_handlers_block_matched (self->descending_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  self->descending = sort != SORT_TITLE;
  gtk_toggle_button_set_active (self->descending_button, self->descending);
  g_signal_handlers_unblock_matched (self->descending_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  resort (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

static void
on_direction_toggled (SsvLibraryPage *self)
{
  self->descending = gtk_toggle_button_get_active (self->descending_button);
  resort (self);
}

static void
on_view_changed (SsvLibraryPage *self)
{
  ensure_grid (self, NULL);
  update_counts (self);
}

/* ---- loading --------------------------------------------------------------- */

/* Returns: whether the genre chosen is gone from the library (and so no longer
 * filters) */
static gboolean
rebuild_genres (SsvLibraryPage     *self,
                const char * const *names)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  gboolean gone;

  g_ptr_array_add (strings, (gpointer) _("All Genres"));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    g_ptr_array_add (strings, (gpointer) names[i]);
  g_ptr_array_add (strings, NULL);

  /* The popover's genre list moves under it: what it selects meanwhile is no choice. */
  if (self->filters != NULL)
    g_signal_handlers_block_by_func (self->filters, on_filter_changed, self);
  gtk_string_list_splice (self->genres, 0, g_list_model_get_n_items (G_LIST_MODEL (self->genres)),
                          (const char * const *) strings->pdata);
  if (self->filters != NULL)
    g_signal_handlers_unblock_by_func (self->filters, on_filter_changed, self);

  /* A genre that is gone from the library filters nothing any more. */
  gone = self->genre != NULL && genre_position (self) == 0;
  if (gone)
    g_clear_pointer (&self->genre, g_free);
  show_choice (self);

  return gone;
}

static void
index_insert (GHashTable *index,
              gint64      id,
              GObject    *item)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  g_hash_table_replace (index, key, item);
}

/* What a merge changed: items came or went (the filter and sorter models see
 * those through the splice), or items the store holds changed in place (which
 * they do not). */
typedef enum
{
  MERGE_UNCHANGED = 0,
  MERGE_SPLICED   = 1 << 0,
  MERGE_UPDATED   = 1 << 1,
} MergeChanges;

/* Keeps the objects people see (and their cards) and only adds, updates and
 * removes what changed. */
static MergeChanges
merge (GListStore *store,
       GHashTable *index,
       GPtrArray  *fresh)
{
  g_autoptr(GHashTable) fresh_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), fresh->len);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  gboolean removed = FALSE;
  gboolean updated = FALSE;

  /* Sized up front: the set points into the array (only asked when the store
   * holds items that may be gone). */
  g_array_set_size (ids, fresh->len);
  for (guint i = 0; i < fresh->len; i++)
    {
      g_array_index (ids, gint64, i) = ssv_library_item_id (g_ptr_array_index (fresh, i));
      if (n > 0)
        g_hash_table_add (fresh_ids, &g_array_index (ids, gint64, i));
    }

  for (guint i = 0; i < n && !removed; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      gint64 id = ssv_library_item_id (item);

      removed = !g_hash_table_contains (fresh_ids, &id);
    }

  for (guint i = 0; i < fresh->len; i++)
    {
      GObject *item = g_ptr_array_index (fresh, i);
      GObject *known = g_hash_table_lookup (index, &g_array_index (ids, gint64, i));

      if (known == NULL)
        {
          g_ptr_array_add (added, item);
          continue;
        }

      ssv_library_item_forget_folded (known);
      if (SSV_IS_MOVIE (known))
        updated |= ssv_movie_update_from (SSV_MOVIE (known), SSV_MOVIE (item));
      else
        updated |= ssv_show_update_from (SSV_SHOW (known), SSV_SHOW (item));
      /* From here on the fresh list holds what the store should. */
      g_ptr_array_index (fresh, i) = g_object_ref (known);
      g_object_unref (item);
    }

  if (removed)
    {
      /* Rare (a prune, a removed server): rebuild, keeping the objects still there. */
      g_hash_table_remove_all (index);
      for (guint i = 0; i < fresh->len; i++)
        index_insert (index, g_array_index (ids, gint64, i), g_ptr_array_index (fresh, i));
      g_list_store_splice (store, 0, n, fresh->pdata, fresh->len);
      return MERGE_SPLICED | (updated ? MERGE_UPDATED : 0);
    }

  for (guint i = 0; i < added->len; i++)
    index_insert (index, ssv_library_item_id (g_ptr_array_index (added, i)), g_ptr_array_index (added, i));
  if (added->len > 0)
    g_list_store_splice (store, n, 0, added->pdata, added->len);

  return (added->len > 0 ? MERGE_SPLICED : 0) | (updated ? MERGE_UPDATED : 0);
}

/* A read's titles into the grids, or its error onto the page. */
static void
apply_loaded (SsvLibraryPage   *self,
              SsvLibraryTitles *titles,
              const GError     *error)
{
  MergeChanges changed;
  gboolean genre_gone;

  if (titles == NULL)
    {
      adw_status_page_set_description (ensure_state_page (self, "error"), error->message);
      set_state (self, "error");
      return;
    }

  changed = merge (self->movies, self->movie_index, titles->movies);
  changed |= merge (self->shows, self->show_index, titles->shows);
  self->n_movies = titles->n_movies;
  self->n_shows = titles->n_shows;
  /* A first screen's titles have no genres with them: the rest's read brings them. */
  self->loaded = titles->genres != NULL;
  self->first_screen |= !self->loaded;

  if (changed != MERGE_UNCHANGED && self->loaded)
    {
      genre_gone = rebuild_genres (self, (const char * const *) titles->genres);
      /* What came in through a splice was filtered and sorted on its way in (the
       * first load: all of it); what changed in place is looked at again. */
      if ((changed & MERGE_UPDATED) != 0 || genre_gone)
        gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      if ((changed & MERGE_UPDATED) != 0)
        gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
    }

  update_counts (self);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->movies)) == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->shows)) == 0)
    {
      set_state (self, "empty");
      return;
    }

  /* Open on shows when there are no movies. */
  if (g_strcmp0 (ssv_library_page_get_state (self), "content") != 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->movies)) == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "shows");

  set_state (self, "content");
}

static void titles_ready_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data);

static void
stop_waiting_for_rest (SsvLibraryPage *self)
{
  if (self->rest_clock != NULL)
    g_clear_signal_handler (&self->rest_paint_handler, self->rest_clock);
  g_clear_object (&self->rest_clock);
  g_clear_signal_handler (&self->rest_map_handler, self);
  g_clear_handle_id (&self->rest_timeout, g_source_remove);
}

/* Every title, in the grids' order already: their sort models then pass over them
 * once instead of sorting them on this thread. */
static void
read_all (SsvLibraryPage *self)
{
  SsvLibraryStore *store = ssv_context_get_library_store (ssv_page_get_context (SSV_PAGE (self)));

  stop_waiting_for_rest (self);
  ssv_library_store_list_titles_async (store, compare_in_order, dup_sort_order (self), g_free,
                                       self->cancellable, titles_ready_cb, g_object_ref (self));
}

static void
rest_after_paint_cb (GdkFrameClock  *clock,
                     SsvLibraryPage *self)
{
  read_all (self);
}

static gboolean
rest_timeout_cb (gpointer user_data)
{
  SsvLibraryPage *self = user_data;

  self->rest_timeout = 0;
  read_all (self);
  return G_SOURCE_REMOVE;
}

static void
wait_for_a_frame (SsvLibraryPage *self)
{
  g_clear_signal_handler (&self->rest_map_handler, self);
  self->rest_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->rest_paint_handler = g_signal_connect (self->rest_clock, "after-paint", G_CALLBACK (rest_after_paint_cb),
                                               self);
}

/* The rest of the library is read once a frame has shown the first screen: read at
 * once, it would take the processor from the window's first frame. A page not on
 * screen has no frame to wait for; one never drawn waits a second at most. */
static void
read_rest_after_a_frame (SsvLibraryPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (!gtk_widget_get_child_visible (widget) || !gtk_widget_get_visible (widget))
    {
      read_all (self);
      return;
    }

  self->rest_timeout = g_timeout_add (REST_WAIT_MS, rest_timeout_cb, self);
  if (gtk_widget_get_mapped (widget))
    wait_for_a_frame (self);
  else
    self->rest_map_handler = g_signal_connect_swapped (widget, "map", G_CALLBACK (wait_for_a_frame), self);
}

/* A read's titles: all of them, or a first screen, whose rest is read after a frame. */
static void
titles_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SsvLibraryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvLibraryTitles) titles = ssv_library_store_list_titles_finish (SSV_LIBRARY_STORE (source),
                                                                             result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  apply_loaded (self, titles, error);
  if (titles != NULL && !self->loaded)
    read_rest_after_a_frame (self);
}

/* The first load of a library larger than a screen, while the grids sort by title (as
 * they open) and nothing filters them: the first screen is read first. */
static gboolean
can_read_first_screen (SsvLibraryPage *self)
{
  return !self->loaded && !self->first_screen && self->search == NULL && !filters_active (self) &&
         self->sort == SORT_TITLE && !self->descending;
}

static void
reload (SsvLibraryPage *self)
{
  SsvLibraryStore *store = ssv_context_get_library_store (ssv_page_get_context (SSV_PAGE (self)));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  stop_waiting_for_rest (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (!self->loaded && !self->first_screen)
    set_state (self, "loading");

  /* Every show card's eye button reads this one query. */
  ssv_follow_set_load (self->follow_set);

  if (can_read_first_screen (self))
    ssv_library_store_list_first_titles_async (store, FIRST_SCREEN_TITLES, self->cancellable,
                                               titles_ready_cb, g_object_ref (self));
  else
    read_all (self);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  SsvLibraryPage *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Scans announce changes often; a burst becomes one reload. */
static void
on_library_changed (SsvLibraryPage *self,
                    const char     *detail)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

/* ---- actions ----------------------------------------------------------------- */

static void
on_item_activated (SsvLibraryPage *self,
                   GObject        *item)
{
  if (SSV_IS_MOVIE (item))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-movie", "x", ssv_movie_get_id (SSV_MOVIE (item)));
  else if (SSV_IS_SHOW (item))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-show", "x", ssv_show_get_id (SSV_SHOW (item)));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (SSV_LIBRARY_PAGE (widget));
}

static void
connect_server_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SsvServerDialog *dialog = ssv_server_dialog_new (ssv_page_get_context (SSV_PAGE (widget)));

  ssv_ui_present_window (GTK_WINDOW (dialog), widget);
}

static void
add_folder_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  ssv_folder_chooser_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                          ssv_page_get_context (SSV_PAGE (widget)));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsvLibraryPage *self = SSV_LIBRARY_PAGE (widget);

  if (g_strcmp0 (ssv_library_page_get_state (self), "content") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SsvLibraryPage *self = SSV_LIBRARY_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SsvLibraryPage *self = SSV_LIBRARY_PAGE (widget);

  g_clear_pointer (&self->genre, g_free);
  self->year_from = SSV_LIBRARY_FILTERS_YEAR_MIN;
  self->year_to = SSV_LIBRARY_FILTERS_YEAR_MAX;
  self->watched = WATCHED_ANY;
  self->has_file_only = FALSE;
  show_choice (self);
  refilter (self);
}

/* ---- for tests and the window ---------------------------------------------------- */

/**
 * ssv_library_page_get_visible_model:
 *
 * Returns: (transfer none): the titles the visible grid shows, in its order
 */
GListModel *
ssv_library_page_get_visible_model (SsvLibraryPage *self)
{
  g_return_val_if_fail (SSV_IS_LIBRARY_PAGE (self), NULL);

  return visible_model (self);
}

/**
 * ssv_library_page_get_grid:
 * @view: "movies" or "shows"
 *
 * Returns: (transfer none): that view's grid
 */
GtkWidget *
ssv_library_page_get_grid (SsvLibraryPage *self,
                           const char     *view)
{
  g_return_val_if_fail (SSV_IS_LIBRARY_PAGE (self), NULL);

  return ensure_grid (self, g_strcmp0 (view, "shows") == 0 ? "shows" : "movies");
}

const char *
ssv_library_page_get_count_text (SsvLibraryPage *self)
{
  return gtk_label_get_label (self->count_label);
}

/* ---- GObject ----------------------------------------------------------------- */

static GtkWidget *
ssv_library_page_get_header_widget (SsvPage *page)
{
  SsvLibraryPage *self = SSV_LIBRARY_PAGE (page);

  return GTK_WIDGET (self->count_label);
}

static GtkWidget *
make_watch_button (gpointer user_data)
{
  SsvLibraryPage *self = user_data;

  return ssv_watch_button_new (self->follow_set);
}

static void
bind_watch_button (GtkWidget *button,
                   GObject   *item,
                   gpointer   user_data)
{
  ssv_watch_button_set_item (SSV_WATCH_BUTTON (button), item);
}

/* The follow set the show cards' eye buttons share. */
SsvFollowSet *
ssv_library_page_get_follow_set (SsvLibraryPage *self)
{
  g_return_val_if_fail (SSV_IS_LIBRARY_PAGE (self), NULL);

  return self->follow_set;
}

/* The grid of the view shown (or of @view), built the first time it is needed: a view
 * never opened builds none. */
static GtkWidget *
ensure_grid (SsvLibraryPage *self,
             const char     *view)
{
  gboolean shows = g_strcmp0 (view ? view : adw_view_stack_get_visible_child_name (self->view_stack), "shows") == 0;
  GtkWidget **grid = shows ? &self->shows_grid : &self->movies_grid;
  GtkStack *stack = shows ? self->shows_stack : self->movies_stack;

  /* Built, or its view not added yet (the first view added shows at once). */
  if (*grid != NULL || stack == NULL)
    return *grid;

  *grid = ssv_poster_grid_new (ssv_page_get_context (SSV_PAGE (self)));
  if (shows)
    ssv_poster_grid_set_accessory (SSV_POSTER_GRID (*grid), make_watch_button, bind_watch_button, self);
  ssv_poster_grid_set_model (SSV_POSTER_GRID (*grid), G_LIST_MODEL (shows ? self->shows_sorted : self->movies_sorted));
  g_signal_connect_object (*grid, "item-activated", G_CALLBACK (on_item_activated), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (stack, *grid, "grid");
  return *grid;
}

/* A view: its grid, once built, or "No Matches". */
static GtkWidget *
make_view (GtkStack **stack_out)
{
  GtkWidget *stack = gtk_stack_new ();

  /* Sized by what it shows: "No Matches" is not measured beside each layout of the grid. */
  gtk_stack_set_hhomogeneous (GTK_STACK (stack), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (stack), FALSE);

  *stack_out = GTK_STACK (stack);
  return stack;
}

static void
ssv_library_page_constructed (GObject *object)
{
  SsvLibraryPage *self = SSV_LIBRARY_PAGE (object);
  SsvContext *context;
  AdwViewStackPage *page;
  SsvWorker *tmdb;

  G_OBJECT_CLASS (ssv_library_page_parent_class)->constructed (object);

  context = ssv_page_get_context (SSV_PAGE (self));

  self->follow_set = ssv_follow_set_new (ssv_context_get_watchlist_store (context), SSV_WATCH_KIND_SHOW);
  /* The first view added shows, and builds its grid. */
  page = adw_view_stack_add_titled (self->view_stack, make_view (&self->movies_stack), "movies", _("Movies"));
  adw_view_stack_page_set_icon_name (page, "video-x-generic-symbolic");
  page = adw_view_stack_add_titled (self->view_stack, make_view (&self->shows_stack), "shows", _("Shows"));
  adw_view_stack_page_set_icon_name (page, "video-display-symbolic");

  /* First run: what a TMDB key would bring, while there is none. */
  tmdb = ssv_enrichment_engine_lookup (ssv_context_get_enrichment_engine (context), "tmdb");
  if (tmdb != NULL)
    ssv_key_banner_watch (self->key_banner, tmdb, ssv_context_get_secrets (context));

  g_signal_connect_object (ssv_context_get_library_store (context), "changed",
                           G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
ssv_library_page_dispose (GObject *object)
{
  SsvLibraryPage *self = SSV_LIBRARY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  stop_waiting_for_rest (self);
  g_clear_object (&self->count_label);

  G_OBJECT_CLASS (ssv_library_page_parent_class)->dispose (object);

  /* After the grids are gone: their buttons hold it too. */
  g_clear_object (&self->follow_set);
}

static void
ssv_library_page_finalize (GObject *object)
{
  SsvLibraryPage *self = SSV_LIBRARY_PAGE (object);

  g_clear_object (&self->movies_sorted);
  g_clear_object (&self->shows_sorted);
  g_clear_object (&self->movies_filtered);
  g_clear_object (&self->shows_filtered);
  g_clear_object (&self->movies);
  g_clear_object (&self->shows);
  g_clear_object (&self->genres);
  g_clear_pointer (&self->movie_index, g_hash_table_unref);
  g_clear_pointer (&self->show_index, g_hash_table_unref);
  g_free (self->search);
  g_free (self->genre);

  G_OBJECT_CLASS (ssv_library_page_parent_class)->finalize (object);
}

static void
ssv_library_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  if (prop_id != PROP_SORT)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, sort_names[SSV_LIBRARY_PAGE (object)->sort]);
}

static void
ssv_library_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  if (prop_id != PROP_SORT)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  for (guint i = 0; prop_id == PROP_SORT && i < G_N_ELEMENTS (sort_names); i++)
    if (g_strcmp0 (g_value_get_string (value), sort_names[i]) == 0)
      set_sort (SSV_LIBRARY_PAGE (object), (SortKey) i);
}

static void
ssv_library_page_class_init (SsvLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsvPageClass *page_class = SSV_PAGE_CLASS (klass);

  object_class->constructed = ssv_library_page_constructed;
  object_class->dispose = ssv_library_page_dispose;
  object_class->finalize = ssv_library_page_finalize;
  object_class->get_property = ssv_library_page_get_property;
  object_class->set_property = ssv_library_page_set_property;

  /**
   * SsvLibraryPage:sort:
   *
   * What the grids are ordered by: "title", "year", "added" or "rating" (the Sort menu's
   * radio items). Choosing one also sets the direction: titles A to Z, the rest
   * newest or best first.
   */
  properties[PROP_SORT] = g_param_spec_string ("sort", NULL, NULL, "title",
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  page_class->get_header_widget = ssv_library_page_get_header_widget;

  ssv_page_class_set_info (page_class, "library", _("Library"), "video-x-generic-symbolic");

  g_type_ensure (SSV_TYPE_KEY_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/pages/ssv-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryPage, key_banner);
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryPage, sort_button);
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryPage, sort_menu);
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryPage, descending_button);
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_direction_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);

  gtk_widget_class_install_action (widget_class, "library.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "library.connect-server", NULL, connect_server_action);
  gtk_widget_class_install_action (widget_class, "library.add-folder", NULL, add_folder_action);
  gtk_widget_class_install_action (widget_class, "library.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "library.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "library.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_property_action (widget_class, "library.sort", "sort");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "library.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "library.show-view", "s", "movies");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "library.show-view", "s", "shows");
}

static void
ssv_library_page_init (SsvLibraryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The count lives in the window's header bar, outside this page's tree. */
  g_object_ref_sink (self->count_label);

  self->year_from = SSV_LIBRARY_FILTERS_YEAR_MIN;
  self->year_to = SSV_LIBRARY_FILTERS_YEAR_MAX;
  self->movies = g_list_store_new (SSV_TYPE_MOVIE);
  self->shows = g_list_store_new (SSV_TYPE_SHOW);
  self->movie_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->show_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->movies_filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->movies)),
                                                     GTK_FILTER (g_object_ref (self->filter)));
  self->shows_filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->shows)),
                                                    GTK_FILTER (self->filter));
  self->movies_sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->movies_filtered)),
                                                 GTK_SORTER (g_object_ref (self->sorter)));
  self->shows_sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->shows_filtered)),
                                                GTK_SORTER (self->sorter));
  g_signal_connect_object (self->movies_filtered, "items-changed", G_CALLBACK (update_counts), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->shows_filtered, "items-changed", G_CALLBACK (update_counts), self,
                           G_CONNECT_SWAPPED);

  self->genres = gtk_string_list_new ((const char * const[]) { _("All Genres"), NULL });
  gtk_menu_button_set_create_popup_func (self->filter_button, create_filters_popup, self, NULL);
  ssv_ui_set_menu_when_opened (self->sort_button, self->sort_menu);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}
