/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-http.c: the only SoupSession owner: base URLs, rate limits, retries, cooldowns. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "ssv-error.h"
#include "ssv-http.h"
#include "ssv-rate-limiter.h"

#define DEFAULT_TIMEOUT_S        20
#define DEFAULT_MAX_RETRIES      3
#define DEFAULT_BASE_DELAY_MS    500
#define DEFAULT_MAX_INLINE_WAIT  2
#define MAX_BACKOFF_MS           30000

struct _SsvHttpRequest
{
  gatomicrefcount  ref;
  char            *service;
  char            *method;
  char            *path;
  char            *base_url;
  GString         *query;
  GPtrArray       *secret_values;
  GPtrArray       *headers;       /* name, value, name, value, … */
  char            *content_type;
  GBytes          *body;
  int              max_retries;

  /* Filled in by the last send. */
  guint            status;
  gint64           retry_after_s;
  SoupMessageHeaders *response_headers;
  GBytes          *response_body;
};

typedef struct
{
  SsvRateLimiter *limiter;
  gint64          cooldown_until_us;   /* monotonic; 0 = none */
} HostState;

struct _SsvHttp
{
  GObject       parent_instance;

  SoupSession  *session;
  guint         timeout_s;
  guint         max_retries;
  guint         base_delay_ms;
  guint         max_inline_wait_s;

  GMutex        lock;
  GHashTable   *base_urls;    /* service → URL */
  GHashTable   *rates;        /* service → double[2] {per_second, burst} */
  GHashTable   *hosts;        /* "host:port" → HostState */
};

G_DEFINE_FINAL_TYPE (SsvHttp, ssv_http, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (SsvHttpRequest, ssv_http_request, ssv_http_request_ref, ssv_http_request_unref)

static const struct
{
  const char *service;
  const char *display_name;
  const char *base_url;
  double      per_second;
  guint       burst;
} known_services[] = {
  /* A burst of 1 keeps any one-second window under TMDB's limit of about 40. */
  { "tmdb",          "TMDB",          "https://api.themoviedb.org/3",          38.0, 1 },
  { "tmdb-images",   "TMDB images",   "https://image.tmdb.org/t/p",            20.0, 8 },
  { "tvdb",          "TheTVDB",       "https://api4.thetvdb.com/v4",           10.0, 2 },
  { "omdb",          "OMDb",          "https://www.omdbapi.com",                5.0, 2 },
  { "fanart",        "fanart.tv",     "https://webservice.fanart.tv/v3",       10.0, 2 },
  { "opensubtitles", "OpenSubtitles", "https://api.opensubtitles.com/api/v1",   4.0, 1 },
  { "youtube",       "YouTube",       "https://www.youtube.com",                5.0, 2 },
  { "sponsorblock",  "SponsorBlock",  "https://sponsor.ajay.app",               5.0, 2 },
  { "ryd",           "Return YouTube Dislike", "https://returnyoutubedislikeapi.com", 5.0, 2 },
  { "dearrow",       "DeArrow",       "https://sponsor.ajay.app",               5.0, 2 },
  { "plex",          "Plex",          NULL,                                     0.0, 1 },
  { "jellyfin",      "Jellyfin",      NULL,                                     0.0, 1 },
  { "torznab",       "Indexer",       NULL,                                     2.0, 2 },
  { "qbittorrent",   "qBittorrent",   NULL,                                     0.0, 1 },
  { "transmission",  "Transmission",  NULL,                                     0.0, 1 },
  { "deluge",        "Deluge",        NULL,                                     0.0, 1 },
  { "aria2",         "aria2",         NULL,                                     0.0, 1 },
  { "nzbget",        "NZBGet",        NULL,                                     0.0, 1 },
  { "sabnzbd",       "SABnzbd",       NULL,                                     0.0, 1 },
  { "slskd",         "slskd",         NULL,                                     0.0, 1 },
  { "images",        "Image server",  NULL,                                    20.0, 8 },
};

const char *
ssv_http_service_display_name (const char *service)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_services); i++)
    if (g_strcmp0 (known_services[i].service, service) == 0)
      return known_services[i].display_name;

  return service;
}

/* ---- requests ------------------------------------------------------------ */

