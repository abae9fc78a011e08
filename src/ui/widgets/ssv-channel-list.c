/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-list.c: followed YouTube channels as cards (avatar, name, counts, unseen
 * uploads), read from the channel store off the UI thread, each opening the channel's page
 * (win.show-channel); a box above them follows a pasted address or @handle through the channel
 * service; Unfollow asks first. The Channels page and the Watchlist's Channels tab both show
 * one. An unfollow takes the card away at once; other changes read again, merged so the
 * untouched cards stay. */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/ssv-channel-list.h"
#include "ssv-channel-follow.h"
#include "ssv-channel-service.h"
#include "ssv-reload-gate.h"
#include "ssv-texture-loader.h"
#include "ssv-ui-utils.h"
#include "widgets/ssv-channel-card.h"
#include "stores/ssv-channel-store.h"
#include "stores/ssv-watchlist-store.h"

struct _SsvChannelList
{
  GtkWidget         parent_instance;

  SsvContext       *context;
  GListStore       *channels;         /* SsvChannel, by title */
  GCancellable     *cancellable;      /* the running read */
  SsvChannelFollow *follow;           /* from the box; NULL without a context */
  SsvReloadGate    *reload_gate;      /* open once the first read began */
  gboolean          loaded;           /* a read came back: the cards show */

  GtkWidget        *box;              /* the template's child: unparented at dispose */
  GtkEditable      *entry;
  GtkSpinner       *spinner;
  GtkLabel         *error_label;
  GtkStack         *stack;
  GtkSpinner       *loading_spinner;
  AdwStatusPage    *error_page;
  GtkFlowBox       *flow;
};

G_DEFINE_FINAL_TYPE (SsvChannelList, ssv_channel_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- loading ------------------------------------------------------------------------ */

static void
set_state (SsvChannelList *self,
           const char     *state)
{
  gtk_spinner_set_spinning (self->loading_spinner, g_strcmp0 (state, "loading") == 0);
  gtk_stack_set_visible_child_name (self->stack, state);
}

static void
update_state (SsvChannelList *self)
{
  set_state (self, g_list_model_get_n_items (G_LIST_MODEL (self->channels)) > 0 ? "grid" : "empty");
}

/* Channels whose words did not change keep their card; the others are swapped. */
static void
merge (SsvChannelList *self,
       GPtrArray      *fresh)
{
  GListModel *known_channels = G_LIST_MODEL (self->channels);
  guint n = g_list_model_get_n_items (known_channels);
  gboolean same_ids = n == fresh->len;

  for (guint i = 0; same_ids && i < n; i++)
    {
      g_autoptr(SsvChannel) known = g_list_model_get_item (known_channels, i);

      same_ids = g_strcmp0 (ssv_channel_get_channel_id (known),
                            ssv_channel_get_channel_id (g_ptr_array_index (fresh, i))) == 0;
    }

  if (!same_ids)
    {
      g_list_store_splice (self->channels, 0, n, fresh->pdata, fresh->len);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SsvChannel) known = g_list_model_get_item (known_channels, i);

      ssv_channel_update_from (known, g_ptr_array_index (fresh, i));
    }
}

static void
list_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SsvChannelList) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) channels = ssv_channel_store_list_finish (SSV_CHANNEL_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (channels == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      set_state (self, "error");
      ssv_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  merge (self, channels);
  self->loaded = TRUE;
  update_state (self);
}

/**
 * ssv_channel_list_reload:
 *
 * Reads the followed channels again; the cards stay until the answer comes.
 */
void
ssv_channel_list_reload (SsvChannelList *self)
{
  g_return_if_fail (SSV_IS_CHANNEL_LIST (self));

  ssv_reload_gate_unqueue (self->reload_gate);
  if (self->context == NULL)
    return;

  ssv_reload_gate_open (self->reload_gate);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (!self->loaded)
    set_state (self, "loading");

  ssv_channel_store_list_channels_async (ssv_context_get_channel_store (self->context), TRUE, self->cancellable,
                                         list_ready_cb, g_object_ref (self));
}

/* Nothing is read before the list first shows; then many changes make one read. */
static void
queue_reload (SsvChannelList *self)
{
  ssv_reload_gate_queue (self->reload_gate);
}

/* A refresh changes counts and dates on the cards. */
static void
on_channels_changed (SsvChannelList *self,
                     const char     *detail)
{
  queue_reload (self);
}

/* An unfollow takes the card away at once; a follow brings the new one with a read. */
static void
on_follow_changed (SsvChannelList    *self,
                   int                kind,
                   const char        *source,
                   const char        *source_id,
                   gboolean           followed,
                   SsvWatchlistStore *store)
{
  if (kind != SSV_WATCH_KIND_CHANNEL)
    return;

  if (followed)
    {
      queue_reload (self);
      return;
    }

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->channels)); i > 0; i--)
    {
      g_autoptr(SsvChannel) channel = g_list_model_get_item (G_LIST_MODEL (self->channels), i - 1);

      if (g_strcmp0 (ssv_channel_get_channel_id (channel), source_id) == 0)
        g_list_store_remove (self->channels, i - 1);
    }

  if (self->loaded)
    update_state (self);
}

