/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-preferences-window.c: Preferences, built from the rows features contribute. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-autostart.h"
#include "ssv-metadata-preferences.h"
#include "ssv-preferences-window.h"
#include "ssv-profile-preferences.h"
#include "ssv-sources-preferences.h"

struct _SsvPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SsvContext           *context;
  GSettings            *settings;
  GHashTable           *pages;    /* name → AdwPreferencesPage */
  GHashTable           *groups;   /* "page/group" → AdwPreferencesGroup */
};

G_DEFINE_FINAL_TYPE (SsvPreferencesWindow, ssv_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The pages and groups there can be, in the order they appear. A group is only
 * created when its first row arrives, so an empty group is never shown. */
static const struct
{
  const char *page;
  const char *title;
  const char *icon_name;
} page_info[] = {
  { "general", N_("General"), "preferences-system-symbolic" },
  { "sources", N_("Sources"), "network-server-symbolic" },
  { "metadata", N_("Metadata"), "view-list-bullet-symbolic" },
  { "downloads", N_("Downloads"), "folder-download-symbolic" },
};

static const struct
{
  const char *page;
  const char *group;
  const char *title;
  const char *description;
} group_info[] = {
  { "general", "appearance", N_("Appearance"), NULL },
  { "general", "library", N_("Library"), NULL },
  { "general", "background", N_("Background"), NULL },
  { "sources", "servers", N_("Servers"), N_("Plex and Jellyfin servers to bring titles in from") },
  { "sources", "folders", N_("Folders"), N_("Folders on this computer with movies and shows") },
  { "sources", "scanning", N_("Scanning"), NULL },
  { "metadata", "keys", N_("API Keys"), N_("Keys are kept in your keyring") },
  { "metadata", "language", N_("Language"), NULL },
  { "downloads", "profiles", N_("Quality Profiles"), NULL },
};

static AdwPreferencesPage *
get_page (SsvPreferencesWindow *self,
          const char           *page_name)
{
  AdwPreferencesPage *page = g_hash_table_lookup (self->pages, page_name);

  if (page != NULL)
    return page;

  for (guint i = 0; i < G_N_ELEMENTS (page_info); i++)
    {
      if (g_strcmp0 (page_info[i].page, page_name) != 0)
        continue;

      page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
      adw_preferences_page_set_title (page, _(page_info[i].title));
      adw_preferences_page_set_icon_name (page, page_info[i].icon_name);
      gtk_widget_set_name (GTK_WIDGET (page), page_name);
      g_hash_table_insert (self->pages, g_strdup (page_name), page);
      break;
    }

  g_return_val_if_fail (page != NULL, NULL);

  /* Keep the declared order: re-add every page that exists, in order. */
  for (guint i = 0; i < G_N_ELEMENTS (page_info); i++)
    {
      AdwPreferencesPage *p = g_hash_table_lookup (self->pages, page_info[i].page);

      if (p == NULL)
        continue;
      if (gtk_widget_get_parent (GTK_WIDGET (p)) != NULL)
        {
          g_object_ref (p);
          adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), p);
          adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), p);
          g_object_unref (p);
        }
      else
        adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), p);
    }

  return page;
}

/**
 * ssv_preferences_window_get_group:
 *
 * Returns: (transfer none): the group, created (and shown) on first use
 */
AdwPreferencesGroup *
ssv_preferences_window_get_group (SsvPreferencesWindow *self,
                                  const char           *page_name,
                                  const char           *group_name)
{
  g_autofree char *key = g_strconcat (page_name, "/", group_name, NULL);
  AdwPreferencesGroup *group = g_hash_table_lookup (self->groups, key);
  AdwPreferencesPage *page;

  if (group != NULL)
    return group;

  page = get_page (self, page_name);

  for (guint i = 0; i < G_N_ELEMENTS (group_info); i++)
    {
      if (g_strcmp0 (group_info[i].page, page_name) != 0 ||
          g_strcmp0 (group_info[i].group, group_name) != 0)
        continue;

      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, _(group_info[i].title));
      if (group_info[i].description != NULL)
        adw_preferences_group_set_description (group, _(group_info[i].description));
      gtk_widget_set_name (GTK_WIDGET (group), group_name);
      break;
    }

  g_return_val_if_fail (group != NULL, NULL);

  g_hash_table_insert (self->groups, g_steal_pointer (&key), group);

  /* Re-add the page's groups in the declared order. */
  for (guint i = 0; i < G_N_ELEMENTS (group_info); i++)
    {
      g_autofree char *k = g_strconcat (group_info[i].page, "/", group_info[i].group, NULL);
      AdwPreferencesGroup *g = g_hash_table_lookup (self->groups, k);

      if (g == NULL || g_strcmp0 (group_info[i].page, page_name) != 0)
        continue;
      if (gtk_widget_get_parent (GTK_WIDGET (g)) != NULL)
        {
          g_object_ref (g);
          adw_preferences_page_remove (page, g);
          adw_preferences_page_add (page, g);
          g_object_unref (g);
        }
      else
        adw_preferences_page_add (page, g);
    }

  return group;
}

void
ssv_preferences_window_add_row (SsvPreferencesWindow *self,
                                const char           *page_name,
                                const char           *group_name,
                                GtkWidget            *row)
{
  adw_preferences_group_add (ssv_preferences_window_get_group (self, page_name, group_name), row);
}