SsvHttpRequest *
ssv_http_request_new (const char *service,
                      const char *method,
                      const char *path)
{
  SsvHttpRequest *self = g_new0 (SsvHttpRequest, 1);

  g_atomic_ref_count_init (&self->ref);
  self->service = g_strdup (service);
  self->method = g_strdup (method ? method : "GET");
  self->path = g_strdup (path ? path : "");
  self->query = g_string_new (NULL);
  self->secret_values = g_ptr_array_new_with_free_func (g_free);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->max_retries = -1;
  self->retry_after_s = -1;

  return self;
}

SsvHttpRequest *
ssv_http_request_ref (SsvHttpRequest *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
ssv_http_request_unref (SsvHttpRequest *self)
{
  if (!g_atomic_ref_count_dec (&self->ref))
    return;

  g_free (self->service);
  g_free (self->method);
  g_free (self->path);
  g_free (self->base_url);
  g_string_free (self->query, TRUE);
  g_ptr_array_unref (self->secret_values);
  g_ptr_array_unref (self->headers);
  g_free (self->content_type);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->response_headers, soup_message_headers_unref);
  g_clear_pointer (&self->response_body, g_bytes_unref);
  g_free (self);
}

void
ssv_http_request_set_base_url (SsvHttpRequest *self,
                               const char     *base_url)
{
  g_free (self->base_url);
  self->base_url = g_strdup (base_url);
}

void
ssv_http_request_add_query (SsvHttpRequest *self,
                            const char     *key,
                            const char     *value)
{
  if (value == NULL)
    return;

  if (self->query->len > 0)
    g_string_append_c (self->query, '&');
  g_string_append_uri_escaped (self->query, key, NULL, FALSE);
  g_string_append_c (self->query, '=');
  g_string_append_uri_escaped (self->query, value, NULL, FALSE);
}

void
ssv_http_request_add_query_int (SsvHttpRequest *self,
                                const char     *key,
                                gint64          value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  ssv_http_request_add_query (self, key, buf);
}

/* Like add_query, but the value never appears in logs or error messages. */
void
ssv_http_request_add_secret_query (SsvHttpRequest *self,
                                   const char     *key,
                                   const char     *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;

  ssv_http_request_add_query (self, key, value);
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_ptr_array_add (self->secret_values, g_steal_pointer (&escaped));
}

void
ssv_http_request_set_header (SsvHttpRequest *self,
                             const char     *name,
                             const char     *value)
{
  g_ptr_array_add (self->headers, g_strdup (name));
  g_ptr_array_add (self->headers, g_strdup (value));
}

void
ssv_http_request_set_body (SsvHttpRequest *self,
                           const char     *content_type,
                           GBytes         *body)
{
  g_free (self->content_type);
  self->content_type = g_strdup (content_type);
  g_clear_pointer (&self->body, g_bytes_unref);
  self->body = body ? g_bytes_ref (body) : NULL;
}

void
ssv_http_request_set_json_body (SsvHttpRequest *self,
                                JsonNode       *body)
{
  gsize length = 0;
  char *text = json_to_string (body, FALSE);

  length = strlen (text);
  ssv_http_request_set_body (self, "application/json",
                             g_bytes_new_take (text, length));
}

void
ssv_http_request_set_max_retries (SsvHttpRequest *self,
                                  int             max_retries)
{
  self->max_retries = max_retries;
}

guint
ssv_http_request_get_status (SsvHttpRequest *self)
{
  return self->status;
}

/* Seconds the server asked us to wait (Retry-After), or -1. */
gint64
ssv_http_request_get_retry_after (SsvHttpRequest *self)
{
  return self->retry_after_s;
}

/* The body of the last answer, whatever its status (some APIs explain a 401 there), or NULL. */
GBytes *
ssv_http_request_get_response_body (SsvHttpRequest *self)
{
  return self->response_body;
}

const char *
ssv_http_request_get_response_header (SsvHttpRequest *self,
                                      const char     *name)
{
  if (self->response_headers == NULL)
    return NULL;

  return soup_message_headers_get_one (self->response_headers, name);
}

