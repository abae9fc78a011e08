/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-downloads-preferences.c: the Downloads page of Preferences: the quality profiles, read off
 * the UI thread, each opening an editor, and the stall thresholds bound to their GSettings keys. Every change is saved at once, off the UI thread, one
 * save per profile at a time; a save always finishes, even when Preferences closes. The Import
 * group is its own widget (ssv-import-preferences). */

#include "config.h"

#include <glib/gi18n.h>

#include "preferences/ssv-downloads-preferences.h"
#include "preferences/ssv-import-preferences.h"
#include "preferences/ssv-profile-editor.h"
#include "ssv-ui-utils.h"
#include "stores/ssv-profile-store.h"

typedef struct
{
  SsvDownloadsPreferences *self;     /* not a reference: the page owns the entries */
  SsvQualityProfile       *profile;  /* what the editor edits, in place */
  GtkWidget               *row;      /* in the Quality Profiles group */
  gboolean                 saving;
  gboolean                 dirty;    /* changed again while saving */
} ProfileEntry;

struct _SsvDownloadsPreferences
{
  SsvPreferencesPage   parent_instance;

  SsvProfileStore     *store;
  GPtrArray           *formats;      /* SsvCustomFormat */
  GPtrArray           *entries;      /* ProfileEntry */
  GSettings           *settings;

  /* Template widgets */
  AdwPreferencesGroup *profiles_group;
  GtkSpinButton       *stall_spin;
  GtkSpinButton       *metadata_spin;
  GtkSpinButton       *speed_spin;
  GtkSpinButton       *eta_spin;
};

G_DEFINE_FINAL_TYPE (SsvDownloadsPreferences, ssv_downloads_preferences, SSV_TYPE_PREFERENCES_PAGE)

static void
entry_free (gpointer data)
{
  ProfileEntry *entry = data;

  g_clear_pointer (&entry->profile, ssv_quality_profile_unref);
  g_free (entry);
}

static char *
profile_summary (const SsvQualityProfile *profile)
{
  guint n = 0;
  g_autofree char *qualities = NULL;

  for (guint i = 0; i < profile->items->len; i++)
    n += g_array_index (profile->items, SsvProfileItem, i).allowed ? 1 : 0;
  qualities = g_strdup_printf (ngettext ("%u quality", "%u qualities", n), n);

  if (!profile->upgrades_allowed)
    /* Translators: e.g. "4 qualities · no upgrades" */
    return g_strdup_printf (_("%s · no upgrades"), qualities);
  /* Translators: e.g. "4 qualities · upgrades until 1080p WEB-DL" */
  return g_strdup_printf (_("%s · upgrades until %s"), qualities, ssv_quality_get_label (profile->cutoff));
}

/* ---- saving ---------------------------------------------------------------------- */

static void save_entry (ProfileEntry *entry);

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ProfileEntry *entry = user_data;
  g_autoptr(SsvDownloadsPreferences) self = entry->self; /* the ref taken in save_entry */
  g_autoptr(GError) error = NULL;

  entry->saving = FALSE;
  if (!ssv_profile_store_save_finish (SSV_PROFILE_STORE (source), result, &error))
    {
      /* Translators: %s is a quality profile, then why it could not be saved */
      g_autofree char *message = g_strdup_printf (_("Could not save “%s”: %s"),
                                                  entry->profile->name, error->message);

      g_warning ("%s", message);
      ssv_ui_toast (GTK_WIDGET (self), message);
      return;
    }
  if (entry->dirty)
    save_entry (entry);
}

static void
save_entry (ProfileEntry *entry)
{
  g_autoptr(SsvQualityProfile) copy = NULL;

  if (entry->saving)
    {
      entry->dirty = TRUE;
      return;
    }

  /* The store works on a copy in another thread while editing goes on here; the page
   * (and with it this entry) stays until the save is done. */
  entry->saving = TRUE;
  entry->dirty = FALSE;
  copy = ssv_quality_profile_copy (entry->profile);
  g_object_ref (entry->self);
  ssv_profile_store_save_async (entry->self->store, copy, NULL, save_done_cb, entry);
}

static void
on_profile_edited (SsvProfileEditor *editor,
                   ProfileEntry     *entry)
{
  g_autofree char *summary = profile_summary (entry->profile);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (entry->row), summary);
  save_entry (entry);
}

static void
on_profile_activated (AdwActionRow *row,
                      ProfileEntry *entry)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  GtkWidget *editor;

  if (!ADW_IS_PREFERENCES_WINDOW (root))
    return;

  editor = ssv_profile_editor_new (entry->profile, entry->self->formats);
  g_signal_connect (editor, "changed", G_CALLBACK (on_profile_edited), entry);
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (root), editor);
}

/* ---- loading --------------------------------------------------------------------- */