/* ---- cards ---------------------------------------------------------------------------- */

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  SsvChannelList *self = user_data;

  return ssv_channel_card_new (SSV_CHANNEL (item), self->context ? ssv_texture_loader_get_default (self->context)
                                                                 : NULL);
}

/* A card opens the channel's page. */
static void
on_child_activated (SsvChannelList  *self,
                    GtkFlowBoxChild *child)
{
  g_autoptr(SsvChannel) channel = g_list_model_get_item (G_LIST_MODEL (self->channels),
                                                         (guint) gtk_flow_box_child_get_index (child));

  if (channel != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-channel", "s", ssv_channel_get_channel_id (channel));
}

/* ---- following from the box ----------------------------------------------------------- */

/* The card comes with the store's follow-changed. */
static void
on_followed (SsvChannelList *self,
             const char     *channel_id)
{
  gtk_editable_set_text (self->entry, "");
  ssv_ui_toast (GTK_WIDGET (self), _("Channel followed"));
}

/* channels.follow: the address or @handle in the box. */
static void
follow_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsvChannelList *self = SSV_CHANNEL_LIST (widget);

  if (self->follow != NULL)
    ssv_channel_follow_start (self->follow, gtk_editable_get_text (self->entry));
}

static void
on_entry_activate (SsvChannelList *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "channels.follow", NULL);
}

static void
on_entry_changed (SsvChannelList *self)
{
  if (self->follow != NULL)
    ssv_channel_follow_clear_error (self->follow);
}

/* ---- unfollowing --------------------------------------------------------------------- */

static void
unfollow_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkWidget) self = user_data;
  g_autoptr(GError) error = NULL;

  /* The card goes with the store's follow-changed; only a failure is told here. */
  if (!ssv_channel_service_unfollow_finish (SSV_CHANNEL_SERVICE (source), result, &error))
    ssv_ui_toast (self, error->message);
}

/* What an open Unfollow question is about. */
typedef struct
{
  GWeakRef  list;
  char     *channel_id;
} Unfollow;

static void
unfollow_free (gpointer  data,
               GClosure *closure)
{
  Unfollow *unfollow = data;

  g_weak_ref_clear (&unfollow->list);
  g_free (unfollow->channel_id);
  g_free (unfollow);
}

static void
on_unfollow_response (AdwMessageDialog *dialog,
                      const char       *response,
                      Unfollow         *asked)
{
  g_autoptr(SsvChannelList) self = g_weak_ref_get (&asked->list);

  /* The list went while the question was open: nothing changes. */
  if (g_strcmp0 (response, "unfollow") != 0 || self == NULL || self->context == NULL)
    return;

  ssv_channel_service_unfollow_async (ssv_context_get_channel_service (self->context), asked->channel_id, NULL,
                                      unfollow_ready_cb, g_object_ref (self));
}

static SsvChannel *
find_channel (SsvChannelList *self,
              const char     *channel_id)
{
  GListModel *channels = G_LIST_MODEL (self->channels);

  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(SsvChannel) channel = g_list_model_get_item (channels, i);

      if (g_strcmp0 (ssv_channel_get_channel_id (channel), channel_id) == 0)
        return channel;   /* the list holds it */
    }
  return NULL;
}

/* channels.unfollow (UC… id): asks, then stops following; saved videos stay. */
static void
unfollow_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SsvChannelList *self = SSV_CHANNEL_LIST (widget);
  const char *channel_id = g_variant_get_string (parameter, NULL);
  SsvChannel *channel = find_channel (self, channel_id);
  GtkRoot *root = gtk_widget_get_root (widget);
  Unfollow *asked;
  const char *title;
  GtkWidget *dialog;

  if (channel == NULL)
    return;

  title = ssv_channel_get_title (channel) != NULL ? ssv_channel_get_title (channel) : channel_id;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Unfollow the Channel?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” leaves the watchlist and its new uploads are no longer looked for. Videos already saved stay."),
                                  title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "unfollow", _("_Unfollow"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unfollow", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  asked = g_new0 (Unfollow, 1);
  g_weak_ref_init (&asked->list, self);
  asked->channel_id = g_strdup (channel_id);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_unfollow_response), asked, unfollow_free, 0);
  ssv_ui_present_window (GTK_WINDOW (dialog), widget);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ssv_channel_list_reload (SSV_CHANNEL_LIST (widget));
}

/* ---- public and for tests --------------------------------------------------------------- */

