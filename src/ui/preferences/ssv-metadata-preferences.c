/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-metadata-preferences.c: the Metadata page of Preferences: API keys (kept in the keyring,
 * each with a test), the language and the region. Nothing here waits on the keyring or network. */

#include "config.h"

#include <glib/gi18n.h>

#include "preferences/ssv-metadata-preferences.h"
#include "preferences/ssv-streaming-preferences.h"
#include "ssv-ui-utils.h"
#include "ssv-secrets.h"
#include "workers/ssv-enrichment-engine.h"
#include "workers/ssv-worker.h"

static const struct
{
  const char *code;
  const char *name;
} languages[] = {
  { "en-US", N_("English (United States)") },
  { "en-GB", N_("English (United Kingdom)") },
  { "de-DE", N_("German") },
  { "fr-FR", N_("French") },
  { "es-ES", N_("Spanish") },
  { "it-IT", N_("Italian") },
  { "nl-NL", N_("Dutch") },
  { "pt-BR", N_("Portuguese (Brazil)") },
  { "sv-SE", N_("Swedish") },
  { "pl-PL", N_("Polish") },
  { "ja-JP", N_("Japanese") },
  { "ko-KR", N_("Korean") },
  { "zh-CN", N_("Chinese (Simplified)") },
};

static const struct
{
  const char *code;
  const char *name;
} regions[] = {
  { "US", N_("United States") },
  { "GB", N_("United Kingdom") },
  { "CA", N_("Canada") },
  { "AU", N_("Australia") },
  { "DE", N_("Germany") },
  { "FR", N_("France") },
  { "ES", N_("Spain") },
  { "IT", N_("Italy") },
  { "NL", N_("Netherlands") },
  { "BR", N_("Brazil") },
  { "SE", N_("Sweden") },
  { "PL", N_("Poland") },
  { "JP", N_("Japan") },
  { "KR", N_("South Korea") },
  { "CN", N_("China") },
};

/* Where each provider's key comes from, for the row's tooltip. */
static const struct
{
  const char *name;
  const char *where;
} key_help[] = {
  { "tmdb", N_("From themoviedb.org → Settings → API; a v3 key or a v4 read token") },
  { "tvdb", N_("From thetvdb.com → Dashboard → API Keys") },
  { "omdb", N_("From omdbapi.com → API Key (ratings; the free key allows 1,000 titles a day)") },
  { "fanart", N_("From fanart.tv → Profile → API (personal key)") },
  { "opensubtitles", N_("From opensubtitles.com → Profile → API Consumers") },
};

/* One key row: the worker whose key it holds, and the work on its way. */
typedef struct
{
  SsvWorker    *worker;
  GCancellable *cancellable;
  GtkWidget    *row;
  SsvEnrichmentEngine *engine;
} KeyRow;

struct _SsvMetadataPreferences
{
  SsvPreferencesPage   parent_instance;

  GPtrArray           *key_rows;     /* KeyRow */
  gboolean             language_loaded;

  /* Template widgets */
  AdwPreferencesGroup *keys_group;
  AdwComboRow         *language_row;
  AdwComboRow         *region_row;
  SsvStreamingPreferences *streaming_group;
};

G_DEFINE_FINAL_TYPE (SsvMetadataPreferences, ssv_metadata_preferences, SSV_TYPE_PREFERENCES_PAGE)

static void
key_row_free (gpointer data)
{
  KeyRow *key_row = data;

  g_cancellable_cancel (key_row->cancellable);
  g_clear_object (&key_row->cancellable);
  g_clear_object (&key_row->worker);
  g_clear_object (&key_row->engine);
  g_free (key_row);
}

/* The callbacks below return at once when cancelled: the page and its KeyRows may be gone. */

static void
key_loaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = ssv_secrets_lookup_finish (SSV_SECRETS (source), result, &error);
  KeyRow *key_row = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      ssv_ui_toast (key_row->row, error->message);
      return;
    }

  if (key != NULL)
    gtk_editable_set_text (GTK_EDITABLE (key_row->row), key);
}

static void
key_stored_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean stored = ssv_secrets_store_finish (SSV_SECRETS (source), result, &error);
  KeyRow *key_row = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!stored)
    {
      ssv_ui_toast (key_row->row, error->message);
      return;
    }

  ssv_enrichment_engine_key_changed (key_row->engine, ssv_worker_get_name (key_row->worker));
  ssv_ui_toast (key_row->row, _("Key saved"));
}

