/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-import-preferences.c: the Import group of Preferences → Downloads, bound to its GSettings keys:
 * the library folders (a folder chooser each), the naming patterns with an example of each kept
 * current as the person types (a pattern the naming code refuses says why and is not saved), and
 * copy or hardlink. */

#include "config.h"

#include <glib/gi18n.h>

#include "preferences/ssv-import-preferences.h"
#include "downloads/ssv-naming.h"
#include "downloads/ssv-quality-profile.h"

struct _SsvImportPreferences
{
  AdwPreferencesGroup   parent_instance;

  GSettings            *settings;
  GtkFileChooserNative *chooser;       /* the open folder chooser, if any */
  char                 *chooser_key;   /* the key it chooses for */

  /* Template widgets */
  AdwActionRow         *movies_folder_row;
  AdwActionRow         *shows_folder_row;
  AdwEntryRow          *movie_pattern_row;
  AdwActionRow         *movie_preview_row;
  AdwEntryRow          *episode_pattern_row;
  AdwActionRow         *episode_preview_row;
  AdwComboRow          *mode_row;
};

G_DEFINE_FINAL_TYPE (SsvImportPreferences, ssv_import_preferences, ADW_TYPE_PREFERENCES_GROUP)

/* ---- folders --------------------------------------------------------------------------- */

static gboolean
folder_get (GValue   *value,
            GVariant *variant,
            gpointer  user_data)
{
  const char *path = g_variant_get_string (variant, NULL);

  g_value_set_string (value, *path != '\0' ? path : _("Not chosen: the first folder source’s folder"));
  return TRUE;
}

static gboolean
is_folder_key (const char *key)
{
  return g_strcmp0 (key, "movies-folder") == 0 || g_strcmp0 (key, "shows-folder") == 0;
}

static void
chooser_response_cb (GtkNativeDialog      *dialog,
                     int                   response,
                     SsvImportPreferences *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, self->chooser_key, path);
      else
        gtk_widget_activate_action (GTK_WIDGET (self), "app.toast", "s",
                                    _("Only folders on this computer can hold the library."));
    }
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->chooser_key, g_free);
}

/* import.choose-folder ("movies-folder" or "shows-folder") */
static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SsvImportPreferences *self = SSV_IMPORT_PREFERENCES (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean movies = g_str_equal (key, "movies-folder");
  g_autofree char *current = NULL;

  if (!is_folder_key (key) || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (movies ? _("Choose the Movies Folder") : _("Choose the Shows Folder"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), _("_Cancel"));
  self->chooser_key = g_strdup (key);
  current = g_settings_get_string (self->settings, key);
  if (*current != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_path (current);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* import.reset-folder: back to the first folder source's root. */
static void
reset_folder_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsvImportPreferences *self = SSV_IMPORT_PREFERENCES (widget);
  const char *key = g_variant_get_string (parameter, NULL);

  if (is_folder_key (key))
    g_settings_reset (self->settings, key);
}

/* ---- naming patterns ------------------------------------------------------------------- */

/* What a pattern row saves: only what the naming code accepts. */
static GVariant *
pattern_set (const GValue       *value,
             const GVariantType *type,
             gpointer            user_data)
{
  const char *text = g_value_get_string (value);

  if (!ssv_naming_check (text, GPOINTER_TO_INT (user_data), NULL))
    return NULL;
  return g_variant_new_string (text);
}

static void
show_preview (AdwEntryRow  *pattern_row,
              AdwActionRow *preview_row,
              gboolean      episode)
{
  const char *quality = ssv_quality_get_label (episode ? SSV_QUALITY_WEBDL_1080 : SSV_QUALITY_BLURAY_1080);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ssv_naming_preview (gtk_editable_get_text (GTK_EDITABLE (pattern_row)), episode,
                                              quality, &error);
  GtkWidget *widgets[] = { GTK_WIDGET (pattern_row), GTK_WIDGET (preview_row) };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (preview_row), path != NULL ? _("Example") : _("Not Saved"));
  adw_action_row_set_subtitle (preview_row, path != NULL ? path : error->message);
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      if (path != NULL)
        gtk_widget_remove_css_class (widgets[i], "error");
      else
        gtk_widget_add_css_class (widgets[i], "error");
    }
}

static void
on_pattern_changed (SsvImportPreferences *self)
{
  show_preview (self->movie_pattern_row, self->movie_preview_row, FALSE);
  show_preview (self->episode_pattern_row, self->episode_preview_row, TRUE);
}

/* ---- copy or hardlink ------------------------------------------------------------------ */

static gboolean
mode_get (GValue   *value,
          GVariant *variant,
          gpointer  user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "hardlink") ? 1 : 0);
  return TRUE;
}

static GVariant *
mode_set (const GValue       *value,
          const GVariantType *type,
          gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "hardlink" : "copy");
}

/* ---- the object ------------------------------------------------------------------------ */

static void
ssv_import_preferences_dispose (GObject *object)
{
  SsvImportPreferences *self = SSV_IMPORT_PREFERENCES (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_IMPORT_PREFERENCES);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ssv_import_preferences_parent_class)->dispose (object);
}

static void
ssv_import_preferences_finalize (GObject *object)
{
  SsvImportPreferences *self = SSV_IMPORT_PREFERENCES (object);

  g_free (self->chooser_key);

  G_OBJECT_CLASS (ssv_import_preferences_parent_class)->finalize (object);
}

static void
ssv_import_preferences_class_init (SsvImportPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_import_preferences_dispose;
  object_class->finalize = ssv_import_preferences_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/preferences/ssv-import-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvImportPreferences, movies_folder_row);
  gtk_widget_class_bind_template_child (widget_class, SsvImportPreferences, shows_folder_row);
  gtk_widget_class_bind_template_child (widget_class, SsvImportPreferences, movie_pattern_row);
  gtk_widget_class_bind_template_child (widget_class, SsvImportPreferences, movie_preview_row);
  gtk_widget_class_bind_template_child (widget_class, SsvImportPreferences, episode_pattern_row);
  gtk_widget_class_bind_template_child (widget_class, SsvImportPreferences, episode_preview_row);
  gtk_widget_class_bind_template_child (widget_class, SsvImportPreferences, mode_row);
  gtk_widget_class_bind_template_callback (widget_class, on_pattern_changed);

  gtk_widget_class_install_action (widget_class, "import.choose-folder", "s", choose_folder_action);
  gtk_widget_class_install_action (widget_class, "import.reset-folder", "s", reset_folder_action);
}

static void
ssv_import_preferences_init (SsvImportPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind_with_mapping (self->settings, "movies-folder", self->movies_folder_row, "subtitle",
                                G_SETTINGS_BIND_GET, folder_get, NULL, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "shows-folder", self->shows_folder_row, "subtitle",
                                G_SETTINGS_BIND_GET, folder_get, NULL, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "naming-movie", self->movie_pattern_row, "text",
                                G_SETTINGS_BIND_DEFAULT, NULL, pattern_set, GINT_TO_POINTER (FALSE), NULL);
  g_settings_bind_with_mapping (self->settings, "naming-episode", self->episode_pattern_row, "text",
                                G_SETTINGS_BIND_DEFAULT, NULL, pattern_set, GINT_TO_POINTER (TRUE), NULL);
  g_settings_bind_with_mapping (self->settings, "import-mode", self->mode_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, mode_get, mode_set, NULL, NULL);
  on_pattern_changed (self);
}

GtkWidget *
ssv_import_preferences_new (void)
{
  return g_object_new (SSV_TYPE_IMPORT_PREFERENCES, NULL);
}
