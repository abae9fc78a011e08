/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-discovery.c: finding beyond the library: search over the library and TMDB, pages of
 * titles and people not owned (kept in the library file, so a second visit is instant),
 * trending and discover lists, where to watch, alternative titles. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-discovery-private.h"
#include "ssv-error.h"
#include "providers/ssv-tmdb.h"
#include "model/ssv-found-title-private.h"
#include "stores/ssv-find-store.h"
#include "stores/ssv-settings-store.h"
#include "stores/ssv-tmdb-cache-store.h"
#include "ssv-thread.h"

#define LIBRARY_HITS      20
#define APPENDED_SEASONS  16    /* with the four other parts: TMDB's limit of 20 */

struct _SsvDiscovery
{
  GObject             parent_instance;

  SsvDatabase        *database;
  SsvHttp            *http;
  SsvSecrets         *secrets;
  SsvWatchlistStore  *watchlist;
  SsvClock           *clock;
};

G_DEFINE_FINAL_TYPE (SsvDiscovery, ssv_discovery, G_TYPE_OBJECT)

/* The key and options of one call, read on its thread. */
typedef struct
{
  char           *key;
  char           *image_base;
  char           *language;
  char           *region;
  SsvTmdbOptions  options;
} Session;

static void
session_clear (Session *session)
{
  g_free (session->key);
  g_free (session->image_base);
  g_free (session->language);
  g_free (session->region);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Session, session_clear)

static gboolean
session_init (SsvDiscovery  *self,
              Session       *session,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *language = ssv_settings_store_get (self->database, "metadata.language", NULL);
  g_autofree char *region = ssv_settings_store_get (self->database, "metadata.region", NULL);
  GError *local_error = NULL;

  session->key = ssv_secrets_lookup_sync (self->secrets, "api-key:tmdb", cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (session->key == NULL || session->key[0] == '\0')
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                           _("Add your TMDB API key in Preferences to find titles outside your library."));
      return FALSE;
    }

  session->image_base = ssv_http_dup_base_url (self->http, "tmdb-images");
  session->language = language && language[0] ? g_steal_pointer (&language) : g_strdup ("en-US");
  session->region = region && region[0] ? g_steal_pointer (&region) : g_strdup ("US");
  session->options.image_base = session->image_base ? session->image_base : "https://image.tmdb.org/t/p";
  session->options.language = session->language;
  session->options.region = session->region;

  return TRUE;
}

static JsonNode *
parse_json (const char  *text,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}

/* An answer kept in the library file while it is younger than @max_age; else
 * TMDB's, kept for next time. When TMDB cannot be reached, an older kept one
 * is better than nothing. */
