/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-http.c: the only SoupSession owner: base URLs, rate limits, retries, cooldowns, caps,
 * redirects that keep tokens home. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "ssv-error.h"
#include "net/ssv-http.h"
#include "net/ssv-http-private.h"
#include "net/ssv-rate-limiter.h"

#define DEFAULT_TIMEOUT_S        20
#define DEFAULT_MAX_RETRIES      3
#define DEFAULT_BASE_DELAY_MS    500
#define DEFAULT_MAX_INLINE_WAIT  2
#define MAX_BACKOFF_MS           30000
#define MAX_REDIRECTS            5
/* A Retry-After beyond a day is a broken server, not a plan. */
#define MAX_RETRY_AFTER_S        (24 * 3600)
#define READ_CHUNK               (64 * 1024)
#define MiB                      ((gsize) 1024 * 1024)
/* Services not in the table below. */
#define DEFAULT_MAX_BODY         (16 * MiB)

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
  GHashTable   *max_bodies;   /* service → gsize */
  GHashTable   *hosts;        /* "host:port" → HostState */

  SsvHttpObserver observer;
  gpointer        observer_data;
  GDestroyNotify  observer_destroy;
};

G_DEFINE_FINAL_TYPE (SsvHttp, ssv_http, G_TYPE_OBJECT)

/* Body caps: the largest answer each kind of service has a reason to send,
 * decoded (a gzip answer is counted as it inflates). A Plex server that does
 * not page answers a whole library at once. */
static const struct
{
  const char *service;
  const char *display_name;
  const char *base_url;
  double      per_second;
  guint       burst;
  gsize       max_body;
} known_services[] = {
  /* A burst of 1 keeps any one-second window under TMDB's limit of about 40. */
  { "tmdb",          "TMDB",          "https://api.themoviedb.org/3",          38.0, 1,  16 * MiB },
  { "tmdb-images",   "TMDB images",   "https://image.tmdb.org/t/p",            20.0, 8,  32 * MiB },
  { "tvdb",          "TheTVDB",       "https://api4.thetvdb.com/v4",           10.0, 2,  32 * MiB },
  { "omdb",          "OMDb",          "https://www.omdbapi.com",                5.0, 2,   1 * MiB },
  { "fanart",        "fanart.tv",     "https://webservice.fanart.tv/v3",       10.0, 2,   8 * MiB },
  { "opensubtitles", "OpenSubtitles", "https://api.opensubtitles.com/api/v1",   4.0, 1,   8 * MiB },
  { "youtube",       "YouTube",       "https://www.youtube.com",                5.0, 2,  32 * MiB },
  { "sponsorblock",  "SponsorBlock",  "https://sponsor.ajay.app",               5.0, 2,   4 * MiB },
  { "ryd",           "Return YouTube Dislike", "https://returnyoutubedislikeapi.com", 5.0, 2, 1 * MiB },
  { "dearrow",       "DeArrow",       "https://sponsor.ajay.app",               5.0, 2,   4 * MiB },
  { "plex",          "Plex",          NULL,                                     0.0, 1, 256 * MiB },
  { "jellyfin",      "Jellyfin",      NULL,                                     0.0, 1, 128 * MiB },
  { "torznab",       "Indexer",       NULL,                                     2.0, 2,  16 * MiB },
  { "qbittorrent",   "qBittorrent",   NULL,                                     0.0, 1,  32 * MiB },
  { "transmission",  "Transmission",  NULL,                                     0.0, 1,  32 * MiB },
  { "deluge",        "Deluge",        NULL,                                     0.0, 1,  32 * MiB },
  { "aria2",         "aria2",         NULL,                                     0.0, 1,  32 * MiB },
  { "nzbget",        "NZBGet",        NULL,                                     0.0, 1,  32 * MiB },
  { "sabnzbd",       "SABnzbd",       NULL,                                     0.0, 1,  32 * MiB },
  { "slskd",         "slskd",         NULL,                                     0.0, 1,  32 * MiB },
  { "images",        "Image server",  NULL,                                    20.0, 8,  32 * MiB },
};

