/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-nntp.c: enough of RFC 3977 for a usenet client to log in, pick a group and fetch
 * articles: the ones a test posted come back yEnc-encoded (one part each, with its CRC32); any
 * other is not there (430), so its download fails the way an expired one does. */

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
  GMutex            lock;
  GHashTable       *articles;   /* message id → yEnc body (dot-stuffed lines, CRLF) */
};

/* ---- yEnc ---------------------------------------------------------------- */

static guint32
crc32_of (const guint8 *data,
          gsize         length)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (guint k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
  return ~crc;
}

/* One part of one file; escaping more than yEnc needs ('.', blanks) keeps lines safe anywhere. */
static char *
yenc_encode (const char   *name,
             const guint8 *data,
             gsize         length)
{
  GString *out = g_string_new (NULL);
  guint32 crc = crc32_of (data, length);
  guint column = 0;

  g_string_append_printf (out, "=ybegin part=1 total=1 line=128 size=%" G_GSIZE_FORMAT " name=%s\r\n", length, name);
  g_string_append_printf (out, "=ypart begin=1 end=%" G_GSIZE_FORMAT "\r\n", length);
  for (gsize i = 0; i < length; i++)
    {
      guint8 c = (guint8) (data[i] + 42);

      if (c == 0 || c == '\n' || c == '\r' || c == '=' || c == '.' || c == '\t' || c == ' ')
        {
          g_string_append_c (out, '=');
          c = (guint8) (c + 64);
          column++;
        }
      g_string_append_c (out, (char) c);
      if (++column >= 128)
        {
          g_string_append (out, "\r\n");
          column = 0;
        }
    }
  if (column > 0)
    g_string_append (out, "\r\n");
  g_string_append_printf (out, "=yend size=%" G_GSIZE_FORMAT " part=1 pcrc32=%08x crc32=%08x\r\n", length, crc, crc);

  return g_string_free (out, FALSE);
}

/* "<id@host>" or "id@host" → "id@host" */
static char *
bare_id (const char *text)
{
  const char *start = text + strspn (text, " <");
  gsize length = strcspn (start, "> ");

  return g_strndup (start, length);
}

/* The answer to ARTICLE/BODY/HEAD/STAT of a posted article, or NULL. */
static char *
article_answer (SsvFakeNntp *self,
                const char  *command,
                const char  *line)
{
  const char *argument = strchr (line, ' ');
  g_autofree char *id = bare_id (argument != NULL ? argument : "");
  g_autofree char *head = NULL;
  const char *body;
  char *answer = NULL;

  g_mutex_lock (&self->lock);
  body = g_hash_table_lookup (self->articles, id);
  head = g_strdup_printf ("Message-ID: <%s>\r\nNewsgroups: alt.binaries.test\r\nSubject: %s\r\n", id, id);
  if (body == NULL)
    answer = NULL;
  else if (g_str_equal (command, "STAT"))
    answer = g_strdup_printf ("223 0 <%s>\r\n", id);
  else if (g_str_equal (command, "HEAD"))
    answer = g_strdup_printf ("221 0 <%s>\r\n%s.\r\n", id, head);
  else if (g_str_equal (command, "BODY"))
    answer = g_strdup_printf ("222 0 <%s>\r\n%s.\r\n", id, body);
  else
    answer = g_strdup_printf ("220 0 <%s>\r\n%s\r\n%s.\r\n", id, head, body);
  g_mutex_unlock (&self->lock);

  return answer;
}

static char *
answer_for (SsvFakeNntp *self,
            const char  *line,
            gboolean    *quit)
{
  g_autofree char *command = g_ascii_strup (line, strcspn (line, " "));
  char *article;

  *quit = FALSE;
  if (g_str_equal (command, "QUIT"))
    {
      *quit = TRUE;
      return g_strdup ("205 closing connection\r\n");
    }
  if (g_str_equal (command, "ARTICLE") || g_str_equal (command, "BODY") ||
      g_str_equal (command, "HEAD") || g_str_equal (command, "STAT"))
    {
      article = article_answer (self, command, line);
      if (article != NULL)
        return article;
      g_atomic_int_inc (&self->requests);
      return g_strdup ("430 No article with that message-id\r\n");
    }
  if (g_str_equal (command, "GROUP"))
    return g_strdup ("211 0 0 0 alt.binaries.test\r\n");
  if (g_str_equal (command, "MODE"))
    return g_strdup ("200 reader mode, posting not permitted\r\n");
  if (g_str_equal (command, "AUTHINFO"))
    return g_strdup (g_ascii_strncasecmp (line, "AUTHINFO USER", 13) == 0 ? "381 password required\r\n"
                                                                          : "281 authentication accepted\r\n");
  if (g_str_equal (command, "CAPABILITIES"))
    return g_strdup ("101 capability list\r\nVERSION 2\r\nREADER\r\n.\r\n");
  if (g_str_equal (command, "DATE"))
    return g_strdup ("111 20260101000000\r\n");

  return g_strdup ("500 unknown command\r\n");
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
  const char *greeting = "200 test news server ready\r\n";

  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_ANY);
  if (!g_output_stream_write_all (out, greeting, strlen (greeting), NULL, NULL, NULL))
    return TRUE;

  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, NULL);
      g_autofree char *reply = NULL;
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

  g_mutex_init (&self->lock);
  self->articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
  g_hash_table_unref (self->articles);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* Posts @data as the one article @message_id (no angle brackets), a yEnc part named @name. */
void
ssv_fake_nntp_add_article (SsvFakeNntp  *self,
                           const char   *message_id,
                           const char   *name,
                           const guint8 *data,
                           gsize         length)
{
  char *body = yenc_encode (name, data, length);

  g_mutex_lock (&self->lock);
  g_hash_table_insert (self->articles, g_strdup (message_id), body);
  g_mutex_unlock (&self->lock);
}
