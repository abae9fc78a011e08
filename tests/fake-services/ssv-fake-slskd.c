/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-slskd.c: a slskd in memory. Routes, status codes and messages follow slskd's
 * TransfersController, SearchesController and ApplicationController (api/v0, X-API-Key); the
 * transfers and searches carry the fields of the recorded answers in tests/fixtures/slskd. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "ssv-fake-catalog.h"
#include "ssv-fake-slskd.h"

#define DOWNLOADS_PATH "/api/v0/transfers/downloads"

typedef struct
{
  char    *id;
  char    *username;
  char    *filename;
  gint64   size;
  char    *state;
  char    *requested_at;
  char    *exception;
  gint64   bytes_transferred;
  double   average_speed;
  gboolean removed;
} Transfer;

typedef struct
{
  char   *id;
  char   *text;
  guint   polls;
  guint   token;
  gboolean stopped;
} Search;

struct _SsvFakeSlskd
{
  char        *api_key;

  GMutex       lock;
  GPtrArray   *transfers;   /* Transfer, first enqueued first */
  GHashTable  *offline;     /* user names */
  char        *downloads;   /* where finished files go, as options' directories.downloads */

  GCond        changed;     /* a search was started or deleted */
  GHashTable  *searches;    /* id → Search */
  char        *responses;   /* what every search finds: a JSON list */
  guint        polls;       /* polls of a search that say "InProgress" */
  guint        deleted;
  guint        stopped;
  guint        next_token;
  GPtrArray   *texts;       /* the text of every search started */
  GArray      *start_times; /* gint64 monotonic µs */
};

static void
transfer_free (gpointer data)
{
  Transfer *transfer = data;

  g_free (transfer->id);
  g_free (transfer->username);
  g_free (transfer->filename);
  g_free (transfer->state);
  g_free (transfer->requested_at);
  g_free (transfer->exception);
  g_free (transfer);
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%f0");
}

/* "a\\b\\c.mkv" → "a\\b", as slskd's DirectoryName() groups files. */
static char *
directory_of (const char *filename)
{
  const char *slash = strrchr (filename, '\\');

  return slash ? g_strndup (filename, (gsize) (slash - filename)) : g_strdup ("");
}

static gboolean
answer (guint      *status,
        char      **content_type,
        GBytes    **body,
        guint       code,
        JsonNode   *node)
{
  *status = code;
  *content_type = g_strdup ("application/json; charset=utf-8");
  *body = node ? ssv_fake_json_bytes (node) : g_bytes_new_static ("", 0);
  g_clear_pointer (&node, json_node_unref);
  return TRUE;
}

static gboolean
answer_text (guint      *status,
             char      **content_type,
             GBytes    **body,
             guint       code,
             const char *text)
{
  *status = code;
  *content_type = g_strdup ("text/plain; charset=utf-8");
  *body = g_bytes_new (text, strlen (text));
  return TRUE;
}

static gboolean
authorized (SsvFakeSlskd         *self,
            const SsvFakeRequest *request)
{
  return g_strcmp0 (g_hash_table_lookup (request->headers, "x-api-key"), self->api_key) == 0;
}