static char *
redact (SsvHttpRequest *self,
        const char     *text)
{
  g_autoptr(GString) out = g_string_new (text);

  for (guint i = 0; i < self->secret_values->len; i++)
    {
      const char *secret = g_ptr_array_index (self->secret_values, i);
      if (secret[0] != '\0')
        g_string_replace (out, secret, "REDACTED", 0);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
ssv_http_request_dup_uri (SsvHttpRequest *self,
                          SsvHttp        *http,
                          gboolean        redacted)
{
  g_autofree char *base = NULL;
  g_autofree char *uri = NULL;
  const char *path = self->path;

  base = self->base_url ? g_strdup (self->base_url) : ssv_http_dup_base_url (http, self->service);
  if (base == NULL)
    return NULL;

  /* An absolute path (an image URL, a paging link) wins over the base. */
  if (g_str_has_prefix (path, "http://") || g_str_has_prefix (path, "https://"))
    uri = g_strdup (path);
  else
    {
      gsize len = strlen (base);

      while (len > 0 && base[len - 1] == '/')
        base[--len] = '\0';
      uri = g_strconcat (base, path[0] == '/' || path[0] == '\0' ? "" : "/", path, NULL);
    }

  if (self->query->len > 0)
    {
      char *with_query = g_strconcat (uri, strchr (uri, '?') ? "&" : "?", self->query->str, NULL);
      g_free (uri);
      uri = with_query;
    }

  return redacted ? redact (self, uri) : g_steal_pointer (&uri);
}

/* ---- the session ---------------------------------------------------------- */

static void
host_state_free (gpointer data)
{
  HostState *state = data;

  ssv_rate_limiter_free (state->limiter);
  g_free (state);
}

static void
ssv_http_finalize (GObject *object)
{
  SsvHttp *self = (SsvHttp *) object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_urls, g_hash_table_unref);
  g_clear_pointer (&self->rates, g_hash_table_unref);
  g_clear_pointer (&self->hosts, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ssv_http_parent_class)->finalize (object);
}

static void
ssv_http_class_init (SsvHttpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_http_finalize;
}

/* "tmdb-images" → "SSV_TMDB_IMAGES_URL" */
static char *
env_name_for (const char *service)
{
  g_autofree char *upper = g_ascii_strup (service, -1);

  g_strdelimit (upper, "-.", '_');
  return g_strdup_printf ("SSV_%s_URL", upper);
}

static void
ssv_http_init (SsvHttp *self)
{
  g_mutex_init (&self->lock);
  self->timeout_s = DEFAULT_TIMEOUT_S;
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->base_delay_ms = DEFAULT_BASE_DELAY_MS;
  self->max_inline_wait_s = DEFAULT_MAX_INLINE_WAIT;
  self->base_urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, host_state_free);

  for (guint i = 0; i < G_N_ELEMENTS (known_services); i++)
    {
      g_autofree char *env_name = env_name_for (known_services[i].service);
      const char *override;
      double *rate;

      override = g_getenv (env_name);
      if (override != NULL && override[0] != '\0')
        g_hash_table_insert (self->base_urls, g_strdup (known_services[i].service),
                             g_strdup (override));
      else if (known_services[i].base_url != NULL)
        g_hash_table_insert (self->base_urls, g_strdup (known_services[i].service),
                             g_strdup (known_services[i].base_url));

      rate = g_new (double, 2);
      rate[0] = known_services[i].per_second;
      rate[1] = known_services[i].burst;
      g_hash_table_insert (self->rates, g_strdup (known_services[i].service), rate);
    }
}

SsvHttp *
ssv_http_new (void)
{
  return g_object_new (SSV_TYPE_HTTP, NULL);
}

/* The session is created on first use, after tests had a chance to set the timeout. */
static SoupSession *
get_session (SsvHttp *self)
{
  SoupSession *session;

  g_mutex_lock (&self->lock);
  if (self->session == NULL)
    {
      g_autofree char *user_agent = g_strdup_printf ("SoulSyncVideo/%s", PACKAGE_VERSION);

      self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                     "timeout", self->timeout_s,
                                                     "idle-timeout", 60,
                                                     "max-conns", 32,
                                                     "max-conns-per-host", 8,
                                                     NULL);
    }
  session = self->session;
  g_mutex_unlock (&self->lock);

  return session;
}

