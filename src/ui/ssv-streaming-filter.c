/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-streaming-filter.c: the wishlist's "not on my streaming services" filter. Active, it
 * reads (in a thread, from what the library file keeps) which wanted titles the services of
 * the streaming-services setting stream in the watch-region, and hides them; meanwhile it
 * asks TMDB, in a thread too, about wanted titles whose offers are old or never read, and
 * reads again when that brings anything. Settings and wishlist changes read again. */

#include "config.h"

#include "model/ssv-wishlist-item.h"
#include "ssv-context.h"
#include "ssv-discovery.h"
#include "ssv-streaming-filter.h"
#include "stores/ssv-streaming-store.h"
#include "stores/ssv-wishlist-store.h"

struct _SsvStreamingFilter
{
  GtkFilter      parent_instance;

  SsvDiscovery  *discovery;
  GSettings     *settings;
  gboolean       active;
  GHashTable    *streamed;          /* ssv_streaming_key()s to hide */
  GCancellable  *read_cancellable;
  GCancellable  *refresh_cancellable;
  char          *problem;
};

G_DEFINE_FINAL_TYPE (SsvStreamingFilter, ssv_streaming_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void read_streamed (SsvStreamingFilter *self);

/* ---- matching --------------------------------------------------------------------- */

static gboolean
ssv_streaming_filter_match (GtkFilter *filter,
                            gpointer   item)
{
  SsvStreamingFilter *self = SSV_STREAMING_FILTER (filter);
  SsvWishlistKind kind;
  g_autofree char *key = NULL;

  if (!self->active || self->streamed == NULL || !SSV_IS_WISHLIST_ITEM (item))
    return TRUE;

  kind = ssv_wishlist_item_get_kind (item);
  if (kind != SSV_WISHLIST_KIND_MOVIE && kind != SSV_WISHLIST_KIND_SHOW)
    return TRUE;
  key = ssv_streaming_key (kind == SSV_WISHLIST_KIND_SHOW, ssv_wishlist_item_get_id (item));
  return !g_hash_table_contains (self->streamed, key);
}

static GtkFilterMatch
ssv_streaming_filter_get_strictness (GtkFilter *filter)
{
  SsvStreamingFilter *self = SSV_STREAMING_FILTER (filter);

  if (!self->active || self->streamed == NULL || g_hash_table_size (self->streamed) == 0)
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

/* ---- reading ------------------------------------------------------------------------ */

static char *
dup_region (SsvStreamingFilter *self)
{
  g_autofree char *region = g_settings_get_string (self->settings, "watch-region");

  return region[0] != '\0' ? g_steal_pointer (&region) : ssv_discovery_dup_watch_region ();
}

static void
set_problem (SsvStreamingFilter *self,
             const char         *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
}

static void
notify_busy (SsvStreamingFilter *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
streamed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SsvStreamingFilter) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) streamed = ssv_discovery_dup_streamed_finish (SSV_DISCOVERY (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->read_cancellable);
  if (streamed == NULL)
    set_problem (self, error->message);
  else
    {
      g_clear_pointer (&self->streamed, g_hash_table_unref);
      self->streamed = g_steal_pointer (&streamed);
    }
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
  notify_busy (self);
}

static void
read_streamed (SsvStreamingFilter *self)
{
  g_autoptr(GVariant) chosen = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *region = NULL;
  const gint32 *values;
  gsize n = 0;

  if (!self->active || self->discovery == NULL)
    return;

  chosen = g_settings_get_value (self->settings, "streaming-services");
  values = g_variant_get_fixed_array (chosen, &n, sizeof (gint32));
  for (gsize i = 0; i < n; i++)
    {
      gint64 id = values[i];

      g_array_append_val (ids, id);
    }

  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  self->read_cancellable = g_cancellable_new ();
  region = dup_region (self);
  ssv_discovery_dup_streamed_async (self->discovery, region, (const gint64 *) (gpointer) ids->data, ids->len,
                                    self->read_cancellable, streamed_cb, g_object_ref (self));
  notify_busy (self);
}

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SsvStreamingFilter) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_read = 0;

  if (!ssv_discovery_refresh_streaming_finish (SSV_DISCOVERY (source), result, &n_read, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->refresh_cancellable);
  set_problem (self, error != NULL ? error->message : NULL);
  if (n_read > 0 || error != NULL)
    read_streamed (self);
  notify_busy (self);
}

