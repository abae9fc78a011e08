/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-nntp.c: enough of RFC 3977 for a usenet client to log in, pick a group and be told
 * that the article it wants is not there, so its download fails the way an expired one does. */

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "ssv-fake-nntp.h"

struct _SsvFakeNntp
{
  GThread          *thread;
  GMainContext     *context;
  GMainLoop        *loop;
  GSocketService   *service;
  guint16           port;
  gint              requests;   /* article requests answered 430 */
};

static const char *
answer_for (SsvFakeNntp *self,
            const char  *line,
            gboolean    *quit)
{
  g_autofree char *command = g_ascii_strup (line, strcspn (line, " "));

  *quit = FALSE;
  if (g_str_equal (command, "QUIT"))
    {
      *quit = TRUE;
      return "205 closing connection\r\n";
    }
  if (g_str_equal (command, "ARTICLE") || g_str_equal (command, "BODY") ||
      g_str_equal (command, "HEAD") || g_str_equal (command, "STAT"))
    {
      g_atomic_int_inc (&self->requests);
      return "430 No article with that message-id\r\n";
    }
  if (g_str_equal (command, "GROUP"))
    return "211 0 0 0 alt.binaries.test\r\n";
  if (g_str_equal (command, "MODE"))
    return "200 reader mode, posting not permitted\r\n";
  if (g_str_equal (command, "AUTHINFO"))
    return g_ascii_strncasecmp (line, "AUTHINFO USER", 13) == 0 ? "381 password required\r\n"
                                                                : "281 authentication accepted\r\n";
  if (g_str_equal (command, "CAPABILITIES"))
    return "101 capability list\r\nVERSION 2\r\nREADER\r\n.\r\n";
  if (g_str_equal (command, "DATE"))
    return "111 20260101000000\r\n";

  return "500 unknown command\r\n";
}

static gboolean
on_run (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source,
        gpointer                user_data)
{
  SsvFakeNntp *self = user_data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GDataInputStream) in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  const char *greeting = "200 test news server ready, no articles\r\n";

  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_ANY);
  if (!g_output_stream_write_all (out, greeting, strlen (greeting), NULL, NULL, NULL))
    return TRUE;

  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, NULL);
      const char *reply;
      gboolean quit;

      if (line == NULL)
        break;
      reply = answer_for (self, g_strstrip (line), &quit);
      if (!g_output_stream_write_all (out, reply, strlen (reply), NULL, NULL, NULL) || quit)
        break;
    }

  return TRUE;
}

static gpointer
serve (gpointer data)
{
  SsvFakeNntp *self = data;

  g_main_context_push_thread_default (self->context);
  g_socket_service_start (self->service);
  g_main_loop_run (self->loop);
  g_socket_service_stop (self->service);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

SsvFakeNntp *
ssv_fake_nntp_new (void)
{
  SsvFakeNntp *self = g_new0 (SsvFakeNntp, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->service = g_threaded_socket_service_new (4);
  /* A new service accepts on the creating thread's context; ours runs its own. */
  g_socket_service_stop (self->service);
  g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (self->service, "run", G_CALLBACK (on_run), self);

  self->thread = g_thread_new ("fake-nntp", serve, self);
  return self;
}

guint16
ssv_fake_nntp_get_port (SsvFakeNntp *self)
{
  return self->port;
}

guint
ssv_fake_nntp_get_requests (SsvFakeNntp *self)
{
  return (guint) g_atomic_int_get (&self->requests);
}

void
ssv_fake_nntp_free (SsvFakeNntp *self)
{
  if (self == NULL)
    return;

  g_main_loop_quit (self->loop);
  g_thread_join (self->thread);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  g_clear_object (&self->service);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_free (self);
}
