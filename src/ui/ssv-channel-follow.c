/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-follow.c: follows a YouTube channel from a pasted address or @handle through
 * the channel service's thread (cache-first, as `channel follow` does). Its box shows a
 * spinner while it reads and the service's words under the entry when the address is not a
 * channel's; "followed" says when it worked. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-channel-follow.h"
#include "ssv-channel-service.h"
#include "ssv-thread.h"
#include "ssv-utils.h"

struct _SsvChannelFollow
{
  GObject            parent_instance;

  SsvChannelService *service;
  GCancellable      *cancellable;   /* the follow under way */
  char              *error;
  char              *followed;      /* UC… of the last channel followed */

  /* The box it runs in (ssv_channel_follow_bind()): weak, the box owns this. */
  GtkWidget         *owner;
  char              *action_name;
  GtkEditable       *entry;
};

G_DEFINE_FINAL_TYPE (SsvChannelFollow, ssv_channel_follow, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_ERROR,
  N_PROPS
};

enum {
  FOLLOWED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_error (SsvChannelFollow *self,
           const char       *message)
{
  if (!ssv_set_str (&self->error, message))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  /* The person pastes something else. */
  if (message != NULL && self->entry != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
set_cancellable (SsvChannelFollow *self,
                 GCancellable     *cancellable)
{
  gboolean was_busy = self->cancellable != NULL;

  g_set_object (&self->cancellable, cancellable);
  if (was_busy == (cancellable != NULL))
    return;

  if (self->owner != NULL && self->action_name != NULL)
    gtk_widget_action_set_enabled (self->owner, self->action_name, cancellable == NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
follow_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SsvChannelFollow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = ssv_channel_service_follow_finish (SSV_CHANNEL_SERVICE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_cancellable (self, NULL);

  /* The service's words say what to paste instead. */
  if (id == NULL)
    {
      set_error (self, error->message);
      return;
    }

  ssv_set_str (&self->followed, id);
  g_signal_emit (self, signals[FOLLOWED], 0, id);
}

/**
 * ssv_channel_follow_start:
 * @text: what the person pasted: a channel's address or @handle
 *
 * Follows the channel, unless a follow is under way already. Empty text gets words
 * saying what to paste.
 */
void
ssv_channel_follow_start (SsvChannelFollow *self,
                          const char       *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GCancellable) cancellable = NULL;

  g_return_if_fail (SSV_IS_CHANNEL_FOLLOW (self));
  g_assert (SSV_IS_MAIN_THREAD ());

  if (self->cancellable != NULL)
    return;

  if (*stripped == '\0')
    {
      set_error (self, _("Paste a channel’s address, such as https://www.youtube.com/@name, or its @handle."));
      return;
    }

  set_error (self, NULL);
  cancellable = g_cancellable_new ();
  set_cancellable (self, cancellable);
  ssv_channel_service_follow_async (self->service, stripped, cancellable, follow_ready_cb, g_object_ref (self));
}

/* Its box goes: the follow under way, if any, stops, and the box is left alone. */
void
ssv_channel_follow_cancel (SsvChannelFollow *self)
{
  g_return_if_fail (SSV_IS_CHANNEL_FOLLOW (self));

  self->owner = NULL;
  self->entry = NULL;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  set_cancellable (self, NULL);
}

/* The entry changed: the words about the last try go. */
void
ssv_channel_follow_clear_error (SsvChannelFollow *self)
{
  g_return_if_fail (SSV_IS_CHANNEL_FOLLOW (self));

  set_error (self, NULL);
}

/* Whether a follow is under way (the spinner turns). */
gboolean
ssv_channel_follow_get_busy (SsvChannelFollow *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_FOLLOW (self), FALSE);

  return self->cancellable != NULL;
}

/* Returns: (nullable): why the last follow did not work, in plain words */
const char *
ssv_channel_follow_get_error (SsvChannelFollow *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_FOLLOW (self), NULL);

  return self->error;
}

/* Returns: (nullable): the UC… id of the last channel followed */
const char *
ssv_channel_follow_get_followed (SsvChannelFollow *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_FOLLOW (self), NULL);

  return self->followed;
}

/* ---- the box ----------------------------------------------------------------------- */

static gboolean
error_text (GBinding     *binding,
            const GValue *from,
            GValue       *to,
            gpointer      user_data)
{
  const char *error = g_value_get_string (from);

  g_value_set_string (to, error != NULL ? error : "");
  return TRUE;
}

static gboolean
error_shows (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_string (from) != NULL);
  return TRUE;
}

/**
 * ssv_channel_follow_bind:
 * @owner: the widget whose @action_name (the Follow button's) follows; disabled while busy
 *
 * Shows the follow in its box: the spinner turns and the entry is read-only while it
 * runs, the reason it failed shows in @error_label, and the entry takes the focus then.
 * @owner owns @self and its widgets outlive it.
 */
void
ssv_channel_follow_bind (SsvChannelFollow *self,
                         GtkWidget        *owner,
                         const char       *action_name,
                         GtkEditable      *entry,
                         GtkSpinner       *spinner,
                         GtkLabel         *error_label)
{
  g_return_if_fail (SSV_IS_CHANNEL_FOLLOW (self));
  g_return_if_fail (self->owner == NULL);

  self->owner = owner;
  self->action_name = g_strdup (action_name);
  self->entry = entry;

  g_object_bind_property (self, "busy", spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "busy", spinner, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "busy", entry, "editable", G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property_full (self, "error", error_label, "label", G_BINDING_SYNC_CREATE,
                               error_text, NULL, NULL, NULL);
  g_object_bind_property_full (self, "error", error_label, "visible", G_BINDING_SYNC_CREATE,
                               error_shows, NULL, NULL, NULL);
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
ssv_channel_follow_dispose (GObject *object)
{
  SsvChannelFollow *self = SSV_CHANNEL_FOLLOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->service);
  self->owner = NULL;
  self->entry = NULL;

  G_OBJECT_CLASS (ssv_channel_follow_parent_class)->dispose (object);
}

static void
ssv_channel_follow_finalize (GObject *object)
{
  SsvChannelFollow *self = SSV_CHANNEL_FOLLOW (object);

  g_free (self->error);
  g_free (self->followed);
  g_free (self->action_name);

  G_OBJECT_CLASS (ssv_channel_follow_parent_class)->finalize (object);
}

static void
ssv_channel_follow_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SsvChannelFollow *self = SSV_CHANNEL_FOLLOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, ssv_channel_follow_get_busy (self));
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_channel_follow_class_init (SsvChannelFollowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_channel_follow_dispose;
  object_class->finalize = ssv_channel_follow_finalize;
  object_class->get_property = ssv_channel_follow_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsvChannelFollow::followed:
   * @channel_id: the UC… id of the channel now followed
   */
  signals[FOLLOWED] = g_signal_new ("followed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ssv_channel_follow_init (SsvChannelFollow *self)
{
}

SsvChannelFollow *
ssv_channel_follow_new (SsvChannelService *service)
{
  SsvChannelFollow *self = g_object_new (SSV_TYPE_CHANNEL_FOLLOW, NULL);

  self->service = g_object_ref (service);

  return self;
}