static JsonNode *
cached_get (SsvDiscovery        *self,
            Session             *session,
            const char          *path,
            const char * const  *query,
            gint64               max_age,
            GCancellable        *cancellable,
            GError             **error)
{
  gint64 now = ssv_clock_get_now (self->clock);
  g_autoptr(GString) key = g_string_new (path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  JsonNode *node;

  for (guint i = 0; query != NULL && query[i] != NULL && query[i + 1] != NULL; i += 2)
    g_string_append_printf (key, "%c%s=%s", i == 0 ? '?' : '&', query[i], query[i + 1]);

  body = ssv_tmdb_cache_store_get (self->database, key->str, now - max_age, NULL);
  if (body != NULL && (node = parse_json (body, NULL)) != NULL)
    return node;

  node = ssv_tmdb_get (self->http, session->key, path, query, cancellable, &local_error);
  if (node == NULL)
    {
      g_autofree char *old = NULL;

      if (!g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND) &&
          !g_error_matches (local_error, SSV_ERROR, SSV_ERROR_KEY_REJECTED) &&
          (old = ssv_tmdb_cache_store_get (self->database, key->str, 0, NULL)) != NULL &&
          (node = parse_json (old, NULL)) != NULL)
        return node;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  text = json_to_string (node, FALSE);
  if (!ssv_tmdb_cache_store_put (self->database, key->str, text, now, &local_error))
    g_debug ("Could not keep TMDB's answer for %s: %s", path, local_error->message);

  return node;
}

/* ---- marks ------------------------------------------------------------------------- */

static SsvFoundTitle *
found_from_hit (const SsvTmdbHit *hit)
{
  const char *kind = hit->media_type == SSV_TMDB_TV ? SSV_FOUND_SHOW
                   : hit->media_type == SSV_TMDB_PERSON ? SSV_FOUND_PERSON : SSV_FOUND_MOVIE;
  SsvFoundTitle *found = ssv_found_title_new (kind, hit->id, hit->title);

  found->year = hit->year;
  found->overview = g_strdup (hit->overview);
  found->image_url = g_strdup (hit->image_url);
  found->known_for = g_strdup (hit->known_for);
  found->popularity = hit->popularity;

  return found;
}

/* Owned and wished from the library; followed from the watchlist (a show that
 * still airs in the library is followed without a row). */
static gboolean
mark_all (SsvDiscovery  *self,
          GPtrArray     *found,
          GError       **error)
{
  g_autoptr(GHashTable) shows = NULL;
  g_autoptr(GHashTable) people = NULL;

  if (!ssv_find_store_mark (self->database, found, error))
    return FALSE;

  shows = ssv_watchlist_store_dup_followed_keys (self->watchlist, SSV_WATCH_KIND_SHOW, error);
  if (shows == NULL)
    return FALSE;
  people = ssv_watchlist_store_dup_followed_keys (self->watchlist, SSV_WATCH_KIND_PERSON, error);
  if (people == NULL)
    return FALSE;

  for (guint i = 0; i < found->len; i++)
    {
      SsvFoundTitle *title = g_ptr_array_index (found, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, title->tmdb_id);
      g_autofree char *key = ssv_watchlist_key ("tmdb", id);
      GHashTable *set = g_str_equal (title->kind, SSV_FOUND_PERSON) ? people
                      : g_str_equal (title->kind, SSV_FOUND_SHOW) ? shows : NULL;

      if (set != NULL && title->tmdb_id > 0 && g_hash_table_contains (set, key))
        g_object_set (title, "followed", TRUE, NULL);
    }

  return TRUE;
}

static GPtrArray *
found_from_hits (SsvDiscovery  *self,
                 GPtrArray     *hits,
                 GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (found, found_from_hit (g_ptr_array_index (hits, i)));

  if (!mark_all (self, found, error))
    return NULL;

  return g_steal_pointer (&found);
}

/* ---- search -------------------------------------------------------------------------- */

static GPtrArray *
search_tmdb (SsvDiscovery  *self,
             const char    *query,
             GCancellable  *cancellable,
             GError       **error)
{
  g_auto(Session) session = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  if (!session_init (self, &session, cancellable, error))
    return NULL;

  {
    const char *params[] = { "query", query, "language", session.language, "include_adult", "false",
                             "page", "1", NULL };

    root = cached_get (self, &session, "/search/multi", params, SSV_DISCOVERY_LIST_AGE_S, cancellable, error);
  }
  if (root == NULL)
    return NULL;

  hits = ssv_tmdb_parse_hits (root, SSV_TMDB_MOVIE, &session.options, error);
  if (hits == NULL)
    return NULL;

  return found_from_hits (self, hits, error);
}

/**
 * ssv_discovery_find_sync:
 * @library_only: do not ask TMDB
 * @note: (out) (optional): why TMDB's results are missing, for people (no key,
 *   TMDB unreachable), or %NULL
 *
 * The library's titles and people first, then TMDB's movies, shows and people
 * that are not the same ones, each marked owned, wished and followed.
 *
 * Returns: (transfer full) (element-type SsvFoundTitle): what was found; %NULL
 *   only when the library could not be read
 */
GPtrArray *
ssv_discovery_find_sync (SsvDiscovery  *self,
                         const char    *query,
                         gboolean       library_only,
                         char         **note,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (query ? query : ""));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) remote = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) remote_error = NULL;

  g_return_val_if_fail (SSV_IS_DISCOVERY (self), NULL);

  if (note != NULL)
    *note = NULL;
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("Type a title or a name to search for."));
      return NULL;
    }

  found = ssv_find_store_search_library (self->database, trimmed, LIBRARY_HITS, error);
  if (found == NULL || !mark_all (self, found, error))
    return NULL;
  for (guint i = 0; i < found->len; i++)
    g_hash_table_add (keys, ssv_found_title_dup_key (g_ptr_array_index (found, i)));

  if (library_only)
    return g_steal_pointer (&found);

  remote = search_tmdb (self, trimmed, cancellable, &remote_error);
  if (remote == NULL)
    {
      if (g_error_matches (remote_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&remote_error));
          return NULL;
        }
      if (note != NULL)
        *note = g_strdup (remote_error->message);
      return g_steal_pointer (&found);
    }

  for (guint i = 0; i < remote->len; i++)
    {
      SsvFoundTitle *title = g_ptr_array_index (remote, i);
      char *key = ssv_found_title_dup_key (title);

      if (g_hash_table_contains (keys, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (keys, key);
      g_ptr_array_add (found, g_object_ref (title));
    }

  return g_steal_pointer (&found);
}

/* ---- a title's page ------------------------------------------------------------------- */

static char *
join_seasons (const char *head,
              GArray     *numbers,
              guint       from,
              guint       count)
{
  g_autoptr(GString) append = g_string_new (head);

  for (guint i = from; i < numbers->len && i < from + count; i++)
    g_string_append_printf (append, "%sseason/%d", append->len > 0 ? "," : "", g_array_index (numbers, int, i));

  return g_string_free (g_steal_pointer (&append), FALSE);
}

/* Seasons TMDB lists that did not come with the details, twenty to a call. */
static gboolean
fetch_more_seasons (SsvDiscovery  *self,
                    Session       *session,
                    gint64         tmdb_id,
                    SsvMeta       *meta,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *path = g_strdup_printf ("/tv/%" G_GINT64_FORMAT, tmdb_id);
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < meta->seasons->len; i++)
    {
      int number = ((SsvMetaSeason *) g_ptr_array_index (meta->seasons, i))->season_number;
      gboolean have = FALSE;

      for (guint j = 0; j < meta->answered_seasons->len && !have; j++)
        have = g_array_index (meta->answered_seasons, int, j) == number;
      if (!have)
        g_array_append_val (missing, number);
    }

  for (guint from = 0; from < missing->len; from += 20)
    {
      g_autofree char *append = join_seasons ("", missing, from, 20);
      const char *params[] = { "language", session->language, "append_to_response", append, NULL };
      g_autoptr(JsonNode) root = cached_get (self, session, path, params, SSV_DISCOVERY_TITLE_AGE_S,
                                             cancellable, error);
      g_autoptr(SsvMeta) more = NULL;

      if (root == NULL)
        return FALSE;
      more = ssv_tmdb_parse_details (root, SSV_ITEM_SHOW, &session->options, error);
      if (more == NULL)
        return FALSE;

      for (guint i = 0; i < more->episodes->len; i++)
        g_ptr_array_add (meta->episodes, g_ptr_array_steal_index (more->episodes, i--));
      g_array_append_vals (meta->answered_seasons, more->answered_seasons->data, more->answered_seasons->len);
    }

  return TRUE;
}

