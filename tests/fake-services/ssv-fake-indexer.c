/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-indexer.c: Torznab/Newznab and Prowlarr fakes: key checks, caps, searches, a hold for slow answers. */

#include "config.h"

#include <string.h>

#include "ssv-fake-indexer.h"

typedef struct
{
  guint   status;
  char   *content_type;
  GBytes *body;
} Answer;

struct _SsvFakeIndexer
{
  SsvFakeServer *server;
  gboolean       prowlarr;
  char          *api_key;
  char          *url;
  GBytes        *caps;          /* Torznab caps, or Prowlarr's indexer list */

  GMutex         lock;
  GCond          cond;
  gboolean       held;
  GHashTable    *answers;       /* function (or "*") → Answer */
  GPtrArray     *searches;      /* GHashTable */
};

static void
answer_free (gpointer data)
{
  Answer *answer = data;

  g_free (answer->content_type);
  g_clear_pointer (&answer->body, g_bytes_unref);
  g_free (answer);
}

/* "a=1&cat=2&cat=3" → a: "1", cat: "2,3" (repeated keys joined, as Prowlarr's lists come) */
static GHashTable *
parse_query (const char *query)
{
  GHashTable *params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) pairs = g_strsplit (query ? query : "", "&", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *eq = strchr (pairs[i], '=');
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      const char *before;

      if (pairs[i][0] == '\0')
        continue;
      key = g_uri_unescape_segment (pairs[i], eq, NULL);
      value = eq ? g_uri_unescape_string (eq + 1, NULL) : g_strdup ("");
      if (key == NULL || value == NULL)
        continue;
      /* '+' is a space in a query */
      g_strdelimit (value, "+", ' ');
      before = g_hash_table_lookup (params, key);
      if (before != NULL)
        {
          char *joined = g_strconcat (before, ",", value, NULL);

          g_hash_table_insert (params, g_steal_pointer (&key), joined);
        }
      else
        g_hash_table_insert (params, g_steal_pointer (&key), g_steal_pointer (&value));
    }
  return params;
}

static gboolean
answer_with (SsvFakeIndexer  *self,
             const char      *function,
             guint           *status,
             char           **content_type,
             GBytes         **body)
{
  Answer *answer;

  g_mutex_lock (&self->lock);
  answer = g_hash_table_lookup (self->answers, function ? function : "*");
  if (answer == NULL)
    answer = g_hash_table_lookup (self->answers, "*");
  if (answer != NULL)
    {
      *status = answer->status;
      g_free (*content_type);
      *content_type = g_strdup (answer->content_type);
      *body = g_bytes_ref (answer->body);
    }
  g_mutex_unlock (&self->lock);

  return answer != NULL;
}

static void
record_and_wait (SsvFakeIndexer *self,
                 GHashTable     *params)
{
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->searches, g_hash_table_ref (params));
  g_cond_broadcast (&self->cond);
  while (self->held)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

