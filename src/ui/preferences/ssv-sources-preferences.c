/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-sources-preferences.c: the Sources page of Preferences: servers (libraries, token, test,
 * remove), folders (add, remove), scan mode and Scan Now. Every read and write runs in a
 * worker thread on copies, never on the page; rows are rebuilt when the sources change. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-folder-chooser.h"
#include "dialogs/ssv-server-dialog.h"
#include "stores/ssv-server-store.h"
#include "ssv-server-token.h"
#include "stores/ssv-settings-store.h"
#include "preferences/ssv-sources-preferences.h"
#include "ssv-ui-utils.h"
#include "widgets/ssv-library-kind-row.h"
#include "ssv-thread.h"
#include "sources/ssv-media-source.h"
#include "sources/ssv-scanner.h"
#include "ssv-image-cache.h"
#include "stores/ssv-store.h"

struct _SsvSourcesPreferences
{
  SsvPreferencesPage   parent_instance;

  GPtrArray           *sources;      /* SsvServerInfo, as last read: what the rows show */
  GPtrArray           *source_rows;  /* rows to remove on refresh */
  GHashTable          *test_rows;    /* server id → its Connection row (not owned) */
  guint                n_running;    /* reads and writes on their way */
  gboolean             mode_loaded;

  /* Template widgets */
  AdwPreferencesGroup *servers_group;
  AdwPreferencesGroup *folders_group;
  GtkWidget           *add_server_row;
  GtkWidget           *add_folder_row;
  AdwComboRow         *mode_row;
};

G_DEFINE_FINAL_TYPE (SsvSourcesPreferences, ssv_sources_preferences, SSV_TYPE_PREFERENCES_PAGE)

static const char * const mode_names[] = { "incremental", "full", "deep" };

static void refresh (SsvSourcesPreferences *self);

/* ---- running store functions off the UI thread ------------------------------------- */

/* Runs in a worker thread, on the context and a copy of what the person chose. */
typedef gboolean (*WriteFunc) (SsvContext  *context,
                               gpointer     data,
                               GError     **error);

typedef struct
{
  SsvContext     *context;
  WriteFunc       func;
  gpointer        data;
  GDestroyNotify  free_data;
  char           *done_message;   /* a toast once it is written, or NULL */
  gboolean        refresh_after;
} Work;

static void
work_free (gpointer user_data)
{
  Work *work = user_data;

  if (work->free_data != NULL)
    work->free_data (work->data);
  g_clear_object (&work->context);
  g_free (work->done_message);
  g_free (work);
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  /* A write the person asked for is kept even when the page closes meanwhile. */
  if (work->func (work->context, work->data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
work_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SsvSourcesPreferences) self = user_data;
  Work *work = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* The page is gone: its widgets are not touched. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_running--;
  if (error != NULL)
    ssv_ui_toast (GTK_WIDGET (self), error->message);
  else if (work->done_message != NULL)
    ssv_ui_toast (GTK_WIDGET (self), work->done_message);

  if (work->refresh_after)
    refresh (self);
}

static void
run_write (SsvSourcesPreferences *self,
           WriteFunc              func,
           gpointer               data,
           GDestroyNotify         free_data,
           const char            *done_message,
           gboolean               refresh_after)
{
  SsvPreferencesPage *page = SSV_PREFERENCES_PAGE (self);
  g_autoptr(GTask) task = g_task_new (NULL, ssv_preferences_page_get_cancellable (page),
                                      work_done_cb, g_object_ref (self));
  Work *work = g_new0 (Work, 1);

  work->context = g_object_ref (ssv_preferences_page_get_context (page));
  work->func = func;
  work->data = data;
  work->free_data = free_data;
  work->done_message = g_strdup (done_message);
  work->refresh_after = refresh_after;

  self->n_running++;
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
on_mode_selected (SsvSourcesPreferences *self)
{
  guint selected = MIN (adw_combo_row_get_selected (self->mode_row), 2);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->mode_row), mode_description (selected));
  /* Only what the person picks is saved, not the stored mode arriving. */
  if (self->mode_loaded)
    run_write (self, save_mode, g_strdup (mode_names[selected]), g_free, NULL, FALSE);
}

static void
load_mode_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SsvContext *context = task_data;
  GError *error = NULL;
  char *mode = ssv_settings_store_get (ssv_context_get_database (context), "scan.mode", &error);

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, mode, g_free);
}

static void
mode_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SsvSourcesPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_running--;
  if (error != NULL)
    ssv_ui_toast (GTK_WIDGET (self), error->message);

  for (guint i = 0; i < G_N_ELEMENTS (mode_names); i++)
    if (g_strcmp0 (mode, mode_names[i]) == 0)
      adw_combo_row_set_selected (self->mode_row, i);
  self->mode_loaded = TRUE;
}