/**
 * ssv_discovery_title_sync:
 *
 * A title that may not be in the library, as TMDB has it: details, cast,
 * artwork, and for a show every season's episodes with their air dates. Kept
 * for a week: a second visit asks TMDB nothing.
 */
SsvMeta *
ssv_discovery_title_sync (SsvDiscovery  *self,
                          SsvItemKind    kind,
                          gint64         tmdb_id,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return ssv_discovery_title_aged_sync (self, kind, tmdb_id, SSV_DISCOVERY_TITLE_AGE_S, cancellable, error);
}

/* ssv_discovery_title_sync(), with what was kept good for @max_age seconds. */
SsvMeta *
ssv_discovery_title_aged_sync (SsvDiscovery  *self,
                               SsvItemKind    kind,
                               gint64         tmdb_id,
                               gint64         max_age,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_auto(Session) session = { 0, };
  g_autofree char *path = NULL;
  g_autofree char *append = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SsvMeta) meta = NULL;
  gboolean show = kind == SSV_ITEM_SHOW;

  g_return_val_if_fail (SSV_IS_DISCOVERY (self), NULL);
  g_return_val_if_fail (kind == SSV_ITEM_MOVIE || kind == SSV_ITEM_SHOW, NULL);

  if (!session_init (self, &session, cancellable, error))
    return NULL;

  path = g_strdup_printf ("/%s/%" G_GINT64_FORMAT, show ? "tv" : "movie", tmdb_id);
  if (show)
    {
      /* Seasons are a guess before the details say which there are: most
       * shows have their every season in this one call. */
      g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (int));

      /* Specials (season 0) too: most shows have some. */
      for (int s = 0; s < APPENDED_SEASONS; s++)
        g_array_append_val (first, s);
      append = join_seasons ("external_ids,credits,images,content_ratings", first, 0, APPENDED_SEASONS);
    }
  else
    append = g_strdup ("external_ids,credits,images,release_dates");

  {
    const char *params[] = { "language", session.language, "append_to_response", append,
                             "include_image_language", "en,null", NULL };

    root = cached_get (self, &session, path, params, max_age, cancellable, error);
  }
  if (root == NULL)
    return NULL;

  meta = ssv_tmdb_parse_details (root, kind, &session.options, error);
  if (meta == NULL)
    return NULL;

  if (show && !fetch_more_seasons (self, &session, tmdb_id, meta, cancellable, error))
    return NULL;

  return g_steal_pointer (&meta);
}