static void
on_key_applied (AdwEntryRow *row,
                KeyRow      *key_row)
{
  SsvMetadataPreferences *self = SSV_METADATA_PREFERENCES (gtk_widget_get_ancestor (GTK_WIDGET (row),
                                                                                   SSV_TYPE_METADATA_PREFERENCES));
  SsvContext *context = ssv_preferences_page_get_context (SSV_PREFERENCES_PAGE (self));
  g_autofree char *secret_key = ssv_worker_dup_secret_key (key_row->worker);
  /* Translators: the keyring item's name; %s is a service, e.g. "TMDB" */
  g_autofree char *label = g_strdup_printf (_("SoulSync Video: %s API key"),
                                            ssv_worker_get_display_name (key_row->worker));
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  /* An empty key forgets the stored one. */
  ssv_secrets_store_async (ssv_context_get_secrets (context), secret_key, label, key,
                           key_row->cancellable, key_stored_cb, key_row);
}

static void
key_tested_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean accepted = ssv_worker_test_key_finish (SSV_WORKER (source), result, &error);
  KeyRow *key_row = user_data;
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!accepted)
    {
      ssv_ui_toast (key_row->row, error->message);
      return;
    }

  /* Translators: %s is a service, e.g. "TMDB" */
  message = g_strdup_printf (_("%s accepted the key"), ssv_worker_get_display_name (key_row->worker));
  ssv_ui_toast (key_row->row, message);
}

static void
on_test_clicked (GtkButton *button,
                 KeyRow    *key_row)
{
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (key_row->row))));

  /* What is typed, stored or not; nothing typed tries the stored key. */
  ssv_worker_test_key_async (key_row->worker, key[0] != '\0' ? key : NULL, key_row->cancellable,
                             key_tested_cb, key_row);
}

static void
add_key_row (SsvMetadataPreferences *self,
             SsvContext             *context,
             SsvWorker              *worker)
{
  GtkWidget *row = adw_password_entry_row_new ();
  GtkWidget *test = gtk_button_new_with_mnemonic (_("_Test"));
  /* Translators: %s is a service, e.g. "TMDB API Key" */
  g_autofree char *title = g_strdup_printf (_("%s API Key"), ssv_worker_get_display_name (worker));
  /* Translators: %s is a service, e.g. "Try the key with TMDB" */
  g_autofree char *test_tooltip = g_strdup_printf (_("Try the key with %s"), ssv_worker_get_display_name (worker));
  g_autofree char *secret_key = ssv_worker_dup_secret_key (worker);
  KeyRow *key_row = g_new0 (KeyRow, 1);

  key_row->worker = g_object_ref (worker);
  key_row->engine = g_object_ref (ssv_context_get_enrichment_engine (context));
  key_row->cancellable = g_cancellable_new ();
  key_row->row = row;
  g_ptr_array_add (self->key_rows, key_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_set_name (row, ssv_worker_get_name (worker));
  for (guint i = 0; i < G_N_ELEMENTS (key_help); i++)
    if (g_strcmp0 (key_help[i].name, ssv_worker_get_name (worker)) == 0)
      gtk_widget_set_tooltip_text (row, _(key_help[i].where));

  gtk_widget_set_valign (test, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (test, test_tooltip);
  gtk_widget_add_css_class (test, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), test);

  g_signal_connect (row, "apply", G_CALLBACK (on_key_applied), key_row);
  g_signal_connect (test, "clicked", G_CALLBACK (on_test_clicked), key_row);

  adw_preferences_group_add (self->keys_group, row);
  ssv_secrets_lookup_async (ssv_context_get_secrets (context), secret_key, key_row->cancellable,
                            key_loaded_cb, key_row);
}

static void
language_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SsvMetadataPreferences) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ssv_enrichment_engine_save_language_finish (SSV_ENRICHMENT_ENGINE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ssv_ui_toast (GTK_WIDGET (self), error->message);
}

