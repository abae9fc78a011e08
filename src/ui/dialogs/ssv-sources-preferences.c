/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-sources-preferences.c: the Sources page of Preferences: servers (libraries, token, test,
 * remove), folders (add, remove), scan mode and Scan Now. Every read and write runs in a
 * worker thread; rows are rebuilt when the list of sources changes. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-folder-chooser.h"
#include "ssv-server-dialog.h"
#include "ssv-server-store.h"
#include "ssv-server-token.h"
#include "ssv-settings-store.h"
#include "ssv-sources-preferences.h"
#include "ssv-window.h"

struct _SsvSourcesPreferences
{
  GObject               parent_instance;

  SsvPreferencesWindow *window;      /* owns this; not a reference */
  SsvContext           *context;
  GCancellable         *cancellable;
  GPtrArray            *source_rows; /* rows to remove on refresh */
  GtkWidget            *add_server_row;
  GtkWidget            *add_folder_row;
  GtkWidget            *mode_row;
  gboolean              loading_mode;
};

G_DEFINE_FINAL_TYPE (SsvSourcesPreferences, ssv_sources_preferences, G_TYPE_OBJECT)

static const char * const mode_names[] = { "incremental", "full", "deep" };

static void refresh (SsvSourcesPreferences *self);

/* ---- running store functions off the UI thread ------------------------------------- */

typedef gboolean (*WriteFunc) (SsvContext *context,
                               gpointer    data,
                               GError    **error);

typedef struct
{
  WriteFunc      func;
  gpointer       data;
  GDestroyNotify free_data;
} Work;

static void
work_free (gpointer user_data)
{
  Work *work = user_data;

  if (work->free_data != NULL)
    work->free_data (work->data);
  g_free (work);
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SsvSourcesPreferences *self = source_object;
  Work *work = task_data;
  GError *error = NULL;

  if (work->func (self->context, work->data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
work_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SsvSourcesPreferences *self = SSV_SOURCES_PREFERENCES (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self->window), adw_toast_new (error->message));

  if (user_data != NULL && self->window != NULL)
    refresh (self);
}

static void
run_write (SsvSourcesPreferences *self,
           WriteFunc              func,
           gpointer               data,
           GDestroyNotify         free_data,
           gboolean               refresh_after)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, work_done_cb,
                                      refresh_after ? GINT_TO_POINTER (TRUE) : NULL);
  Work *work = g_new0 (Work, 1);

  work->func = func;
  work->data = data;
  work->free_data = free_data;
  g_task_set_source_tag (task, run_write);
  g_task_set_task_data (task, work, work_free);
  g_task_run_in_thread (task, work_thread);
}

/* ---- scan mode ------------------------------------------------------------------ */

static gboolean
save_mode (SsvContext  *context,
           gpointer     data,
           GError     **error)
{
  return ssv_settings_store_set (ssv_context_get_database (context), "scan.mode", data, error);
}

static const char *
mode_description (guint mode)
{
  switch (mode)
    {
    case 1:
      return _("Everything each time; titles a source no longer has are kept");
    case 2:
      return _("Everything, and titles a source no longer has are removed");
    case 0:
    default:
      return _("Only what changed since the last complete scan");
    }
}

static void
on_mode_selected (AdwComboRow           *row,
                  GParamSpec            *pspec,
                  SsvSourcesPreferences *self)
{
  guint selected = MIN (adw_combo_row_get_selected (row), 2);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mode_description (selected));
  if (!self->loading_mode)
    run_write (self, save_mode, g_strdup (mode_names[selected]), g_free, FALSE);
}

static void
mode_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SsvSourcesPreferences *self = SSV_SOURCES_PREFERENCES (source);
  g_autofree char *mode = g_task_propagate_pointer (G_TASK (result), NULL);

  if (self->window == NULL)
    return;

  self->loading_mode = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (mode_names); i++)
    if (g_strcmp0 (mode, mode_names[i]) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->mode_row), i);
  self->loading_mode = FALSE;
}