const char *
ssv_http_service_display_name (const char *service)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_services); i++)
    if (g_strcmp0 (known_services[i].service, service) == 0)
      return known_services[i].display_name;

  return service;
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
  g_clear_pointer (&self->max_bodies, g_hash_table_unref);
  g_clear_pointer (&self->hosts, g_hash_table_unref);
  if (self->observer_destroy != NULL)
    self->observer_destroy (self->observer_data);
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
  self->max_bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
      g_hash_table_insert (self->max_bodies, g_strdup (known_services[i].service),
                           g_memdup2 (&known_services[i].max_body, sizeof (gsize)));
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

/* The largest answer @service may send (decoded); a larger one fails with
 * %SSV_ERROR_TOO_LARGE instead of filling the memory. */
void
ssv_http_set_max_body_size (SsvHttp    *self,
                            const char *service,
                            gsize       bytes)
{
  g_mutex_lock (&self->lock);
  g_hash_table_insert (self->max_bodies, g_strdup (service), g_memdup2 (&bytes, sizeof bytes));
  g_mutex_unlock (&self->lock);
}

gsize
ssv_http_get_max_body_size (SsvHttp    *self,
                            const char *service)
{
  gsize *bytes;
  gsize value;

  g_mutex_lock (&self->lock);
  bytes = g_hash_table_lookup (self->max_bodies, service);
  value = bytes ? *bytes : DEFAULT_MAX_BODY;
  g_mutex_unlock (&self->lock);

  return value;
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

/**
 * ssv_http_set_observer:
 *
 * Sets the one observer told of every request that goes out, so a record of
 * the hosts the app talks to misses none. Set it before the first request.
 */
void
ssv_http_set_observer (SsvHttp         *self,
                       SsvHttpObserver  observer,
                       gpointer         user_data,
                       GDestroyNotify   destroy)
{
  g_return_if_fail (SSV_IS_HTTP (self));

  if (self->observer_destroy != NULL)
    self->observer_destroy (self->observer_data);
  self->observer = observer;
  self->observer_data = user_data;
  self->observer_destroy = destroy;
}

static void
tell_observer (SsvHttp     *self,
               const char  *service,
               GUri        *uri,
               SoupMessage *msg)
{
  if (self->observer != NULL)
    self->observer (service, g_uri_get_host (uri), msg ? soup_message_get_status (msg) : 0,
                    self->observer_data);
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

/* Seconds a Retry-After asks for (delta seconds or an HTTP date), at most
 * MAX_RETRY_AFTER_S, or -1 without one. */
static gint64
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  char *end = NULL;
  gint64 seconds;

  if (value == NULL)
    return -1;

  /* strtoll saturates past G_MAXINT64, so a number of any length clamps. */
  seconds = g_ascii_strtoll (value, &end, 10);
  if (end != value && *end == '\0')
    return CLAMP (seconds, 0, MAX_RETRY_AFTER_S);

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return -1;

  now = g_date_time_new_now_utc ();
  return CLAMP (g_date_time_difference (when, now) / G_USEC_PER_SEC, 0, MAX_RETRY_AFTER_S);
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

/* ---- one send: its attempts, each an exchange that may follow redirects ---- */

typedef struct
{
  SsvHttp         *http;
  SsvHttpRequest  *request;
  const char      *name;          /* the service as people know it */
  char            *uri_text;
  GUri            *uri;           /* where the request was configured to go */
  char            *host_key;
  guint            max_retries;
  gsize            max_body;
  GError          *last_error;    /* why the last attempt failed, if it may be retried */
} Send;

typedef enum
{
  NEXT_DONE,      /* a 2xx: return its body */
  NEXT_RETRY,     /* try again (any wait is over) */
  NEXT_STOP,      /* fail now; *error is set */
  NEXT_GIVE_UP,   /* fail with last_error (or cancelled) */
} Next;

static void
send_clear (Send *send)
{
  g_clear_pointer (&send->uri_text, g_free);
  g_clear_pointer (&send->uri, g_uri_unref);
  g_clear_pointer (&send->host_key, g_free);
  g_clear_error (&send->last_error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Send, send_clear)

static gboolean
send_begin (Send            *send,
            SsvHttp         *self,
            SsvHttpRequest  *request,
            GError         **error)
{
  send->http = self;
  send->request = request;
  send->name = ssv_http_service_display_name (request->service);

  request->status = 0;
  request->retry_after_s = -1;
  g_clear_pointer (&request->response_headers, soup_message_headers_unref);
  g_clear_pointer (&request->response_body, g_bytes_unref);

  send->uri_text = ssv_http_request_dup_uri (request, self, FALSE);
  if (send->uri_text == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("No address is set for %s."), send->name);
      return FALSE;
    }

  send->uri = g_uri_parse (send->uri_text, SOUP_HTTP_URI_FLAGS, NULL);
  if (send->uri == NULL || g_uri_get_host (send->uri) == NULL)
    {
      g_autofree char *shown = ssv_http_request_redact (request, send->uri_text);
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   _("“%s” is not a web address %s can be reached at."), shown, send->name);
      return FALSE;
    }

  send->host_key = host_key_for (send->uri, request->service);
  send->max_retries = request->max_retries >= 0 ? (guint) request->max_retries : self->max_retries;
  send->max_body = request->max_body > 0 ? request->max_body
                                         : ssv_http_get_max_body_size (self, request->service);
  return TRUE;
}

/* Waits out a short cooldown and the rate limit. NEXT_RETRY: a cooldown was
 * waited out (check again); NEXT_DONE: go; else stop. */
static Next
wait_for_turn (Send          *send,
               GCancellable  *cancellable,
               GError       **error)
{
  SsvHttp *self = send->http;
  gint64 cooldown_left = 0;
  gint64 wait_us = 0;
  gint64 now;

  g_mutex_lock (&self->lock);
  {
    HostState *state = lookup_host_locked (self, send->host_key, send->request->service);

    now = g_get_monotonic_time ();
    if (state->cooldown_until_us > now)
      cooldown_left = state->cooldown_until_us - now;
    else
      wait_us = ssv_rate_limiter_reserve (state->limiter, now);
  }
  g_mutex_unlock (&self->lock);

  if (cooldown_left > 0)
    {
      send->request->retry_after_s = (cooldown_left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
      if (send->request->retry_after_s > self->max_inline_wait_s)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_RATE_LIMITED,
                       _("%s asked us to slow down; trying again in %" G_GINT64_FORMAT " s."),
                       send->name, send->request->retry_after_s);
          return NEXT_STOP;
        }
      return ssv_sleep_cancellable (cooldown_left, cancellable) ? NEXT_RETRY : NEXT_GIVE_UP;
    }

  if (wait_us > 0 && !ssv_sleep_cancellable (wait_us, cancellable))
    return NEXT_GIVE_UP;

  return NEXT_DONE;
}

