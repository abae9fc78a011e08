/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-preferences-window.c: Preferences. The template lists the pages and hands each the
 * context; the pages fill themselves. */

#include "config.h"

#include "preferences/ssv-acquire-preferences.h"
#include "preferences/ssv-downloads-preferences.h"
#include "preferences/ssv-general-preferences.h"
#include "preferences/ssv-metadata-preferences.h"
#include "preferences/ssv-preferences-window.h"
#include "preferences/ssv-sources-preferences.h"
#include "preferences/ssv-tasks-preferences.h"

struct _SsvPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SsvContext           *context;

  /* Template widgets, in the order they show */
  AdwPreferencesPage   *general_page;
  AdwPreferencesPage   *sources_page;
  AdwPreferencesPage   *metadata_page;
  AdwPreferencesPage   *downloads_page;
  AdwPreferencesPage   *acquire_page;
  AdwPreferencesPage   *tasks_page;
};

G_DEFINE_FINAL_TYPE (SsvPreferencesWindow, ssv_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ssv_preferences_window_show_page:
 * @page_name: "general", "sources", "metadata", "downloads", "acquire" or "tasks"
 *
 * Returns: %TRUE if that page shows now; %FALSE if there is none, or it has
 *   nothing to show yet (Downloads lists its profiles once they are read)
 */
gboolean
ssv_preferences_window_show_page (SsvPreferencesWindow *self,
                                  const char           *page_name)
{
  AdwPreferencesPage *pages[] = { self->general_page, self->sources_page,
                                  self->metadata_page, self->downloads_page,
                                  self->acquire_page, self->tasks_page };

  g_return_val_if_fail (SSV_IS_PREFERENCES_WINDOW (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (g_strcmp0 (adw_preferences_page_get_name (pages[i]), page_name) != 0)
        continue;
      if (!gtk_widget_get_visible (GTK_WIDGET (pages[i])))
        return FALSE;

      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), pages[i]);
      return TRUE;
    }

  return FALSE;
}

/**
 * ssv_preferences_window_show_key:
 * @provider: a metadata worker's name, "tmdb"
 *
 * Shows Metadata with the keyboard in @provider's key row.
 */
gboolean
ssv_preferences_window_show_key (SsvPreferencesWindow *self,
                                 const char           *provider)
{
  g_return_val_if_fail (SSV_IS_PREFERENCES_WINDOW (self), FALSE);

  return ssv_preferences_window_show_page (self, "metadata")
         && ssv_metadata_preferences_focus_key (SSV_METADATA_PREFERENCES (self->metadata_page), provider);
}

static void
ssv_preferences_window_dispose (GObject *object)
{
  SsvPreferencesWindow *self = SSV_PREFERENCES_WINDOW (object);

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (ssv_preferences_window_parent_class)->dispose (object);
}

static void
ssv_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SsvPreferencesWindow *self = SSV_PREFERENCES_WINDOW (object);

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
ssv_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SsvPreferencesWindow *self = SSV_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      /* Announced, so the template's bindings hand it to the pages. */
      self->context = g_value_dup_object (value);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_preferences_window_class_init (SsvPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_preferences_window_dispose;
  object_class->get_property = ssv_preferences_window_get_property;
  object_class->set_property = ssv_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SSV_TYPE_GENERAL_PREFERENCES);
  g_type_ensure (SSV_TYPE_SOURCES_PREFERENCES);
  g_type_ensure (SSV_TYPE_METADATA_PREFERENCES);
  g_type_ensure (SSV_TYPE_DOWNLOADS_PREFERENCES);
  g_type_ensure (SSV_TYPE_ACQUIRE_PREFERENCES);
  g_type_ensure (SSV_TYPE_TASKS_PREFERENCES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/preferences/ssv-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvPreferencesWindow, general_page);
  gtk_widget_class_bind_template_child (widget_class, SsvPreferencesWindow, sources_page);
  gtk_widget_class_bind_template_child (widget_class, SsvPreferencesWindow, metadata_page);
  gtk_widget_class_bind_template_child (widget_class, SsvPreferencesWindow, downloads_page);
  gtk_widget_class_bind_template_child (widget_class, SsvPreferencesWindow, acquire_page);
  gtk_widget_class_bind_template_child (widget_class, SsvPreferencesWindow, tasks_page);
}

static void
ssv_preferences_window_init (SsvPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SsvPreferencesWindow *
ssv_preferences_window_new (SsvContext *context)
{
  return g_object_new (SSV_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       NULL);
}
