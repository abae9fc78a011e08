/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-page-search.c: the Wishlist page's "Search now" of everything, one item, a
 * season or a show: the drain run, what each row says while it runs, and its outcome. */

#include "config.h"

#include <glib/gi18n.h>

#include "pages/ssv-wishlist-page-private.h"
#include "widgets/ssv-wishlist-tile.h"
#include "downloads/ssv-wishlist-drain.h"
#include "model/ssv-wishlist-item.h"
#include "stores/ssv-wishlist-store.h"

/* ---- what a "Search now" of one item, a season or a show is doing -------------------------- */

static gboolean
group_in_scope (SsvWishlistPage *self,
                SsvWishlistItem *group)
{
  if (self->searching_show <= 0 || ssv_wishlist_item_get_group_id (group) != self->searching_show)
    return FALSE;
  if (ssv_wishlist_item_get_kind (group) == SSV_WISHLIST_KIND_SHOW)
    return self->searching_season < 0;

  return self->searching_season < 0 || ssv_wishlist_item_get_season_number (group) == self->searching_season;
}

/* Says "Searching…" on what the running search covers and has not reached yet; @clear:
 * the groups say nothing again (their leaves get their outcome from refresh_states). */
static void
show_searching_in (SsvWishlistPage *self,
                   GListModel      *items,
                   gboolean         clear)
{
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SsvWishlistItem) item = g_list_model_get_item (items, i);
      gint64 id = ssv_wishlist_item_get_id (item);

      if (ssv_wishlist_item_get_children (item) != NULL)
        {
          if (clear)
            ssv_wishlist_item_set_search_state (item, NULL);
          else if (group_in_scope (self, item))
            ssv_wishlist_item_set_search_state (item, _("Searching…"));
          show_searching_in (self, ssv_wishlist_item_get_children (item), clear);
        }
      else if (!clear && g_hash_table_contains (self->searching, &id))
        ssv_wishlist_item_set_search_state (item, _("Searching…"));
    }
}

void
ssv_wishlist_page_show_searching (SsvWishlistPage *self)
{
  for (guint i = 0; i < N_TABS; i++)
    show_searching_in (self, G_LIST_MODEL (self->tabs[i].items), FALSE);
}

static void
collect_searching (SsvWishlistPage           *self,
                   GListModel                *items,
                   const SsvWishSearchFilter *filter)
{
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SsvWishlistItem) item = g_list_model_get_item (items, i);
      gint64 id = ssv_wishlist_item_get_id (item);

      if (ssv_wishlist_item_get_children (item) != NULL)
        collect_searching (self, ssv_wishlist_item_get_children (item), filter);
      else if ((filter->wishlist_id > 0 && id == filter->wishlist_id) ||
               (filter->wishlist_show_id > 0 && ssv_wishlist_item_get_group_id (item) == filter->wishlist_show_id &&
                (filter->season < 0 || ssv_wishlist_item_get_season_number (item) == filter->season)))
        g_hash_table_add (self->searching, g_memdup2 (&id, sizeof id));
    }
}

/* A search of one item, a season or a show: what it covers says "Searching…" until it ends. */
static void
mark_searching (SsvWishlistPage           *self,
                const SsvWishSearchFilter *filter)
{
  g_hash_table_remove_all (self->searching);
  self->searching_show = filter->wishlist_show_id;
  self->searching_season = filter->season;
  if (filter->wishlist_id <= 0 && filter->wishlist_show_id <= 0)
    return;

  for (guint i = 0; i < N_TABS; i++)
    collect_searching (self, G_LIST_MODEL (self->tabs[i].items), filter);
  ssv_wishlist_page_show_searching (self);
}

static void
clear_searching (SsvWishlistPage *self)
{
  g_hash_table_remove_all (self->searching);
  self->searching_show = 0;
  self->searching_season = -1;
  for (guint i = 0; i < N_TABS; i++)
    show_searching_in (self, G_LIST_MODEL (self->tabs[i].items), TRUE);
}

/* ---- search now ------------------------------------------------------------------- */

static char *
describe_drain (const SsvDrainReport *report)
{
  g_autoptr(GString) titles = NULL;

  if (report->n_grabbed > 0)
    {
      titles = g_string_new (NULL);
      for (guint i = 0; i < report->items->len; i++)
        {
          const SsvDrainItem *item = g_ptr_array_index (report->items, i);

          if (item->grabbed != NULL)
            g_string_append_printf (titles, "%s%s", titles->len > 0 ? ", " : "", item->label);
        }
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Grabbed %u: %s", "Grabbed %u: %s", report->n_grabbed),
                              report->n_grabbed, titles->str);
    }
  if (report->n_searched > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Searched %u item; nothing to grab yet.",
                                         "Searched %u items; nothing to grab yet.", report->n_searched),
                            report->n_searched);
  if (report->items->len == 1)
    return g_strdup (((SsvDrainItem *) g_ptr_array_index (report->items, 0))->result);

  return g_strdup (_("Nothing on the wishlist is out and still wanted; nothing searched."));
}