/* ---- a person's page ------------------------------------------------------------------ */

void
ssv_person_page_free (SsvPersonPage *page)
{
  if (page == NULL)
    return;

  ssv_tmdb_person_free (page->person);
  g_clear_pointer (&page->filmography, g_ptr_array_unref);
  g_free (page);
}

/* Cast parts read "as Neil McCauley"; crew ones by their job. */
static SsvFoundTitle *
found_from_credit (const SsvTmdbCredit *credit)
{
  SsvFoundTitle *found = ssv_found_title_new (credit->media_type == SSV_TMDB_TV ? SSV_FOUND_SHOW : SSV_FOUND_MOVIE,
                                              credit->id, credit->title);

  found->year = credit->year;
  found->image_url = g_strdup (credit->poster_url);
  found->popularity = credit->popularity;
  found->role = g_strdup (credit->cast ? credit->character : credit->job);

  return found;
}

/**
 * ssv_discovery_person_sync:
 *
 * A person as TMDB has them: photo, biography, known for, and every movie and
 * show they were part of (newest first, upcoming ones leading), each marked
 * owned, wished and followed. Kept for three days.
 */
SsvPersonPage *
ssv_discovery_person_sync (SsvDiscovery  *self,
                           gint64         tmdb_id,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_auto(Session) session = { 0, };
  g_autofree char *path = g_strdup_printf ("/person/%" G_GINT64_FORMAT, tmdb_id);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SsvPersonPage) page = g_new0 (SsvPersonPage, 1);
  g_autoptr(GHashTable) people = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tmdb_id);
  g_autofree char *key = ssv_watchlist_key ("tmdb", id);

  g_return_val_if_fail (SSV_IS_DISCOVERY (self), NULL);

  if (!session_init (self, &session, cancellable, error))
    return NULL;

  {
    const char *params[] = { "language", session.language, "append_to_response", "combined_credits", NULL };

    root = cached_get (self, &session, path, params, SSV_DISCOVERY_PERSON_AGE_S, cancellable, error);
  }
  if (root == NULL)
    return NULL;

  page->person = ssv_tmdb_parse_person (root, &session.options, error);
  if (page->person == NULL)
    return NULL;

  page->filmography = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < page->person->credits->len; i++)
    g_ptr_array_add (page->filmography, found_from_credit (g_ptr_array_index (page->person->credits, i)));
  if (!mark_all (self, page->filmography, error))
    return NULL;

  people = ssv_watchlist_store_dup_followed_keys (self->watchlist, SSV_WATCH_KIND_PERSON, error);
  if (people == NULL)
    return NULL;
  page->followed = g_hash_table_contains (people, key);

  return g_steal_pointer (&page);
}

