/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-card.c: one followed YouTube channel: avatar (initials until it loads), title,
 * handle, subscribers, videos, last refresh, unseen uploads and an Unfollow button. The words
 * bind to the channel in the template; the avatar loads here; Unfollow asks the channel list
 * it is in (channels.unfollow). */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/ssv-channel-card.h"
#include "ssv-closures.h"

#define AVATAR_SIZE 64

struct _SsvChannelCard
{
  GtkWidget         parent_instance;

  SsvChannel       *channel;
  SsvTextureLoader *loader;
  GCancellable     *cancellable;

  GtkWidget        *box;        /* the template's child: unparented at dispose */
  AdwAvatar        *avatar;
  GtkLabel         *new_badge;
};

G_DEFINE_FINAL_TYPE (SsvChannelCard, ssv_channel_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHANNEL,
  PROP_LOADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- words ------------------------------------------------------------------------ */

/* "3 days ago", "5 hours ago", "just now"; NULL for never. */
static char *
describe_refresh (gint64 refreshed_at)
{
  gint64 seconds = MAX (g_get_real_time () / G_USEC_PER_SEC - refreshed_at, 0);
  gint64 days = seconds / 86400;
  gint64 hours = seconds / 3600;

  if (refreshed_at <= 0)
    return NULL;
  if (days >= 1)
    /* Translators: when a channel was last read */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Refreshed %d day ago", "Refreshed %d days ago",
                                         (gulong) days), (int) days);
  if (hours >= 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Refreshed %d hour ago", "Refreshed %d hours ago",
                                         (gulong) hours), (int) hours);
  return g_strdup (_("Refreshed just now"));
}

/* "1.2M subscribers · 40 videos · Refreshed 3 hours ago"; unknown counts are left out. */
static char *
details_text (gpointer unused,
              gint64   subscribers,
              gint64   video_count,
              gint64   refreshed_at)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *when = describe_refresh (refreshed_at);

  if (subscribers >= 0)
    {
      g_autofree char *count = subscribers >= 1000000 ? g_strdup_printf ("%.1fM", subscribers / 1e6)
                               : subscribers >= 1000 ? g_strdup_printf ("%.1fk", subscribers / 1e3)
                               : g_strdup_printf ("%" G_GINT64_FORMAT, subscribers);

      /* Translators: "1.2M subscribers" */
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s subscriber", "%s subscribers",
                                                            (gulong) MIN (subscribers, G_MAXINT)), count));
    }
  if (video_count >= 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d video", "%d videos",
                                                          (gulong) MIN (video_count, G_MAXINT)),
                                             (int) MIN (video_count, G_MAXINT)));
  g_ptr_array_add (parts, when != NULL ? g_steal_pointer (&when) : g_strdup (_("Not refreshed yet")));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* "3 new": uploads since the follow or the last visit of the channel's page. */
static char *
new_text (gpointer unused,
          int      new_count)
{
  /* Translators: uploads of a followed channel not seen yet */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d new", "%d new", (gulong) MAX (new_count, 0)), new_count);
}

/* ---- avatar ------------------------------------------------------------------------ */

static void
avatar_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SsvChannelCard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = ssv_texture_loader_load_finish (SSV_TEXTURE_LOADER (source), result, &error);

  /* Without one, the initials stay. */
  if (texture != NULL && self->avatar != NULL)
    adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
}

static void
show_channel (SsvChannelCard *self)
{
  const char *url = self->channel ? ssv_channel_get_avatar_url (self->channel) : NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  adw_avatar_set_custom_image (self->avatar, NULL);

  if (url == NULL || *url == '\0' || self->loader == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  ssv_texture_loader_load_async (self->loader, url, AVATAR_SIZE * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                 self->cancellable, avatar_ready_cb, g_object_ref (self));
}

/* ---- actions ------------------------------------------------------------------------ */

static void
unfollow_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SsvChannelCard *self = SSV_CHANNEL_CARD (widget);

  if (self->channel == NULL)
    return;

  gtk_widget_activate_action (widget, "channels.unfollow", "s",
                              ssv_channel_get_channel_id (self->channel));
}

/* Returns: (nullable): "3 new" when uploads wait unseen, else %NULL */
const char *
ssv_channel_card_get_new_text (SsvChannelCard *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_CARD (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->new_badge)) ? gtk_label_get_text (self->new_badge) : NULL;
}

/* ---- public ------------------------------------------------------------------------ */

/* Returns: (transfer none) (nullable): the channel the card shows */
SsvChannel *
ssv_channel_card_get_channel (SsvChannelCard *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_CARD (self), NULL);

  return self->channel;
}

/* The counts line as the card shows it. */
char *
ssv_channel_card_dup_details (SsvChannelCard *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_CARD (self), NULL);

  if (self->channel == NULL)
    return NULL;

  return details_text (NULL, ssv_channel_get_subscribers (self->channel),
                       ssv_channel_get_video_count (self->channel),
                       ssv_channel_get_refreshed_at (self->channel));
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
ssv_channel_card_dispose (GObject *object)
{
  SsvChannelCard *self = SSV_CHANNEL_CARD (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), SSV_TYPE_CHANNEL_CARD);
  self->avatar = NULL;
  self->new_badge = NULL;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->channel);
  g_clear_object (&self->loader);

  G_OBJECT_CLASS (ssv_channel_card_parent_class)->dispose (object);
}

static void
ssv_channel_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SsvChannelCard *self = SSV_CHANNEL_CARD (object);

  switch (prop_id)
    {
    case PROP_CHANNEL:
      g_value_set_object (value, self->channel);
      break;
    case PROP_LOADER:
      g_value_set_object (value, self->loader);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_channel_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SsvChannelCard *self = SSV_CHANNEL_CARD (object);

  switch (prop_id)
    {
    case PROP_CHANNEL:
      if (g_set_object (&self->channel, g_value_get_object (value)))
        {
          show_channel (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_LOADER:
      g_set_object (&self->loader, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_channel_card_class_init (SsvChannelCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_channel_card_dispose;
  object_class->get_property = ssv_channel_card_get_property;
  object_class->set_property = ssv_channel_card_set_property;

  properties[PROP_CHANNEL] =
    g_param_spec_object ("channel", NULL, NULL, SSV_TYPE_CHANNEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Set before the channel: the avatar loads when the channel is set. */
  properties[PROP_LOADER] =
    g_param_spec_object ("loader", NULL, NULL, SSV_TYPE_TEXTURE_LOADER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-channel-card.ui");
  ssv_widget_class_bind_closures (widget_class);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelCard, box);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelCard, avatar);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelCard, new_badge);
  gtk_widget_class_bind_template_callback (widget_class, details_text);
  gtk_widget_class_bind_template_callback (widget_class, new_text);

  gtk_widget_class_install_action (widget_class, "channel-card.unfollow", NULL, unfollow_action);
}

static void
ssv_channel_card_init (SsvChannelCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_channel_card_new:
 * @loader: (nullable): where the avatar comes from; without one, initials only
 */
GtkWidget *
ssv_channel_card_new (SsvChannel       *channel,
                      SsvTextureLoader *loader)
{
  return g_object_new (SSV_TYPE_CHANNEL_CARD, "loader", loader, "channel", channel, NULL);
}