/* A Transfer as slskd serialises it (camelCase, the computed members too). */
static void
add_transfer (JsonBuilder *builder,
              Transfer    *transfer)
{
  double percent = transfer->size > 0 ? transfer->bytes_transferred * 100.0 / transfer->size : 0;
  gint64 remaining = transfer->size - transfer->bytes_transferred;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, transfer->id);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, transfer->username);
  json_builder_set_member_name (builder, "direction");
  json_builder_add_string_value (builder, "Download");
  json_builder_set_member_name (builder, "filename");
  json_builder_add_string_value (builder, transfer->filename);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, transfer->size);
  json_builder_set_member_name (builder, "startOffset");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, transfer->state);
  json_builder_set_member_name (builder, "stateDescription");
  json_builder_add_string_value (builder, transfer->state);
  json_builder_set_member_name (builder, "requestedAt");
  json_builder_add_string_value (builder, transfer->requested_at);
  json_builder_set_member_name (builder, "bytesTransferred");
  json_builder_add_int_value (builder, transfer->bytes_transferred);
  json_builder_set_member_name (builder, "averageSpeed");
  json_builder_add_double_value (builder, transfer->average_speed);
  json_builder_set_member_name (builder, "attempts");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "removed");
  json_builder_add_boolean_value (builder, transfer->removed);
  json_builder_set_member_name (builder, "bytesRemaining");
  json_builder_add_int_value (builder, remaining);
  json_builder_set_member_name (builder, "percentComplete");
  json_builder_add_double_value (builder, percent);
  if (transfer->average_speed > 0)
    {
      gint64 seconds = (gint64) (remaining / transfer->average_speed);
      g_autofree char *left = g_strdup_printf ("%02d:%02d:%02d.5000000", (int) (seconds / 3600),
                                               (int) (seconds / 60 % 60), (int) (seconds % 60));

      json_builder_set_member_name (builder, "remainingTime");
      json_builder_add_string_value (builder, left);
    }
  if (transfer->exception != NULL)
    {
      json_builder_set_member_name (builder, "exception");
      json_builder_add_string_value (builder, transfer->exception);
    }
  json_builder_end_object (builder);
}

/* GET …/downloads: users → directories → files, in the order first seen. */
static JsonNode *
list_locked (SsvFakeSlskd *self,
             const char   *only_user)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->transfers->len; i++)
    {
      Transfer *transfer = g_ptr_array_index (self->transfers, i);

      if (!transfer->removed && !g_ptr_array_find_with_equal_func (users, transfer->username, g_str_equal, NULL) &&
          (only_user == NULL || g_str_equal (only_user, transfer->username)))
        g_ptr_array_add (users, g_strdup (transfer->username));
    }

  json_builder_begin_array (builder);
  for (guint u = 0; u < users->len; u++)
    {
      const char *user = g_ptr_array_index (users, u);
      g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < self->transfers->len; i++)
        {
          Transfer *transfer = g_ptr_array_index (self->transfers, i);
          g_autofree char *dir = directory_of (transfer->filename);

          if (!transfer->removed && g_str_equal (transfer->username, user) &&
              !g_ptr_array_find_with_equal_func (dirs, dir, g_str_equal, NULL))
            g_ptr_array_add (dirs, g_steal_pointer (&dir));
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "username");
      json_builder_add_string_value (builder, user);
      json_builder_set_member_name (builder, "directories");
      json_builder_begin_array (builder);
      for (guint d = 0; d < dirs->len; d++)
        {
          guint count = 0;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "directory");
          json_builder_add_string_value (builder, g_ptr_array_index (dirs, d));
          json_builder_set_member_name (builder, "files");
          json_builder_begin_array (builder);
          for (guint i = 0; i < self->transfers->len; i++)
            {
              Transfer *transfer = g_ptr_array_index (self->transfers, i);
              g_autofree char *dir = directory_of (transfer->filename);

              if (!transfer->removed && g_str_equal (transfer->username, user) &&
                  g_str_equal (dir, g_ptr_array_index (dirs, d)))
                {
                  add_transfer (builder, transfer);
                  count++;
                }
            }
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "fileCount");
          json_builder_add_int_value (builder, count);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static Transfer *
find_active_locked (SsvFakeSlskd *self,
                    const char   *user,
                    const char   *filename)
{
  for (guint i = 0; i < self->transfers->len; i++)
    {
      Transfer *transfer = g_ptr_array_index (self->transfers, i);

      if (g_str_equal (transfer->username, user) && g_str_equal (transfer->filename, filename) &&
          !transfer->removed && !g_str_has_prefix (transfer->state, "Completed"))
        return transfer;
    }

  return NULL;
}