/**
 * ssv_http_set_base_url:
 *
 * Points @service somewhere else. An `SSV_<SERVICE>_URL` environment variable
 * wins over this, so tests can aim the whole app at a fake server.
 */
void
ssv_http_set_base_url (SsvHttp    *self,
                       const char *service,
                       const char *base_url)
{
  g_autofree char *full_env = env_name_for (service);

  if (g_getenv (full_env) != NULL)
    return;

  g_mutex_lock (&self->lock);
  if (base_url != NULL && base_url[0] != '\0')
    g_hash_table_insert (self->base_urls, g_strdup (service), g_strdup (base_url));
  else
    g_hash_table_remove (self->base_urls, service);
  g_mutex_unlock (&self->lock);
}

char *
ssv_http_dup_base_url (SsvHttp    *self,
                       const char *service)
{
  char *url;

  g_mutex_lock (&self->lock);
  url = g_strdup (g_hash_table_lookup (self->base_urls, service));
  g_mutex_unlock (&self->lock);

  return url;
}

void
ssv_http_set_rate_limit (SsvHttp    *self,
                         const char *service,
                         double      per_second,
                         guint       burst)
{
  double *rate = g_new (double, 2);

  rate[0] = per_second;
  rate[1] = burst;

  g_autofree char *prefix = g_strconcat (service, "|", NULL);
  GHashTableIter iter;
  gpointer key;

  g_mutex_lock (&self->lock);
  g_hash_table_insert (self->rates, g_strdup (service), rate);
  /* The service's buckets pick the new rate up; other services keep theirs,
   * and their 429 cooldowns. */
  g_hash_table_iter_init (&iter, self->hosts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, prefix))
      g_hash_table_iter_remove (&iter);
  g_mutex_unlock (&self->lock);
}

void
ssv_http_set_timeout (SsvHttp *self,
                      guint    seconds)
{
  g_mutex_lock (&self->lock);
  self->timeout_s = seconds;
  if (self->session != NULL)
    soup_session_set_timeout (self->session, seconds);
  g_mutex_unlock (&self->lock);
}

void
ssv_http_set_retry_policy (SsvHttp *self,
                           guint    max_retries,
                           guint    base_delay_ms)
{
  self->max_retries = max_retries;
  self->base_delay_ms = base_delay_ms;
}

/* A 429 asking for at most this long is waited out in place; longer ones are reported. */
void
ssv_http_set_max_inline_wait (SsvHttp *self,
                              guint    seconds)
{
  self->max_inline_wait_s = seconds;
}

static char *
host_key_for (GUri       *uri,
              const char *service)
{
  return g_strdup_printf ("%s|%s:%d", service, g_uri_get_host (uri), g_uri_get_port (uri));
}

static HostState *
lookup_host_locked (SsvHttp    *self,
                    const char *key,
                    const char *service)
{
  HostState *state = g_hash_table_lookup (self->hosts, key);

  if (state == NULL)
    {
      double *rate = g_hash_table_lookup (self->rates, service);

      state = g_new0 (HostState, 1);
      state->limiter = ssv_rate_limiter_new (rate ? rate[0] : 0.0, rate ? (guint) rate[1] : 1);
      g_hash_table_insert (self->hosts, g_strdup (key), state);
    }

  return state;
}

/* Seconds left of a cooldown a 429 put on @service (any of its hosts), or 0. */
gint64
ssv_http_get_cooldown_remaining (SsvHttp    *self,
                                 const char *service)
{
  g_autofree char *prefix = g_strconcat (service, "|", NULL);
  gint64 now = g_get_monotonic_time ();
  gint64 remaining = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->hosts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      HostState *state = value;

      if (g_str_has_prefix (key, prefix) && state->cooldown_until_us > now)
        remaining = MAX (remaining, (state->cooldown_until_us - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
    }
  g_mutex_unlock (&self->lock);

  return remaining;
}

static gint64
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  char *end = NULL;
  gint64 seconds;

  if (value == NULL)
    return -1;

  seconds = g_ascii_strtoll (value, &end, 10);
  if (end != value && *end == '\0')
    return MAX (seconds, 0);

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return -1;

  now = g_date_time_new_now_utc ();
  return MAX (g_date_time_difference (when, now) / G_USEC_PER_SEC, 0);
}