static void
load_mode_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SsvSourcesPreferences *self = source_object;

  g_task_return_pointer (task, ssv_settings_store_get (ssv_context_get_database (self->context), "scan.mode", NULL),
                         g_free);
}

static void
on_scan_now (GtkButton             *button,
             SsvSourcesPreferences *self)
{
  SsvWindow *main_window = ssv_window_find_for (GTK_WIDGET (button));

  if (main_window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (main_window), "win.scan-library", NULL);
}

static void
add_scanning_rows (SsvSourcesPreferences *self)
{
  g_autoptr(GtkStringList) modes = gtk_string_list_new ((const char * const[]) {
    _("Incremental"), _("Full"), _("Deep"), NULL });
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, mode_loaded_cb, NULL);
  GtkWidget *scan_row = adw_action_row_new ();
  GtkWidget *scan_button = gtk_button_new_with_mnemonic (_("_Scan Now"));

  self->mode_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->mode_row), _("Scan Mode"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->mode_row), G_LIST_MODEL (modes));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->mode_row), mode_description (0));
  gtk_widget_set_name (self->mode_row, "scan-mode");
  g_signal_connect_object (self->mode_row, "notify::selected", G_CALLBACK (on_mode_selected), self, 0);
  ssv_preferences_window_add_row (self->window, "sources", "scanning", self->mode_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (scan_row), _("Scan the Library"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (scan_row), _("Read every source now, in the scan mode above"));
  gtk_widget_set_valign (scan_button, GTK_ALIGN_CENTER);
  g_signal_connect_object (scan_button, "clicked", G_CALLBACK (on_scan_now), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (scan_row), scan_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (scan_row), scan_button);
  ssv_preferences_window_add_row (self->window, "sources", "scanning", scan_row);

  g_task_run_in_thread (task, load_mode_thread);
}

/* ---- servers -------------------------------------------------------------------- */

typedef struct
{
  gint64          id;
  char           *key;
  SsvLibraryKind  kind;
} KindChange;

static void
kind_change_free (gpointer data)
{
  KindChange *change = data;

  g_free (change->key);
  g_free (change);
}

static gboolean
save_library_kind (SsvContext  *context,
                   gpointer     data,
                   GError     **error)
{
  KindChange *change = data;

  return ssv_server_store_set_library_kind (ssv_context_get_database (context), change->id, change->key,
                                            change->kind, error);
}

static void
on_library_kind_selected (AdwComboRow           *row,
                          GParamSpec            *pspec,
                          SsvSourcesPreferences *self)
{
  KindChange *change = g_new0 (KindChange, 1);
  guint selected = adw_combo_row_get_selected (row);

  change->id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "ssv-server-id"));
  change->key = g_strdup (g_object_get_data (G_OBJECT (row), "ssv-library-key"));
  change->kind = selected == 1 ? SSV_LIBRARY_KIND_MOVIES : selected == 2 ? SSV_LIBRARY_KIND_SHOWS
                                                                         : SSV_LIBRARY_KIND_NONE;
  run_write (self, save_library_kind, change, kind_change_free, FALSE);
}

typedef struct
{
  gint64  id;
  char   *kind;
  char   *url;
  char   *name;
  char   *token;
} TokenChange;

static void
token_change_free (gpointer data)
{
  TokenChange *change = data;

  g_free (change->kind);
  g_free (change->url);
  g_free (change->name);
  g_free (change->token);
  g_free (change);
}

static gboolean
save_token (SsvContext  *context,
            gpointer     data,
            GError     **error)
{
  TokenChange *change = data;
  g_autofree char *label = g_strdup_printf (_("SoulSync Video: token for %s"), change->name);

  if (!ssv_server_token_store_sync (ssv_context_get_secrets (context), ssv_context_get_database (context),
                                    change->id, label, change->token, NULL, error))
    return FALSE;

  ssv_image_cache_add_server (ssv_context_get_image_cache (context), change->kind, change->url, change->token);
  return TRUE;
}