/* ---- servers and folders ----------------------------------------------------------- */

static SsvServerInfo *
find_source (SsvSourcesPreferences *self,
             gint64                 id)
{
  for (guint i = 0; self->sources != NULL && i < self->sources->len; i++)
    {
      SsvServerInfo *info = g_ptr_array_index (self->sources, i);

      if (info->id == id)
        return info;
    }

  return NULL;
}

/* What a row's signal needs to know: which source, which of its libraries. */
typedef struct
{
  gint64  id;
  char   *library_key;
} RowTarget;

static RowTarget *
row_target_new (gint64      id,
                const char *library_key)
{
  RowTarget *target = g_new0 (RowTarget, 1);

  target->id = id;
  target->library_key = g_strdup (library_key);
  return target;
}

static void
row_target_free (gpointer data,
                 GClosure *closure)
{
  RowTarget *target = data;

  g_free (target->library_key);
  g_free (target);
}

static SsvSourcesPreferences *
page_of (GtkWidget *row)
{
  return SSV_SOURCES_PREFERENCES (gtk_widget_get_ancestor (row, SSV_TYPE_SOURCES_PREFERENCES));
}

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
on_library_kind_selected (AdwComboRow *row,
                          GParamSpec  *pspec,
                          RowTarget   *target)
{
  KindChange *change = g_new0 (KindChange, 1);

  change->id = target->id;
  change->key = g_strdup (target->library_key);
  change->kind = ssv_library_kind_row_get_kind (row);
  run_write (page_of (GTK_WIDGET (row)), save_library_kind, change, kind_change_free, NULL, FALSE);
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
  /* Translators: the keyring item's name; %s is the server's name */
  g_autofree char *label = g_strdup_printf (_("SoulSync Video: token for %s"), change->name);

  if (!ssv_server_token_store_sync (ssv_context_get_secrets (context), ssv_context_get_database (context),
                                    change->id, label, change->token, NULL, error))
    return FALSE;

  ssv_image_cache_add_server (ssv_context_get_image_cache (context), change->kind, change->url, change->token);
  return TRUE;
}

static void
on_token_applied (AdwEntryRow *row,
                  RowTarget   *target)
{
  SsvSourcesPreferences *self = page_of (GTK_WIDGET (row));
  SsvServerInfo *info = find_source (self, target->id);
  TokenChange *change;

  if (info == NULL)
    return;

  change = g_new0 (TokenChange, 1);
  change->id = info->id;
  change->kind = g_strdup (info->kind);
  change->url = g_strdup (info->url);
  change->name = g_strdup (info->name);
  change->token = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  /* Out of the widget: it is on its way to the keyring. */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  run_write (self, save_token, change, token_change_free, _("Token saved"), FALSE);
}

typedef struct
{
  SsvContext *context;
  gint64      id;
} TestData;

static void
test_data_free (gpointer data)
{
  TestData *test = data;

  g_clear_object (&test->context);
  g_free (test);
}

static void
test_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TestData *test = task_data;
  g_autoptr(SsvMediaSource) source = NULL;
  GError *error = NULL;
  char *description;

  g_assert (!SSV_IS_MAIN_THREAD ());

  source = ssv_scanner_create_source (ssv_context_get_scanner (test->context), test->id, cancellable, &error);
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
  g_autoptr(SsvSourcesPreferences) self = user_data;
  TestData *test = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *description = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *text = NULL;
  AdwActionRow *row;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_running--;
  /* The rows may have been rebuilt meanwhile: the server's row now, if it still has one. */
  row = g_hash_table_lookup (self->test_rows, &test->id);
  if (row == NULL)
    return;

  /* Translators: %s is the server, e.g. "nas (Jellyfin 10.9.11)" */
  text = description ? g_strdup_printf (_("Connected to %s"), description) : g_strdup (error->message);
  adw_action_row_set_subtitle (row, text);
}

static void
test_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SsvSourcesPreferences *self = SSV_SOURCES_PREFERENCES (widget);
  SsvPreferencesPage *page = SSV_PREFERENCES_PAGE (self);
  g_autoptr(GTask) task = g_task_new (NULL, ssv_preferences_page_get_cancellable (page),
                                      test_done_cb, g_object_ref (self));
  TestData *test = g_new0 (TestData, 1);
  AdwActionRow *row;

  test->context = g_object_ref (ssv_preferences_page_get_context (page));
  test->id = g_variant_get_int64 (parameter);
  row = g_hash_table_lookup (self->test_rows, &test->id);
  if (row != NULL)
    adw_action_row_set_subtitle (row, _("Connecting…"));

  self->n_running++;
  g_task_set_source_tag (task, test_source_action);
  g_task_set_task_data (task, test, test_data_free);
  g_task_run_in_thread (task, test_thread);
}

