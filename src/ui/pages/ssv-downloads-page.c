/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-downloads-page.c: the Downloads page: a card for each active and recent download,
 * over the download monitor's list model; cancelling goes through the grabber off the UI thread. */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/ssv-download-card.h"
#include "pages/ssv-downloads-page.h"
#include "downloads/ssv-download-monitor.h"
#include "downloads/ssv-grabber.h"
#include "downloads/ssv-retry-engine.h"

struct _SsvDownloadsPage
{
  SsvPage        parent_instance;

  GListModel    *model;
  GCancellable  *cancellable;

  AdwStatusPage *empty_page;
  GtkListBox    *list_box;
};

G_DEFINE_FINAL_TYPE (SsvDownloadsPage, ssv_downloads_page, SSV_TYPE_PAGE)

/* The page's child: not a bound template child, which AdwBin would drop twice. */
static GtkStack *
get_stack (SsvDownloadsPage *self)
{
  return GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
}

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  SsvDownloadsPage *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                              ssv_download_card_new (ssv_page_get_context (SSV_PAGE (self)), item));
  return row;
}

static void
update_state (SsvDownloadsPage *self)
{
  gboolean empty = self->model == NULL || g_list_model_get_n_items (self->model) == 0;

  gtk_stack_set_visible_child_name (get_stack (self), empty ? "empty" : "list");
}

static void
ssv_downloads_page_load (SsvPage *page)
{
  SsvDownloadsPage *self = SSV_DOWNLOADS_PAGE (page);
  SsvDownloadMonitor *monitor = ssv_context_get_download_monitor (ssv_page_get_context (page));

  /* what the monitor sees fail is retried from now on */
  ssv_context_get_retry_engine (ssv_page_get_context (page));
  self->model = g_object_ref (ssv_download_monitor_get_model (monitor));
  gtk_list_box_bind_model (self->list_box, self->model, create_card, self, NULL);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
cancel_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SsvDownloadsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ssv_grabber_cancel_finish (SSV_GRABBER (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ssv_page_show_toast (SSV_PAGE (self), error->message);
      return;
    }
  ssv_download_monitor_poll_now (ssv_context_get_download_monitor (ssv_page_get_context (SSV_PAGE (self))));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsvDownloadsPage *self = SSV_DOWNLOADS_PAGE (widget);
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));

  ssv_grabber_cancel_async (ssv_context_get_grabber (context), g_variant_get_int64 (parameter),
                            self->cancellable, cancel_done, g_object_ref (self));
}

/* The retry's last line, or its refusal, as a toast: the card's timeline has the rest. */
static void
retry_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SsvDownloadsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_task_get_source_tag (G_TASK (result)) == ssv_retry_engine_block_async
    ? ssv_retry_engine_block_finish (SSV_RETRY_ENGINE (source), result, &error)
    : ssv_retry_engine_retry_now_finish (SSV_RETRY_ENGINE (source), result, &error);

  if (message == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ssv_page_show_toast (SSV_PAGE (self), error->message);
      return;
    }
  if (*message != '\0')
    ssv_page_show_toast (SSV_PAGE (self), message);
  ssv_download_monitor_poll_now (ssv_context_get_download_monitor (ssv_page_get_context (SSV_PAGE (self))));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SsvDownloadsPage *self = SSV_DOWNLOADS_PAGE (widget);
  SsvRetryEngine *engine = ssv_context_get_retry_engine (ssv_page_get_context (SSV_PAGE (self)));

  if (g_str_equal (action_name, "downloads.block"))
    ssv_retry_engine_block_async (engine, g_variant_get_int64 (parameter), _("Blocked by hand."), TRUE,
                                  self->cancellable, retry_done, g_object_ref (self));
  else
    ssv_retry_engine_retry_now (engine, g_variant_get_int64 (parameter), self->cancellable, retry_done,
                                g_object_ref (self));
}

static void
ssv_downloads_page_dispose (GObject *object)
{
  SsvDownloadsPage *self = SSV_DOWNLOADS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_DOWNLOADS_PAGE);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (ssv_downloads_page_parent_class)->dispose (object);
}

static void
ssv_downloads_page_finalize (GObject *object)
{
  SsvDownloadsPage *self = SSV_DOWNLOADS_PAGE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ssv_downloads_page_parent_class)->finalize (object);
}

static void
ssv_downloads_page_class_init (SsvDownloadsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsvPageClass *page_class = SSV_PAGE_CLASS (klass);

  object_class->dispose = ssv_downloads_page_dispose;
  object_class->finalize = ssv_downloads_page_finalize;
  page_class->load = ssv_downloads_page_load;

  ssv_page_class_set_info (page_class, "downloads", _("Downloads"), "folder-download-symbolic");

  g_type_ensure (SSV_TYPE_DOWNLOAD_CARD);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/pages/ssv-downloads-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadsPage, list_box);

  /* The download's id, as its card's Cancel button names it. */
  gtk_widget_class_install_action (widget_class, "downloads.cancel", "x", cancel_action);
  /* "Retry with another" and "Block" (the release blocklisted, then another tried). */
  gtk_widget_class_install_action (widget_class, "downloads.retry", "x", retry_action);
  gtk_widget_class_install_action (widget_class, "downloads.block", "x", retry_action);
}

static void
ssv_downloads_page_init (SsvDownloadsPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_status_page_set_description (self->empty_page,
                                   _("To download, add an indexer and a download client:\n"
                                     "soulsync-video-cli indexer add torznab NAME URL --key-stdin\n"
                                     "soulsync-video-cli client add qbittorrent NAME URL --user USER --password-stdin\n"
                                     "then search for a release from a movie’s or an episode’s page."));
}

/* The card showing @download_id, or NULL. */
GtkWidget *
ssv_downloads_page_find_card (SsvDownloadsPage *self,
                              gint64            download_id)
{
  g_return_val_if_fail (SSV_IS_DOWNLOADS_PAGE (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = GTK_IS_LIST_BOX_ROW (row) ? gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)) : NULL;

      if (SSV_IS_DOWNLOAD_CARD (card)
          && ssv_download_get_id (ssv_download_card_get_download (SSV_DOWNLOAD_CARD (card))) == download_id)
        return card;
    }
  return NULL;
}

gboolean
ssv_downloads_page_is_empty (SsvDownloadsPage *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOADS_PAGE (self), TRUE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (get_stack (self)), "empty") == 0;
}
