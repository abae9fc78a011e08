/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-autostart.c: an XDG autostart entry that starts the app as a background
 * service (no window) at login, so airing notifications arrive; inside Flatpak the
 * Background portal's RequestBackground instead. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ssv-autostart.h"

/* ~/.config/autostart/com.soulsync.Video.desktop */
char *
ssv_autostart_dup_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APPLICATION_ID ".desktop", NULL);
}

static gboolean read_granted (void);

gboolean
ssv_autostart_is_enabled (void)
{
  g_autofree char *path = NULL;

  if (ssv_autostart_uses_portal ())
    return read_granted ();
  path = ssv_autostart_dup_path ();

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

gboolean
ssv_autostart_set_enabled (gboolean   enabled,
                           GError   **error)
{
  g_autofree char *path = ssv_autostart_dup_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) entry = NULL;
  g_autofree char *text = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not stop starting at login: %s"), g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  entry = g_key_file_new ();
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE, "Application");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, _("SoulSync Video"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Tells you when episodes of the shows you follow air"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APPLICATION_ID);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC,
                         "soulsync-video --gapplication-service");
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TERMINAL, FALSE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-UsesNotifications", "true");

  text = g_key_file_to_data (entry, NULL, NULL);
  return g_file_set_contents (path, text, -1, error);
}

/* ---- the Background portal (inside Flatpak) ----------------------------------------- */

#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"

/* Inside Flatpak the sandbox cannot write the host's autostart folder: the
 * Background portal asks the person and writes it. SSV_BACKGROUND_PORTAL=1 asks
 * the portal outside Flatpak too (tests, and hosts that prefer it). */
gboolean
ssv_autostart_uses_portal (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ||
         g_strcmp0 (g_getenv ("SSV_BACKGROUND_PORTAL"), "1") == 0;
}

/* What the portal granted last, kept in the app's own config: the sandbox cannot see the host's entry. */
static char *
dup_granted_path (void)
{
  return g_build_filename (g_get_user_config_dir (), APPLICATION_ID, "autostart-granted", NULL);
}

static gboolean
read_granted (void)
{
  g_autofree char *path = dup_granted_path ();
  g_autofree char *text = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) && g_str_has_prefix (text, "true");
}

static gboolean
write_granted (gboolean   granted,
               GError   **error)
{
  g_autofree char *path = dup_granted_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents (path, granted ? "true\n" : "false\n", -1, error);
}

typedef struct
{
  GDBusConnection *bus;
  guint            subscription;
  gboolean         enabled;
} PortalRequest;

static void
portal_request_free (PortalRequest *request)
{
  if (request->subscription != 0)
    g_dbus_connection_signal_unsubscribe (request->bus, request->subscription);
  g_clear_object (&request->bus);
  g_free (request);
}

/* org.freedesktop.portal.Request::Response (u response, a{sv} results) */
static void
on_response (GDBusConnection *bus,
             const char      *sender,
             const char      *path,
             const char      *interface,
             const char      *signal,
             GVariant        *parameters,
             gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  PortalRequest *request = g_task_get_task_data (task);
  g_autoptr(GVariant) results = NULL;
  g_autoptr(GError) error = NULL;
  gboolean background = FALSE;
  gboolean autostart = FALSE;
  guint32 response = 2;

  g_dbus_connection_signal_unsubscribe (bus, request->subscription);
  request->subscription = 0;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("The Background portal answered nonsense."));
      return;
    }
  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "background", "b", &background);
  g_variant_lookup (results, "autostart", "b", &autostart);

  if (response == 1)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Starting at login was not allowed."));
      return;
    }
  if (response != 0 || (request->enabled && !autostart))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               _("The system did not allow starting at login. Allow it in Settings → Apps."));
      return;
    }
  if (!write_granted (autostart, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_requested (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortalRequest *request = g_task_get_task_data (task);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      if (request->subscription != 0)
        {
          g_dbus_connection_signal_unsubscribe (request->bus, request->subscription);
          request->subscription = 0;
          /* The subscription held a reference. */
          g_object_unref (task);
        }
      g_dbus_error_strip_remote_error (error);
      g_prefix_error (&error, "%s", _("Could not ask to start at login: "));
      g_task_return_error (task, g_steal_pointer (&error));
    }
}

static void
request_background (GTask    *task,
                    gboolean  enabled)
{
  PortalRequest *request = g_new0 (PortalRequest, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = g_strdup_printf ("ssv%u", g_random_int ());
  g_autofree char *sender = NULL;
  g_autofree char *handle = NULL;
  GVariantBuilder options;
  const char *commandline[] = { "soulsync-video", "--gapplication-service", NULL };

  request->enabled = enabled;
  g_task_set_task_data (task, request, (GDestroyNotify) portal_request_free);
  request->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, g_task_get_cancellable (task), &error);
  if (request->bus == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  /* The request's path is known before the call, so its answer cannot be missed. */
  sender = g_strdup (g_dbus_connection_get_unique_name (request->bus) + 1);
  g_strdelimit (sender, ".", '_');
  handle = g_strdup_printf (PORTAL_PATH "/request/%s/%s", sender, token);
  request->subscription = g_dbus_connection_signal_subscribe (request->bus, PORTAL_NAME,
                                                              "org.freedesktop.portal.Request", "Response",
                                                              handle, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                                              on_response, g_object_ref (task), NULL);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("To tell you when episodes of the shows you follow air")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (enabled));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (request->bus, PORTAL_NAME, PORTAL_PATH, "org.freedesktop.portal.Background",
                          "RequestBackground", g_variant_new ("(sa{sv})", "", &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1, g_task_get_cancellable (task),
                          on_requested, task);
}

/**
 * ssv_autostart_set_enabled_async:
 *
 * Starts at login (or stops): inside Flatpak by asking the Background portal,
 * which may ask the person; elsewhere by the autostart entry.
 */
void
ssv_autostart_set_enabled_async (gboolean             enabled,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, ssv_autostart_set_enabled_async);

  if (ssv_autostart_uses_portal ())
    {
      request_background (task, enabled);
      return;
    }

  if (ssv_autostart_set_enabled (enabled, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  g_object_unref (task);
}

gboolean
ssv_autostart_set_enabled_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