/* Where secrets may go: the configured host and port, never down from https. */
static gboolean
same_origin (GUri *configured,
             GUri *other)
{
  return g_ascii_strcasecmp (g_uri_get_host (configured), g_uri_get_host (other)) == 0 &&
         g_uri_get_port (configured) == g_uri_get_port (other) &&
         !(g_ascii_strcasecmp (g_uri_get_scheme (configured), "https") == 0 &&
           g_ascii_strcasecmp (g_uri_get_scheme (other), "https") != 0);
}

static SoupMessage *
build_message (SsvHttpRequest *request,
               const char     *method,
               GUri           *uri,
               gboolean        with_body,
               gboolean        with_secrets)
{
  SoupMessage *msg = soup_message_new_from_uri (method, uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  /* Redirects are followed here, so tokens never follow them to other hosts;
   * metrics tell how many bytes came over the wire (see read_answer()). */
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT | SOUP_MESSAGE_COLLECT_METRICS);

  for (guint i = 0; i < request->headers->len; i++)
    {
      SsvHttpHeader *header = g_ptr_array_index (request->headers, i);

      if (with_secrets || !header->secret)
        soup_message_headers_replace (headers, header->name, header->value);
    }

  if (with_body && request->body != NULL)
    soup_message_set_request_body_from_bytes (msg, request->content_type, request->body);

  return msg;
}

