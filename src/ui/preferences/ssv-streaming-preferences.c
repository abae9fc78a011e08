/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-streaming-preferences.c: Where to Watch in Preferences → Metadata. The region is the
 * watch-region setting (empty: the language settings' country); the services TMDB lists for
 * it come through the discovery service in a thread, each a row whose switch names a
 * stateful action of this group; the chosen ones are the streaming-services setting. */

#include "config.h"

#include <glib/gi18n.h>

#include "preferences/ssv-streaming-preferences.h"
#include "providers/ssv-tmdb-discover.h"
#include "ssv-context.h"
#include "ssv-discovery.h"
#include "ssv-ui-utils.h"

struct _SsvStreamingPreferences
{
  AdwPreferencesGroup  parent_instance;

  SsvDiscovery        *discovery;
  GSettings           *settings;
  GCancellable        *cancellable;
  GSimpleActionGroup  *services;      /* "p<TMDB id>": on when chosen */
  GPtrArray           *rows;
  char                *problem;

  AdwEntryRow         *region_row;
  AdwExpanderRow      *services_row;
  GtkSpinner          *spinner;
};

G_DEFINE_FINAL_TYPE (SsvStreamingPreferences, ssv_streaming_preferences, ADW_TYPE_PREFERENCES_GROUP)

static void load_services (SsvStreamingPreferences *self);

/* ---- the chosen services ---------------------------------------------------------- */

static gboolean
is_chosen (SsvStreamingPreferences *self,
           gint64                   id)
{
  g_autoptr(GVariant) chosen = g_settings_get_value (self->settings, "streaming-services");
  gsize n = 0;
  const gint32 *ids = g_variant_get_fixed_array (chosen, &n, sizeof (gint32));

  for (gsize i = 0; i < n; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

static void
describe_choice (SsvStreamingPreferences *self)
{
  g_autoptr(GVariant) chosen = g_settings_get_value (self->settings, "streaming-services");
  gsize n = g_variant_n_children (chosen);
  g_autofree char *words = NULL;

  if (self->problem != NULL)
    {
      adw_expander_row_set_subtitle (self->services_row, self->problem);
      return;
    }
  words = n == 0 ? g_strdup (_("None chosen"))
                 : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chosen", "%u chosen", (gulong) n), (guint) n);
  adw_expander_row_set_subtitle (self->services_row, words);
}

/* A switch flipped: the setting gains or loses the service. */
static void
on_service_change_state (GSimpleAction *action,
                         GVariant      *state,
                         gpointer       user_data)
{
  SsvStreamingPreferences *self = user_data;
  gint64 id = g_ascii_strtoll (g_action_get_name (G_ACTION (action)) + 1, NULL, 10);
  g_autoptr(GVariant) chosen = g_settings_get_value (self->settings, "streaming-services");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint32));
  gboolean on = g_variant_get_boolean (state);
  gsize n = 0;
  const gint32 *old = g_variant_get_fixed_array (chosen, &n, sizeof (gint32));
  gint32 id32 = (gint32) id;

  for (gsize i = 0; i < n; i++)
    if (old[i] != id32)
      g_array_append_val (ids, old[i]);
  if (on)
    g_array_append_val (ids, id32);

  g_settings_set_value (self->settings, "streaming-services",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, ids->data, ids->len, sizeof (gint32)));
  g_simple_action_set_state (action, state);
  describe_choice (self);
}

/* ---- the services TMDB lists -------------------------------------------------------- */

static void
clear_rows (SsvStreamingPreferences *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      g_autofree char *name = g_strdup (gtk_widget_get_name (row));

      adw_expander_row_remove (self->services_row, row);
      g_action_map_remove_action (G_ACTION_MAP (self->services), name);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_service (SsvStreamingPreferences *self,
             const SsvWatchProvider  *service)
{
  g_autofree char *name = g_strdup_printf ("p%" G_GINT64_FORMAT, service->id);
  g_autofree char *action_name = g_strdup_printf ("services.%s", name);
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (name, NULL,
                                                                  g_variant_new_boolean (is_chosen (self, service->id)));
  g_autofree char *title = g_markup_escape_text (service->name, -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  g_signal_connect_object (action, "change-state", G_CALLBACK (on_service_change_state), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self->services), G_ACTION (action));

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (toggle), action_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, service->name, -1);
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_expander_row_add_row (self->services_row, row);
  g_ptr_array_add (self->rows, row);
}