/* ---- lists ----------------------------------------------------------------------------- */

static GPtrArray *
list_sync (SsvDiscovery        *self,
           const char          *path,
           const char * const  *extra,
           SsvTmdbMediaType     fallback,
           GCancellable        *cancellable,
           GError             **error)
{
  g_auto(Session) session = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  const char *params[12] = { NULL, };
  guint n = 0;

  if (!session_init (self, &session, cancellable, error))
    return NULL;

  params[n++] = "language";
  params[n++] = session.language;
  for (guint i = 0; extra != NULL && extra[i] != NULL && extra[i + 1] != NULL &&
                    n + 2 < G_N_ELEMENTS (params); i += 2)
    {
      params[n++] = extra[i];
      params[n++] = extra[i + 1];
    }

  root = cached_get (self, &session, path, params, SSV_DISCOVERY_LIST_AGE_S, cancellable, error);
  if (root == NULL)
    return NULL;

  hits = ssv_tmdb_parse_hits (root, fallback, &session.options, error);
  if (hits == NULL)
    return NULL;

  return found_from_hits (self, hits, error);
}

/* This week's trending movies, shows and people, marked. */
GPtrArray *
ssv_discovery_trending_sync (SsvDiscovery  *self,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (SSV_IS_DISCOVERY (self), NULL);

  return list_sync (self, "/trending/all/week", NULL, SSV_TMDB_MOVIE, cancellable, error);
}

/**
 * ssv_discovery_discover_sync:
 * @type: %SSV_TMDB_MOVIE or %SSV_TMDB_TV
 * @genre_id: TMDB's genre, or 0 for every genre
 *
 * The most popular movies or shows (of a genre), marked.
 */
GPtrArray *
ssv_discovery_discover_sync (SsvDiscovery     *self,
                             SsvTmdbMediaType  type,
                             int               genre_id,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autofree char *genre = genre_id > 0 ? g_strdup_printf ("%d", genre_id) : NULL;
  const char *extra[] = { "sort_by", "popularity.desc", "include_adult", "false",
                          genre != NULL ? "with_genres" : NULL, genre, NULL };

  g_return_val_if_fail (SSV_IS_DISCOVERY (self), NULL);
  g_return_val_if_fail (type == SSV_TMDB_MOVIE || type == SSV_TMDB_TV, NULL);

  return list_sync (self, type == SSV_TMDB_TV ? "/discover/tv" : "/discover/movie", extra, type,
                    cancellable, error);
}

/**
 * ssv_discovery_watch_providers_sync:
 * @region: (nullable): "US", …; %NULL for ssv_discovery_dup_watch_region()
 * @link: (out) (optional): TMDB's page of them
 *
 * Returns: (transfer full) (element-type SsvWatchProvider): where @region can
 *   watch the title: streaming first; none when nobody offers it there
 */
