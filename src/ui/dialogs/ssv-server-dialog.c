/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-server-dialog.c: tests the address and token off the UI thread, shows the server's
 * libraries to map, then saves the server (row) and token (keyring) and asks for a scan.
 * A server the library has already is edited, never added twice nor removed. Closing the
 * dialog cancels what is on its way; the threads see only copies, never the dialog. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dialogs/ssv-server-dialog.h"
#include "stores/ssv-server-store.h"
#include "ssv-server-token.h"
#include "sources/ssv-source-factory.h"
#include "ssv-ui-utils.h"
#include "widgets/ssv-library-kind-row.h"
#include "ssv-thread.h"
#include "ssv-image-cache.h"
#include "stores/ssv-store.h"

typedef struct
{
  char          *name;
  char          *description;
  char          *user_id;
  char          *user_name;
  char          *machine_id;
  GPtrArray     *libraries;   /* SsvMediaLibrary */
  SsvServerInfo *known;       /* the library's row for this address, or NULL */
} TestResult;

struct _SsvServerDialog
{
  AdwWindow          parent_instance;

  SsvContext        *context;
  GCancellable      *cancellable;    /* the test or the save on its way */
  TestResult        *tested;
  GPtrArray         *library_rows;   /* AdwComboRow, in the order of tested->libraries */
  gboolean           saving;

  AdwComboRow       *kind_row;
  AdwEntryRow       *url_row;
  AdwEntryRow       *token_row;
  AdwActionRow      *test_row;
  GtkSpinner        *test_spinner;
  AdwPreferencesGroup *known_group;
  AdwActionRow      *known_row;
  AdwPreferencesGroup *libraries_group;
  GtkButton         *add_button;
};

G_DEFINE_FINAL_TYPE (SsvServerDialog, ssv_server_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
test_result_free (TestResult *result)
{
  if (result == NULL)
    return;

  g_free (result->name);
  g_free (result->description);
  g_free (result->user_id);
  g_free (result->user_name);
  g_free (result->machine_id);
  g_clear_pointer (&result->libraries, g_ptr_array_unref);
  g_clear_pointer (&result->known, ssv_server_info_free);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestResult, test_result_free)

static const char *
selected_kind (SsvServerDialog *self)
{
  return adw_combo_row_get_selected (self->kind_row) == 1 ? "plex" : "jellyfin";
}

static char *
dup_url (SsvServerDialog *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  gsize len = strlen (url);

  while (len > 0 && url[len - 1] == '/')
    url[--len] = '\0';

  return g_steal_pointer (&url);
}

static void
set_status (SsvServerDialog *self,
            const char      *text,
            gboolean         busy)
{
  adw_action_row_set_subtitle (self->test_row, text);
  gtk_spinner_set_spinning (self->test_spinner, busy);
}

static void
update_actions (SsvServerDialog *self)
{
  gboolean busy = gtk_spinner_get_spinning (self->test_spinner) || self->saving;
  g_autofree char *url = dup_url (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "server.test", !busy && url[0] != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "server.save", !busy && self->tested != NULL);
}

/* Adding, or editing a server the library has: the title, the button and the note say which. */
static void
show_known (SsvServerDialog     *self,
            const SsvServerInfo *known)
{
  gtk_widget_set_visible (GTK_WIDGET (self->known_group), known != NULL);
  gtk_window_set_title (GTK_WINDOW (self), known ? _("Edit a Server") : _("Connect a Server"));
  gtk_button_set_label (self->add_button, known ? _("_Save") : _("_Add"));

  if (known != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the server's name, e.g. "nas" */
      text = g_strdup_printf (_("Saving updates “%s”: its token and which libraries are scanned. "
                                "Nothing is added twice."),
                              known->name);

      adw_action_row_set_subtitle (self->known_row, text);
    }
}

/* Anything typed makes the last test stale. */
static void
on_input_changed (SsvServerDialog *self)
{
  if (self->saving)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->tested, test_result_free);
  for (guint i = 0; i < self->library_rows->len; i++)
    adw_preferences_group_remove (self->libraries_group, g_ptr_array_index (self->library_rows, i));
  g_ptr_array_set_size (self->library_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->libraries_group), FALSE);
  show_known (self, NULL);
  set_status (self, _("Not tested yet"), FALSE);
  update_actions (self);
}

