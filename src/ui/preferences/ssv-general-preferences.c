/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-general-preferences.c: the General page of Preferences: style, library file, background.
 * The switches are bound to GSettings; Start at Login writes an autostart file, or asks the
 * Background portal inside Flatpak. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-autostart.h"
#include "preferences/ssv-general-preferences.h"
#include "ssv-ui-utils.h"
#include "ssv-database.h"

struct _SsvGeneralPreferences
{
  SsvPreferencesPage  parent_instance;

  GSettings          *settings;

  /* Template widgets */
  AdwComboRow        *style_row;
  AdwActionRow       *library_row;
  GtkSwitch          *notify_switch;
  GtkSwitch          *background_switch;
  GtkSwitch          *autostart_switch;
};

G_DEFINE_FINAL_TYPE (SsvGeneralPreferences, ssv_general_preferences, SSV_TYPE_PREFERENCES_PAGE)

/* The rows of the Style combo, in order, as the "color-scheme" key spells them. */
static const char * const schemes[] = { "default", "light", "dark" };

static gboolean
scheme_to_selected (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, 0);
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_str_equal (scheme, schemes[i]))
      g_value_set_uint (value, i);

  return TRUE;
}

static GVariant *
selected_to_scheme (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (schemes[selected < G_N_ELEMENTS (schemes) ? selected : 0]);
}

static void on_autostart_toggled (SsvGeneralPreferences *self);

static void
on_autostart_set (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SsvGeneralPreferences) self = user_data;
  g_autoptr(GError) error = NULL;

  if (ssv_autostart_set_enabled_finish (result, &error))
    return;

  /* Refused or failed: the switch shows what is true, and the toast says why. */
  ssv_ui_toast (GTK_WIDGET (self), error->message);
  g_signal_handlers_block_by_func (self->autostart_switch, on_autostart_toggled, self);
  gtk_switch_set_active (self->autostart_switch, ssv_autostart_is_enabled ());
  g_signal_handlers_unblock_by_func (self->autostart_switch, on_autostart_toggled, self);
}

static void
on_autostart_toggled (SsvGeneralPreferences *self)
{
  gboolean active = gtk_switch_get_active (self->autostart_switch);

  if (active == ssv_autostart_is_enabled ())
    return;

  /* Inside Flatpak the Background portal may ask the person first. */
  ssv_autostart_set_enabled_async (active, NULL, on_autostart_set, g_object_ref (self));
}

static void
ssv_general_preferences_load (SsvPreferencesPage *page,
                              SsvContext         *context)
{
  SsvGeneralPreferences *self = SSV_GENERAL_PREFERENCES (page);

  adw_action_row_set_subtitle (self->library_row, ssv_database_get_path (ssv_context_get_database (context)));
}

static void
ssv_general_preferences_dispose (GObject *object)
{
  SsvGeneralPreferences *self = SSV_GENERAL_PREFERENCES (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_GENERAL_PREFERENCES);

  G_OBJECT_CLASS (ssv_general_preferences_parent_class)->dispose (object);
}

static void
ssv_general_preferences_class_init (SsvGeneralPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsvPreferencesPageClass *page_class = SSV_PREFERENCES_PAGE_CLASS (klass);

  object_class->dispose = ssv_general_preferences_dispose;
  page_class->load = ssv_general_preferences_load;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/preferences/ssv-general-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvGeneralPreferences, style_row);
  gtk_widget_class_bind_template_child (widget_class, SsvGeneralPreferences, library_row);
  gtk_widget_class_bind_template_child (widget_class, SsvGeneralPreferences, notify_switch);
  gtk_widget_class_bind_template_child (widget_class, SsvGeneralPreferences, background_switch);
  gtk_widget_class_bind_template_child (widget_class, SsvGeneralPreferences, autostart_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_autostart_toggled);
}

static void
ssv_general_preferences_init (SsvGeneralPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, scheme_to_selected, selected_to_scheme,
                                NULL, NULL);
  g_settings_bind (self->settings, "notify-aired", self->notify_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "run-in-background", self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_handlers_block_by_func (self->autostart_switch, on_autostart_toggled, self);
  gtk_switch_set_active (self->autostart_switch, ssv_autostart_is_enabled ());
  g_signal_handlers_unblock_by_func (self->autostart_switch, on_autostart_toggled, self);
}