GPtrArray *
ssv_discovery_watch_providers_sync (SsvDiscovery  *self,
                                    SsvItemKind    kind,
                                    gint64         tmdb_id,
                                    const char    *region,
                                    char         **link,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_auto(Session) session = { 0, };
  g_autofree char *path = g_strdup_printf ("/%s/%" G_GINT64_FORMAT "/watch/providers",
                                           kind == SSV_ITEM_SHOW ? "tv" : "movie", tmdb_id);
  g_autofree char *default_region = region == NULL ? ssv_discovery_dup_watch_region () : NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (SSV_IS_DISCOVERY (self), NULL);

  if (!session_init (self, &session, cancellable, error))
    return NULL;

  root = cached_get (self, &session, path, NULL, 24 * 3600, cancellable, error);
  if (root == NULL)
    return NULL;

  return ssv_tmdb_parse_watch_providers (root, region ? region : default_region, &session.options, link, error);
}

/**
 * ssv_discovery_streaming_services_sync:
 * @region: (nullable): "US", …; %NULL for ssv_discovery_dup_watch_region()
 *
 * Returns: (transfer full) (element-type SsvWatchProvider): the services TMDB
 *   lists for @region, movies' and shows' together, each once (kept for a week)
 */
GPtrArray *
ssv_discovery_streaming_services_sync (SsvDiscovery  *self,
                                       const char    *region,
                                       GCancellable  *cancellable,
                                       GError       **error)
{
  static const char * const paths[] = { "/watch/providers/movie", "/watch/providers/tv" };
  g_auto(Session) session = { 0, };
  g_autofree char *default_region = region == NULL ? ssv_discovery_dup_watch_region () : NULL;
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_watch_provider_free);

  g_return_val_if_fail (SSV_IS_DISCOVERY (self), NULL);

  if (!session_init (self, &session, cancellable, error))
    return NULL;
  if (region == NULL)
    region = default_region;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      const char *params[] = { "watch_region", region, "language", session.language, NULL };
      g_autoptr(JsonNode) root = cached_get (self, &session, paths[i], params, SSV_DISCOVERY_TITLE_AGE_S,
                                             cancellable, error);

      if (root == NULL || !ssv_tmdb_parse_provider_list (root, region, &session.options, services, error))
        return NULL;
    }

  return g_steal_pointer (&services);
}

/* Returns: (transfer full) (array zero-terminated=1): the title's other names, each once (cached) */
char **
ssv_discovery_alternative_titles_sync (SsvDiscovery  *self,
                                       SsvItemKind    kind,
                                       gint64         tmdb_id,
                                       GCancellable  *cancellable,
                                       GError       **error)
{
  g_auto(Session) session = { 0, };
  g_autofree char *path = g_strdup_printf ("/%s/%" G_GINT64_FORMAT "/alternative_titles",
                                           kind == SSV_ITEM_SHOW ? "tv" : "movie", tmdb_id);
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (SSV_IS_DISCOVERY (self), NULL);

  if (!session_init (self, &session, cancellable, error))
    return NULL;

  root = cached_get (self, &session, path, NULL, SSV_DISCOVERY_TITLE_AGE_S, cancellable, error);
  if (root == NULL)
    return NULL;

  return ssv_tmdb_parse_alternative_titles (root, error);
}

/**
 * ssv_discovery_dup_watch_region:
 *
 * The region where-to-watch asks about: the "watch-region" key of the app's
 * settings, else the country of the locale ("de_DE.UTF-8" → "DE"), else "US".
 */
char *
ssv_discovery_dup_watch_region (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;
  const char * const *locales = g_get_language_names ();

  if (schema != NULL && g_settings_schema_has_key (schema, "watch-region"))
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autofree char *region = g_settings_get_string (settings, "watch-region");

      if (region != NULL && strlen (region) == 2)
        return g_ascii_strup (region, -1);
    }

  for (guint i = 0; locales[i] != NULL; i++)
    {
      const char *underscore = strchr (locales[i], '_');

      if (underscore != NULL && g_ascii_isalpha (underscore[1]) && g_ascii_isalpha (underscore[2]) &&
          (underscore[3] == '\0' || underscore[3] == '.' || underscore[3] == '@'))
        return g_ascii_strup (underscore + 1, 2);
    }

  return g_strdup ("US");
}

/* ---- async ------------------------------------------------------------------------------ */