static void
on_token_applied (AdwEntryRow           *row,
                  SsvSourcesPreferences *self)
{
  SsvServerInfo *info = g_object_get_data (G_OBJECT (row), "ssv-server");
  TokenChange *change = g_new0 (TokenChange, 1);

  change->id = info->id;
  change->kind = g_strdup (info->kind);
  change->url = g_strdup (info->url);
  change->name = g_strdup (info->name);
  change->token = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  /* Out of the widget: it is in the keyring now. */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  run_write (self, save_token, change, token_change_free, FALSE);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self->window), adw_toast_new (_("Token saved")));
}

static void
test_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SsvSourcesPreferences *self = source_object;
  gint64 id = *(gint64 *) task_data;
  g_autoptr(SsvMediaSource) source = NULL;
  GError *error = NULL;
  char *description;

  source = ssv_scanner_create_source (ssv_context_get_scanner (self->context), id, cancellable, &error);
  if (source == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  description = ssv_media_source_test_connection (source, cancellable, &error);
  if (description == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, description, g_free);
}

static void
test_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AdwActionRow) row = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  text = description ? g_strdup_printf (_("Connected to %s"), description) : g_strdup (error->message);
  adw_action_row_set_subtitle (row, text);
}

static void
on_test_clicked (GtkButton             *button,
                 SsvSourcesPreferences *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, test_done_cb, g_object_ref (row));
  gint64 *id = g_new (gint64, 1);

  *id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "ssv-server-id"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Connecting…"));
  g_task_set_task_data (task, id, g_free);
  g_task_run_in_thread (task, test_thread);
}

typedef struct
{
  gint64  id;
  char   *kind;
  char   *url;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  if (removal == NULL)
    return;

  g_free (removal->kind);
  g_free (removal->url);
  g_free (removal);
}

static gboolean
remove_source (SsvContext  *context,
               gpointer     data,
               GError     **error)
{
  Removal *removal = data;
  /* Asked before the row goes: the key is the server's UUID. */
  g_autofree char *key = ssv_server_token_dup_key (ssv_context_get_database (context), removal->id, NULL);

  if (!ssv_server_store_remove (ssv_context_get_database (context), removal->id, error))
    return FALSE;

  ssv_store_emit_changed (SSV_STORE (ssv_context_get_library_store (context)), "servers");
  if (!g_str_equal (removal->kind, "folder"))
    {
      ssv_image_cache_remove_server (ssv_context_get_image_cache (context), removal->url);
      /* The row is gone either way; a keyring that says no leaves only a token behind. */
      if (key != NULL)
        ssv_secrets_clear_sync (ssv_context_get_secrets (context), key, NULL, NULL);
    }

  return TRUE;
}

static void
on_remove_response (AdwMessageDialog      *dialog,
                    const char            *response,
                    SsvSourcesPreferences *self)
{
  Removal *removal = g_object_steal_data (G_OBJECT (dialog), "ssv-removal");

  if (g_strcmp0 (response, "remove") != 0 || removal == NULL)
    {
      removal_free (removal);
      return;
    }

  run_write (self, remove_source, removal, removal_free, TRUE);
}

static void
on_remove_clicked (GtkButton             *button,
                   SsvSourcesPreferences *self)
{
  SsvServerInfo *info = g_object_get_data (G_OBJECT (button), "ssv-server");
  gboolean folder = g_str_equal (info->kind, "folder");
  Removal *removal = g_new0 (Removal, 1);
  GtkWidget *dialog;

  /* The dialog outlives a refresh of the rows: it keeps its own copy. */
  removal->id = info->id;
  removal->kind = g_strdup (info->kind);
  removal->url = g_strdup (info->url);

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window),
                                   folder ? _("Remove the Folder?") : _("Remove the Server?"),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  folder ? _("The titles found in “%s” leave the library. The files themselves stay where they are.")
                                         : _("The titles from “%s” leave the library and its token leaves the keyring. The server itself is not changed."),
                                  info->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ssv-removal", removal, removal_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
