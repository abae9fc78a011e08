/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-indexer.c: an indexer's address, key, caps, request budget and the requests sent to it. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "downloads/ssv-indexer-private.h"
#include "net/ssv-rate-limiter.h"
#include "ssv-utils.h"

#define DEFAULT_RATE_PER_SECOND  2.0
#define DEFAULT_RATE_BURST       2
#define SLSKD_MIN_GAP_MS         5000
#define SLSKD_POLL_MS            1000
#define SLSKD_DEADLINE_MS        30000

struct _SsvIndexer
{
  GObject          parent_instance;

  SsvIndexerKind   kind;
  char            *name;
  char            *url;
  char            *api_key;
  char            *service;       /* SsvHttp's key for this indexer's rate and cooldown */
  SsvIndexer      *parent;        /* a Prowlarr source: the Prowlarr it belongs to */
  gint64           remote_id;     /* a Prowlarr source: Prowlarr's id of the indexer */
  SsvProtocol      protocol;

  GMutex           lock;
  GArray          *categories;    /* int: set by the person; empty = from caps */
  SsvIndexerCaps  *caps;
  double           rate;
  guint            burst;
  GWeakRef         rate_applied;  /* the SsvHttp the rate was given to */
  guint            budget;        /* requests per window; 0 = no budget */
  guint            budget_window_s;
  GQueue           spent;         /* gint64 monotonic µs of each request in the window */
  guint            slskd_gap_ms;
  guint            slskd_poll_ms;
  guint            slskd_deadline_ms;
  gint64           slskd_next_us; /* monotonic: the next search may start then */
};

