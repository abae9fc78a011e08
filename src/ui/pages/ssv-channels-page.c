/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channels-page.c: the Channels page of the sidebar: the followed YouTube channels as cards
 * with their unseen uploads, each opening the channel's page, and a box to follow one by
 * pasting its address or @handle. The list is the widget the Watchlist's Channels tab shows
 * too; this page gives it a place of its own and reads it when first shown. */

#include "config.h"

#include <glib/gi18n.h>

#include "pages/ssv-channels-page.h"
#include "widgets/ssv-channel-list.h"

struct _SsvChannelsPage
{
  SsvPage    parent_instance;

  GtkWidget *list;
  AdwBin    *list_slot;
};

G_DEFINE_FINAL_TYPE (SsvChannelsPage, ssv_channels_page, SSV_TYPE_PAGE)

/* Returns: (transfer none): the page's SsvChannelList */
GtkWidget *
ssv_channels_page_get_list (SsvChannelsPage *self)
{
  g_return_val_if_fail (SSV_IS_CHANNELS_PAGE (self), NULL);

  return self->list;
}

static void
ssv_channels_page_load (SsvPage *page)
{
  ssv_channel_list_reload (SSV_CHANNEL_LIST (SSV_CHANNELS_PAGE (page)->list));
}

static void
ssv_channels_page_constructed (GObject *object)
{
  SsvChannelsPage *self = SSV_CHANNELS_PAGE (object);

  G_OBJECT_CLASS (ssv_channels_page_parent_class)->constructed (object);

  self->list = ssv_channel_list_new (ssv_page_get_context (SSV_PAGE (self)));
  adw_bin_set_child (self->list_slot, self->list);
}

static void
ssv_channels_page_class_init (SsvChannelsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsvPageClass *page_class = SSV_PAGE_CLASS (klass);

  object_class->constructed = ssv_channels_page_constructed;
  page_class->load = ssv_channels_page_load;

  ssv_page_class_set_info (page_class, "channels", _("Channels"), "camera-web-symbolic");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/pages/ssv-channels-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvChannelsPage, list_slot);
}

static void
ssv_channels_page_init (SsvChannelsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