/* Returns: (transfer none): the SsvChannel items shown, by title */
GListModel *
ssv_channel_list_get_channels (SsvChannelList *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_LIST (self), NULL);

  return G_LIST_MODEL (self->channels);
}

/* "loading", "empty", "error" or "grid". */
const char *
ssv_channel_list_get_state (SsvChannelList *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_LIST (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns: (transfer none): the flow box of cards */
GtkWidget *
ssv_channel_list_get_grid (SsvChannelList *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_LIST (self), NULL);

  return GTK_WIDGET (self->flow);
}

void
ssv_channel_list_set_text (SsvChannelList *self,
                           const char     *text)
{
  g_return_if_fail (SSV_IS_CHANNEL_LIST (self));

  gtk_editable_set_text (self->entry, text);
}

/* Returns: (nullable): the words under the box, if any show */
const char *
ssv_channel_list_get_error (SsvChannelList *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_LIST (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

/* Whether a follow from the box is under way. */
gboolean
ssv_channel_list_is_following (SsvChannelList *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_LIST (self), FALSE);

  return self->follow != NULL && ssv_channel_follow_get_busy (self->follow);
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
ssv_channel_list_map (GtkWidget *widget)
{
  SsvChannelList *self = SSV_CHANNEL_LIST (widget);

  GTK_WIDGET_CLASS (ssv_channel_list_parent_class)->map (widget);

  if (!self->loaded && self->cancellable == NULL)
    ssv_channel_list_reload (self);
}

static void
ssv_channel_list_constructed (GObject *object)
{
  SsvChannelList *self = SSV_CHANNEL_LIST (object);

  G_OBJECT_CLASS (ssv_channel_list_parent_class)->constructed (object);

  gtk_flow_box_bind_model (self->flow, G_LIST_MODEL (self->channels), create_card, self, NULL);

  if (self->context == NULL)
    {
      set_state (self, "empty");
      return;
    }

  self->follow = ssv_channel_follow_new (ssv_context_get_channel_service (self->context));
  ssv_channel_follow_bind (self->follow, GTK_WIDGET (self), "channels.follow", self->entry, self->spinner,
                           self->error_label);
  g_signal_connect_object (self->follow, "followed", G_CALLBACK (on_followed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (ssv_context_get_watchlist_store (self->context), "follow-changed",
                           G_CALLBACK (on_follow_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_channel_store (self->context), "changed::channel",
                           G_CALLBACK (on_channels_changed), self, G_CONNECT_SWAPPED);
}

static void
ssv_channel_list_dispose (GObject *object)
{
  SsvChannelList *self = SSV_CHANNEL_LIST (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->follow != NULL)
    ssv_channel_follow_cancel (self->follow);
  g_clear_object (&self->follow);
  ssv_reload_gate_unqueue (self->reload_gate);
  if (self->flow != NULL)
    gtk_flow_box_bind_model (self->flow, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_CHANNEL_LIST);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ssv_channel_list_parent_class)->dispose (object);
}

static void
ssv_channel_list_finalize (GObject *object)
{
  SsvChannelList *self = SSV_CHANNEL_LIST (object);

  g_clear_object (&self->channels);
  g_clear_object (&self->reload_gate);

  G_OBJECT_CLASS (ssv_channel_list_parent_class)->finalize (object);
}

static void
ssv_channel_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SsvChannelList *self = SSV_CHANNEL_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_channel_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SsvChannelList *self = SSV_CHANNEL_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_channel_list_class_init (SsvChannelListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_channel_list_constructed;
  object_class->dispose = ssv_channel_list_dispose;
  object_class->finalize = ssv_channel_list_finalize;
  object_class->get_property = ssv_channel_list_get_property;
  object_class->set_property = ssv_channel_list_set_property;
  widget_class->map = ssv_channel_list_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-channel-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvChannelList, box);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelList, entry);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelList, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelList, error_label);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelList, stack);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelList, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelList, error_page);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelList, flow);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_child_activated);

  gtk_widget_class_install_action (widget_class, "channels.follow", NULL, follow_action);
  gtk_widget_class_install_action (widget_class, "channels.unfollow", "s", unfollow_action);
  gtk_widget_class_install_action (widget_class, "channels.reload", NULL, reload_action);
}

static void
ssv_channel_list_init (SsvChannelList *self)
{
  self->channels = g_list_store_new (SSV_TYPE_CHANNEL);
  self->reload_gate = ssv_reload_gate_new (SSV_RELOAD_GATE_DELAY_MS);
  g_signal_connect_swapped (self->reload_gate, "reload", G_CALLBACK (ssv_channel_list_reload), self);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_channel_list_new:
 * @context: (nullable): where the channels are read; without one the list stays empty
 */
GtkWidget *
ssv_channel_list_new (SsvContext *context)
{
  return g_object_new (SSV_TYPE_CHANNEL_LIST, "context", context, NULL);
}