static void
set_too_large (GError     **error,
               const char  *name,
               gsize        max_body)
{
  g_autofree char *limit = g_format_size (max_body);

  g_set_error (error, SSV_ERROR, SSV_ERROR_TOO_LARGE,
               _("%s sent an answer larger than %s; it was not read."), name, limit);
}

static gboolean
is_identity (const char *content_encoding)
{
  return content_encoding == NULL || content_encoding[0] == '\0' ||
         g_ascii_strcasecmp (content_encoding, "identity") == 0;
}

/* Checks that the whole promised body came, comparing what came over the wire
 * (not what it inflated to) with the Content-Length. */
static gboolean
check_complete (SoupMessage  *msg,
                gsize         decoded,
                GError      **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  SoupMessageMetrics *metrics = soup_message_get_metrics (msg);
  guint status = soup_message_get_status (msg);
  goffset promised;
  guint64 received;

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH ||
      g_strcmp0 (soup_message_get_method (msg), "HEAD") == 0 ||
      status == SOUP_STATUS_NO_CONTENT || status == SOUP_STATUS_NOT_MODIFIED)
    return TRUE;

  promised = soup_message_headers_get_content_length (headers);
  if (is_identity (soup_message_headers_get_one (headers, "Content-Encoding")))
    received = decoded;
  else if (metrics != NULL)
    received = soup_message_metrics_get_response_body_bytes_received (metrics);
  else
    return TRUE;

  if (received >= (guint64) promised)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
               "received %" G_GUINT64_FORMAT " of %" G_GOFFSET_FORMAT " bytes", received, promised);
  return FALSE;
}

