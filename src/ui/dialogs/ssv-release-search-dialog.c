/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-search-dialog.c: searches every indexer for one film, episode or season; grab a hit. */

#include "config.h"

#include <glib/gi18n.h>

#include "downloads/ssv-release-search.h"
#include "widgets/ssv-release-row.h"
#include "dialogs/ssv-release-search-dialog.h"

struct _SsvReleaseSearchDialog
{
  AdwWindow              parent_instance;

  SsvContext            *context;
  SsvSearchItem         *item;
  char                  *poster_url;
  gint64                 wishlist_id;   /* the wanted item searched for; 0: none */
  GCancellable          *cancellable;
  SsvReleaseSearchSetup *setup;
  SsvSearch             *search;
  GPtrArray             *hits;          /* SsvJudgedHit, sorted: accepted first */
  char                  *progress;
  char                  *last_message;
  gboolean               grabbing;

  AdwToastOverlay       *toast_overlay;
  AdwWindowTitle        *window_title;
  GtkSpinner            *spinner;
  GtkStack              *stack;
  AdwStatusPage         *empty_page;
  GtkLabel              *progress_label;
  GtkListBox            *failures_list;
  GtkLabel              *none_label;
  GtkListBox            *accepted_list;
  GtkLabel              *rejected_header;
  GtkListBox            *rejected_list;
};

G_DEFINE_FINAL_TYPE (SsvReleaseSearchDialog, ssv_release_search_dialog, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_CONTEXT, PROP_ITEM, PROP_POSTER_URL, PROP_WISHLIST_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Every message reaches people through here: one place to change when toasts move to app.toast. */
static void
show_toast (SsvReleaseSearchDialog *self,
            const char             *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Rebuilds both lists from the sorted hits; the Grab buttons' targets are indexes into them. */
static void
show_hits (SsvReleaseSearchDialog *self)
{
  guint n_accepted = 0;
  guint n_rejected = 0;

  clear_list (self->accepted_list);
  clear_list (self->rejected_list);
  for (guint i = 0; i < self->hits->len; i++)
    {
      SsvJudgedHit *judged = g_ptr_array_index (self->hits, i);

      if (judged->decision->accepted)
        {
          gtk_list_box_append (self->accepted_list, ssv_release_row_new (judged, i));
          n_accepted++;
        }
      else
        {
          gtk_list_box_append (self->rejected_list, ssv_release_row_new (judged, i));
          n_rejected++;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->accepted_list), n_accepted > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->none_label), n_accepted == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_header), n_rejected > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_list), n_rejected > 0);
}

static void
update_progress (SsvReleaseSearchDialog *self)
{
  guint n_sources = ssv_search_get_n_sources (self->search);
  guint n_answered = ssv_search_get_n_answered (self->search);
  gboolean running = ssv_search_is_running (self->search);

  g_free (self->progress);
  if (running)
    /* Translators: "2 of 3 indexers answered" */
    self->progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u indexer answered",
                                                   "%u of %u indexers answered", n_sources),
                                      n_answered, n_sources);
  else
    self->progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u release found", "%u releases found",
                                                   self->hits->len),
                                      self->hits->len);
  gtk_label_set_text (self->progress_label, self->progress);
  gtk_label_set_text (self->none_label, running ? _("No indexer offered anything acceptable yet.")
                                                : _("No indexer offered anything acceptable."));
  adw_window_title_set_subtitle (self->window_title, self->progress);
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
}

static void
on_batch (SsvReleaseSearchDialog *self,
          SsvSearchBatch         *batch,
          SsvSearch              *search)
{
  for (guint i = 0; i < batch->hits->len; i++)
    g_ptr_array_add (self->hits, ssv_judged_hit_ref (g_ptr_array_index (batch->hits, i)));
  ssv_judged_hits_sort (self->hits);
  show_hits (self);
  update_progress (self);
}

static void
on_source_failed (SsvReleaseSearchDialog *self,
                  const char             *source,
                  const char             *message,
                  SsvSearch              *search)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), source);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (row, "error");
  gtk_list_box_append (self->failures_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->failures_list), TRUE);
  update_progress (self);
}

static void
on_search_changed (SsvReleaseSearchDialog *self)
{
  update_progress (self);
}

