/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-metadata-preferences.c: the Metadata page of Preferences: API keys, language, region. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-metadata-preferences.h"

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

typedef struct
{
  SsvPreferencesWindow *window;   /* not owned: the window owns the row */
  SsvWorker            *worker;
  GCancellable         *cancellable;
  GtkWidget            *row;
} KeyRow;

static void
key_row_free (gpointer data)
{
  KeyRow *key_row = data;

  g_cancellable_cancel (key_row->cancellable);
  g_clear_object (&key_row->cancellable);
  g_clear_object (&key_row->worker);
  g_free (key_row);
}

static void
toast (SsvPreferencesWindow *window,
       const char           *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
}

static void
key_loaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  KeyRow *key_row = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = ssv_secrets_lookup_finish (SSV_SECRETS (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      toast (key_row->window, error->message);
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
  KeyRow *key_row = user_data;
  g_autoptr(GError) error = NULL;
  SsvContext *context;

  if (!ssv_secrets_store_finish (SSV_SECRETS (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (key_row->window, error->message);
      return;
    }

  context = ssv_preferences_window_get_context (key_row->window);
  ssv_enrichment_engine_key_changed (ssv_context_get_enrichment_engine (context),
                                     ssv_worker_get_name (key_row->worker));
  toast (key_row->window, _("Key saved"));
}

static void
on_key_applied (AdwEntryRow *row,
                KeyRow      *key_row)
{
  SsvContext *context = ssv_preferences_window_get_context (key_row->window);
  g_autofree char *secret_key = ssv_worker_dup_secret_key (key_row->worker);
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
  KeyRow *key_row = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!ssv_worker_test_key_finish (SSV_WORKER (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (key_row->window, error->message);
      return;
    }

  message = g_strdup_printf (_("%s accepted the key"), ssv_worker_get_display_name (key_row->worker));
  toast (key_row->window, message);
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
add_key_row (SsvPreferencesWindow *window,
             SsvWorker            *worker)
{
  SsvContext *context = ssv_preferences_window_get_context (window);
  GtkWidget *row = adw_password_entry_row_new ();
  GtkWidget *test = gtk_button_new_with_mnemonic (_("_Test"));
  g_autofree char *title = g_strdup_printf (_("%s API Key"), ssv_worker_get_display_name (worker));
  g_autofree char *test_tooltip = g_strdup_printf (_("Try the key with %s"), ssv_worker_get_display_name (worker));
  g_autofree char *secret_key = ssv_worker_dup_secret_key (worker);
  KeyRow *key_row = g_new0 (KeyRow, 1);

  key_row->window = window;
  key_row->worker = g_object_ref (worker);
  key_row->cancellable = g_cancellable_new ();
  key_row->row = row;

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

  g_object_set_data_full (G_OBJECT (row), "ssv-key-row", key_row, key_row_free);
  g_signal_connect (row, "apply", G_CALLBACK (on_key_applied), key_row);
  g_signal_connect (test, "clicked", G_CALLBACK (on_test_clicked), key_row);

  ssv_preferences_window_add_row (window, "metadata", "keys", row);
  ssv_secrets_lookup_async (ssv_context_get_secrets (context), secret_key, key_row->cancellable,
                            key_loaded_cb, key_row);
}

typedef struct
{
  SsvPreferencesWindow *window;
  AdwComboRow          *language;
  AdwComboRow          *region;
  GCancellable         *cancellable;
  gboolean              loaded;
} LanguageRows;

static void
language_rows_free (gpointer data)
{
  LanguageRows *rows = data;

  g_cancellable_cancel (rows->cancellable);
  g_clear_object (&rows->cancellable);
  g_free (rows);
}

static void
language_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LanguageRows *rows = user_data;
  g_autoptr(GError) error = NULL;

  if (!ssv_enrichment_engine_save_language_finish (SSV_ENRICHMENT_ENGINE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (rows->window, error->message);
}

static void
on_language_selected (AdwComboRow  *combo,
                      GParamSpec   *pspec,
                      LanguageRows *rows)
{
  SsvContext *context = ssv_preferences_window_get_context (rows->window);
  guint language = adw_combo_row_get_selected (rows->language);
  guint region = adw_combo_row_get_selected (rows->region);

  if (!rows->loaded || language >= G_N_ELEMENTS (languages) || region >= G_N_ELEMENTS (regions))
    return;

  ssv_enrichment_engine_save_language_async (ssv_context_get_enrichment_engine (context),
                                             languages[language].code, regions[region].code,
                                             rows->cancellable, language_saved_cb, rows);
}

static void
language_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LanguageRows *rows = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  g_autofree char *region = NULL;

  if (!ssv_enrichment_engine_load_language_finish (SSV_ENRICHMENT_ENGINE (source), result,
                                                   &language, &region, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (rows->window, error->message);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i].code, language) == 0)
      adw_combo_row_set_selected (rows->language, i);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_strcmp0 (regions[i].code, region) == 0)
      adw_combo_row_set_selected (rows->region, i);

  /* Only what the person picks from now on is saved. */
  rows->loaded = TRUE;
}

static void
add_language_rows (SsvPreferencesWindow *window)
{
  SsvContext *context = ssv_preferences_window_get_context (window);
  g_autoptr(GtkStringList) language_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) region_names = gtk_string_list_new (NULL);
  GtkWidget *language = adw_combo_row_new ();
  GtkWidget *region = adw_combo_row_new ();
  LanguageRows *rows = g_new0 (LanguageRows, 1);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (language_names, _(languages[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    gtk_string_list_append (region_names, _(regions[i].name));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (language), _("Metadata Language"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (language), _("For overviews, titles and title logos"));
  adw_combo_row_set_model (ADW_COMBO_ROW (language), G_LIST_MODEL (language_names));
  gtk_widget_set_name (language, "language");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (region), _("Region"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (region), _("For age ratings"));
  adw_combo_row_set_model (ADW_COMBO_ROW (region), G_LIST_MODEL (region_names));
  gtk_widget_set_name (region, "region");

  rows->window = window;
  rows->language = ADW_COMBO_ROW (language);
  rows->region = ADW_COMBO_ROW (region);
  rows->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (language), "ssv-language-rows", rows, language_rows_free);
  g_signal_connect (language, "notify::selected", G_CALLBACK (on_language_selected), rows);
  g_signal_connect (region, "notify::selected", G_CALLBACK (on_language_selected), rows);

  ssv_preferences_window_add_row (window, "metadata", "language", language);
  ssv_preferences_window_add_row (window, "metadata", "language", region);

  ssv_enrichment_engine_load_language_async (ssv_context_get_enrichment_engine (context), rows->cancellable,
                                             language_loaded_cb, rows);
}

/* One key row per metadata worker (stored in the keyring, with a test), then the language. */
void
ssv_metadata_preferences_add_rows (SsvPreferencesWindow *window)
{
  SsvContext *context = ssv_preferences_window_get_context (window);
  GListModel *workers = ssv_enrichment_engine_get_workers (ssv_context_get_enrichment_engine (context));

  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(SsvWorker) worker = g_list_model_get_item (workers, i);

      add_key_row (window, worker);
    }

  add_language_rows (window);
}
