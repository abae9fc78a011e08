/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-slskd.c: slskd's /api/v0/searches as its SearchesController answers, with the recorded shapes. */

#include "config.h"

#include <string.h>

#include "ssv-fake-slskd.h"

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
  SsvFakeServer *server;
  char          *api_key;
  char          *url;

  GMutex         lock;
  GCond          changed;
  GHashTable    *searches;       /* id → Search */
  char          *responses;      /* JSON list */
  guint          polls;
  guint          deleted;
  guint          stopped;
  guint          next_token;
  GPtrArray     *texts;
  GArray        *start_times;    /* gint64 monotonic µs */
};

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
slskd_handler (SsvFakeServer        *server,
               const SsvFakeRequest *request,
               guint                *status,
               char                **content_type,
               GBytes              **body,
               gpointer              user_data)
{
  SsvFakeSlskd *self = user_data;
  const char *key = g_hash_table_lookup (request->headers, "x-api-key");

  *content_type = g_strdup ("application/json; charset=utf-8");
  if (self->api_key != NULL && g_strcmp0 (key, self->api_key) != 0)
    {
      *status = 401;
      *body = text_bytes ("");
      return TRUE;
    }

  if (strcmp (request->path, "/api/v0/application/version") == 0 && strcmp (request->method, "GET") == 0)
    {
      *status = 200;
      *body = text_bytes ("\"0.22.2\"");
      return TRUE;
    }
  if (strcmp (request->path, "/api/v0/searches") == 0 && strcmp (request->method, "POST") == 0)
    return post_search (self, request, status, body);
  if (g_str_has_prefix (request->path, "/api/v0/searches/"))
    return handle_search (self, request, request->path + strlen ("/api/v0/searches/"), status, body);
  return FALSE;
}

SsvFakeSlskd *
ssv_fake_slskd_new (const char *api_key)
{
  SsvFakeSlskd *self = g_new0 (SsvFakeSlskd, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->changed);
  self->api_key = g_strdup (api_key);
  self->searches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, search_free);
  self->responses = g_strdup ("[]");
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->start_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->server = ssv_fake_server_new ();
  self->url = g_strdup (ssv_fake_server_get_url (self->server));
  ssv_fake_server_add_handler (self->server, "/api/v0/*", slskd_handler, self, NULL);
  return self;
}

void
ssv_fake_slskd_free (SsvFakeSlskd *self)
{
  if (self == NULL)
    return;
  ssv_fake_server_free (self->server);
  g_hash_table_unref (self->searches);
  g_free (self->responses);
  g_ptr_array_unref (self->texts);
  g_array_unref (self->start_times);
  g_free (self->api_key);
  g_free (self->url);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->changed);
  g_free (self);
}

const char *
ssv_fake_slskd_get_url (SsvFakeSlskd *self)
{
  return self->url;
}

SsvFakeServer *
ssv_fake_slskd_get_server (SsvFakeSlskd *self)
{
  return self->server;
}

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