/* What a test needs, copied off the widgets: the thread never sees the dialog. */
typedef struct
{
  SsvHttp     *http;
  SsvDatabase *db;
  char        *kind;
  char        *url;
  char        *token;
} TestData;

static void
test_data_free (gpointer data)
{
  TestData *test = data;

  g_clear_object (&test->http);
  g_clear_object (&test->db);
  g_free (test->kind);
  g_free (test->url);
  g_free (test->token);
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
  g_autoptr(TestResult) result = g_new0 (TestResult, 1);
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  source = ssv_source_factory_new (test->http, test->kind, test->url, test->token, NULL);

  result->description = ssv_media_source_test_connection (source, cancellable, &error);
  if (result->description == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result->libraries = ssv_media_source_list_libraries (source, cancellable, &error);
  if (result->libraries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Whether this is a server the library has: then saving edits it. */
  result->known = ssv_server_store_lookup (test->db, test->kind, test->url, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  ssv_source_factory_read_identity (source, &result->name, &result->machine_id, &result->user_id,
                                    &result->user_name);

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) test_result_free);
}

/* The kind a library is scanned as: what the person chose before, for a server the
 * library has; what the server says it holds, for a new one. */
static SsvLibraryKind
likely_kind (const TestResult      *tested,
             const SsvMediaLibrary *library)
{
  for (guint i = 0; tested->known != NULL && i < tested->known->libraries->len; i++)
    {
      SsvServerLibrary *stored = g_ptr_array_index (tested->known->libraries, i);

      if (g_strcmp0 (stored->key, library->key) == 0)
        return stored->kind;
    }

  return library->kind;
}

static void
add_library_rows (SsvServerDialog *self)
{
  for (guint i = 0; i < self->tested->libraries->len; i++)
    {
      SsvMediaLibrary *library = g_ptr_array_index (self->tested->libraries, i);
      GtkWidget *row = ssv_library_kind_row_new (library->name ? library->name : library->key,
                                                 likely_kind (self->tested, library));

      adw_preferences_group_add (self->libraries_group, row);
      g_ptr_array_add (self->library_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->libraries_group), self->tested->libraries->len > 0);
}

static void
test_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SsvServerDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  TestResult *tested = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *text = NULL;

  /* Retyped or closed meanwhile: the dialog may be gone, nothing of it is touched. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (tested == NULL)
    {
      set_status (self, error->message, FALSE);
      update_actions (self);
      return;
    }

  self->tested = tested;
  /* Translators: %s is the server, e.g. "nas (Jellyfin 10.9.11)" */
  text = g_strdup_printf (_("Connected to %s"), tested->description);
  set_status (self, text, FALSE);
  show_known (self, tested->known);
  add_library_rows (self);
  update_actions (self);
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsvServerDialog *self = SSV_SERVER_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  TestData *test;
  g_autofree char *url = dup_url (self);

  if (!g_str_has_prefix (url, "http://") && !g_str_has_prefix (url, "https://"))
    {
      set_status (self, _("Enter the address with http:// or https://, like http://nas.local:8096."), FALSE);
      return;
    }

  on_input_changed (self);
  self->cancellable = g_cancellable_new ();
  set_status (self, _("Connecting…"), TRUE);
  update_actions (self);

  test = g_new0 (TestData, 1);
  test->http = g_object_ref (ssv_context_get_http (self->context));
  test->db = g_object_ref (ssv_context_get_database (self->context));
  test->kind = g_strdup (selected_kind (self));
  test->url = g_steal_pointer (&url);
  test->token = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row)));

  /* Not a reference: closing the dialog disposes it, which cancels the test. */
  task = g_task_new (NULL, self->cancellable, test_done_cb, self);
  g_task_set_source_tag (task, test_action);
  g_task_set_task_data (task, test, test_data_free);
  g_task_run_in_thread (task, test_thread);
}