static void
on_language_selected (SsvMetadataPreferences *self)
{
  SsvPreferencesPage *page = SSV_PREFERENCES_PAGE (self);
  SsvContext *context = ssv_preferences_page_get_context (page);
  guint language = adw_combo_row_get_selected (self->language_row);
  guint region = adw_combo_row_get_selected (self->region_row);

  /* Only what the person picks is saved, not the stored choice arriving. */
  if (!self->language_loaded || language >= G_N_ELEMENTS (languages) || region >= G_N_ELEMENTS (regions))
    return;

  ssv_enrichment_engine_save_language_async (ssv_context_get_enrichment_engine (context),
                                             languages[language].code, regions[region].code,
                                             ssv_preferences_page_get_cancellable (page),
                                             language_saved_cb, g_object_ref (self));
}

static void
language_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SsvMetadataPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  g_autofree char *region = NULL;

  if (!ssv_enrichment_engine_load_language_finish (SSV_ENRICHMENT_ENGINE (source), result,
                                                   &language, &region, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ssv_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i].code, language) == 0)
      adw_combo_row_set_selected (self->language_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_strcmp0 (regions[i].code, region) == 0)
      adw_combo_row_set_selected (self->region_row, i);

  self->language_loaded = TRUE;
}

/* One key row per metadata worker, then the stored language. */
static void
ssv_metadata_preferences_load (SsvPreferencesPage *page,
                               SsvContext         *context)
{
  SsvMetadataPreferences *self = SSV_METADATA_PREFERENCES (page);
  SsvEnrichmentEngine *engine = ssv_context_get_enrichment_engine (context);
  GListModel *workers = ssv_enrichment_engine_get_workers (engine);

  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(SsvWorker) worker = g_list_model_get_item (workers, i);

      add_key_row (self, context, worker);
    }

  ssv_enrichment_engine_load_language_async (engine, ssv_preferences_page_get_cancellable (page),
                                             language_loaded_cb, g_object_ref (self));
  ssv_streaming_preferences_set_context (self->streaming_group, context);
}

/**
 * ssv_metadata_preferences_focus_key:
 * @provider: a worker's name, "tmdb"
 *
 * Puts the keyboard in the provider's key row, for the first-run banner.
 *
 * Returns: %FALSE if there is no such row
 */
gboolean
ssv_metadata_preferences_focus_key (SsvMetadataPreferences *self,
                                    const char             *provider)
{
  g_return_val_if_fail (SSV_IS_METADATA_PREFERENCES (self), FALSE);

  for (guint i = 0; self->key_rows != NULL && i < self->key_rows->len; i++)
    {
      KeyRow *key_row = g_ptr_array_index (self->key_rows, i);
      GtkRoot *root = gtk_widget_get_root (key_row->row);

      if (g_strcmp0 (ssv_worker_get_name (key_row->worker), provider) != 0)
        continue;
      if (GTK_IS_WINDOW (root))
        gtk_window_set_focus (GTK_WINDOW (root), key_row->row);
      return TRUE;
    }

  return FALSE;
}

static void
ssv_metadata_preferences_dispose (GObject *object)
{
  SsvMetadataPreferences *self = SSV_METADATA_PREFERENCES (object);

  g_clear_pointer (&self->key_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_METADATA_PREFERENCES);

  G_OBJECT_CLASS (ssv_metadata_preferences_parent_class)->dispose (object);
}

static void
ssv_metadata_preferences_class_init (SsvMetadataPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsvPreferencesPageClass *page_class = SSV_PREFERENCES_PAGE_CLASS (klass);

  object_class->dispose = ssv_metadata_preferences_dispose;
  page_class->load = ssv_metadata_preferences_load;

  g_type_ensure (SSV_TYPE_STREAMING_PREFERENCES);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/preferences/ssv-metadata-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvMetadataPreferences, keys_group);
  gtk_widget_class_bind_template_child (widget_class, SsvMetadataPreferences, language_row);
  gtk_widget_class_bind_template_child (widget_class, SsvMetadataPreferences, region_row);
  gtk_widget_class_bind_template_child (widget_class, SsvMetadataPreferences, streaming_group);
}

static void
ssv_metadata_preferences_init (SsvMetadataPreferences *self)
{
  g_autoptr(GtkStringList) language_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) region_names = gtk_string_list_new (NULL);

  self->key_rows = g_ptr_array_new_with_free_func (key_row_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (language_names, _(languages[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    gtk_string_list_append (region_names, _(regions[i].name));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (language_names));
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (region_names));

  g_signal_connect_object (self->language_row, "notify::selected", G_CALLBACK (on_language_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_row, "notify::selected", G_CALLBACK (on_language_selected),
                           self, G_CONNECT_SWAPPED);
}