static void
services_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SsvStreamingPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = ssv_discovery_streaming_services_finish (SSV_DISCOVERY (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->problem, g_free);
  clear_rows (self);

  if (services == NULL)
    {
      gboolean key = FALSE;

      self->problem = g_strdup (ssv_ui_describe_tmdb_error (error,
        _("TMDB lists the streaming services; it needs an API key (a free one will do) above."),
        _("TMDB lists no streaming services for this country."), &key));
    }
  else if (services->len == 0)
    self->problem = g_strdup (_("TMDB lists no streaming services for this country."));

  for (guint i = 0; services != NULL && i < services->len; i++)
    add_service (self, g_ptr_array_index (services, i));
  describe_choice (self);
}

static void
load_services (SsvStreamingPreferences *self)
{
  g_autofree char *region = g_settings_get_string (self->settings, "watch-region");

  if (self->discovery == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  ssv_discovery_streaming_services_async (self->discovery, region[0] != '\0' ? region : NULL, self->cancellable,
                                          services_ready_cb, g_object_ref (self));
}

/* ---- the region ------------------------------------------------------------------- */

/* Two letters (a country) or nothing (from the language settings); anything else is refused. */
static void
on_region_apply (SsvStreamingPreferences *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->region_row));
  g_autofree char *region = g_ascii_strup (g_strstrip (g_strdup (text)), -1);

  if (region[0] != '\0' && (strlen (region) != 2 || !g_ascii_isalpha (region[0]) || !g_ascii_isalpha (region[1])))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->region_row), "error");
      adw_expander_row_set_subtitle (self->services_row, _("A country is two letters, such as US, GB or DE."));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->region_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->region_row), region);
  g_settings_set_string (self->settings, "watch-region", region);
  load_services (self);
}

/* ---- public ------------------------------------------------------------------------ */

/* Lists the services for the region (TMDB, in a thread): call once the context is known. */
void
ssv_streaming_preferences_set_context (SsvStreamingPreferences *self,
                                       SsvContext              *context)
{
  g_autofree char *region = NULL;

  g_return_if_fail (SSV_IS_STREAMING_PREFERENCES (self));

  g_set_object (&self->discovery, ssv_context_get_discovery (context));
  region = g_settings_get_string (self->settings, "watch-region");
  gtk_editable_set_text (GTK_EDITABLE (self->region_row), region);
  load_services (self);
}

/* Whether TMDB's list is on its way. */
gboolean
ssv_streaming_preferences_is_loading (SsvStreamingPreferences *self)
{
  return self->cancellable != NULL;
}

/* Returns: (nullable): why no services are listed, in the words the row shows */
const char *
ssv_streaming_preferences_get_problem (SsvStreamingPreferences *self)
{
  return self->problem;
}

/* Returns: (transfer none): the row the services' rows are in */
GtkWidget *
ssv_streaming_preferences_get_services (SsvStreamingPreferences *self)
{
  return GTK_WIDGET (self->services_row);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
ssv_streaming_preferences_dispose (GObject *object)
{
  SsvStreamingPreferences *self = SSV_STREAMING_PREFERENCES (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_STREAMING_PREFERENCES);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->services);
  g_clear_object (&self->settings);
  g_clear_object (&self->discovery);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (ssv_streaming_preferences_parent_class)->dispose (object);
}

static void
ssv_streaming_preferences_class_init (SsvStreamingPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_streaming_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/preferences/ssv-streaming-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvStreamingPreferences, region_row);
  gtk_widget_class_bind_template_child (widget_class, SsvStreamingPreferences, services_row);
  gtk_widget_class_bind_template_child (widget_class, SsvStreamingPreferences, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_region_apply);
}

static void
ssv_streaming_preferences_init (SsvStreamingPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->rows = g_ptr_array_new ();
  self->services = g_simple_action_group_new ();
  gtk_widget_insert_action_group (GTK_WIDGET (self), "services", G_ACTION_GROUP (self->services));
  describe_choice (self);
}

GtkWidget *
ssv_streaming_preferences_new (void)
{
  return g_object_new (SSV_TYPE_STREAMING_PREFERENCES, NULL);
}