/* POST …/downloads/{username}: 201 {enqueued, failed}. */
static gboolean
enqueue_locked (SsvFakeSlskd          *self,
                const char            *user,
                const SsvFakeRequest  *request,
                guint                 *status,
                char                 **content_type,
                GBytes               **body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) failed = g_ptr_array_new ();
  JsonArray *files;

  if (request->body == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (request->body, NULL),
                                   (gssize) g_bytes_get_size (request->body), NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)) ||
      json_array_get_length ((files = json_node_get_array (json_parser_get_root (parser)))) == 0)
    return answer_text (status, content_type, body, 400, "At least one file is required");

  if (g_hash_table_contains (self->offline, user))
    {
      g_autofree char *message = g_strdup_printf ("User %s appears to be offline", user);
      return answer_text (status, content_type, body, 500, message);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "enqueued");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      const char *filename = json_object_get_string_member_with_default (file, "filename", "");
      Transfer *transfer;

      if (find_active_locked (self, user, filename) != NULL)
        {
          g_ptr_array_add (failed, (gpointer) filename);
          continue;
        }
      transfer = g_new0 (Transfer, 1);
      transfer->id = g_uuid_string_random ();
      transfer->username = g_strdup (user);
      transfer->filename = g_strdup (filename);
      transfer->size = json_object_get_int_member_with_default (file, "size", 0);
      transfer->state = g_strdup ("Queued, Locally");
      transfer->requested_at = now_iso ();
      g_ptr_array_add (self->transfers, transfer);
      add_transfer (builder, transfer);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "failed");
  json_builder_begin_array (builder);
  for (guint i = 0; i < failed->len; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "filename");
      json_builder_add_string_value (builder, g_ptr_array_index (failed, i));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, "A download of this file is already queued or in progress");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return answer (status, content_type, body, 201, json_builder_get_root (builder));
}

/* DELETE …/downloads/{username}/{id}[?remove=true]: 204, 400 (not a GUID) or 404. */
static gboolean
cancel_locked (SsvFakeSlskd          *self,
               const char            *id,
               const SsvFakeRequest  *request,
               guint                 *status,
               char                 **content_type,
               GBytes               **body)
{
  g_autoptr(GHashTable) query = g_uri_parse_params (request->query ? request->query : "", -1, "&",
                                                    G_URI_PARAMS_CASE_INSENSITIVE, NULL);
  gboolean remove = query != NULL && g_strcmp0 (g_hash_table_lookup (query, "remove"), "true") == 0;

  if (!g_uuid_string_is_valid (id))
    return answer (status, content_type, body, 400, NULL);

  for (guint i = 0; i < self->transfers->len; i++)
    {
      Transfer *transfer = g_ptr_array_index (self->transfers, i);

      if (!g_str_equal (transfer->id, id) || transfer->removed)
        continue;
      if (!g_str_has_prefix (transfer->state, "Completed"))
        {
          g_free (transfer->state);
          transfer->state = g_strdup ("Completed, Cancelled");
        }
      transfer->removed = remove;
      return answer (status, content_type, body, 204, NULL);
    }

  return answer (status, content_type, body, 404, NULL);
}