static gint64
backoff_us (SsvHttp *self,
            guint    attempt)
{
  gint64 delay_ms = (gint64) self->base_delay_ms << MIN (attempt, 10);

  delay_ms = MIN (delay_ms, MAX_BACKOFF_MS);
  /* ±25 % jitter, so many workers do not retry in lockstep. */
  delay_ms = delay_ms * g_random_int_range (75, 126) / 100;

  return delay_ms * 1000;
}

static gboolean
is_transport_error_retryable (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);

  /* Soup's own errors (bad response, truncated body…) and resolver/TLS errors. */
  return error->domain == SOUP_SESSION_ERROR ||
         error->domain == G_RESOLVER_ERROR ||
         error->domain == G_TLS_ERROR;
}

static gboolean
is_content_encoded (SoupMessageHeaders *headers)
{
  const char *encoding = soup_message_headers_get_one (headers, "Content-Encoding");

  return encoding != NULL && g_ascii_strcasecmp (encoding, "identity") != 0;
}

static void
set_transport_error (GError       **error,
                     const GError  *cause,
                     const char    *name)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, SSV_ERROR, SSV_ERROR_TIMEOUT,
                 _("%s did not answer in time. Check that it is running and try again."), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
           cause->domain == G_RESOLVER_ERROR)
    g_set_error (error, SSV_ERROR, SSV_ERROR_UNREACHABLE,
                 _("Could not reach %s. Check the address and your connection."), name);
  else
    g_set_error (error, SSV_ERROR, SSV_ERROR_UNREACHABLE,
                 _("The connection to %s was cut off (%s)."), name, cause->message);
}

/**
 * ssv_http_send:
 *
 * Sends @request and returns the body of a 2xx answer. Blocks: call it from a
 * worker thread, or use ssv_http_send_async() on the UI thread.
 *
 * 5xx answers, timeouts and dropped connections are retried with exponential
 * backoff; 401/403 fail at once with %SSV_ERROR_KEY_REJECTED; 404 fails with
 * %SSV_ERROR_NOT_FOUND; 429 puts the host in a cooldown for its Retry-After
 * and fails with %SSV_ERROR_RATE_LIMITED (short waits are waited out here).
 * After the call, @request holds the status and the Retry-After seconds.
 */