/* What a save needs, copied off the widgets: the thread never sees the dialog. */
typedef struct
{
  SsvContext *context;
  char       *kind;
  char       *url;
  char       *token;
  char       *name;
  char       *user_id;
  char       *user_name;
  char       *machine_id;
  GPtrArray  *libraries;   /* SsvMediaLibrary, with the kinds chosen */
  gint64      id;          /* out: the server's row */
  gboolean    created;     /* out: the row is new */
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->context);
  g_free (save->kind);
  g_free (save->url);
  if (save->token != NULL)
    memset (save->token, 0, strlen (save->token));
  g_free (save->token);
  g_free (save->name);
  g_free (save->user_id);
  g_free (save->user_name);
  g_free (save->machine_id);
  g_clear_pointer (&save->libraries, g_ptr_array_unref);
  g_free (save);
}

static gboolean
store_token (SaveData      *save,
             GCancellable  *cancellable,
             GError       **error)
{
  /* Translators: the keyring item's name; %s is the server's name */
  g_autofree char *label = g_strdup_printf (_("SoulSync Video: token for %s"), save->name);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Under the server's UUID, never its row number. */
  return ssv_server_token_store_sync (ssv_context_get_secrets (save->context),
                                      ssv_context_get_database (save->context), save->id, label,
                                      save->token, cancellable, error);
}

/* The save, in a worker thread. A server the library had keeps everything when a step
 * fails (its token goes first, so a keyring that says no changes nothing); a new server
 * that cannot keep its token is not kept either, since it could not be scanned. */
static gboolean
save_server (SaveData      *save,
             GCancellable  *cancellable,
             GError       **error)
{
  SsvDatabase *db = ssv_context_get_database (save->context);

  if (!ssv_server_store_add (db, save->kind, save->name, save->url, save->user_id,
                             &save->id, &save->created, error))
    return FALSE;

  if (!save->created && !store_token (save, cancellable, error))
    return FALSE;

  if (!ssv_server_store_update_identity (db, save->id, save->name, save->user_id, save->user_name,
                                         save->machine_id, error) ||
      !ssv_server_store_set_libraries (db, save->id, save->libraries, error) ||
      (save->created && !store_token (save, cancellable, error)))
    {
      if (save->created)
        ssv_server_store_forget_new (db, save->id, NULL);
      return FALSE;
    }

  ssv_image_cache_add_server (ssv_context_get_image_cache (save->context), save->kind, save->url, save->token);
  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;
  gboolean saved = save_server (save, cancellable, &error);

  g_assert (!SSV_IS_MAIN_THREAD ());

  /* Kept or undone, the list of sources may have changed. */
  ssv_store_emit_changed (SSV_STORE (ssv_context_get_library_store (save->context)), "servers");

  if (saved)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SsvServerDialog *self = user_data;
  SaveData *save = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  /* Closed meanwhile: the save was cancelled (or had finished); the dialog may be gone. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->saving = FALSE;
  g_clear_object (&self->cancellable);

  if (error != NULL)
    {
      set_status (self, error->message, FALSE);
      update_actions (self);
      return;
    }

  message = g_strdup_printf (save->created ? _("Added “%s”; scanning it now")
                                            : _("Updated “%s”; scanning it now"),
                             save->name);
  gtk_widget_activate_action (GTK_WIDGET (self), "app.scan-source", "x", save->id);
  ssv_ui_toast (GTK_WIDGET (self), message);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsvServerDialog *self = SSV_SERVER_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  if (self->tested == NULL || self->saving)
    return;

  save = g_new0 (SaveData, 1);
  save->context = g_object_ref (self->context);
  save->kind = g_strdup (selected_kind (self));
  save->url = dup_url (self);
  save->token = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row)));
  save->name = g_strdup (self->tested->name ? self->tested->name : save->url);
  save->user_id = g_strdup (self->tested->user_id);
  save->user_name = g_strdup (self->tested->user_name);
  save->machine_id = g_strdup (self->tested->machine_id);
  save->libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  for (guint i = 0; i < self->tested->libraries->len; i++)
    {
      SsvMediaLibrary *library = g_ptr_array_index (self->tested->libraries, i);
      AdwComboRow *row = g_ptr_array_index (self->library_rows, i);

      g_ptr_array_add (save->libraries,
                       ssv_media_library_new (library->key, library->name, ssv_library_kind_row_get_kind (row)));
    }

  self->saving = TRUE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_status (self, _("Saving…"), TRUE);
  update_actions (self);

  /* Not a reference: closing the dialog disposes it, which cancels the save. */
  task = g_task_new (NULL, self->cancellable, save_done_cb, self);
  g_task_set_source_tag (task, save_action);
  g_task_set_task_data (task, save, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/* Fills the form, as a person would (tests, and a link that carries an address). */
void
ssv_server_dialog_fill (SsvServerDialog *self,
                        const char      *kind,
                        const char      *url,
                        const char      *token)
{
  g_return_if_fail (SSV_IS_SERVER_DIALOG (self));

  adw_combo_row_set_selected (self->kind_row, g_strcmp0 (kind, "plex") == 0 ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url ? url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), token ? token : "");
}

/* What the connection line says now. */
const char *
ssv_server_dialog_get_status (SsvServerDialog *self)
{
  return adw_action_row_get_subtitle (self->test_row);
}

/* The note a server the library has already brings ("This server is already in
 * your library"), or NULL while none shows. */
const char *
ssv_server_dialog_get_notice (SsvServerDialog *self)
{
  g_return_val_if_fail (SSV_IS_SERVER_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->known_group)))
    return NULL;

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->known_row));
}