static void
set_drain_running (SsvWishlistPage *self,
                   gboolean         running)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wishlist.search-all", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wishlist.search-now", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wishlist.search-show", !running);
  gtk_spinner_set_spinning (self->drain_spinner, running);
  gtk_widget_set_visible (GTK_WIDGET (self->drain_spinner), running);
  gtk_widget_set_visible (GTK_WIDGET (self->drain_label), running);
  gtk_label_set_text (self->drain_label, _("Searching…"));
}

static void
on_item_searched (SsvWishlistPage *self,
                  gint64           wishlist_id,
                  const char      *result)
{
  g_autofree char *text = NULL;

  self->n_searched++;
  g_hash_table_remove (self->searching, &wishlist_id);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u searched…", "%u searched…", self->n_searched),
                          self->n_searched);
  gtk_label_set_text (self->drain_label, text);
}

void
ssv_wishlist_page_stop_listening (SsvWishlistPage *self)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));

  if (self->searched_id != 0 && context != NULL)
    g_clear_signal_handler (&self->searched_id, ssv_context_get_wishlist_drain (context));
}

static void
drain_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SsvWishlistPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDrainReport) report = ssv_wishlist_drain_run_finish (SSV_WISHLIST_DRAIN (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  ssv_wishlist_page_stop_listening (self);
  g_clear_object (&self->drain_cancellable);
  set_drain_running (self, FALSE);
  clear_searching (self);
  g_free (self->last_message);
  self->last_message = report != NULL ? describe_drain (report) : g_strdup (error->message);
  ssv_page_show_toast (SSV_PAGE (self), self->last_message);
  if (report != NULL && report->n_grabbed > 0)
    ssv_wishlist_page_reload_all (self);
  else
    ssv_wishlist_page_refresh_states (self);
}

/* Searches the wanted items @filter names now, backoff or not. */
static void
start_drain_for (SsvWishlistPage           *self,
                 const SsvWishSearchFilter *filter)
{
  SsvWishlistDrain *drain = ssv_context_get_wishlist_drain (ssv_page_get_context (SSV_PAGE (self)));

  if (self->drain_cancellable != NULL)
    return;

  self->drain_cancellable = g_cancellable_new ();
  self->n_searched = 0;
  self->searched_id = g_signal_connect_swapped (drain, "item-searched", G_CALLBACK (on_item_searched), self);
  set_drain_running (self, TRUE);
  mark_searching (self, filter);
  ssv_wishlist_drain_run_filtered_async (drain, SSV_DRAIN_NOW, filter, self->drain_cancellable, drain_done_cb,
                                         g_object_ref (self));
}

/* Searches the wanted item @wishlist_id (0: everything wanted) now, backoff or not. */
static void
start_drain (SsvWishlistPage *self,
             gint64           wishlist_id)
{
  SsvWishSearchFilter filter = { wishlist_id, NULL, NULL, -1 };

  start_drain_for (self, &filter);
}

/* wishlist.search-all: the header's "Search Now", for everything wanted. */
static void
search_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  start_drain (SSV_WISHLIST_PAGE (widget), 0);
}

/* wishlist.search-now (wishlist row id): one wanted film or episode. */
static void
search_now_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);

  if (id > 0)
    start_drain (SSV_WISHLIST_PAGE (widget), id);
}

/* wishlist.search-show (wishlist show id, season or -1): a show tile's or a season's "Search Now". */
static void
search_show_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SsvWishSearchFilter filter = { 0, NULL, NULL, -1 };
  gint64 show_id;
  int season;

  g_variant_get (parameter, "(xi)", &show_id, &season);
  filter.wishlist_show_id = show_id;
  filter.season = MAX (season, -1);
  if (show_id > 0)
    start_drain_for (SSV_WISHLIST_PAGE (widget), &filter);
}

/* What the last "Search now" said in its toast (tests). */
const char *
ssv_wishlist_page_get_last_drain_message (SsvWishlistPage *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_PAGE (self), NULL);

  return self->last_message;
}


void
ssv_wishlist_page_add_search_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "wishlist.search-all", NULL, search_all_action);
  gtk_widget_class_install_action (widget_class, "wishlist.search-now", "x", search_now_action);
  gtk_widget_class_install_action (widget_class, "wishlist.search-show", "(xi)", search_show_action);
}