GBytes *
ssv_http_send (SsvHttp         *self,
               SsvHttpRequest  *request,
               GCancellable    *cancellable,
               GError         **error)
{
  g_autofree char *uri_text = NULL;
  g_autofree char *host_key = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) last_error = NULL;
  const char *name = ssv_http_service_display_name (request->service);
  SoupSession *session;
  guint max_retries;

  g_return_val_if_fail (SSV_IS_HTTP (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  request->status = 0;
  request->retry_after_s = -1;
  g_clear_pointer (&request->response_headers, soup_message_headers_unref);
  g_clear_pointer (&request->response_body, g_bytes_unref);

  uri_text = ssv_http_request_dup_uri (request, self, FALSE);
  if (uri_text == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   _("No address is set for %s."), name);
      return NULL;
    }

  uri = g_uri_parse (uri_text, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    {
      g_autofree char *shown = redact (request, uri_text);
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   _("“%s” is not a web address %s can be reached at."), shown, name);
      return NULL;
    }

  session = get_session (self);
  host_key = host_key_for (uri, request->service);
  max_retries = request->max_retries >= 0 ? (guint) request->max_retries : self->max_retries;

  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GError) local_error = NULL;
      SsvRateLimiter *limiter;
      gint64 cooldown_left = 0;
      gint64 now;
      guint status;
      gint64 wait_us = 0;

      g_mutex_lock (&self->lock);
      {
        HostState *state = lookup_host_locked (self, host_key, request->service);
        now = g_get_monotonic_time ();
        if (state->cooldown_until_us > now)
          cooldown_left = state->cooldown_until_us - now;
        limiter = state->limiter;
        if (cooldown_left == 0)
          wait_us = ssv_rate_limiter_reserve (limiter, now);
      }
      g_mutex_unlock (&self->lock);

      if (cooldown_left > 0)
        {
          request->retry_after_s = (cooldown_left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
          if (request->retry_after_s > self->max_inline_wait_s)
            {
              g_set_error (error, SSV_ERROR, SSV_ERROR_RATE_LIMITED,
                           _("%s asked us to slow down; trying again in %" G_GINT64_FORMAT " s."),
                           name, request->retry_after_s);
              return NULL;
            }
          if (!ssv_sleep_cancellable (cooldown_left, cancellable))
            break;
          attempt--;
          continue;
        }

      if (wait_us > 0 && !ssv_sleep_cancellable (wait_us, cancellable))
        break;

      msg = soup_message_new_from_uri (request->method, uri);
      for (guint i = 0; i + 1 < request->headers->len; i += 2)
        soup_message_headers_replace (soup_message_get_request_headers (msg),
                                      g_ptr_array_index (request->headers, i),
                                      g_ptr_array_index (request->headers, i + 1));
      if (request->body != NULL)
        soup_message_set_request_body_from_bytes (msg, request->content_type, request->body);

      body = soup_session_send_and_read (session, msg, cancellable, &local_error);

      /* A connection that drops mid-body can come back as a short body with no
       * error; a promised length that did not arrive is a cut-off answer. A
       * compressed body's length is that of the compressed bytes, which a small
       * body decodes to fewer of (Transmission gzips its answers). */
      if (local_error == NULL && body != NULL &&
          soup_message_headers_get_encoding (soup_message_get_response_headers (msg)) == SOUP_ENCODING_CONTENT_LENGTH &&
          !is_content_encoded (soup_message_get_response_headers (msg)) &&
          (goffset) g_bytes_get_size (body) < soup_message_headers_get_content_length (soup_message_get_response_headers (msg)))
        g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                     "received %" G_GSIZE_FORMAT " of %" G_GOFFSET_FORMAT " bytes",
                     g_bytes_get_size (body),
                     soup_message_headers_get_content_length (soup_message_get_response_headers (msg)));

      if (local_error != NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }

          g_clear_error (&last_error);
          set_transport_error (&last_error, local_error, name);
          if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN) == FALSE)
            {
              g_autofree char *shown = redact (request, uri_text);
              g_debug ("%s %s: %s (attempt %u)", request->method, shown,
                       local_error->message, attempt + 1);
            }

          if (!is_transport_error_retryable (local_error) || attempt >= max_retries)
            break;
          if (!ssv_sleep_cancellable (backoff_us (self, attempt), cancellable))
            break;
          continue;
        }

      status = soup_message_get_status (msg);
      request->status = status;
      request->response_headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
      g_clear_pointer (&request->response_body, g_bytes_unref);
      request->response_body = body ? g_bytes_ref (body) : NULL;
      request->retry_after_s = parse_retry_after (soup_message_headers_get_one (request->response_headers,
                                                                                "Retry-After"));

      if (status >= 200 && status < 300)
        return g_steal_pointer (&body);

      g_clear_error (&last_error);

      if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED,
                       _("%s rejected the key or token. Check it in Preferences."), name);
          return NULL;
        }

      if (status == SOUP_STATUS_NOT_FOUND)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                       _("%s has no such item."), name);
          return NULL;
        }

      if (status == 429)
        {
          gint64 wait_s = request->retry_after_s >= 0 ? request->retry_after_s : 60;

          g_mutex_lock (&self->lock);
          lookup_host_locked (self, host_key, request->service)->cooldown_until_us =
            g_get_monotonic_time () + wait_s * G_USEC_PER_SEC;
          g_mutex_unlock (&self->lock);

          request->retry_after_s = wait_s;
          g_set_error (&last_error, SSV_ERROR, SSV_ERROR_RATE_LIMITED,
                       _("%s asked us to slow down; trying again in %" G_GINT64_FORMAT " s."),
                       name, wait_s);

          if (wait_s > self->max_inline_wait_s || attempt >= max_retries)
            break;
          /* The cooldown check at the top of the loop waits it out. */
          continue;
        }

      if (status >= 500)
        {
          g_set_error (&last_error, SSV_ERROR, SSV_ERROR_SERVER,
                       _("%s had a problem (HTTP %u). It will be tried again later."),
                       name, status);
          if (attempt >= max_retries)
            break;
          wait_us = request->retry_after_s >= 0 && request->retry_after_s <= self->max_inline_wait_s
                    ? request->retry_after_s * G_USEC_PER_SEC
                    : backoff_us (self, attempt);
          if (!ssv_sleep_cancellable (wait_us, cancellable))
            break;
          continue;
        }

      g_set_error (error, SSV_ERROR, SSV_ERROR_FAILED,
                   _("%s refused the request (HTTP %u %s)."),
                   name, status, soup_status_get_phrase (status));
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (last_error != NULL)
    g_propagate_error (error, g_steal_pointer (&last_error));
  else
    g_set_error (error, SSV_ERROR, SSV_ERROR_FAILED, _("The request to %s failed."), name);

  return NULL;
}