typedef struct
{
  GWeakRef  page;
  gint64    id;
  char     *kind;
  char     *url;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_weak_ref_clear (&removal->page);
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
removal_closure_free (gpointer  data,
                      GClosure *closure)
{
  removal_free (data);
}

/* The question holds the removal; an answer of "remove" hands the write its own copy. */
static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Removal          *asked)
{
  g_autoptr(SsvSourcesPreferences) self = g_weak_ref_get (&asked->page);
  Removal *removal;

  /* The page went while the question was open: nothing is removed. */
  if (g_strcmp0 (response, "remove") != 0 || self == NULL ||
      ssv_preferences_page_get_context (SSV_PREFERENCES_PAGE (self)) == NULL)
    return;

  removal = g_new0 (Removal, 1);
  g_weak_ref_init (&removal->page, NULL);
  removal->id = asked->id;
  removal->kind = g_strdup (asked->kind);
  removal->url = g_strdup (asked->url);
  run_write (self, remove_source, removal, removal_free, NULL, TRUE);
}

static void
remove_source_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SsvSourcesPreferences *self = SSV_SOURCES_PREFERENCES (widget);
  SsvServerInfo *info = find_source (self, g_variant_get_int64 (parameter));
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean folder;
  Removal *removal;
  GtkWidget *dialog;

  if (info == NULL)
    return;

  /* The question outlives a refresh of the rows: it keeps its own copy. */
  folder = g_str_equal (info->kind, "folder");
  removal = g_new0 (Removal, 1);
  g_weak_ref_init (&removal->page, self);
  removal->id = info->id;
  removal->kind = g_strdup (info->kind);
  removal->url = g_strdup (info->url);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
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
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_remove_response),
                         removal, removal_closure_free, 0);
  /* Part of the app, and closed with Preferences. */
  ssv_ui_present_window (GTK_WINDOW (dialog), widget);
}

static GtkWidget *
remove_button (SsvServerInfo *info)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *label = g_str_equal (info->kind, "folder") ? _("Remove Folder") : _("Remove Server");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "sources.remove-source");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", info->id);
  return button;
}

static GtkWidget *
library_row (SsvServerInfo    *info,
             SsvServerLibrary *library)
{
  GtkWidget *row = ssv_library_kind_row_new (library->name, library->kind);

  /* Connected once the stored kind shows, so that showing it saves nothing. */
  g_signal_connect_data (row, "notify::selected", G_CALLBACK (on_library_kind_selected),
                         row_target_new (info->id, library->key), row_target_free, 0);
  return row;
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
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove_button (info));

  for (guint i = 0; i < info->libraries->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), library_row (info, g_ptr_array_index (info->libraries, i)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (token_row), _("New Token"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (token_row), TRUE);
  g_signal_connect_data (token_row, "apply", G_CALLBACK (on_token_applied),
                         row_target_new (info->id, NULL), row_target_free, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), token_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (test_row), _("Connection"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (test_row), _("Not tested"));
  gtk_widget_set_valign (test_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (test_button), "sources.test-source");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (test_button), "x", info->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (test_row), test_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), test_row);
  g_hash_table_insert (self->test_rows, g_memdup2 (&info->id, sizeof info->id), test_row);

  return row;
}

static GtkWidget *
folder_row (SsvServerInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *shown = g_filename_display_name (info->url);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("folder-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button (info));
  return row;
}

/* Keeps @last at the end of @group, after what is added meanwhile. */
static void
move_to_end (AdwPreferencesGroup *group,
             GtkWidget           *last)
{
  g_object_ref (last);
  adw_preferences_group_remove (group, last);
  adw_preferences_group_add (group, last);
  g_object_unref (last);
}

static void
show_sources (SsvSourcesPreferences *self,
              GPtrArray             *sources)
{
  for (guint i = 0; i < self->source_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->source_rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->source_rows, 0);
  g_hash_table_remove_all (self->test_rows);

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  self->sources = g_ptr_array_ref (sources);

  for (guint i = 0; i < sources->len; i++)
    {
      SsvServerInfo *info = g_ptr_array_index (sources, i);
      gboolean folder = g_str_equal (info->kind, "folder");
      GtkWidget *row = folder ? folder_row (info) : server_row (self, info);

      adw_preferences_group_add (folder ? self->folders_group : self->servers_group, row);
      g_ptr_array_add (self->source_rows, row);
    }

  move_to_end (self->servers_group, self->add_server_row);
  move_to_end (self->folders_group, self->add_folder_row);
}

static void
load_sources_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  SsvContext *context = task_data;
  GError *error = NULL;
  GPtrArray *sources = ssv_server_store_list (ssv_context_get_database (context), &error);

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (sources == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sources, (GDestroyNotify) g_ptr_array_unref);
}