static gboolean
handle_downloads (SsvFakeServer         *server,
                  const SsvFakeRequest  *request,
                  guint                 *status,
                  char                 **content_type,
                  GBytes               **body,
                  gpointer               user_data)
{
  SsvFakeSlskd *self = user_data;
  const char *rest = request->path + strlen (DOWNLOADS_PATH);
  g_auto(GStrv) parts = NULL;
  g_autofree char *user = NULL;
  gboolean handled;

  if (!authorized (self, request))
    return answer (status, content_type, body, 401, NULL);

  parts = g_strsplit (rest[0] == '/' ? rest + 1 : rest, "/", -1);
  user = parts[0] && parts[0][0] ? g_uri_unescape_string (parts[0], NULL) : NULL;

  g_mutex_lock (&self->lock);
  if (g_str_equal (request->method, "GET") && user == NULL)
    handled = answer (status, content_type, body, 200, list_locked (self, NULL));
  else if (g_str_equal (request->method, "GET") && parts[1] == NULL)
    {
      JsonNode *list = list_locked (self, user);

      handled = json_array_get_length (json_node_get_array (list)) > 0
                ? answer (status, content_type, body, 200, json_node_ref (json_array_get_element (json_node_get_array (list), 0)))
                : answer (status, content_type, body, 404, NULL);
      json_node_unref (list);
    }
  else if (g_str_equal (request->method, "POST") && user != NULL && parts[1] == NULL)
    handled = enqueue_locked (self, user, request, status, content_type, body);
  else if (g_str_equal (request->method, "DELETE") && user != NULL && parts[1] != NULL && parts[2] == NULL)
    handled = cancel_locked (self, parts[1], request, status, content_type, body);
  else
    handled = answer (status, content_type, body, 405, NULL);
  g_mutex_unlock (&self->lock);

  return handled;
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
search_free (gpointer data)
{
  Search *search = data;

  g_free (search->id);
  g_free (search->text);
  g_free (search);
}

static guint
count_responses (const char *json,
                 guint      *files)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *list;
  guint n;

  *files = 0;
  if (!json_parser_load_from_data (parser, json, -1, NULL) || !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return 0;
  list = json_node_get_array (json_parser_get_root (parser));
  n = json_array_get_length (list);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (list, i);

      if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), "files"))
        *files += json_array_get_length (json_object_get_array_member (json_node_get_object (node), "files"));
    }
  return n;
}

/* The search as slskd's Search type serialises it (see slskd/post_searches.listenarr.json). */
static GBytes *
search_json (SsvFakeSlskd *self,
             Search       *search,
             gboolean      complete,
             gboolean      with_responses)
{
  guint files = 0;
  guint responses = complete ? count_responses (self->responses, &files) : 0;
  GString *out = g_string_new ("{");

  if (complete)
    g_string_append (out, "\"endedAt\":\"2026-04-07T10:54:57.4959509Z\",");
  g_string_append_printf (out, "\"fileCount\":%u,\"id\":\"%s\",\"isComplete\":%s,\"lockedFileCount\":0,"
                          "\"responseCount\":%u,\"responses\":%s,\"searchText\":",
                          files, search->id, complete ? "true" : "false", responses,
                          with_responses && complete ? self->responses : "[]");
  {
    g_autoptr(JsonNode) text = json_node_init_string (json_node_alloc (), search->text);
    g_autofree char *quoted = json_to_string (text, FALSE);

    g_string_append (out, quoted);
  }
  g_string_append_printf (out, ",\"startedAt\":\"2026-04-07T10:54:56.5866789Z\",\"state\":\"%s\",\"token\":%u}",
                          !complete ? "InProgress" : search->stopped ? "Completed, Cancelled" : "Completed, TimedOut",
                          search->token);
  return g_string_free_to_bytes (out);
}