JsonNode *
ssv_json_parse_bytes (GBytes      *bytes,
                      const char  *what,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0 || !json_parser_load_from_data (parser, data, (gssize) size, &local_error) ||
      json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                   _("%s sent an answer that could not be read (%s)."),
                   what, local_error ? local_error->message : _("empty body"));
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

static gboolean
has_header (SsvHttpRequest *request,
            const char     *name)
{
  for (guint i = 0; i + 1 < request->headers->len; i += 2)
    if (g_ascii_strcasecmp (g_ptr_array_index (request->headers, i), name) == 0)
      return TRUE;

  return FALSE;
}

JsonNode *
ssv_http_send_json (SsvHttp         *self,
                    SsvHttpRequest  *request,
                    GCancellable    *cancellable,
                    GError         **error)
{
  g_autoptr(GBytes) body = NULL;

  if (!has_header (request, "Accept"))
    ssv_http_request_set_header (request, "Accept", "application/json");

  body = ssv_http_send (self, request, cancellable, error);
  if (body == NULL)
    return NULL;

  return ssv_json_parse_bytes (body, ssv_http_service_display_name (request->service), error);
}

SsvXmlNode *
ssv_http_send_xml (SsvHttp         *self,
                   SsvHttpRequest  *request,
                   GCancellable    *cancellable,
                   GError         **error)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;
  SsvXmlNode *root;
  gsize size;
  const char *data;

  body = ssv_http_send (self, request, cancellable, error);
  if (body == NULL)
    return NULL;

  data = g_bytes_get_data (body, &size);
  root = ssv_xml_parse (data, (gssize) size, &local_error);
  if (root == NULL)
    g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                 _("%s sent an answer that could not be read (%s)."),
                 ssv_http_service_display_name (request->service), local_error->message);

  return root;
}

/* ---- async wrappers: the same logic, in a GTask thread --------------------- */

typedef gpointer (*SendFunc) (SsvHttp *, SsvHttpRequest *, GCancellable *, GError **);

typedef struct
{
  SsvHttpRequest *request;
  SendFunc        send;
  GDestroyNotify  result_free;
} SendData;

static void
send_data_free (gpointer data)
{
  SendData *send = data;

  ssv_http_request_unref (send->request);
  g_free (send);
}

static void
send_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SendData *send = task_data;
  GError *error = NULL;
  gpointer result = send->send (source_object, send->request, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, send->result_free);
}

static void
run_send_async (SsvHttp             *self,
                SsvHttpRequest      *request,
                gpointer             source_tag,
                SendFunc             send,
                GDestroyNotify       result_free,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  SendData *data = g_new0 (SendData, 1);

  data->request = ssv_http_request_ref (request);
  data->send = send;
  data->result_free = result_free;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, send_data_free);
  g_task_run_in_thread (task, send_thread);
}

void
ssv_http_send_async (SsvHttp             *self,
                     SsvHttpRequest      *request,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  run_send_async (self, request, ssv_http_send_async, (SendFunc) ssv_http_send,
                  (GDestroyNotify) g_bytes_unref, cancellable, callback, user_data);
}

GBytes *
ssv_http_send_finish (SsvHttp       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ssv_http_send_json_async (SsvHttp             *self,
                          SsvHttpRequest      *request,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  run_send_async (self, request, ssv_http_send_json_async, (SendFunc) ssv_http_send_json,
                  (GDestroyNotify) json_node_unref, cancellable, callback, user_data);
}

JsonNode *
ssv_http_send_json_finish (SsvHttp       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