typedef enum
{
  CALL_FIND,
  CALL_TITLE,
  CALL_LOAD_TITLE,
  CALL_PERSON,
  CALL_LIST,
  CALL_PROVIDERS,
} CallKind;

typedef struct
{
  CallKind     call;
  char        *text;       /* query, list name, region */
  SsvItemKind  kind;
  gint64       id;         /* TMDB id, genre */
  char        *note;       /* out: find's note */
} Call;

static void
call_free (gpointer data)
{
  Call *call = data;

  g_free (call->text);
  g_free (call->note);
  g_free (call);
}

static gpointer
run_list (SsvDiscovery  *self,
          Call          *call,
          GCancellable  *cancellable,
          GError       **error)
{
  if (g_strcmp0 (call->text, "discover-movie") == 0)
    return ssv_discovery_discover_sync (self, SSV_TMDB_MOVIE, (int) call->id, cancellable, error);
  if (g_strcmp0 (call->text, "discover-tv") == 0)
    return ssv_discovery_discover_sync (self, SSV_TMDB_TV, (int) call->id, cancellable, error);

  return ssv_discovery_trending_sync (self, cancellable, error);
}

static void
call_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SsvDiscovery *self = source_object;
  Call *call = task_data;
  GError *error = NULL;
  gpointer result = NULL;
  GDestroyNotify free_func = (GDestroyNotify) g_ptr_array_unref;

  g_assert (!SSV_IS_MAIN_THREAD ());

  switch (call->call)
    {
    case CALL_FIND:
      result = ssv_discovery_find_sync (self, call->text, FALSE, &call->note, cancellable, &error);
      break;
    case CALL_TITLE:
      result = ssv_discovery_title_sync (self, call->kind, call->id, cancellable, &error);
      free_func = (GDestroyNotify) ssv_meta_free;
      break;
    case CALL_LOAD_TITLE:
      result = ssv_discovery_load_title_sync (self, call->kind, call->id, cancellable, &error);
      free_func = g_object_unref;
      break;
    case CALL_PERSON:
      result = ssv_discovery_person_sync (self, call->id, cancellable, &error);
      free_func = (GDestroyNotify) ssv_person_page_free;
      break;
    case CALL_LIST:
      result = run_list (self, call, cancellable, &error);
      break;
    case CALL_PROVIDERS:
    default:
      result = ssv_discovery_watch_providers_sync (self, call->kind, call->id, call->text, NULL, cancellable, &error);
      break;
    }

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, free_func);
}

/**
 * ssv_discovery_run_in_thread:
 * @data: (transfer full): the call's task data, freed with @data_free
 *
 * Runs @thread_func for a call of the service in a GTask thread; the result
 * reaches @callback on the caller's main context.
 */
void
ssv_discovery_run_in_thread (SsvDiscovery        *self,
                             gpointer             data,
                             GDestroyNotify       data_free,
                             gpointer             source_tag,
                             GTaskThreadFunc      thread_func,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, data_free);
  g_task_run_in_thread (task, thread_func);
}

static void
start_call (SsvDiscovery        *self,
            Call                *call,
            gpointer             tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  ssv_discovery_run_in_thread (self, call, call_free, tag, call_thread, cancellable, callback, user_data);
}

static Call *
call_new (CallKind     kind_of_call,
          const char  *text,
          SsvItemKind  kind,
          gint64       id)
{
  Call *call = g_new0 (Call, 1);

  call->call = kind_of_call;
  call->text = g_strdup (text);
  call->kind = kind;
  call->id = id;

  return call;
}

void
ssv_discovery_find_async (SsvDiscovery        *self,
                          const char          *query,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  start_call (self, call_new (CALL_FIND, query, SSV_ITEM_MOVIE, 0), ssv_discovery_find_async,
              cancellable, callback, user_data);
}