static gboolean
post_search (SsvFakeSlskd         *self,
             const SsvFakeRequest *request,
             guint                *status,
             GBytes              **body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *text;
  const char *id;
  Search *search;

  if (request->body == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (request->body, NULL), g_bytes_get_size (request->body),
                                   NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      *status = 400;
      *body = text_bytes ("\"A non-empty request body is required.\"");
      return TRUE;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  text = json_object_has_member (object, "searchText") ? json_object_get_string_member (object, "searchText") : NULL;
  id = json_object_has_member (object, "id") ? json_object_get_string_member (object, "id") : NULL;
  if (text == NULL || text[0] == '\0' || id == NULL)
    {
      *status = 400;
      *body = text_bytes ("\"SearchText: The SearchText field is required.\"");
      return TRUE;
    }

  g_mutex_lock (&self->lock);
  if (g_hash_table_contains (self->searches, id))
    {
      g_mutex_unlock (&self->lock);
      *status = 409;
      *body = text_bytes ("\"A search with this id is already in progress\"");
      return TRUE;
    }
  search = g_new0 (Search, 1);
  search->id = g_strdup (id);
  search->text = g_strdup (text);
  search->token = ++self->next_token + 153820;
  g_hash_table_insert (self->searches, g_strdup (id), search);
  g_ptr_array_add (self->texts, g_strdup (text));
  g_array_append_val (self->start_times, request->at_us);
  g_cond_broadcast (&self->changed);
  *body = search_json (self, search, FALSE, FALSE);
  g_mutex_unlock (&self->lock);

  *status = 200;
  return TRUE;
}

static gboolean
handle_search (SsvFakeSlskd         *self,
               const SsvFakeRequest *request,
               const char           *rest,
               guint                *status,
               GBytes              **body)
{
  g_autofree char *id = g_strdup (rest);
  char *slash = strchr (id, '/');
  gboolean responses = slash != NULL && strcmp (slash, "/responses") == 0;
  Search *search;

  if (slash != NULL)
    *slash = '\0';

  g_mutex_lock (&self->lock);
  search = g_hash_table_lookup (self->searches, id);
  if (search == NULL || (slash != NULL && !responses))
    {
      g_mutex_unlock (&self->lock);
      *status = 404;
      *body = text_bytes ("");
      return TRUE;
    }

  *status = 200;
  if (strcmp (request->method, "DELETE") == 0)
    {
      g_hash_table_remove (self->searches, id);
      self->deleted++;
      g_cond_broadcast (&self->changed);
      *status = 204;
      *body = text_bytes ("");
    }
  else if (strcmp (request->method, "PUT") == 0)
    {
      search->stopped = TRUE;
      self->stopped++;
      *body = text_bytes ("");
    }
  else if (responses)
    *body = g_bytes_new (self->responses, strlen (self->responses));
  else
    {
      gboolean complete = search->stopped || ++search->polls > self->polls;

      *body = search_json (self, search, complete,
                           request->query != NULL && strstr (request->query, "includeResponses=true") != NULL);
    }
  g_mutex_unlock (&self->lock);
  return TRUE;
}

static gboolean
handle_searches (SsvFakeServer         *server,
                 const SsvFakeRequest  *request,
                 guint                 *status,
                 char                 **content_type,
                 GBytes               **body,
                 gpointer               user_data)
{
  SsvFakeSlskd *self = user_data;

  if (!authorized (self, request))
    return answer (status, content_type, body, 401, NULL);

  *content_type = g_strdup ("application/json; charset=utf-8");
  if (strcmp (request->path, "/api/v0/searches") == 0 && strcmp (request->method, "POST") == 0)
    return post_search (self, request, status, body);
  if (g_str_has_prefix (request->path, "/api/v0/searches/"))
    return handle_search (self, request, request->path + strlen ("/api/v0/searches/"), status, body);
  g_clear_pointer (content_type, g_free);
  return FALSE;
}

static gboolean
handle_version (SsvFakeServer         *server,
                const SsvFakeRequest  *request,
                guint                 *status,
                char                 **content_type,
                GBytes               **body,
                gpointer               user_data)
{
  JsonNode *version = json_node_new (JSON_NODE_VALUE);

  if (!authorized (user_data, request))
    {
      json_node_unref (version);
      return answer (status, content_type, body, 401, NULL);
    }

  json_node_set_string (version, "0.22.2");
  return answer (status, content_type, body, 200, version);
}

static gboolean
handle_options (SsvFakeServer         *server,
                const SsvFakeRequest  *request,
                guint                 *status,
                char                 **content_type,
                GBytes               **body,
                gpointer               user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (!authorized (user_data, request))
    return answer (status, content_type, body, 401, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "directories");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "downloads");
  g_mutex_lock (&((SsvFakeSlskd *) user_data)->lock);
  json_builder_add_string_value (builder, ((SsvFakeSlskd *) user_data)->downloads);
  g_mutex_unlock (&((SsvFakeSlskd *) user_data)->lock);
  json_builder_set_member_name (builder, "incomplete");
  json_builder_add_string_value (builder, "/var/lib/slskd/incomplete");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return answer (status, content_type, body, 200, json_builder_get_root (builder));
}