static gboolean
torznab_handler (SsvFakeServer        *server,
                 const SsvFakeRequest *request,
                 guint                *status,
                 char                **content_type,
                 GBytes              **body,
                 gpointer              user_data)
{
  SsvFakeIndexer *self = user_data;
  g_autoptr(GHashTable) params = parse_query (request->query);
  const char *t = g_hash_table_lookup (params, "t");
  const char *key = g_hash_table_lookup (params, "apikey");

  *status = 200;
  *content_type = g_strdup ("application/rss+xml; charset=utf-8");
  if (self->api_key != NULL && g_strcmp0 (key, self->api_key) != 0)
    {
      static const char wrong_key[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<error code=\"100\" description=\"Incorrect user credentials\"/>\n";

      *body = g_bytes_new_static (wrong_key, sizeof wrong_key - 1);
      return TRUE;
    }
  if (g_strcmp0 (t, "caps") == 0)
    {
      g_mutex_lock (&self->lock);
      *body = g_bytes_ref (self->caps);
      g_mutex_unlock (&self->lock);
      return TRUE;
    }
  if (t == NULL || !(strcmp (t, "search") == 0 || strcmp (t, "tvsearch") == 0 || strcmp (t, "movie") == 0))
    {
      static const char no_function[] = "<error code=\"202\" description=\"No such function\"/>";

      *body = g_bytes_new_static (no_function, sizeof no_function - 1);
      return TRUE;
    }

  record_and_wait (self, params);
  return answer_with (self, t, status, content_type, body);
}

static gboolean
prowlarr_handler (SsvFakeServer        *server,
                  const SsvFakeRequest *request,
                  guint                *status,
                  char                **content_type,
                  GBytes              **body,
                  gpointer              user_data)
{
  SsvFakeIndexer *self = user_data;
  g_autoptr(GHashTable) params = parse_query (request->query);
  const char *key = g_hash_table_lookup (request->headers, "x-api-key");

  *content_type = g_strdup ("application/json; charset=utf-8");
  if (self->api_key != NULL && g_strcmp0 (key, self->api_key) != 0)
    {
      /* Prowlarr's API answers a missing or wrong key with a bare 401 */
      *status = 401;
      *body = g_bytes_new_static ("", 0);
      return TRUE;
    }
  if (strcmp (request->path, "/api/v1/indexer") == 0)
    {
      *status = 200;
      g_mutex_lock (&self->lock);
      *body = g_bytes_ref (self->caps);
      g_mutex_unlock (&self->lock);
      return TRUE;
    }
  if (strcmp (request->path, "/api/v1/search") == 0)
    {
      record_and_wait (self, params);
      return answer_with (self, g_hash_table_lookup (params, "indexerIds"), status, content_type, body);
    }
  return FALSE;
}

static SsvFakeIndexer *
fake_new (const char *api_key,
          const char *fixture,
          gboolean    prowlarr)
{
  SsvFakeIndexer *self = g_new0 (SsvFakeIndexer, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->prowlarr = prowlarr;
  self->api_key = g_strdup (api_key);
  self->caps = ssv_fixture_load (fixture);
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, answer_free);
  self->searches = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  self->server = ssv_fake_server_new ();
  if (prowlarr)
    {
      ssv_fake_server_add_handler (self->server, "GET /api/v1/*", prowlarr_handler, self, NULL);
      self->url = g_strdup (ssv_fake_server_get_url (self->server));
    }
  else
    {
      ssv_fake_server_add_handler (self->server, "GET /api", torznab_handler, self, NULL);
      self->url = g_strconcat (ssv_fake_server_get_url (self->server), "/api", NULL);
    }
  return self;
}

SsvFakeIndexer *
ssv_fake_indexer_new (const char *api_key,
                      const char *caps_fixture)
{
  return fake_new (api_key, caps_fixture, FALSE);
}

SsvFakeIndexer *
ssv_fake_prowlarr_new (const char *api_key,
                       const char *indexers_fixture)
{
  return fake_new (api_key, indexers_fixture, TRUE);
}

void
ssv_fake_indexer_free (SsvFakeIndexer *self)
{
  if (self == NULL)
    return;

  ssv_fake_indexer_release (self);
  ssv_fake_server_free (self->server);
  g_hash_table_unref (self->answers);
  g_ptr_array_unref (self->searches);
  g_bytes_unref (self->caps);
  g_free (self->api_key);
  g_free (self->url);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

const char *
ssv_fake_indexer_get_url (SsvFakeIndexer *self)
{
  return self->url;
}

SsvFakeServer *
ssv_fake_indexer_get_server (SsvFakeIndexer *self)
{
  return self->server;
}

/* What t=caps answers from now on: an indexer whose caps changed. */
void
ssv_fake_indexer_set_caps_text (SsvFakeIndexer *self,
                                const char     *xml)
{
  g_mutex_lock (&self->lock);
  g_bytes_unref (self->caps);
  self->caps = g_bytes_new (xml, strlen (xml));
  g_mutex_unlock (&self->lock);
}

void
ssv_fake_indexer_set_body (SsvFakeIndexer *self,
                           const char     *function,
                           guint           status,
                           const char     *content_type,
                           const char     *body)
{
  Answer *answer = g_new0 (Answer, 1);

  answer->status = status;
  answer->content_type = g_strdup (content_type);
  answer->body = g_bytes_new (body, strlen (body));
  g_mutex_lock (&self->lock);
  g_hash_table_insert (self->answers, g_strdup (function ? function : "*"), answer);
  g_mutex_unlock (&self->lock);
}

void
ssv_fake_indexer_set_results (SsvFakeIndexer *self,
                              const char     *function,
                              const char     *fixture)
{
  Answer *answer = g_new0 (Answer, 1);

  answer->status = 200;
  answer->content_type = g_strdup (self->prowlarr ? "application/json; charset=utf-8"
                                                  : "application/rss+xml; charset=utf-8");
  answer->body = ssv_fixture_load (fixture);
  g_mutex_lock (&self->lock);
  g_hash_table_insert (self->answers, g_strdup (function ? function : "*"), answer);
  g_mutex_unlock (&self->lock);
}

void
ssv_fake_indexer_hold (SsvFakeIndexer *self)
{
  g_mutex_lock (&self->lock);
  self->held = TRUE;
  g_mutex_unlock (&self->lock);
}

void
ssv_fake_indexer_release (SsvFakeIndexer *self)
{
  g_mutex_lock (&self->lock);
  self->held = FALSE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* Waits until @n_searches searches have arrived (held ones too); FALSE on timeout. */
gboolean
ssv_fake_indexer_wait_searches (SsvFakeIndexer *self,
                                guint           n_searches,
                                guint           timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  gboolean reached;

  g_mutex_lock (&self->lock);
  while (self->searches->len < n_searches && g_cond_wait_until (&self->cond, &self->lock, end))
    ;
  reached = self->searches->len >= n_searches;
  g_mutex_unlock (&self->lock);
  return reached;
}

/**
 * ssv_fake_indexer_dup_searches:
 *
 * Returns: (transfer container) (element-type GHashTable)
 */
GPtrArray *
ssv_fake_indexer_dup_searches (SsvFakeIndexer *self)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->searches->len; i++)
    g_ptr_array_add (copy, g_hash_table_ref (g_ptr_array_index (self->searches, i)));
  g_mutex_unlock (&self->lock);
  return copy;
}