/* Reads the answer to @msg, decoded, never more than max_body bytes of it. */
static GBytes *
read_answer (Send          *send,
             SoupMessage   *msg,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autofree guint8 *chunk = NULL;
  SoupMessageHeaders *headers;
  goffset promised = -1;
  gboolean ok = TRUE;

  stream = soup_session_send (get_session (send->http), msg, cancellable, error);
  tell_observer (send->http, send->request->service, soup_message_get_uri (msg), msg);
  if (stream == NULL)
    return NULL;

  headers = soup_message_get_response_headers (msg);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    promised = soup_message_headers_get_content_length (headers);

  /* An answer that says at once it is too big is not read at all. */
  if (promised > 0 && (guint64) promised > send->max_body &&
      is_identity (soup_message_headers_get_one (headers, "Content-Encoding")))
    {
      set_too_large (error, send->name, send->max_body);
      g_input_stream_close (stream, NULL, NULL);
      return NULL;
    }

  buffer = g_byte_array_sized_new ((guint) CLAMP (promised, 0, (goffset) MIN (send->max_body, 4 * MiB)));
  chunk = g_malloc (READ_CHUNK);
  for (;;)
    {
      gssize n = g_input_stream_read (stream, chunk, READ_CHUNK, cancellable, error);

      if (n <= 0)
        {
          ok = n == 0;
          break;
        }
      if ((gsize) n > send->max_body - buffer->len)
        {
          set_too_large (error, send->name, send->max_body);
          ok = FALSE;
          break;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }

  g_input_stream_close (stream, NULL, NULL);
  if (!ok || !check_complete (msg, buffer->len, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static gboolean
is_redirect (guint status)
{
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

/* The address a redirect points at, and whether the secrets may go along. */
static GUri *
redirect_target (Send        *send,
                 SoupMessage *msg,
                 GUri        *current,
                 gboolean    *with_secrets,
                 GError     **error)
{
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
  g_autoptr(GUri) target = NULL;
  const char *scheme;

  if (location != NULL)
    target = g_uri_parse_relative (current, location, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = target ? g_uri_get_scheme (target) : NULL;
  if (target == NULL || g_uri_get_host (target) == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_FAILED,
                   _("%s sent us to an address that cannot be used."), send->name);
      return NULL;
    }

  if (*with_secrets && !same_origin (send->uri, target))
    {
      g_autofree char *text = g_uri_to_string (target);
      g_autofree char *shown = ssv_http_request_redact (send->request, text);

      /* A key in the new address would go along with it. */
      if (!g_str_equal (text, shown))
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_REFUSED,
                       _("%s sent us to another host with the key in the address; the key was kept back."),
                       send->name);
          return NULL;
        }
      *with_secrets = FALSE;
    }

  return g_steal_pointer (&target);
}

static void
keep_answer (SsvHttpRequest *request,
             SoupMessage    *msg,
             GBytes         *body)
{
  request->status = soup_message_get_status (msg);
  g_clear_pointer (&request->response_headers, soup_message_headers_unref);
  request->response_headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  g_clear_pointer (&request->response_body, g_bytes_unref);
  request->response_body = body ? g_bytes_ref (body) : NULL;
  request->retry_after_s = parse_retry_after (soup_message_headers_get_one (request->response_headers,
                                                                            "Retry-After"));
}

/* One request and its redirects; the final answer's status and headers are
 * kept in the request. Returns its body, or %NULL with a transport error. */
static GBytes *
exchange (Send          *send,
          GCancellable  *cancellable,
          GError       **error)
{
  SsvHttpRequest *request = send->request;
  g_autoptr(GUri) current = g_uri_ref (send->uri);
  g_autofree char *method = g_strdup (request->method);
  gboolean with_body = TRUE;
  gboolean with_secrets = TRUE;

  for (guint hops = 0; ; hops++)
    {
      g_autoptr(SoupMessage) msg = build_message (request, method, current, with_body, with_secrets);
      g_autoptr(GBytes) body = read_answer (send, msg, cancellable, error);
      guint status;
      GUri *target;

      if (body == NULL)
        return NULL;

      keep_answer (request, msg, body);
      status = soup_message_get_status (msg);
      if (!is_redirect (status))
        return g_steal_pointer (&body);

      if (hops >= MAX_REDIRECTS)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_FAILED,
                       _("%s sent us in circles (more than %d redirects)."), send->name, MAX_REDIRECTS);
          return NULL;
        }

      target = redirect_target (send, msg, current, &with_secrets, error);
      if (target == NULL)
        return NULL;
      g_uri_unref (current);
      current = target;

      /* As browsers do: after a 303, or a 301/302 of a POST, the next request is a GET. */
      if (status == 303 || ((status == 301 || status == 302) && g_str_equal (method, "POST")))
        {
          g_free (method);
          method = g_strdup ("GET");
          with_body = FALSE;
        }
    }
}

/* What a transport error (no answer at all) means for the next attempt. */
static Next
after_transport_error (Send          *send,
                       GError        *local_error,
                       guint          attempt,
                       GCancellable  *cancellable,
                       GError       **error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (local_error));
      return NEXT_STOP;
    }

  /* Our own verdicts (too large, a refused redirect) are final. */
  if (local_error->domain == SSV_ERROR)
    {
      g_propagate_error (error, g_error_copy (local_error));
      return NEXT_STOP;
    }

  g_clear_error (&send->last_error);
  set_transport_error (&send->last_error, local_error, send->name);
  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN) == FALSE)
    {
      g_autofree char *shown = ssv_http_request_redact (send->request, send->uri_text);
      g_debug ("%s %s: %s (attempt %u)", send->request->method, shown, local_error->message, attempt + 1);
    }

  if (!is_transport_error_retryable (local_error) || attempt >= send->max_retries)
    return NEXT_GIVE_UP;

  return ssv_sleep_cancellable (backoff_us (send->http, attempt), cancellable) ? NEXT_RETRY : NEXT_GIVE_UP;
}