SsvFakeSlskd *
ssv_fake_slskd_new (SsvFakeServer *server,
                    const char    *api_key)
{
  SsvFakeSlskd *self = g_new0 (SsvFakeSlskd, 1);

  self->api_key = g_strdup (api_key);
  self->downloads = g_strdup ("/var/lib/slskd/downloads");
  self->transfers = g_ptr_array_new_with_free_func (transfer_free);
  self->offline = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->searches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, search_free);
  self->responses = g_strdup ("[]");
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->start_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_mutex_init (&self->lock);
  g_cond_init (&self->changed);
  ssv_fake_server_add_handler (server, DOWNLOADS_PATH "*", handle_downloads, self, NULL);
  ssv_fake_server_add_handler (server, "GET /api/v0/application/version", handle_version, self, NULL);
  ssv_fake_server_add_handler (server, "GET /api/v0/options", handle_options, self, NULL);
  ssv_fake_server_add_handler (server, "/api/v0/searches*", handle_searches, self, NULL);
  return self;
}

void
ssv_fake_slskd_free (SsvFakeSlskd *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->transfers);
  g_hash_table_unref (self->offline);
  g_hash_table_unref (self->searches);
  g_free (self->responses);
  g_ptr_array_unref (self->texts);
  g_array_unref (self->start_times);
  g_free (self->api_key);
  g_free (self->downloads);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->changed);
  g_free (self);
}

void
ssv_fake_slskd_set_offline (SsvFakeSlskd *self,
                            const char   *user)
{
  g_mutex_lock (&self->lock);
  g_hash_table_add (self->offline, g_strdup (user));
  g_mutex_unlock (&self->lock);
}

/* What the peer did with the file: "InProgress", "Completed, Rejected", … */
void
ssv_fake_slskd_set_state (SsvFakeSlskd *self,
                          const char   *user,
                          const char   *filename,
                          const char   *state,
                          gint64        bytes_transferred,
                          double        average_speed,
                          const char   *exception)
{
  Transfer *transfer;

  g_mutex_lock (&self->lock);
  transfer = find_active_locked (self, user, filename);
  g_assert_nonnull (transfer);
  g_free (transfer->state);
  transfer->state = g_strdup (state);
  transfer->bytes_transferred = bytes_transferred;
  transfer->average_speed = average_speed;
  g_free (transfer->exception);
  transfer->exception = g_strdup (exception);
  g_mutex_unlock (&self->lock);
}

/* A folder on disk for finished files (the default names slskd's own). */
void
ssv_fake_slskd_set_downloads_dir (SsvFakeSlskd *self,
                                  const char   *dir)
{
  g_mutex_lock (&self->lock);
  g_free (self->downloads);
  self->downloads = g_strdup (dir);
  g_mutex_unlock (&self->lock);
}

/* The peer sent the whole file: it is written where slskd writes it,
 * <downloads>/<the peer's folder name>/<file name>, and the transfer says
 * "Completed, Succeeded". */