gboolean
ssv_preferences_window_show_page (SsvPreferencesWindow *self,
                                  const char           *page_name)
{
  AdwPreferencesPage *page = g_hash_table_lookup (self->pages, page_name);

  if (page == NULL)
    return FALSE;

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), page);
  return TRUE;
}

SsvContext *
ssv_preferences_window_get_context (SsvPreferencesWindow *self)
{
  return self->context;
}

static void
on_color_scheme_selected (AdwComboRow          *row,
                          GParamSpec           *pspec,
                          SsvPreferencesWindow *self)
{
  static const char * const schemes[] = { "default", "light", "dark" };
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (schemes))
    g_settings_set_string (self->settings, "color-scheme", schemes[selected]);
}

static GtkWidget *
switch_row (const char *title,
            const char *subtitle,
            GtkWidget **switch_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  *switch_out = toggle;

  return row;
}

static void
on_autostart_set (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkSwitch) toggle = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  if (ssv_autostart_set_enabled_finish (result, &error))
    return;

  /* Refused or failed: the switch shows what is true, and the toast says why. */
  window = gtk_widget_get_ancestor (GTK_WIDGET (toggle), ADW_TYPE_PREFERENCES_WINDOW);
  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (error->message));
  g_signal_handlers_block_matched (toggle, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, window);
  gtk_switch_set_active (toggle, ssv_autostart_is_enabled ());
  g_signal_handlers_unblock_matched (toggle, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, window);
}

static void
on_autostart_toggled (GtkSwitch            *toggle,
                      GParamSpec           *pspec,
                      SsvPreferencesWindow *self)
{
  gboolean active = gtk_switch_get_active (toggle);

  if (active == ssv_autostart_is_enabled ())
    return;

  /* Inside Flatpak the Background portal may ask the person first. */
  ssv_autostart_set_enabled_async (active, NULL, on_autostart_set, g_object_ref (toggle));
}

static void
add_background_rows (SsvPreferencesWindow *self)
{
  GtkWidget *toggle;
  GtkWidget *row;

  row = switch_row (_("Notify When Episodes Air"),
                    _("For the shows on your watchlist"), &toggle);
  g_settings_bind (self->settings, "notify-aired", toggle, "active", G_SETTINGS_BIND_DEFAULT);
  ssv_preferences_window_add_row (self, "general", "background", row);

  row = switch_row (_("Run in Background"),
                    _("Keep running when the window is closed, to send notifications"), &toggle);
  g_settings_bind (self->settings, "run-in-background", toggle, "active", G_SETTINGS_BIND_DEFAULT);
  ssv_preferences_window_add_row (self, "general", "background", row);

  row = switch_row (_("Start at Login"),
                    _("Start in the background when you log in"), &toggle);
  gtk_widget_set_name (row, "autostart");
  gtk_switch_set_active (GTK_SWITCH (toggle), ssv_autostart_is_enabled ());
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_autostart_toggled), self);
  ssv_preferences_window_add_row (self, "general", "background", row);
}

static void
add_general_rows (SsvPreferencesWindow *self)
{
  static const char * const scheme_names[] = { N_("Follow System"), N_("Light"), N_("Dark"), NULL };
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  g_autoptr(GtkStringList) schemes = gtk_string_list_new (NULL);
  GtkWidget *style_row = adw_combo_row_new ();
  GtkWidget *library_row = adw_action_row_new ();

  for (guint i = 0; scheme_names[i] != NULL; i++)
    gtk_string_list_append (schemes, _(scheme_names[i]));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (style_row), _("Style"));
  adw_combo_row_set_model (ADW_COMBO_ROW (style_row), G_LIST_MODEL (schemes));
  adw_combo_row_set_selected (ADW_COMBO_ROW (style_row),
                              g_strcmp0 (scheme, "light") == 0 ? 1 :
                              g_strcmp0 (scheme, "dark") == 0 ? 2 : 0);
  g_signal_connect (style_row, "notify::selected", G_CALLBACK (on_color_scheme_selected), self);
  ssv_preferences_window_add_row (self, "general", "appearance", style_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (library_row), _("Library File"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (library_row),
                               ssv_database_get_path (ssv_context_get_database (self->context)));
  ssv_preferences_window_add_row (self, "general", "library", library_row);
}

static void
ssv_preferences_window_constructed (GObject *object)
{
  SsvPreferencesWindow *self = SSV_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (ssv_preferences_window_parent_class)->constructed (object);

  add_general_rows (self);
  add_background_rows (self);
  ssv_sources_preferences_add (self);
  ssv_profile_preferences_add (self);
  ssv_metadata_preferences_add_rows (self);
}

static void
ssv_preferences_window_dispose (GObject *object)
{
  SsvPreferencesWindow *self = SSV_PREFERENCES_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_hash_table_unref);

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
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_preferences_window_class_init (SsvPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ssv_preferences_window_constructed;
  object_class->dispose = ssv_preferences_window_dispose;
  object_class->get_property = ssv_preferences_window_get_property;
  object_class->set_property = ssv_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssv_preferences_window_init (SsvPreferencesWindow *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  /* Pages and groups are owned by the widget tree; these only index them. */
  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_window_set_default_size (GTK_WINDOW (self), 640, 640);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), TRUE);
}

SsvPreferencesWindow *
ssv_preferences_window_new (SsvContext *context)
{
  return g_object_new (SSV_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       NULL);
}
