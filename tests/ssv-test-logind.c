/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-test-logind.c: a private system bus with python-dbusmock's logind on it, and its
 * PrepareForSleep signal on cue: sleep and wake for the tests. */

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>

#include "ssv-test-logind.h"

static gboolean
name_owned (gpointer data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.login1"), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

/* A failed assertion aborts the test: the bus and the mock go with it. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* A private bus daemon as the system bus (not GTestDBus: its teardown waits for the session
 * bus, which the keyring keeps), with python-dbusmock's logind on it. */
void
ssv_test_logind_up (SsvTestLogind *logind)
{
  const char *bus_argv[] = { "dbus-daemon", "--session", "--nofork", "--print-address=1", NULL };
  const char *mock_argv[] = { "/usr/bin/python3", "-m", "dbusmock", "--template", "logind", "--system", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *address = NULL;
  int out = -1;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) bus_argv, NULL,
                                           G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, die_with_parent, NULL,
                                           &logind->bus, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_read_line (channel, &address, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", g_strstrip (address), TRUE);

  g_assert_true (g_spawn_async (NULL, (char **) mock_argv, NULL,
                                G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_DO_NOT_REAP_CHILD,
                                die_with_parent, NULL, &logind->mock, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 400 && !name_owned (NULL); i++)
    g_usleep (50 * 1000);
  g_assert_true (name_owned (NULL));
}

void
ssv_test_logind_down (SsvTestLogind *logind)
{
  kill (logind->mock, SIGTERM);
  g_spawn_close_pid (logind->mock);
  kill (logind->bus, SIGTERM);
  g_spawn_close_pid (logind->bus);
  g_unsetenv ("DBUS_SYSTEM_BUS_ADDRESS");
}

void
ssv_test_logind_prepare_for_sleep (gboolean going)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  GVariantBuilder args;

  g_variant_builder_init (&args, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&args, "v", g_variant_new_boolean (going));
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.login1", "/org/freedesktop/login1",
                                       "org.freedesktop.DBus.Mock", "EmitSignal",
                                       g_variant_new ("(sssav)", "org.freedesktop.login1.Manager",
                                                      "PrepareForSleep", "b", &args),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}