static void
add_profile_rows (SsvDownloadsPreferences *self,
                  GPtrArray               *profiles)
{
  for (guint i = 0; i < profiles->len; i++)
    {
      ProfileEntry *entry = g_new0 (ProfileEntry, 1);
      g_autofree char *summary = NULL;

      entry->self = self;
      entry->profile = ssv_quality_profile_ref (g_ptr_array_index (profiles, i));
      entry->row = adw_action_row_new ();
      summary = profile_summary (entry->profile);

      gtk_widget_set_name (entry->row, entry->profile->name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry->row), entry->profile->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry->row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (entry->row), summary);
      adw_action_row_add_suffix (ADW_ACTION_ROW (entry->row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (entry->row), TRUE);
      g_signal_connect (entry->row, "activated", G_CALLBACK (on_profile_activated), entry);
      g_ptr_array_add (self->entries, entry);

      adw_preferences_group_add (self->profiles_group, entry->row);
    }

  /* A page without profiles has nothing to show. */
  gtk_widget_set_visible (GTK_WIDGET (self), self->entries->len > 0);
}

static void
profiles_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SsvDownloadsPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = ssv_profile_store_list_finish (SSV_PROFILE_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (profiles == NULL)
    {
      g_warning ("Could not list quality profiles: %s", error->message);
      ssv_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  add_profile_rows (self, profiles);
}

static void
formats_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SsvDownloadsPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *formats = ssv_profile_store_list_formats_finish (SSV_PROFILE_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (formats == NULL)
    {
      g_warning ("Could not list custom formats: %s", error->message);
      ssv_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  self->formats = formats;
  /* One after the other: the first listing of a library writes the defaults */
  ssv_profile_store_list_async (self->store, ssv_preferences_page_get_cancellable (SSV_PREFERENCES_PAGE (self)),
                                profiles_ready_cb, g_object_ref (self));
}

static void
ssv_downloads_preferences_load (SsvPreferencesPage *page,
                                SsvContext         *context)
{
  SsvDownloadsPreferences *self = SSV_DOWNLOADS_PREFERENCES (page);

  self->store = g_object_ref (ssv_context_get_profile_store (context));
  ssv_profile_store_list_formats_async (self->store, ssv_preferences_page_get_cancellable (page),
                                        formats_ready_cb, g_object_ref (self));
}

/* ---- stall thresholds: keys in seconds (or KB/s, hours), rows in the unit they show ---- */

static gboolean
scaled_get (GValue   *value,
            GVariant *variant,
            gpointer  user_data)
{
  g_value_set_double (value, (double) g_variant_get_int32 (variant) / GPOINTER_TO_INT (user_data));
  return TRUE;
}

static GVariant *
scaled_set (const GValue       *value,
            const GVariantType *type,
            gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) (g_value_get_double (value) * GPOINTER_TO_INT (user_data) + 0.5));
}

static void
bind_threshold (SsvDownloadsPreferences *self,
                const char              *key,
                GtkSpinButton           *spin,
                int                      scale)
{
  g_settings_bind_with_mapping (self->settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT,
                                scaled_get, scaled_set, GINT_TO_POINTER (scale), NULL);
}

static void
ssv_downloads_preferences_dispose (GObject *object)
{
  SsvDownloadsPreferences *self = SSV_DOWNLOADS_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_DOWNLOADS_PREFERENCES);

  G_OBJECT_CLASS (ssv_downloads_preferences_parent_class)->dispose (object);
}

/* Entries go last: a save on its way holds the page, and finishes with its entry. */
static void
ssv_downloads_preferences_finalize (GObject *object)
{
  SsvDownloadsPreferences *self = SSV_DOWNLOADS_PREFERENCES (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->formats, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (ssv_downloads_preferences_parent_class)->finalize (object);
}

static void
ssv_downloads_preferences_class_init (SsvDownloadsPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsvPreferencesPageClass *page_class = SSV_PREFERENCES_PAGE_CLASS (klass);

  object_class->dispose = ssv_downloads_preferences_dispose;
  object_class->finalize = ssv_downloads_preferences_finalize;
  page_class->load = ssv_downloads_preferences_load;

  g_type_ensure (SSV_TYPE_IMPORT_PREFERENCES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/preferences/ssv-downloads-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadsPreferences, profiles_group);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadsPreferences, stall_spin);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadsPreferences, metadata_spin);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadsPreferences, speed_spin);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadsPreferences, eta_spin);
}

static void
ssv_downloads_preferences_init (SsvDownloadsPreferences *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  bind_threshold (self, "download-stall-seconds", self->stall_spin, 60);
  bind_threshold (self, "download-metadata-seconds", self->metadata_spin, 60);
  bind_threshold (self, "download-min-speed-kbps", self->speed_spin, 1);
  bind_threshold (self, "download-max-eta-hours", self->eta_spin, 1);
}