GPtrArray *
ssv_discovery_find_finish (SsvDiscovery  *self,
                           GAsyncResult  *result,
                           char         **note,
                           GError       **error)
{
  Call *call = g_task_get_task_data (G_TASK (result));

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (note != NULL)
    *note = g_strdup (call->note);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ssv_discovery_title_async (SsvDiscovery        *self,
                           SsvItemKind          kind,
                           gint64               tmdb_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  start_call (self, call_new (CALL_TITLE, NULL, kind, tmdb_id), ssv_discovery_title_async,
              cancellable, callback, user_data);
}

SsvMeta *
ssv_discovery_title_finish (SsvDiscovery  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The page of a title that may not be owned: see ssv_discovery_load_title_sync(). */
void
ssv_discovery_load_title_async (SsvDiscovery        *self,
                                SsvItemKind          kind,
                                gint64               tmdb_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  start_call (self, call_new (CALL_LOAD_TITLE, NULL, kind, tmdb_id), ssv_discovery_load_title_async,
              cancellable, callback, user_data);
}

/* Returns: (transfer full): the title, or %NULL with @error set */
SsvTitle *
ssv_discovery_load_title_finish (SsvDiscovery  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ssv_discovery_person_async (SsvDiscovery        *self,
                            gint64               tmdb_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  start_call (self, call_new (CALL_PERSON, NULL, SSV_ITEM_MOVIE, tmdb_id), ssv_discovery_person_async,
              cancellable, callback, user_data);
}

SsvPersonPage *
ssv_discovery_person_finish (SsvDiscovery  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ssv_discovery_list_async:
 * @list: "trending", "discover-movie" or "discover-tv"
 * @genre_id: for the discover lists, or 0
 */
void
ssv_discovery_list_async (SsvDiscovery        *self,
                          const char          *list,
                          int                  genre_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  start_call (self, call_new (CALL_LIST, list, SSV_ITEM_MOVIE, genre_id), ssv_discovery_list_async,
              cancellable, callback, user_data);
}

GPtrArray *
ssv_discovery_list_finish (SsvDiscovery  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ssv_discovery_watch_providers_async (SsvDiscovery        *self,
                                     SsvItemKind          kind,
                                     gint64               tmdb_id,
                                     const char          *region,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  start_call (self, call_new (CALL_PROVIDERS, region, kind, tmdb_id), ssv_discovery_watch_providers_async,
              cancellable, callback, user_data);
}

GPtrArray *
ssv_discovery_watch_providers_finish (SsvDiscovery  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Returns: (transfer none): the library file it keeps TMDB's answers in */
SsvClock *
ssv_discovery_get_clock (SsvDiscovery *self)
{
  g_return_val_if_fail (SSV_IS_DISCOVERY (self), NULL);

  return self->clock;
}

SsvDatabase *
ssv_discovery_get_database (SsvDiscovery *self)
{
  g_return_val_if_fail (SSV_IS_DISCOVERY (self), NULL);

  return self->database;
}

/* ---- object ------------------------------------------------------------------------------ */

static void
ssv_discovery_dispose (GObject *object)
{
  SsvDiscovery *self = SSV_DISCOVERY (object);

  g_clear_object (&self->clock);
  g_clear_object (&self->watchlist);
  g_clear_object (&self->secrets);
  g_clear_object (&self->http);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ssv_discovery_parent_class)->dispose (object);
}

static void
ssv_discovery_class_init (SsvDiscoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ssv_discovery_dispose;
}

static void
ssv_discovery_init (SsvDiscovery *self)
{
}

SsvDiscovery *
ssv_discovery_new (SsvDatabase       *database,
                   SsvHttp           *http,
                   SsvSecrets        *secrets,
                   SsvWatchlistStore *watchlist,
                   SsvClock          *clock)
{
  SsvDiscovery *self = g_object_new (SSV_TYPE_DISCOVERY, NULL);

  self->database = g_object_ref (database);
  self->http = g_object_ref (http);
  self->secrets = g_object_ref (secrets);
  self->watchlist = g_object_ref (watchlist);
  self->clock = g_object_ref (clock);

  return self;
}