static void
start_search (SsvReleaseSearchDialog *self)
{
  self->search = ssv_searcher_start (self->setup->searcher, self->item, self->setup->profile, NULL,
                                     self->cancellable);
  g_signal_connect_object (self->search, "batch", G_CALLBACK (on_batch), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "source-failed", G_CALLBACK (on_source_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "finished", G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "notify::n-answered", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "notify::running", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  show_hits (self);
  update_progress (self);
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
setup_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SsvReleaseSearchDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->setup = ssv_release_search_setup_finish (result, &error);
  if (self->setup == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_title (self->empty_page, _("Could not start the search"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (self->setup->n_indexers == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Indexers"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add an indexer to search for releases, for example:\n"
                                         "soulsync-video-cli indexer add torznab NAME URL --key-stdin"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  /* A wanted item is searched as the wishlist knows it: with its ids. */
  if (self->setup->item != NULL)
    {
      g_clear_pointer (&self->item, ssv_search_item_unref);
      self->item = ssv_search_item_ref (self->setup->item);
      if (self->poster_url == NULL)
        self->poster_url = g_strdup (self->setup->poster_url);
    }
  start_search (self);
}

static void
grab_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SsvReleaseSearchDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDownload) download = ssv_release_search_grab_finish (result, &error);
  g_autofree char *client = NULL;
  g_autofree char *message = NULL;

  self->grabbing = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.grab", TRUE);
  if (download == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }

  g_object_get (download, "client-name", &client, NULL);
  /* Translators: "Grabbed Heat.1995.1080p.BluRay-GRP to Home" (a download client's name) */
  message = g_strdup_printf (_("Grabbed %s to %s"), ssv_download_get_release_title (download),
                             client != NULL ? client : _("the download client"));
  show_toast (self, message);
}

static void
grab_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsvReleaseSearchDialog *self = SSV_RELEASE_SEARCH_DIALOG (widget);
  guint index = g_variant_get_uint32 (parameter);
  SsvGrabRequest *request;

  if (self->setup == NULL || index >= self->hits->len || self->grabbing)
    return;

  request = ssv_release_search_grab_request (self->item, self->setup->profile, self->poster_url, self->hits, index);
  if (request == NULL)
    return;
  request->wanted.wishlist_id = self->wishlist_id;
  self->grabbing = TRUE;
  gtk_widget_action_set_enabled (widget, "search.grab", FALSE);
  ssv_release_search_grab_async (self->context, request, self->cancellable, grab_done, g_object_ref (self));
}

static void
ssv_release_search_dialog_constructed (GObject *object)
{
  SsvReleaseSearchDialog *self = SSV_RELEASE_SEARCH_DIALOG (object);
  g_autofree char *title = NULL;

  G_OBJECT_CLASS (ssv_release_search_dialog_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL && self->item != NULL);
  title = ssv_search_item_describe (self->item);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  ssv_release_search_setup_async (self->context, self->wishlist_id, self->cancellable, setup_done,
                                  g_object_ref (self));
}

static void
ssv_release_search_dialog_dispose (GObject *object)
{
  SsvReleaseSearchDialog *self = SSV_RELEASE_SEARCH_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->search != NULL)
    ssv_search_cancel (self->search);
  g_clear_object (&self->search);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_RELEASE_SEARCH_DIALOG);

  G_OBJECT_CLASS (ssv_release_search_dialog_parent_class)->dispose (object);
}

static void
ssv_release_search_dialog_finalize (GObject *object)
{
  SsvReleaseSearchDialog *self = SSV_RELEASE_SEARCH_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->item, ssv_search_item_unref);
  g_clear_pointer (&self->setup, ssv_release_search_setup_free);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_free (self->poster_url);
  g_free (self->progress);
  g_free (self->last_message);

  G_OBJECT_CLASS (ssv_release_search_dialog_parent_class)->finalize (object);
}

static void
ssv_release_search_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SsvReleaseSearchDialog *self = SSV_RELEASE_SEARCH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_ITEM:
      self->item = g_value_dup_boxed (value);
      break;
    case PROP_POSTER_URL:
      self->poster_url = g_value_dup_string (value);
      break;
    case PROP_WISHLIST_ID:
      self->wishlist_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_release_search_dialog_class_init (SsvReleaseSearchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_release_search_dialog_constructed;
  object_class->dispose = ssv_release_search_dialog_dispose;
  object_class->finalize = ssv_release_search_dialog_finalize;
  object_class->set_property = ssv_release_search_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_boxed ("item", NULL, NULL, SSV_TYPE_SEARCH_ITEM,
                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSTER_URL] =
    g_param_spec_string ("poster-url", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A wanted film or episode: judged under its own quality profile (a show's, for an episode). */
  properties[PROP_WISHLIST_ID] =
    g_param_spec_int64 ("wishlist-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SSV_TYPE_RELEASE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dialogs/ssv-release-search-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseSearchDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseSearchDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseSearchDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseSearchDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseSearchDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseSearchDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseSearchDialog, failures_list);
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseSearchDialog, none_label);
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseSearchDialog, accepted_list);
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseSearchDialog, rejected_header);
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseSearchDialog, rejected_list);

  /* The index of a hit in the results, as its row's Grab button names it. */
  gtk_widget_class_install_action (widget_class, "search.grab", "u", grab_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ssv_release_search_dialog_init (SsvReleaseSearchDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_judged_hit_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @wishlist_id: the wanted film or episode @item is, or 0 */
GtkWidget *
ssv_release_search_dialog_new (SsvContext    *context,
                               SsvSearchItem *item,
                               const char    *poster_url,
                               gint64         wishlist_id)
{
  return g_object_new (SSV_TYPE_RELEASE_SEARCH_DIALOG,
                       "context", context,
                       "item", item,
                       "poster-url", poster_url,
                       "wishlist-id", wishlist_id,
                       NULL);
}

/* Opens the dialog over @parent's window. */
void
ssv_release_search_dialog_present (GtkWidget     *parent,
                                   SsvContext    *context,
                                   SsvSearchItem *item,
                                   const char    *poster_url,
                                   gint64         wishlist_id)
{
  GtkWidget *dialog = ssv_release_search_dialog_new (context, item, poster_url, wishlist_id);
  GtkRoot *root = gtk_widget_get_root (parent);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
ssv_release_search_dialog_is_searching (SsvReleaseSearchDialog *self)
{
  g_return_val_if_fail (SSV_IS_RELEASE_SEARCH_DIALOG (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0
         || (self->search != NULL && ssv_search_is_running (self->search));
}

/* "2 of 3 indexers answered" while it runs; how many were found once it ended. */
const char *
ssv_release_search_dialog_get_progress (SsvReleaseSearchDialog *self)
{
  g_return_val_if_fail (SSV_IS_RELEASE_SEARCH_DIALOG (self), NULL);

  return self->progress;
}

/* What the last toast said (a grab's outcome). */
const char *
ssv_release_search_dialog_get_last_message (SsvReleaseSearchDialog *self)
{
  g_return_val_if_fail (SSV_IS_RELEASE_SEARCH_DIALOG (self), NULL);

  return self->last_message;
}