remove_button (SsvServerInfo         *info,
               SsvSourcesPreferences *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *label = g_str_equal (info->kind, "folder") ? _("Remove Folder") : _("Remove Server");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "ssv-server", info);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  return button;
}

static GtkWidget *
server_row (SsvSourcesPreferences *self,
            SsvServerInfo         *info)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *token_row = adw_password_entry_row_new ();
  GtkWidget *test_row = adw_action_row_new ();
  GtkWidget *test_button = gtk_button_new_with_mnemonic (_("_Test"));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", g_str_equal (info->kind, "plex") ? "Plex" : "Jellyfin",
                                               info->url);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove_button (info, self));

  for (guint i = 0; i < info->libraries->len; i++)
    {
      SsvServerLibrary *library = g_ptr_array_index (info->libraries, i);
      g_autoptr(GtkStringList) kinds = gtk_string_list_new ((const char * const[]) {
        _("Not Scanned"), _("Movies"), _("Shows"), NULL });
      GtkWidget *kind_row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), library->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (kind_row), FALSE);
      adw_combo_row_set_model (ADW_COMBO_ROW (kind_row), G_LIST_MODEL (kinds));
      adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row),
                                  library->kind == SSV_LIBRARY_KIND_MOVIES ? 1 :
                                  library->kind == SSV_LIBRARY_KIND_SHOWS ? 2 : 0);
      g_object_set_data (G_OBJECT (kind_row), "ssv-server-id", GSIZE_TO_POINTER ((gsize) info->id));
      g_object_set_data_full (G_OBJECT (kind_row), "ssv-library-key", g_strdup (library->key), g_free);
      g_signal_connect_object (kind_row, "notify::selected", G_CALLBACK (on_library_kind_selected), self, 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), kind_row);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (token_row), _("New Token"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (token_row), TRUE);
  g_object_set_data (G_OBJECT (token_row), "ssv-server", info);
  g_signal_connect_object (token_row, "apply", G_CALLBACK (on_token_applied), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), token_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (test_row), _("Connection"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (test_row), _("Not tested"));
  gtk_widget_set_valign (test_button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (test_button), "ssv-server-id", GSIZE_TO_POINTER ((gsize) info->id));
  g_signal_connect_object (test_button, "clicked", G_CALLBACK (on_test_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (test_row), test_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), test_row);

  return row;
}

static GtkWidget *
folder_row (SsvSourcesPreferences *self,
            SsvServerInfo         *info)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *shown = g_filename_display_name (info->url);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("folder-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button (info, self));
  return row;
}

static void
servers_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SsvSourcesPreferences *self = SSV_SOURCES_PREFERENCES (source);
  g_autoptr(GError) error = NULL;
  GPtrArray *servers = g_task_propagate_pointer (G_TASK (result), &error);
  AdwPreferencesGroup *server_group;
  AdwPreferencesGroup *folder_group;

  if (servers == NULL || self->window == NULL)
    return;

  server_group = ssv_preferences_window_get_group (self->window, "sources", "servers");
  folder_group = ssv_preferences_window_get_group (self->window, "sources", "folders");

  for (guint i = 0; i < self->source_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->source_rows, i);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->source_rows, 0);

  /* The rows point at the infos; the widgets keep them alive. */
  g_object_set_data_full (G_OBJECT (server_group), "ssv-servers", servers, (GDestroyNotify) g_ptr_array_unref);

  g_object_ref (self->add_server_row);
  adw_preferences_group_remove (server_group, self->add_server_row);
  g_object_ref (self->add_folder_row);
  adw_preferences_group_remove (folder_group, self->add_folder_row);

  for (guint i = 0; i < servers->len; i++)
    {
      SsvServerInfo *info = g_ptr_array_index (servers, i);
      gboolean folder = g_str_equal (info->kind, "folder");
      GtkWidget *row = folder ? folder_row (self, info) : server_row (self, info);

      adw_preferences_group_add (folder ? folder_group : server_group, row);
      g_ptr_array_add (self->source_rows, row);
    }

  adw_preferences_group_add (server_group, self->add_server_row);
  g_object_unref (self->add_server_row);
  adw_preferences_group_add (folder_group, self->add_folder_row);
  g_object_unref (self->add_folder_row);
}