/* Whether a save is on its way. */
gboolean
ssv_server_dialog_get_saving (SsvServerDialog *self)
{
  g_return_val_if_fail (SSV_IS_SERVER_DIALOG (self), FALSE);

  return self->saving;
}

static void
ssv_server_dialog_dispose (GObject *object)
{
  SsvServerDialog *self = SSV_SERVER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->tested, test_result_free);
  g_clear_pointer (&self->library_rows, g_ptr_array_unref);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_SERVER_DIALOG);

  G_OBJECT_CLASS (ssv_server_dialog_parent_class)->dispose (object);
}

static void
ssv_server_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SsvServerDialog *self = SSV_SERVER_DIALOG (object);

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
ssv_server_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SsvServerDialog *self = SSV_SERVER_DIALOG (object);

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
ssv_server_dialog_class_init (SsvServerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_server_dialog_dispose;
  object_class->get_property = ssv_server_dialog_get_property;
  object_class->set_property = ssv_server_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dialogs/ssv-server-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvServerDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SsvServerDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, SsvServerDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, SsvServerDialog, test_row);
  gtk_widget_class_bind_template_child (widget_class, SsvServerDialog, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvServerDialog, known_group);
  gtk_widget_class_bind_template_child (widget_class, SsvServerDialog, known_row);
  gtk_widget_class_bind_template_child (widget_class, SsvServerDialog, libraries_group);
  gtk_widget_class_bind_template_child (widget_class, SsvServerDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);

  gtk_widget_class_install_action (widget_class, "server.test", NULL, test_action);
  gtk_widget_class_install_action (widget_class, "server.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ssv_server_dialog_init (SsvServerDialog *self)
{
  self->library_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  update_actions (self);
}

SsvServerDialog *
ssv_server_dialog_new (SsvContext *context)
{
  return g_object_new (SSV_TYPE_SERVER_DIALOG, "context", context, NULL);
}