/* Offers older than a week (or never read) are asked of TMDB, never on this thread. */
static void
refresh_offers (SsvStreamingFilter *self)
{
  g_autofree char *region = NULL;

  if (!self->active || self->discovery == NULL || self->refresh_cancellable != NULL)
    return;

  self->refresh_cancellable = g_cancellable_new ();
  region = dup_region (self);
  ssv_discovery_refresh_streaming_async (self->discovery, region, SSV_STREAMING_MAX_AGE_S, self->refresh_cancellable,
                                         refreshed_cb, g_object_ref (self));
  notify_busy (self);
}

static void
on_settings_changed (SsvStreamingFilter *self,
                     const char         *key)
{
  if (g_strcmp0 (key, "watch-region") == 0)
    refresh_offers (self);
  read_streamed (self);
}

/* Something joined or left the wishlist: a new title may need its offers. */
static void
on_wishlist_changed (SsvStreamingFilter *self,
                     const char         *detail)
{
  refresh_offers (self);
  read_streamed (self);
}

/* ---- public ------------------------------------------------------------------------ */

gboolean
ssv_streaming_filter_get_active (SsvStreamingFilter *self)
{
  g_return_val_if_fail (SSV_IS_STREAMING_FILTER (self), FALSE);

  return self->active;
}

void
ssv_streaming_filter_set_active (SsvStreamingFilter *self,
                                 gboolean            active)
{
  g_return_if_fail (SSV_IS_STREAMING_FILTER (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  if (active)
    {
      refresh_offers (self);
      read_streamed (self);
    }
  else
    {
      g_cancellable_cancel (self->read_cancellable);
      g_clear_object (&self->read_cancellable);
    }
  gtk_filter_changed (GTK_FILTER (self), active ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/* Whether it is still reading which titles to hide, or asking TMDB. */
gboolean
ssv_streaming_filter_is_busy (SsvStreamingFilter *self)
{
  g_return_val_if_fail (SSV_IS_STREAMING_FILTER (self), FALSE);

  return self->read_cancellable != NULL || self->refresh_cancellable != NULL;
}

/* How many wanted titles the services stream (hidden while active). */
guint
ssv_streaming_filter_get_n_hidden (SsvStreamingFilter *self)
{
  g_return_val_if_fail (SSV_IS_STREAMING_FILTER (self), 0);

  return self->active && self->streamed != NULL ? g_hash_table_size (self->streamed) : 0;
}

/* Returns: (nullable): why offers could not be read or refreshed, in plain words */
const char *
ssv_streaming_filter_get_problem (SsvStreamingFilter *self)
{
  g_return_val_if_fail (SSV_IS_STREAMING_FILTER (self), NULL);

  return self->problem;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
ssv_streaming_filter_dispose (GObject *object)
{
  SsvStreamingFilter *self = SSV_STREAMING_FILTER (object);

  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->discovery);

  G_OBJECT_CLASS (ssv_streaming_filter_parent_class)->dispose (object);
}

static void
ssv_streaming_filter_finalize (GObject *object)
{
  SsvStreamingFilter *self = SSV_STREAMING_FILTER (object);

  g_clear_pointer (&self->streamed, g_hash_table_unref);
  g_free (self->problem);

  G_OBJECT_CLASS (ssv_streaming_filter_parent_class)->finalize (object);
}

static void
ssv_streaming_filter_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SsvStreamingFilter *self = SSV_STREAMING_FILTER (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, ssv_streaming_filter_is_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_streaming_filter_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ACTIVE:
      ssv_streaming_filter_set_active (SSV_STREAMING_FILTER (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_streaming_filter_class_init (SsvStreamingFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = ssv_streaming_filter_dispose;
  object_class->finalize = ssv_streaming_filter_finalize;
  object_class->get_property = ssv_streaming_filter_get_property;
  object_class->set_property = ssv_streaming_filter_set_property;
  filter_class->match = ssv_streaming_filter_match;
  filter_class->get_strictness = ssv_streaming_filter_get_strictness;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssv_streaming_filter_init (SsvStreamingFilter *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::streaming-services", G_CALLBACK (on_settings_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::watch-region", G_CALLBACK (on_settings_changed), self,
                           G_CONNECT_SWAPPED);
}

/**
 * ssv_streaming_filter_new:
 * @context: whose discovery service and wishlist it reads
 */
SsvStreamingFilter *
ssv_streaming_filter_new (SsvContext *context)
{
  SsvStreamingFilter *self = g_object_new (SSV_TYPE_STREAMING_FILTER, NULL);

  self->discovery = g_object_ref (ssv_context_get_discovery (context));
  g_signal_connect_object (ssv_context_get_wishlist_store (context), "changed", G_CALLBACK (on_wishlist_changed), self,
                           G_CONNECT_SWAPPED);
  return self;
}