void
ssv_fake_slskd_complete (SsvFakeSlskd *self,
                         const char   *user,
                         const char   *filename,
                         GBytes       *contents)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = g_strsplit (filename, "\\", -1);
  guint n = g_strv_length (parts);
  Transfer *transfer;

  g_assert_cmpuint (n, >=, 2);
  g_mutex_lock (&self->lock);
  transfer = find_active_locked (self, user, filename);
  g_assert_nonnull (transfer);
  g_assert_cmpint (transfer->size, ==, (gint64) g_bytes_get_size (contents));
  dir = g_build_filename (self->downloads, parts[n - 2], NULL);
  path = g_build_filename (dir, parts[n - 1], NULL);
  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, g_bytes_get_data (contents, NULL), (gssize) g_bytes_get_size (contents), &error);
  g_assert_no_error (error);
  g_free (transfer->state);
  transfer->state = g_strdup ("Completed, Succeeded");
  transfer->bytes_transferred = transfer->size;
  transfer->average_speed = 0;
  g_mutex_unlock (&self->lock);
}

/* Transfers not removed. */
guint
ssv_fake_slskd_count (SsvFakeSlskd *self)
{
  guint count = 0;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->transfers->len; i++)
    count += !((Transfer *) g_ptr_array_index (self->transfers, i))->removed;
  g_mutex_unlock (&self->lock);

  return count;
}

/* ---- searches ---- */

void
ssv_fake_slskd_set_responses (SsvFakeSlskd *self,
                              const char   *json)
{
  g_mutex_lock (&self->lock);
  g_free (self->responses);
  self->responses = g_strdup (json);
  g_mutex_unlock (&self->lock);
}

/* A recorded list of responses, or the "responses" of a recorded search. */
void
ssv_fake_slskd_set_responses_fixture (SsvFakeSlskd *self,
                                      const char   *fixture)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load (fixture);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *list = json_to_string (json_object_get_member (json_node_get_object (root), "responses"), FALSE);

      ssv_fake_slskd_set_responses (self, list);
    }
  else
    {
      g_autofree char *list = json_to_string (root, FALSE);

      ssv_fake_slskd_set_responses (self, list);
    }
}

void
ssv_fake_slskd_set_polls (SsvFakeSlskd *self,
                          guint         polls_until_complete)
{
  g_mutex_lock (&self->lock);
  self->polls = polls_until_complete;
  g_mutex_unlock (&self->lock);
}

/* Searches started and not deleted. */
guint
ssv_fake_slskd_get_n_live (SsvFakeSlskd *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = g_hash_table_size (self->searches);
  g_mutex_unlock (&self->lock);
  return n;
}

/* Waits until @n_live searches are started and not deleted; FALSE on timeout. */
gboolean
ssv_fake_slskd_wait_live (SsvFakeSlskd *self,
                          guint         n_live,
                          guint         timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  gboolean reached;

  g_mutex_lock (&self->lock);
  while (g_hash_table_size (self->searches) != n_live && g_cond_wait_until (&self->changed, &self->lock, end))
    ;
  reached = g_hash_table_size (self->searches) == n_live;
  g_mutex_unlock (&self->lock);
  return reached;
}

guint
ssv_fake_slskd_get_n_deleted (SsvFakeSlskd *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->deleted;
  g_mutex_unlock (&self->lock);
  return n;
}

guint
ssv_fake_slskd_get_n_stopped (SsvFakeSlskd *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->stopped;
  g_mutex_unlock (&self->lock);
  return n;
}

/**
 * ssv_fake_slskd_dup_texts:
 *
 * Returns: (transfer container) (element-type utf8): the text of every search started
 */
GPtrArray *
ssv_fake_slskd_dup_texts (SsvFakeSlskd *self)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->texts->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (self->texts, i)));
  g_mutex_unlock (&self->lock);
  return copy;
}

/**
 * ssv_fake_slskd_dup_start_times:
 *
 * Returns: (transfer full) (element-type gint64): when each search was started (monotonic µs)
 */
GArray *
ssv_fake_slskd_dup_start_times (SsvFakeSlskd *self)
{
  GArray *copy = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_mutex_lock (&self->lock);
  g_array_append_vals (copy, self->start_times->data, self->start_times->len);
  g_mutex_unlock (&self->lock);
  return copy;
}
