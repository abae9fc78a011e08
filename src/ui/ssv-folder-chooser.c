/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-folder-chooser.c: a native folder chooser; the chosen folder becomes a source (rows
 * written off the UI thread) and is scanned at once. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-folder-chooser.h"
#include "sources/ssv-folder-source.h"
#include "stores/ssv-server-store.h"
#include "ssv-ui-utils.h"
#include "ssv-thread.h"
#include "stores/ssv-store.h"

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SsvContext *context = source_object;
  const char *path = task_data;
  SsvDatabase *db = ssv_context_get_database (context);
  g_autoptr(SsvFolderSource) source = ssv_folder_source_new (path);
  g_autoptr(GPtrArray) libraries = NULL;
  g_autofree char *described = NULL;
  g_autofree char *name = g_path_get_basename (ssv_folder_source_get_path (source));
  GError *error = NULL;
  gint64 id = 0;

  g_assert (!SSV_IS_MAIN_THREAD ());

  described = ssv_media_source_test_connection (SSV_MEDIA_SOURCE (source), cancellable, &error);
  if (described == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  libraries = ssv_media_source_list_libraries (SSV_MEDIA_SOURCE (source), cancellable, &error);
  if (libraries == NULL ||
      !ssv_server_store_add (db, "folder", name, ssv_folder_source_get_path (source), NULL,
                             &id, NULL, &error) ||
      !ssv_server_store_set_libraries (db, id, libraries, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  ssv_store_emit_changed (SSV_STORE (ssv_context_get_library_store (context)), "servers");
  g_task_return_int (task, id);
}

/**
 * ssv_folder_source_add_async:
 * @path: an absolute folder path
 *
 * Keeps @path as a source (both movies and shows) and finishes with its row id.
 */
void
ssv_folder_source_add_async (SsvContext          *context,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (context, cancellable, callback, user_data);

  g_task_set_source_tag (task, ssv_folder_source_add_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, add_thread);
}

gint64
ssv_folder_source_add_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_int (G_TASK (result), error);
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GtkWidget) asker = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = ssv_folder_source_add_finish (result, &error);

  if (id <= 0)
    {
      ssv_ui_toast (asker, error->message);
      return;
    }

  /* Scans are the app's, whichever window asked. */
  gtk_widget_activate_action (asker, "app.scan-source", "x", id);
  ssv_ui_toast (asker, _("Folder added; scanning it now"));
}

/* Adds @path and, once it is stored, asks @widget's window to scan it. */
void
ssv_folder_source_add_and_scan (GtkWidget  *widget,
                                SsvContext *context,
                                const char *path)
{
  ssv_folder_source_add_async (context, path, NULL, added_cb, g_object_ref (widget));
}

typedef struct
{
  GtkWindow  *parent;
  SsvContext *context;
} ChooserData;

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  ChooserData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

      if (data->parent == NULL)
        g_warning ("A folder was chosen with no window to add it from");
      else if (path == NULL)
        ssv_ui_toast (GTK_WIDGET (data->parent), _("Only folders on this computer can be added."));
      else
        ssv_folder_source_add_and_scan (GTK_WIDGET (data->parent), data->context, path);
    }

  g_clear_object (&data->parent);
  g_clear_object (&data->context);
  g_free (data);
  g_object_unref (dialog);
}

/* Opens the chooser; what follows (store, scan, toast) needs no more from the caller. */
void
ssv_folder_chooser_run (GtkWindow  *parent,
                        SsvContext *context)
{
  GtkFileChooserNative *chooser;
  ChooserData *data = g_new0 (ChooserData, 1);

  chooser = gtk_file_chooser_native_new (_("Add a Folder"), parent, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  data->parent = parent ? g_object_ref (parent) : NULL;
  data->context = g_object_ref (context);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