static void
sources_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SsvSourcesPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_running--;
  if (sources == NULL)
    ssv_ui_toast (GTK_WIDGET (self), error->message);
  else
    show_sources (self, sources);
}

/* Reads the context in a worker thread; the page is never read there. */
static void
run_read (SsvSourcesPreferences *self,
          GTaskThreadFunc        thread_func,
          GAsyncReadyCallback    callback)
{
  SsvPreferencesPage *page = SSV_PREFERENCES_PAGE (self);
  g_autoptr(GTask) task = g_task_new (NULL, ssv_preferences_page_get_cancellable (page),
                                      callback, g_object_ref (self));

  self->n_running++;
  g_task_set_source_tag (task, run_read);
  g_task_set_task_data (task, g_object_ref (ssv_preferences_page_get_context (page)), g_object_unref);
  g_task_run_in_thread (task, thread_func);
}

static void
refresh (SsvSourcesPreferences *self)
{
  run_read (self, load_sources_thread, sources_loaded_cb);
}

static void
on_library_changed (SsvSourcesPreferences *self,
                    const char            *detail)
{
  if (g_strcmp0 (detail, "servers") == 0 || g_strcmp0 (detail, "all") == 0)
    refresh (self);
}

static GtkWindow *
window_of (SsvSourcesPreferences *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_server_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsvContext *context = ssv_preferences_page_get_context (SSV_PREFERENCES_PAGE (widget));

  ssv_ui_present_window (GTK_WINDOW (ssv_server_dialog_new (context)), widget);
}

static void
add_folder_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsvSourcesPreferences *self = SSV_SOURCES_PREFERENCES (widget);

  ssv_folder_chooser_run (window_of (self), ssv_preferences_page_get_context (SSV_PREFERENCES_PAGE (self)));
}

/* Whether a read or write of the page is on its way. */
gboolean
ssv_sources_preferences_get_busy (SsvSourcesPreferences *self)
{
  g_return_val_if_fail (SSV_IS_SOURCES_PREFERENCES (self), FALSE);

  return self->n_running > 0;
}

static void
ssv_sources_preferences_load (SsvPreferencesPage *page,
                              SsvContext         *context)
{
  SsvSourcesPreferences *self = SSV_SOURCES_PREFERENCES (page);

  g_signal_connect_object (ssv_context_get_library_store (context), "changed",
                           G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);
  run_read (self, load_mode_thread, mode_loaded_cb);
  refresh (self);
}

static void
ssv_sources_preferences_dispose (GObject *object)
{
  SsvSourcesPreferences *self = SSV_SOURCES_PREFERENCES (object);

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->source_rows, g_ptr_array_unref);
  g_clear_pointer (&self->test_rows, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_SOURCES_PREFERENCES);

  G_OBJECT_CLASS (ssv_sources_preferences_parent_class)->dispose (object);
}

static void
ssv_sources_preferences_class_init (SsvSourcesPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsvPreferencesPageClass *page_class = SSV_PREFERENCES_PAGE_CLASS (klass);

  object_class->dispose = ssv_sources_preferences_dispose;
  page_class->load = ssv_sources_preferences_load;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/preferences/ssv-sources-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvSourcesPreferences, servers_group);
  gtk_widget_class_bind_template_child (widget_class, SsvSourcesPreferences, folders_group);
  gtk_widget_class_bind_template_child (widget_class, SsvSourcesPreferences, add_server_row);
  gtk_widget_class_bind_template_child (widget_class, SsvSourcesPreferences, add_folder_row);
  gtk_widget_class_bind_template_child (widget_class, SsvSourcesPreferences, mode_row);

  gtk_widget_class_install_action (widget_class, "sources.add-server", NULL, add_server_action);
  gtk_widget_class_install_action (widget_class, "sources.add-folder", NULL, add_folder_action);
  gtk_widget_class_install_action (widget_class, "sources.test-source", "x", test_source_action);
  gtk_widget_class_install_action (widget_class, "sources.remove-source", "x", remove_source_action);
}

static void
ssv_sources_preferences_init (SsvSourcesPreferences *self)
{
  self->source_rows = g_ptr_array_new ();
  self->test_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->mode_row), mode_description (0));
  g_signal_connect_object (self->mode_row, "notify::selected", G_CALLBACK (on_mode_selected), self,
                           G_CONNECT_SWAPPED);
}
