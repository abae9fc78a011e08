/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-page.c: base of the pages the window shows. */

#include "config.h"

#include "ssv-page.h"
#include "ssv-reload-gate.h"
#include "ssv-ui-utils.h"
#include "ssv-utils.h"

typedef struct
{
  SsvContext    *context;
  char          *name;
  char          *title;
  char          *subtitle;
  char          *icon_name;
  /* Filled at first show; a burst of store changes (a scan, a follow) becomes one reload. */
  SsvReloadGate *reload_gate;
  gboolean       waits;   /* not ready: its first read has not come yet */
} SsvPagePrivate;

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_NAME,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ICON_NAME,
  PROP_HEADER_WIDGET,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (SsvPage, ssv_page, ADW_TYPE_BIN)

static void
ssv_page_dispose (GObject *object)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (SSV_PAGE (object));

  /* Pages are AdwBins whose template sets the child. gtk_widget_dispose_template()
   * would unparent that child behind AdwBin's back (libadwaita 1.2 then unparents
   * it again), so templates of pages are torn down through the bin instead. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  g_clear_object (&priv->context);
  ssv_reload_gate_unqueue (priv->reload_gate);

  G_OBJECT_CLASS (ssv_page_parent_class)->dispose (object);
}

static void
ssv_page_finalize (GObject *object)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (SSV_PAGE (object));

  g_free (priv->name);
  g_free (priv->title);
  g_free (priv->subtitle);
  g_free (priv->icon_name);
  g_clear_object (&priv->reload_gate);

  G_OBJECT_CLASS (ssv_page_parent_class)->finalize (object);
}

static void
ssv_page_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SsvPage *self = SSV_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, ssv_page_get_context (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, ssv_page_get_name (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, ssv_page_get_title (self));
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, ssv_page_get_subtitle (self));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, ssv_page_get_icon_name (self));
      break;
    case PROP_HEADER_WIDGET:
      g_value_set_object (value, ssv_page_get_header_widget (self));
      break;
    case PROP_READY:
      g_value_set_boolean (value, ssv_page_get_ready (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_page_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SsvPage *self = SSV_PAGE (object);
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;
    case PROP_NAME:
      priv->name = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      ssv_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      ssv_page_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_ICON_NAME:
      priv->icon_name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_page_class_init (SsvPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_page_dispose;
  object_class->finalize = ssv_page_finalize;
  object_class->get_property = ssv_page_get_property;
  object_class->set_property = ssv_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* What the window's header shows at its end while this page is visible. */
  properties[PROP_HEADER_WIDGET] =
    g_param_spec_object ("header-widget", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * SsvPage:ready:
   *
   * Whether the page has something to show. A page pushed while it is not waits
   * this long, a moment at most, under the page left (see ssv_page_set_ready()).
   */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
on_reload (SsvPage *self)
{
  SSV_PAGE_GET_CLASS (self)->load (self);
}

static void
ssv_page_init (SsvPage *self)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  priv->reload_gate = ssv_reload_gate_new (SSV_RELOAD_GATE_DELAY_MS);
  g_signal_connect_swapped (priv->reload_gate, "reload", G_CALLBACK (on_reload), self);
}

/* Sidebar pages say once, in class_init, who they are. */
void
ssv_page_class_set_info (SsvPageClass *klass,
                         const char   *name,
                         const char   *title,
                         const char   *icon_name)
{
  klass->page_name = name;
  klass->page_title = g_strdup (title);
  klass->page_icon_name = icon_name;
}

SsvContext *
ssv_page_get_context (SsvPage *self)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  return priv->context;
}

const char *
ssv_page_get_name (SsvPage *self)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  return priv->name ? priv->name : SSV_PAGE_GET_CLASS (self)->page_name;
}

const char *
ssv_page_get_title (SsvPage *self)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  return priv->title ? priv->title : SSV_PAGE_GET_CLASS (self)->page_title;
}

void
ssv_page_set_title (SsvPage    *self,
                    const char *title)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  if (ssv_set_str (&priv->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* A second line under the title in the window's header, or NULL. */
const char *
ssv_page_get_subtitle (SsvPage *self)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  return priv->subtitle;
}

void
ssv_page_set_subtitle (SsvPage    *self,
                       const char *subtitle)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  if (ssv_set_str (&priv->subtitle, subtitle))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

const char *
ssv_page_get_icon_name (SsvPage *self)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  return priv->icon_name ? priv->icon_name : SSV_PAGE_GET_CLASS (self)->page_icon_name;
}

GtkWidget *
ssv_page_get_header_widget (SsvPage *self)
{
  SsvPageClass *klass = SSV_PAGE_GET_CLASS (self);

  return klass->get_header_widget ? klass->get_header_widget (self) : NULL;
}

/* Whether the page has something to show yet; see ssv_page_set_ready(). */
gboolean
ssv_page_get_ready (SsvPage *self)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  g_return_val_if_fail (SSV_IS_PAGE (self), TRUE);

  return !priv->waits;
}

/**
 * ssv_page_set_ready:
 *
 * A page that reads its first content from a store (quick, but not before the next
 * frame) says it is not ready until the read came: the window then keeps the page
 * left on screen that moment, instead of drawing a blank page first and the content
 * in a second frame. Pages are ready unless they say otherwise.
 */
void
ssv_page_set_ready (SsvPage  *self,
                    gboolean  ready)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  g_return_if_fail (SSV_IS_PAGE (self));

  if (priv->waits == !ready)
    return;
  priv->waits = !ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

void
ssv_page_shown (SsvPage *self)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);
  SsvPageClass *klass = SSV_PAGE_GET_CLASS (self);

  if (!ssv_reload_gate_get_open (priv->reload_gate))
    {
      ssv_reload_gate_open (priv->reload_gate);
      if (klass->load != NULL)
        klass->load (self);
    }

  if (klass->shown != NULL)
    klass->shown (self);
}

/**
 * ssv_page_queue_reload:
 *
 * Runs the page's load vfunc again a moment from now, once however often it is
 * called meanwhile. A page not loaded yet needs nothing: its first show loads.
 */
void
ssv_page_queue_reload (SsvPage *self)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  g_return_if_fail (SSV_IS_PAGE (self));
  g_return_if_fail (SSV_PAGE_GET_CLASS (self)->load != NULL);

  ssv_reload_gate_queue (priv->reload_gate);
}

gboolean
ssv_page_get_reload_queued (SsvPage *self)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  g_return_val_if_fail (SSV_IS_PAGE (self), FALSE);

  return ssv_reload_gate_get_queued (priv->reload_gate);
}

/* For a page that reloads now on its own: the queued reload is not needed. */
void
ssv_page_unqueue_reload (SsvPage *self)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  g_return_if_fail (SSV_IS_PAGE (self));

  ssv_reload_gate_unqueue (priv->reload_gate);
}

/**
 * ssv_page_is_loaded:
 *
 * Whether the page has been filled (it has been shown once). Until then a change
 * in a store needs no reload: the first show loads what is current.
 */
gboolean
ssv_page_is_loaded (SsvPage *self)
{
  SsvPagePrivate *priv = ssv_page_get_instance_private (self);

  g_return_val_if_fail (SSV_IS_PAGE (self), FALSE);

  return ssv_reload_gate_get_open (priv->reload_gate);
}

/* Errors reach people as toasts in plain words, through app.toast like every toast. */
void
ssv_page_show_toast (SsvPage    *self,
                     const char *message)
{
  ssv_ui_toast (GTK_WIDGET (self), message);
}