/* 429: the host cools down for its Retry-After (waited out here when short). */
static Next
after_rate_limited (Send  *send,
                    guint  attempt)
{
  SsvHttp *self = send->http;
  gint64 wait_s = send->request->retry_after_s >= 0 ? send->request->retry_after_s : 60;

  g_mutex_lock (&self->lock);
  lookup_host_locked (self, send->host_key, send->request->service)->cooldown_until_us =
    g_get_monotonic_time () + wait_s * G_USEC_PER_SEC;
  g_mutex_unlock (&self->lock);

  send->request->retry_after_s = wait_s;
  g_set_error (&send->last_error, SSV_ERROR, SSV_ERROR_RATE_LIMITED,
               _("%s asked us to slow down; trying again in %" G_GINT64_FORMAT " s."),
               send->name, wait_s);

  if (wait_s > self->max_inline_wait_s || attempt >= send->max_retries)
    return NEXT_GIVE_UP;
  /* The cooldown check before the next attempt waits it out. */
  return NEXT_RETRY;
}

/* What the answer's status means. */
static Next
after_answer (Send          *send,
              guint          attempt,
              GCancellable  *cancellable,
              GError       **error)
{
  SsvHttpRequest *request = send->request;
  guint status = request->status;
  gint64 wait_us;

  if (status >= 200 && status < 300)
    return NEXT_DONE;

  g_clear_error (&send->last_error);

  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED,
                   _("%s rejected the key or token. Check it in Preferences."), send->name);
      return NEXT_STOP;
    }

  if (status == SOUP_STATUS_NOT_FOUND)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("%s has no such item."), send->name);
      return NEXT_STOP;
    }

  if (status == 429)
    return after_rate_limited (send, attempt);

  if (status >= 500)
    {
      g_set_error (&send->last_error, SSV_ERROR, SSV_ERROR_SERVER,
                   _("%s had a problem (HTTP %u). It will be tried again later."), send->name, status);
      if (attempt >= send->max_retries)
        return NEXT_GIVE_UP;
      wait_us = request->retry_after_s >= 0 && request->retry_after_s <= send->http->max_inline_wait_s
                ? request->retry_after_s * G_USEC_PER_SEC
                : backoff_us (send->http, attempt);
      return ssv_sleep_cancellable (wait_us, cancellable) ? NEXT_RETRY : NEXT_GIVE_UP;
    }

  g_set_error (error, SSV_ERROR, SSV_ERROR_FAILED, _("%s refused the request (HTTP %u %s)."),
               send->name, status, soup_status_get_phrase (status));
  return NEXT_STOP;
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
 * An answer larger than the service's cap fails with %SSV_ERROR_TOO_LARGE.
 * Redirects are followed; secret headers only to the configured host.
 * After the call, @request holds the status and the Retry-After seconds.
 */
GBytes *
ssv_http_send (SsvHttp         *self,
               SsvHttpRequest  *request,
               GCancellable    *cancellable,
               GError         **error)
{
  g_auto(Send) send = { 0 };

  g_return_val_if_fail (SSV_IS_HTTP (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  if (!send_begin (&send, self, request, error))
    return NULL;

  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GError) local_error = NULL;
      Next next = wait_for_turn (&send, cancellable, error);

      if (next == NEXT_RETRY)
        {
          /* A cooldown was waited out: not an attempt. */
          attempt--;
          continue;
        }

      if (next == NEXT_DONE)
        {
          body = exchange (&send, cancellable, &local_error);
          next = body == NULL ? after_transport_error (&send, local_error, attempt, cancellable, error)
                              : after_answer (&send, attempt, cancellable, error);
        }

      if (next == NEXT_DONE)
        return g_steal_pointer (&body);
      if (next == NEXT_STOP)
        return NULL;
      if (next == NEXT_GIVE_UP)
        break;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (send.last_error != NULL)
    g_propagate_error (error, g_steal_pointer (&send.last_error));
  else
    g_set_error (error, SSV_ERROR, SSV_ERROR_FAILED, _("The request to %s failed."), send.name);

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
  for (guint i = 0; i < request->headers->len; i++)
    if (g_ascii_strcasecmp (((SsvHttpHeader *) g_ptr_array_index (request->headers, i))->name, name) == 0)
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