G_DEFINE_FINAL_TYPE (SsvIndexer, ssv_indexer, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (SsvIndexerCaps, ssv_indexer_caps, ssv_indexer_caps_ref, ssv_indexer_caps_unref)

/* ---- caps ----------------------------------------------------------------- */

static void
category_clear (gpointer data)
{
  SsvIndexerCategory *category = data;

  g_free (category->name);
}

SsvIndexerCaps *
ssv_indexer_caps_new (void)
{
  SsvIndexerCaps *caps = g_new0 (SsvIndexerCaps, 1);

  g_atomic_ref_count_init (&caps->ref);
  caps->categories = g_array_new (FALSE, TRUE, sizeof (SsvIndexerCategory));
  g_array_set_clear_func (caps->categories, category_clear);
  return caps;
}

SsvIndexerCaps *
ssv_indexer_caps_ref (SsvIndexerCaps *caps)
{
  g_atomic_ref_count_inc (&caps->ref);
  return caps;
}

void
ssv_indexer_caps_unref (SsvIndexerCaps *caps)
{
  if (caps == NULL || !g_atomic_ref_count_dec (&caps->ref))
    return;

  g_array_unref (caps->categories);
  g_free (caps);
}

void
ssv_indexer_caps_add_category (SsvIndexerCaps *caps,
                               int             id,
                               int             parent,
                               const char     *name)
{
  SsvIndexerCategory category = { id, parent, g_strdup (name) };

  for (guint i = 0; i < caps->categories->len; i++)
    if (g_array_index (caps->categories, SsvIndexerCategory, i).id == id)
      {
        g_free (category.name);
        return;
      }
  g_array_append_val (caps->categories, category);
}

/* Whether @type is offered and takes every parameter in @params. */
gboolean
ssv_indexer_caps_supports (const SsvIndexerCaps *caps,
                           SsvSearchType         type,
                           guint32               params)
{
  if (caps == NULL || type >= SSV_SEARCH_N_TYPES || caps->params[type] == 0)
    return FALSE;
  return (caps->params[type] & params) == params;
}

/* Newznab's standard ids: films 2000-2999, TV 5000-5999; custom ones (100000
 * and up) mean something else on each indexer. */
static gboolean
category_is_wanted (int      id,
                    gboolean tv)
{
  return id - id % 1000 == (tv ? 5000 : 2000);
}

/**
 * ssv_indexer_caps_pick_categories:
 * @tv: TV categories (5000…) rather than films (2000…)
 * @anime: an anime show: its category is asked for too
 *
 * The indexer's own categories of that kind; the standard parent category
 * alone stands for all of them, as indexers search its children with it.
 *
 * Returns: (transfer full) (element-type int): never empty
 */
GArray *
ssv_indexer_caps_pick_categories (const SsvIndexerCaps *caps,
                                  gboolean              tv,
                                  gboolean              anime)
{
  GArray *picked = g_array_new (FALSE, FALSE, sizeof (int));
  int standard = tv ? 5000 : 2000;
  gboolean has_standard = FALSE;

  for (guint i = 0; caps != NULL && i < caps->categories->len; i++)
    {
      const SsvIndexerCategory *c = &g_array_index (caps->categories, SsvIndexerCategory, i);

      if (c->id == standard)
        has_standard = TRUE;
    }

  for (guint i = 0; caps != NULL && i < caps->categories->len; i++)
    {
      const SsvIndexerCategory *c = &g_array_index (caps->categories, SsvIndexerCategory, i);

      if (!category_is_wanted (c->id, tv))
        continue;
      /* the parent covers its children, except anime which some indexers keep apart */
      if (has_standard && c->id != standard && !(anime && c->id == 5070))
        continue;
      g_array_append_val (picked, c->id);
    }

  if (picked->len == 0)
    g_array_append_val (picked, standard);
  return picked;
}

/* "q,season,ep,imdbid" (Torznab caps) or "imdbId" (Prowlarr) → SsvSearchParams. */
guint32
ssv_search_params_from_string (const char *list)
{
  static const struct { const char *name; guint32 param; } names[] = {
    { "q", SSV_PARAM_Q }, { "season", SSV_PARAM_SEASON }, { "ep", SSV_PARAM_EP },
    { "imdbid", SSV_PARAM_IMDBID }, { "tvdbid", SSV_PARAM_TVDBID }, { "tmdbid", SSV_PARAM_TMDBID },
    { "rid", SSV_PARAM_RID }, { "tvmazeid", SSV_PARAM_TVMAZEID },
  };
  g_auto(GStrv) parts = NULL;
  guint32 params = 0;

  if (list == NULL)
    return 0;

  parts = g_strsplit_set (list, ", ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (names); j++)
      if (g_ascii_strcasecmp (parts[i], names[j].name) == 0)
        params |= names[j].param;
  return params;
}

/* ---- queries -------------------------------------------------------------- */

SsvIndexerQuery *
ssv_indexer_query_new (SsvSearchType  type,
                       const char    *q)
{
  SsvIndexerQuery *query = g_new0 (SsvIndexerQuery, 1);

  query->type = type;
  query->q = g_strdup (q);
  query->season = -1;
  return query;
}

SsvIndexerQuery *
ssv_indexer_query_copy (const SsvIndexerQuery *query)
{
  SsvIndexerQuery *copy = g_new0 (SsvIndexerQuery, 1);

  *copy = *query;
  copy->q = g_strdup (query->q);
  copy->ep = g_strdup (query->ep);
  copy->imdb_id = g_strdup (query->imdb_id);
  return copy;
}

void
ssv_indexer_query_free (SsvIndexerQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->q);
  g_free (query->ep);
  g_free (query->imdb_id);
  g_free (query);
}

/* The parameters @query uses, to check them against caps. */
guint32
ssv_indexer_query_params (const SsvIndexerQuery *query)
{
  guint32 params = 0;

  if (query->q != NULL)
    params |= SSV_PARAM_Q;
  if (query->season >= 0)
    params |= SSV_PARAM_SEASON;
  if (query->ep != NULL)
    params |= SSV_PARAM_EP;
  if (query->imdb_id != NULL)
    params |= SSV_PARAM_IMDBID;
  if (query->tvdb_id > 0)
    params |= SSV_PARAM_TVDBID;
  if (query->tmdb_id > 0)
    params |= SSV_PARAM_TMDBID;
  return params;
}

/* In plain words, for a search dialog's progress and the timeline: "“The Fix S01E01”",
 * "TheTVDB id 354629, season 1, episode 1". */
char *
ssv_indexer_query_describe (const SsvIndexerQuery *query)
{
  GString *s = g_string_new (NULL);

  if (query->q != NULL)
    g_string_append_printf (s, _("“%s”"), query->q);
  if (query->imdb_id != NULL)
    g_string_append_printf (s, "%s%s %s", s->len ? ", " : "", _("IMDb id"), query->imdb_id);
  if (query->tvdb_id > 0)
    g_string_append_printf (s, "%s%s %" G_GINT64_FORMAT, s->len ? ", " : "", _("TheTVDB id"), query->tvdb_id);
  if (query->tmdb_id > 0)
    g_string_append_printf (s, "%s%s %" G_GINT64_FORMAT, s->len ? ", " : "", _("TMDB id"), query->tmdb_id);
  if (query->season >= 0)
    g_string_append_printf (s, "%s%s %d", s->len ? ", " : "", _("season"), query->season);
  if (query->ep != NULL)
    g_string_append_printf (s, "%s%s %s", s->len ? ", " : "", _("episode"), query->ep);
  return g_string_free (s, FALSE);
}

/* ---- names ---------------------------------------------------------------- */

static const char * const kind_names[SSV_INDEXER_N_KINDS] = { "torznab", "newznab", "prowlarr", "slskd" };

const char *
ssv_indexer_kind_to_string (SsvIndexerKind kind)
{
  return kind < SSV_INDEXER_N_KINDS ? kind_names[kind] : "unknown";
}

gboolean
ssv_indexer_kind_from_string (const char     *text,
                              SsvIndexerKind *kind)
{
  for (guint i = 0; text != NULL && i < SSV_INDEXER_N_KINDS; i++)
    if (g_ascii_strcasecmp (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
ssv_search_type_to_string (SsvSearchType type)
{
  static const char * const names[] = { "search", "tvsearch", "movie" };

  return type < SSV_SEARCH_N_TYPES ? names[type] : "search";
}

/* ---- the object ------------------------------------------------------------ */

static void
ssv_indexer_finalize (GObject *object)
{
  SsvIndexer *self = SSV_INDEXER (object);

  g_free (self->name);
  g_free (self->url);
  g_free (self->api_key);
  g_free (self->service);
  g_clear_object (&self->parent);
  g_array_unref (self->categories);
  g_clear_pointer (&self->caps, ssv_indexer_caps_unref);
  g_weak_ref_clear (&self->rate_applied);
  g_queue_clear_full (&self->spent, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ssv_indexer_parent_class)->finalize (object);
}

static void
ssv_indexer_class_init (SsvIndexerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_indexer_finalize;
}

static void
ssv_indexer_init (SsvIndexer *self)
{
  g_mutex_init (&self->lock);
  g_weak_ref_init (&self->rate_applied, NULL);
  g_queue_init (&self->spent);
  self->categories = g_array_new (FALSE, FALSE, sizeof (int));
  self->rate = DEFAULT_RATE_PER_SECOND;
  self->burst = DEFAULT_RATE_BURST;
  self->slskd_gap_ms = SLSKD_MIN_GAP_MS;
  self->slskd_poll_ms = SLSKD_POLL_MS;
  self->slskd_deadline_ms = SLSKD_DEADLINE_MS;
}

/**
 * ssv_indexer_new:
 * @url: the Torznab/Newznab address ("https://host/api", Jackett's
 *   ".../results/torznab/"), Prowlarr's or slskd's base address
 * @api_key: (nullable): held in memory only; it never goes to logs or errors
 */
SsvIndexer *
ssv_indexer_new (SsvIndexerKind  kind,
                 const char     *name,
                 const char     *url,
                 const char     *api_key)
{
  SsvIndexer *self = g_object_new (SSV_TYPE_INDEXER, NULL);

  self->kind = kind;
  self->name = g_strdup (name);
  self->url = g_strdup (url);
  self->api_key = g_strdup (api_key);
  self->service = g_strconcat ("indexer:", name, NULL);
  self->protocol = kind == SSV_INDEXER_NEWZNAB ? SSV_PROTOCOL_USENET :
                   kind == SSV_INDEXER_SLSKD ? SSV_PROTOCOL_SLSKD : SSV_PROTOCOL_TORRENT;
  /* slskd runs beside the app; the gap between searches is what spares the network */
  if (kind == SSV_INDEXER_SLSKD)
    self->rate = 0.0;
  return self;
}

/* One of the indexers a Prowlarr manages, searched on its own so its answer
 * arrives without waiting for the others. */
SsvIndexer *
ssv_indexer_new_source (SsvIndexer     *parent,
                        gint64          remote_id,
                        const char     *name,
                        SsvProtocol     protocol,
                        SsvIndexerCaps *caps)
{
  g_autofree char *shown = g_strdup_printf (_("%s (via %s)"), name, parent->name);
  SsvIndexer *self = ssv_indexer_new (parent->kind, shown, parent->url, parent->api_key);

  self->parent = g_object_ref (parent);
  self->remote_id = remote_id;
  self->protocol = protocol;
  self->rate = parent->rate;
  self->burst = parent->burst;
  g_array_append_vals (self->categories, parent->categories->data, parent->categories->len);
  self->caps = caps ? ssv_indexer_caps_ref (caps) : NULL;
  return self;
}

SsvIndexerKind
ssv_indexer_get_kind (SsvIndexer *self)
{
  return self->kind;
}

const char *
ssv_indexer_get_name (SsvIndexer *self)
{
  return self->name;
}

const char *
ssv_indexer_get_url (SsvIndexer *self)
{
  return self->url;
}

SsvProtocol
ssv_indexer_get_protocol (SsvIndexer *self)
{
  return self->protocol;
}

const char *
ssv_indexer_get_api_key (SsvIndexer *self)
{
  return self->api_key;
}

gint64
ssv_indexer_get_remote_id (SsvIndexer *self)
{
  return self->remote_id;
}

/* Whether this is one of the indexers a Prowlarr manages. */
gboolean
ssv_indexer_is_source (SsvIndexer *self)
{
  return self->parent != NULL;
}

/* The name of the Prowlarr a source belongs to, or the indexer's own. */
const char *
ssv_indexer_get_owner_name (SsvIndexer *self)
{
  return self->parent ? self->parent->name : self->name;
}

/* The categories to search; an empty list (the default) takes them from caps. */
void
ssv_indexer_set_categories (SsvIndexer *self,
                            const int  *categories,
                            guint       n_categories)
{
  g_mutex_lock (&self->lock);
  g_array_set_size (self->categories, 0);
  g_array_append_vals (self->categories, categories, n_categories);
  g_mutex_unlock (&self->lock);
}

/**
 * ssv_indexer_dup_categories:
 *
 * What a search of films (@tv FALSE) or of a show sends as `cat`: the
 * person's choice of that kind if any, else what the indexer's caps offer.
 *
 * Returns: (transfer full) (element-type int)
 */
GArray *
ssv_indexer_dup_categories (SsvIndexer *self,
                            gboolean    tv,
                            gboolean    anime)
{
  GArray *picked = NULL;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->categories->len; i++)
    {
      int id = g_array_index (self->categories, int, i);

      if (!category_is_wanted (id, tv) && id < 100000)
        continue;
      if (picked == NULL)
        picked = g_array_new (FALSE, FALSE, sizeof (int));
      g_array_append_val (picked, id);
    }
  if (picked == NULL)
    picked = ssv_indexer_caps_pick_categories (self->caps, tv, anime);
  g_mutex_unlock (&self->lock);

  return picked;
}

/* Requests per second this indexer gets from this app, at most. */
void
ssv_indexer_set_rate (SsvIndexer *self,
                      double      per_second,
                      guint       burst)
{
  g_mutex_lock (&self->lock);
  self->rate = per_second;
  self->burst = MAX (burst, 1);
  g_weak_ref_set (&self->rate_applied, NULL);
  g_mutex_unlock (&self->lock);
}

/**
 * ssv_indexer_set_budget:
 * @requests: at most this many requests…
 * @window_seconds: …in any such span (86400: a day, as most usenet indexers count)
 *
 * Every request counts, caps included; @requests 0 lifts the budget.
 */
void
ssv_indexer_set_budget (SsvIndexer *self,
                        guint       requests,
                        guint       window_seconds)
{
  SsvIndexer *owner = self->parent ? self->parent : self;

  g_mutex_lock (&owner->lock);
  owner->budget = requests;
  owner->budget_window_s = MAX (window_seconds, 1);
  g_mutex_unlock (&owner->lock);
}

static void
drop_spent_locked (SsvIndexer *self,
                   gint64      now)
{
  gint64 window_us = (gint64) self->budget_window_s * G_USEC_PER_SEC;

  while (!g_queue_is_empty (&self->spent) && now - *(gint64 *) g_queue_peek_head (&self->spent) >= window_us)
    g_free (g_queue_pop_head (&self->spent));
}

/* Requests left in the budget's window; G_MAXUINT without a budget. */
guint
ssv_indexer_get_requests_left (SsvIndexer *self)
{
  SsvIndexer *owner = self->parent ? self->parent : self;
  guint left;

  g_mutex_lock (&owner->lock);
  drop_spent_locked (owner, g_get_monotonic_time ());
  left = owner->budget == 0 ? G_MAXUINT : owner->budget - MIN (owner->budget, owner->spent.length);
  g_mutex_unlock (&owner->lock);

  return left;
}

static gboolean
take_from_budget (SsvIndexer  *self,
                  GError     **error)
{
  SsvIndexer *owner = self->parent ? self->parent : self;
  gint64 now = g_get_monotonic_time ();
  gboolean ok = TRUE;

  g_mutex_lock (&owner->lock);
  drop_spent_locked (owner, now);
  if (owner->budget > 0 && owner->spent.length >= owner->budget)
    {
      gint64 oldest = *(gint64 *) g_queue_peek_head (&owner->spent);
      gint64 left_s = (oldest + (gint64) owner->budget_window_s * G_USEC_PER_SEC - now) / G_USEC_PER_SEC + 1;
      g_autofree char *when = ssv_format_duration (left_s);

      g_set_error (error, SSV_ERROR, SSV_ERROR_QUOTA,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s has had its %u request for now; it is searched again in %s.",
                                "%s has had its %u requests for now; it is searched again in %s.",
                                owner->budget),
                   self->name, owner->budget, when);
      ok = FALSE;
    }
  else if (owner->budget > 0)
    g_queue_push_tail (&owner->spent, g_memdup2 (&now, sizeof now));
  g_mutex_unlock (&owner->lock);

  return ok;
}

void
ssv_indexer_set_slskd_timing (SsvIndexer *self,
                              guint       min_gap_ms,
                              guint       poll_ms,
                              guint       deadline_ms)
{
  g_mutex_lock (&self->lock);
  self->slskd_gap_ms = min_gap_ms;
  self->slskd_poll_ms = MAX (poll_ms, 10);
  self->slskd_deadline_ms = MAX (deadline_ms, self->slskd_poll_ms);
  g_mutex_unlock (&self->lock);
}

void
ssv_indexer_get_slskd_timing (SsvIndexer *self,
                              guint      *min_gap_ms,
                              guint      *poll_ms,
                              guint      *deadline_ms)
{
  g_mutex_lock (&self->lock);
  *min_gap_ms = self->slskd_gap_ms;
  *poll_ms = self->slskd_poll_ms;
  *deadline_ms = self->slskd_deadline_ms;
  g_mutex_unlock (&self->lock);
}

/* Waits until the minimum gap after the last search started has passed; the
 * slot is taken at once, so searches started together still leave the gap. */
gboolean
ssv_indexer_wait_slskd_gap (SsvIndexer   *self,
                            GCancellable *cancellable)
{
  gint64 now = g_get_monotonic_time ();
  gint64 start;

  g_mutex_lock (&self->lock);
  start = MAX (now, self->slskd_next_us);
  self->slskd_next_us = start + (gint64) self->slskd_gap_ms * 1000;
  g_mutex_unlock (&self->lock);

  return start <= now || ssv_sleep_cancellable (start - now, cancellable);
}

/* Counts the gap from when slskd took the search, so it sees the gap whole. */
void
ssv_indexer_slskd_search_sent (SsvIndexer *self)
{
  gint64 next = g_get_monotonic_time ();

  g_mutex_lock (&self->lock);
  next += (gint64) self->slskd_gap_ms * 1000;
  self->slskd_next_us = MAX (self->slskd_next_us, next);
  g_mutex_unlock (&self->lock);
}

SsvIndexerCaps *
ssv_indexer_dup_caps (SsvIndexer *self)
{
  SsvIndexerCaps *caps;

  g_mutex_lock (&self->lock);
  caps = self->caps ? ssv_indexer_caps_ref (self->caps) : NULL;
  g_mutex_unlock (&self->lock);

  return caps;
}

void
ssv_indexer_set_caps (SsvIndexer     *self,
                      SsvIndexerCaps *caps)
{
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->caps, ssv_indexer_caps_unref);
  self->caps = caps ? ssv_indexer_caps_ref (caps) : NULL;
  g_mutex_unlock (&self->lock);
}

/* ---- requests ------------------------------------------------------------- */

SsvHttpRequest *
ssv_indexer_request_new (SsvIndexer *self,
                         const char *method,
                         const char *path)
{
  SsvHttpRequest *request = ssv_http_request_new (self->service, method, path);

  ssv_http_request_set_base_url (request, self->url);
  return request;
}

/* A request to a JSON API that takes the key in a header (Prowlarr's
 * "X-Api-Key", slskd's "X-API-Key"). */
SsvHttpRequest *
ssv_indexer_json_request_new (SsvIndexer *self,
                              const char *method,
                              const char *path,
                              const char *key_header)
{
  SsvHttpRequest *request = ssv_indexer_request_new (self, method, path);

  if (self->api_key != NULL && self->api_key[0] != '\0')
    ssv_http_request_set_header (request, key_header, self->api_key);
  ssv_http_request_set_header (request, "Accept", "application/json");
  return request;
}

static void
apply_rate (SsvIndexer *self,
            SsvHttp    *http)
{
  g_autoptr(SsvHttp) applied = g_weak_ref_get (&self->rate_applied);
  double rate;
  guint burst;

  if (applied == http)
    return;

  g_mutex_lock (&self->lock);
  rate = self->rate;
  burst = self->burst;
  g_weak_ref_set (&self->rate_applied, http);
  g_mutex_unlock (&self->lock);

  ssv_http_set_rate_limit (http, self->service, rate, burst);
}

/* Says what went wrong in words that name the indexer and what to do. */
static void
explain_error (SsvIndexer      *self,
               SsvHttpRequest  *request,
               GError         **error)
{
  GError *e = *error;
  guint status = ssv_http_request_get_status (request);
  char *text = NULL;

  if (e->domain != SSV_ERROR)
    return;

  switch (e->code)
    {
    case SSV_ERROR_KEY_REJECTED:
      text = g_strdup_printf (_("%s refused the API key. Check the key in Preferences → Indexers."), self->name);
      break;
    case SSV_ERROR_RATE_LIMITED:
      {
        gint64 wait_s = MAX (ssv_http_request_get_retry_after (request), 1);

        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s asked to slow down; it is left alone for %" G_GINT64_FORMAT " second.",
                                             "%s asked to slow down; it is left alone for %" G_GINT64_FORMAT " seconds.",
                                             wait_s),
                                self->name, wait_s);
      }
      break;
    case SSV_ERROR_SERVER:
      text = g_strdup_printf (_("%s had a problem of its own (HTTP %u). Try again later."), self->name, status);
      break;
    case SSV_ERROR_TIMEOUT:
      text = g_strdup_printf (_("%s did not answer in time. Check that it is running."), self->name);
      break;
    case SSV_ERROR_UNREACHABLE:
      text = g_strdup_printf (_("Could not reach %s at %s. Check the address and that it is running."),
                              self->name, self->url);
      break;
    case SSV_ERROR_NOT_FOUND:
      text = g_strdup_printf (_("%s has no search at this address (HTTP 404). Check the address in "
                                "Preferences → Indexers."), self->name);
      break;
    case SSV_ERROR_INVALID:
      text = g_strdup_printf (_("The address of %s, “%s”, is not a web address."), self->name, self->url);
      break;
    case SSV_ERROR_FAILED:
      if (status != 0)
        text = g_strdup_printf (_("%s refused the search (HTTP %u)."), self->name, status);
      break;
    default:
      break;
    }

  if (text != NULL)
    {
      g_free (e->message);
      e->message = text;
    }
}