static void
load_servers_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  SsvSourcesPreferences *self = source_object;
  GError *error = NULL;
  GPtrArray *servers = ssv_server_store_list (ssv_context_get_database (self->context), &error);

  if (servers == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, servers, (GDestroyNotify) g_ptr_array_unref);
}

static void
refresh (SsvSourcesPreferences *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, servers_loaded_cb, NULL);

  g_task_run_in_thread (task, load_servers_thread);
}

static void
on_library_changed (SsvSourcesPreferences *self,
                    const char            *detail)
{
  if (g_strcmp0 (detail, "servers") == 0 || g_strcmp0 (detail, "all") == 0)
    refresh (self);
}

static void
on_add_server (GtkButton             *button,
               SsvSourcesPreferences *self)
{
  SsvServerDialog *dialog = ssv_server_dialog_new (self->context);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self->window));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_folder (GtkButton             *button,
               SsvSourcesPreferences *self)
{
  ssv_folder_chooser_run (GTK_WINDOW (self->window), self->context);
}

static GtkWidget *
add_row (const char *title,
         const char *button_label,
         GCallback   callback,
         gpointer    user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", callback, user_data, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static void
window_gone (gpointer  user_data,
             GObject  *where_the_object_was)
{
  SsvSourcesPreferences *self = user_data;

  self->window = NULL;
  g_cancellable_cancel (self->cancellable);
}

static void
ssv_sources_preferences_dispose (GObject *object)
{
  SsvSourcesPreferences *self = SSV_SOURCES_PREFERENCES (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->source_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ssv_sources_preferences_parent_class)->dispose (object);
}

static void
ssv_sources_preferences_class_init (SsvSourcesPreferencesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ssv_sources_preferences_dispose;
}

static void
ssv_sources_preferences_init (SsvSourcesPreferences *self)
{
  self->cancellable = g_cancellable_new ();
  self->source_rows = g_ptr_array_new ();
}

/**
 * ssv_sources_preferences_add:
 *
 * Adds the Sources page's rows to @window; they live as long as it does.
 */
void
ssv_sources_preferences_add (SsvPreferencesWindow *window)
{
  SsvSourcesPreferences *self = g_object_new (SSV_TYPE_SOURCES_PREFERENCES, NULL);

  self->window = window;
  self->context = g_object_ref (ssv_preferences_window_get_context (window));
  g_object_weak_ref (G_OBJECT (window), window_gone, self);
  g_object_set_data_full (G_OBJECT (window), "ssv-sources-preferences", self, g_object_unref);

  self->add_server_row = add_row (_("Connect a Plex or Jellyfin Server"), _("_Add Server…"),
                                  G_CALLBACK (on_add_server), self);
  gtk_widget_set_name (self->add_server_row, "add-server");
  ssv_preferences_window_add_row (window, "sources", "servers", self->add_server_row);

  self->add_folder_row = add_row (_("Add a Folder With Movies or Shows"), _("Add _Folder…"),
                                  G_CALLBACK (on_add_folder), self);
  gtk_widget_set_name (self->add_folder_row, "add-folder");
  ssv_preferences_window_add_row (window, "sources", "folders", self->add_folder_row);

  add_scanning_rows (self);

  g_signal_connect_object (ssv_context_get_library_store (self->context), "changed",
                           G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);
  refresh (self);
}