/**
 * ssv_indexer_send:
 *
 * Sends @request if the indexer's budget allows it, with its own rate limit;
 * SsvHttp keeps a 429's cooldown for it, so a second search during the
 * cooldown fails at once without a request.
 *
 * Returns: (transfer full): the body of a 2xx answer
 */
GBytes *
ssv_indexer_send (SsvIndexer      *self,
                  SsvHttp         *http,
                  SsvHttpRequest  *request,
                  GCancellable    *cancellable,
                  GError         **error)
{
  GBytes *body;

  if (self->url == NULL || self->url[0] == '\0')
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("%s has no address. Set it in Preferences → Indexers."),
                   self->name);
      return NULL;
    }

  apply_rate (self, http);
  if (ssv_http_get_cooldown_remaining (http, self->service) == 0 && !take_from_budget (self, error))
    return NULL;

  body = ssv_http_send (http, request, cancellable, error);
  if (body == NULL && error != NULL && *error != NULL)
    explain_error (self, request, error);
  return body;
}

/* ---- what the answers look like -------------------------------------------- */

gboolean
ssv_body_looks_like_html (const char *data,
                          gsize       length)
{
  gsize skip = 0;
  g_autofree char *head = NULL;

  if (data == NULL)
    return FALSE;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  while (skip < length && g_ascii_isspace (data[skip]))
    skip++;

  /* a page starts with markup; JSON that quotes some ("<b>") does not */
  if (skip >= length || data[skip] != '<')
    return FALSE;
  head = g_ascii_strdown (data + skip, MIN (length - skip, 512));
  return g_str_has_prefix (head, "<!doctype html") || strstr (head, "<html") != NULL ||
         strstr (head, "<head>") != NULL || strstr (head, "<body") != NULL;
}

void
ssv_set_web_page_error (GError     **error,
                        const char  *name)
{
  g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
               _("%s answered with a web page instead of search results. Check its address and key "
                 "(a login page or a Cloudflare check looks like this)."),
               name);
}

/**
 * ssv_parse_json_answer:
 *
 * A JSON API's answer (Prowlarr, slskd) read, or an error naming @name: an
 * empty answer, a web page, broken JSON.
 *
 * Returns: (transfer full) (nullable): the root
 */
JsonNode *
ssv_parse_json_answer (const char  *data,
                       gssize       length,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  if (length < 0)
    length = data ? strlen (data) : 0;
  if (length == 0)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED, _("%s sent an empty answer."), name);
      return NULL;
    }
  if (ssv_body_looks_like_html (data, length))
    {
      ssv_set_web_page_error (error, name);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error) || json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED, _("%s sent an answer that could not be read (%s)."), name,
                   local_error ? local_error->message : _("empty body"));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}
