/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-slskd-search.c: Soulseek searches through slskd: start, poll, read, group by folder, delete. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "downloads/ssv-indexer-private.h"
#include "ssv-json.h"
#include "net/ssv-rate-limiter.h"
#include "downloads/ssv-release.h"
#include "downloads/ssv-slskd-search.h"

#define MAX_FILES       100000
#define RESPONSE_LIMIT  100
#define FILE_LIMIT      10000

/* One peer's copy of one release: the files of one folder (or one file). */
typedef struct
{
  char      *user;
  gboolean   free_slot;
  int        queue_length;
  gint64     upload_speed;
  char      *folder;      /* the folder as the peer shares it: "@@share\\Films\\Name (2020)" */
  char      *title;
  GPtrArray *files;       /* SsvHitFile */
} Copy;

static Copy *
copy_new (const char *user,
          JsonObject *response,
          const char *folder,
          const char *title)
{
  Copy *copy = g_new0 (Copy, 1);

  copy->user = g_strdup (user);
  copy->free_slot = ssv_json_get_bool_or (response, "hasFreeUploadSlot", FALSE);
  copy->queue_length = (int) CLAMP (ssv_json_get_int_or (response, "queueLength", 0), 0, G_MAXINT);
  copy->upload_speed = MAX (ssv_json_get_int_or (response, "uploadSpeed", 0), 0);
  copy->folder = g_strdup (folder);
  copy->title = g_strdup (title);
  copy->files = ssv_hit_files_new ();
  return copy;
}

static void
copy_free (gpointer data)
{
  Copy *copy = data;

  g_free (copy->user);
  g_free (copy->folder);
  g_free (copy->title);
  g_ptr_array_unref (copy->files);
  g_free (copy);
}

/* ---- folders --------------------------------------------------------------- */

typedef enum
{
  FOLDER_OWN,        /* the folder names the release */
  FOLDER_SEASON,     /* "Season 01": the show's name in front of it */
  FOLDER_PART,       /* "Disc 1", "Subs", "Sample": the release is the folder above */
} FolderKind;

static FolderKind
folder_kind (const char *name)
{
  static GRegex *season_re = NULL;
  static GRegex *part_re = NULL;

  if (g_once_init_enter (&season_re))
    g_once_init_leave (&season_re,
                       g_regex_new ("^(season|series|staffel|saison|temporada|stagione|s)[ ._-]*\\d{1,4}$",
                                    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  if (g_once_init_enter (&part_re))
    g_once_init_leave (&part_re,
                       g_regex_new ("^((disc|disk|cd|dvd|part|pt|vol|volume)[ ._-]*(\\d{1,3}|[a-d])|"
                                    "subs?|subtitles|samples?|extras|featurettes|bonus|covers|artwork|proofs?|"
                                    "video_ts|bdmv|stream)$",
                                    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  if (g_regex_match (season_re, name, 0, NULL))
    return FOLDER_SEASON;
  if (g_regex_match (part_re, name, 0, NULL))
    return FOLDER_PART;
  return FOLDER_OWN;
}

static gboolean
is_share_root (const char *name)
{
  return g_str_has_prefix (name, "@@") || name[0] == '\0' || (strlen (name) == 2 && name[1] == ':');
}

/* The release folder of a file and its title: "Name (2020)", "Show Season 01". */
static void
release_folder_of (char       **parts,
                   guint        n_dirs,
                   char       **folder,
                   char       **title)
{
  guint last = n_dirs;

  *title = NULL;
  while (last > 0 && folder_kind (parts[last - 1]) == FOLDER_PART && last > 1 && !is_share_root (parts[last - 2]))
    last--;

  if (last == 0 || is_share_root (parts[last - 1]))
    {
      *folder = NULL;
      return;
    }

  {
    char *saved = parts[last];

    parts[last] = NULL;
    *folder = g_strjoinv ("\\", parts);
    parts[last] = saved;
  }

  if (folder_kind (parts[last - 1]) == FOLDER_SEASON && last > 1 && !is_share_root (parts[last - 2]))
    *title = g_strconcat (parts[last - 2], " ", parts[last - 1], NULL);
  else
    *title = g_strdup (parts[last - 1]);
}

/* Whether a name says what it is: a year, a season, a quality… not just "Films". */
static gboolean
names_a_release (const char *title)
{
  SsvRelease r;

  if (title == NULL || !ssv_release_parse (title, &r) || r.title[0] == '\0')
    return FALSE;
  return r.year != 0 || r.n_seasons != 0 || r.n_episodes != 0 || r.n_absolute != 0 || r.air_year != 0 ||
         r.resolution != 0 || r.source != SSV_RELEASE_SOURCE_UNKNOWN;
}

static char *
stem_of (const char *base)
{
  const char *dot = strrchr (base, '.');

  return dot && dot != base ? g_strndup (base, dot - base) : g_strdup (base);
}

/* ---- grouping ------------------------------------------------------------- */

static void
collect_response (GHashTable *copies,
                  GPtrArray  *order,
                  JsonObject *response,
                  guint      *budget)
{
  const char *user = ssv_json_get_string (response, "username");
  JsonArray *files = ssv_json_get_array (response, "files");

  if (user == NULL || user[0] == '\0' || files == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (files) && *budget > 0; i++, (*budget)--)
    {
      JsonObject *file = ssv_json_array_object (files, i);
      const char *path = ssv_json_get_string (file, "filename");
      g_auto(GStrv) parts = NULL;
      g_autofree char *folder = NULL;
      g_autofree char *title = NULL;
      g_autofree char *key = NULL;
      guint n_parts;
      gint64 size;
      Copy *copy;

      if (path == NULL || path[0] == '\0' || ssv_json_get_bool_or (file, "isLocked", FALSE))
        continue;

      parts = g_strsplit_set (path, "\\/", -1);
      n_parts = g_strv_length (parts);
      if (n_parts == 0 || parts[n_parts - 1][0] == '\0')
        continue;

      release_folder_of (parts, n_parts - 1, &folder, &title);
      if (folder == NULL)
        {
          /* a file at the root of a share is a release of its own */
          folder = g_strdup (path);
          title = stem_of (parts[n_parts - 1]);
        }

      key = g_strconcat (user, "\n", folder, NULL);
      copy = g_hash_table_lookup (copies, key);
      if (copy == NULL)
        {
          copy = copy_new (user, response, folder, title);
          g_hash_table_insert (copies, g_steal_pointer (&key), copy);
          g_ptr_array_add (order, copy);
        }

      size = ssv_json_get_int_or (file, "size", -1);
      ssv_hit_files_add (copy->files, path, size >= 0 ? size : -1,
                     ssv_file_name_is_video (path) && !ssv_file_name_is_sample (path));
    }
}

/* A folder whose name says nothing ("Films") holding videos that do: each
 * video is a release of its own, with the folder's other files beside it. */
static void
split_copy (Copy      *copy,
            GPtrArray *out)
{
  guint wanted = 0;

  for (guint i = 0; i < copy->files->len; i++)
    wanted += ((SsvHitFile *) g_ptr_array_index (copy->files, i))->wanted;

  if (wanted == 0 || names_a_release (copy->title))
    {
      g_ptr_array_add (out, copy);
      return;
    }

  for (guint i = 0; i < copy->files->len; i++)
    {
      SsvHitFile *video = g_ptr_array_index (copy->files, i);
      const char *base;
      g_autofree char *stem = NULL;
      Copy *single;

      if (!video->wanted)
        continue;
      base = MAX (strrchr (video->path, '\\'), strrchr (video->path, '/'));
      stem = stem_of (base ? base + 1 : video->path);
      single = g_new0 (Copy, 1);
      *single = *copy;
      single->user = g_strdup (copy->user);
      single->folder = g_strdup (video->path);
      single->title = g_steal_pointer (&stem);
      single->files = ssv_hit_files_new ();
      for (guint j = 0; j < copy->files->len; j++)
        {
          SsvHitFile *other = g_ptr_array_index (copy->files, j);

          if (other == video || !other->wanted)
            ssv_hit_files_add (single->files, other->path, other->size, other->wanted);
        }
      g_ptr_array_add (out, single);
    }
  copy_free (copy);
}

/* The copies of one release, by its title. */
typedef struct
{
  Copy *best;
  int   n_peers;
  int   n_free;
} Group;

/* Free slot first, then the shorter queue, then the faster peer. */
static gboolean
better_peer (const Copy *a,
             const Copy *b)
{
  if (a->free_slot != b->free_slot)
    return a->free_slot;
  if (a->queue_length != b->queue_length)
    return a->queue_length < b->queue_length;
  return a->upload_speed > b->upload_speed;
}

static char *
title_key (const char *title)
{
  g_autofree char *folded = g_utf8_casefold (title, -1);
  GString *key = g_string_new (NULL);

  for (const char *c = folded; *c; c++)
    if (g_ascii_isalnum (*c) || (guchar) *c >= 0x80)
      g_string_append_c (key, *c);
  return g_string_free (key, FALSE);
}

static SsvReleaseHit *
hit_from_copy (const Copy *copy,
               const char *name,
               int         n_peers,
               int         n_free)
{
  SsvReleaseHit *hit = ssv_release_hit_new (SSV_PROTOCOL_SLSKD);
  gint64 size = 0;
  int wanted = 0;

  hit->title = g_strdup (copy->title);
  hit->indexer = g_strdup (name);
  hit->guid = g_strconcat (copy->user, "\\", copy->folder, NULL);
  hit->slskd_user = g_strdup (copy->user);
  hit->free_slot = copy->free_slot;
  hit->queue_length = copy->queue_length;
  hit->upload_speed = copy->upload_speed;
  hit->peers = n_peers;
  hit->seeders = n_free;
  for (guint i = 0; i < copy->files->len; i++)
    {
      SsvHitFile *file = g_ptr_array_index (copy->files, i);

      ssv_release_hit_add_file (hit, file->path, file->size, file->wanted);
      if (file->wanted)
        {
          wanted++;
          size += MAX (file->size, 0);
        }
    }
  hit->n_files = wanted;
  hit->size = size > 0 ? size : -1;
  return hit;
}

/**
 * ssv_slskd_group_responses:
 * @responses: slskd's list of responses, or a search with its "responses"
 *
 * A release is a folder: "Season 01" is named after its show ("Show Season
 * 01"), "Disc 1", "Subs" and "Sample" belong to the folder above. Only videos
 * that are not samples are downloaded; the folder's other files stay listed
 * so what they are can be judged. Copies of one release from several peers
 * become one hit from the best of them (a free slot, a short queue, speed);
 * peers counts them all, seeders those with a free slot.
 *
 * Returns: (transfer container) (element-type SsvReleaseHit)
 */
GPtrArray *
ssv_slskd_group_responses (JsonNode   *responses,
                           const char *name)
{
  g_autoptr(GHashTable) copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) releases = g_ptr_array_new_with_free_func (copy_free);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) order_of_groups = g_ptr_array_new ();
  GPtrArray *hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_release_hit_unref);
  JsonArray *list = ssv_json_node_array (responses);
  guint budget = MAX_FILES;

  if (list == NULL)
    list = ssv_json_get_array (ssv_json_node_object (responses), "responses");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *response = ssv_json_array_object (list, i);

      if (response != NULL)
        collect_response (copies, order, response, &budget);
    }

  for (guint i = 0; i < order->len; i++)
    split_copy (g_ptr_array_index (order, i), releases);

  for (guint i = 0; i < releases->len; i++)
    {
      Copy *copy = g_ptr_array_index (releases, i);
      g_autofree char *key = NULL;
      Group *group;
      gboolean any = FALSE;

      for (guint j = 0; j < copy->files->len; j++)
        any |= ((SsvHitFile *) g_ptr_array_index (copy->files, j))->wanted;
      if (!any)
        continue;

      key = title_key (copy->title);
      group = g_hash_table_lookup (groups, key);
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->best = copy;
          g_hash_table_insert (groups, g_steal_pointer (&key), group);
          g_ptr_array_add (order_of_groups, group);
        }
      else if (better_peer (copy, group->best))
        group->best = copy;
      group->n_peers++;
      group->n_free += copy->free_slot;
    }

  for (guint i = 0; i < order_of_groups->len; i++)
    {
      Group *group = g_ptr_array_index (order_of_groups, i);

      g_ptr_array_add (hits, hit_from_copy (group->best, name, group->n_peers, group->n_free));
    }

  return hits;
}

/**
 * ssv_slskd_parse_responses:
 *
 * Returns: (transfer container) (element-type SsvReleaseHit)
 */
GPtrArray *
ssv_slskd_parse_responses (const char  *data,
                           gssize       length,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(JsonNode) root = ssv_parse_json_answer (data, length, name, error);

  if (root == NULL)
    return NULL;
  if (ssv_json_node_array (root) == NULL && ssv_json_node_object (root) == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED, _("%s sent something other than search answers."), name);
      return NULL;
    }
  return ssv_slskd_group_responses (root, name);
}

/* ---- talking to slskd -------------------------------------------------------- */

static SsvHttpRequest *
api_request (SsvIndexer *indexer,
             const char *method,
             const char *path)
{
  return ssv_indexer_json_request_new (indexer, method, path, "X-API-Key");
}

static JsonObject *
send_for_object (SsvIndexer      *indexer,
                 SsvHttp         *http,
                 SsvHttpRequest  *request,
                 JsonNode       **root,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autoptr(GBytes) body = ssv_indexer_send (indexer, http, request, cancellable, error);
  JsonObject *object;

  if (body == NULL)
    return NULL;
  *root = ssv_json_parse_bytes (body, ssv_indexer_get_name (indexer), error);
  object = *root ? ssv_json_node_object (*root) : NULL;
  if (*root != NULL && object == NULL)
    g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED, _("%s sent something other than a search."),
                 ssv_indexer_get_name (indexer));
  return object;
}

static gboolean
start_search (SsvIndexer    *indexer,
              SsvHttp       *http,
              const char    *id,
              const char    *text,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(SsvHttpRequest) request = api_request (indexer, "POST", "/api/v0/searches");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *search;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "searchText");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "responseLimit");
  json_builder_add_int_value (builder, RESPONSE_LIMIT);
  json_builder_set_member_name (builder, "fileLimit");
  json_builder_add_int_value (builder, FILE_LIMIT);
  json_builder_set_member_name (builder, "filterResponses");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  ssv_http_request_set_json_body (request, body);
  /* a repeated POST would start a second search */
  ssv_http_request_set_max_retries (request, 0);

  search = send_for_object (indexer, http, request, &root, cancellable, error);
  return search != NULL;
}

/* Polls until slskd says the search is complete, or the deadline passes (then it is stopped). */
static gboolean
wait_for_search (SsvIndexer    *indexer,
                 SsvHttp       *http,
                 const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  guint gap_ms, poll_ms, deadline_ms;
  gint64 deadline;

  ssv_indexer_get_slskd_timing (indexer, &gap_ms, &poll_ms, &deadline_ms);
  deadline = g_get_monotonic_time () + (gint64) deadline_ms * 1000;

  for (;;)
    {
      g_autoptr(SsvHttpRequest) request = api_request (indexer, "GET", path);
      g_autoptr(JsonNode) root = NULL;
      JsonObject *search;

      if (!ssv_sleep_cancellable ((gint64) poll_ms * 1000, cancellable))
        return !g_cancellable_set_error_if_cancelled (cancellable, error);

      search = send_for_object (indexer, http, request, &root, cancellable, error);
      if (search == NULL)
        return FALSE;
      if (ssv_json_get_bool_or (search, "isComplete", FALSE) ||
          g_str_has_prefix (ssv_json_get_string (search, "state") ? ssv_json_get_string (search, "state") : "",
                            "Completed"))
        return TRUE;

      if (g_get_monotonic_time () >= deadline)
        {
          g_autoptr(SsvHttpRequest) stop = api_request (indexer, "PUT", path);
          g_autoptr(GBytes) ignored = NULL;

          ssv_http_request_set_max_retries (stop, 0);
          ignored = ssv_indexer_send (indexer, http, stop, cancellable, NULL);
          return TRUE;
        }
    }
}

static void
delete_search (SsvIndexer *indexer,
               SsvHttp    *http,
               const char *path)
{
  g_autoptr(SsvHttpRequest) request = api_request (indexer, "DELETE", path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ignored = NULL;

  /* Even after a cancel: a search left behind stays in slskd's list for good. */
  ssv_http_request_set_max_retries (request, 1);
  ignored = ssv_indexer_send (indexer, http, request, NULL, &error);
  if (ignored == NULL)
    g_debug ("slskd search %s was not deleted: %s", path, error->message);
}

static GPtrArray *
read_results (SsvIndexer    *indexer,
              SsvHttp       *http,
              const char    *path,
              const char    *text,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *responses_path = g_strconcat (path, "/responses", NULL);
  g_autoptr(SsvHttpRequest) request = api_request (indexer, "GET", responses_path);
  g_autoptr(GBytes) body = ssv_indexer_send (indexer, http, request, cancellable, error);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *responses;
  GPtrArray *hits;
  const char *name = ssv_indexer_get_name (indexer);

  if (body == NULL)
    return NULL;
  root = ssv_json_parse_bytes (body, name, error);
  if (root == NULL)
    return NULL;
  responses = ssv_json_node_array (root);
  if (responses == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED, _("%s sent something other than search answers."), name);
      return NULL;
    }

  hits = ssv_slskd_group_responses (root, name);
  if (hits->len == 0)
    {
      guint n = json_array_get_length (responses);

      if (n == 0)
        g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("Nobody on %s answered the search for “%s”."), name,
                     text);
      else
        g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u peer on %s answered “%s”, with no video files.",
                                  "%u peers on %s answered “%s”, none with video files.", n),
                     n, name, text);
      g_clear_pointer (&hits, g_ptr_array_unref);
    }
  return hits;
}

/**
 * ssv_slskd_search:
 *
 * Starts a search (after the minimum gap since the last one), polls it until
 * slskd calls it complete or the deadline passes, reads its answers and
 * deletes it, whatever happened in between.
 *
 * Returns: (transfer container) (element-type SsvReleaseHit): at least one
 *   release; no video files at all is an error in plain words
 */
GPtrArray *
ssv_slskd_search (SsvIndexer    *indexer,
                  SsvHttp       *http,
                  const char    *text,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *hits = NULL;
  gboolean started;

  if (text == NULL || text[0] == '\0')
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("%s needs words to search for."),
                   ssv_indexer_get_name (indexer));
      return NULL;
    }
  if (!ssv_indexer_wait_slskd_gap (indexer, cancellable))
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }

  id = g_uuid_string_random ();
  path = g_strconcat ("/api/v0/searches/", id, NULL);
  started = start_search (indexer, http, id, text, cancellable, &local_error);
  ssv_indexer_slskd_search_sent (indexer);
  if (!started)
    {
      /* cut off before slskd answered: it may have started the search all the same */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (local_error, SSV_ERROR, SSV_ERROR_TIMEOUT) ||
          g_error_matches (local_error, SSV_ERROR, SSV_ERROR_UNREACHABLE) ||
          g_error_matches (local_error, SSV_ERROR, SSV_ERROR_SERVER))
        delete_search (indexer, http, path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (wait_for_search (indexer, http, path, cancellable, error))
    hits = read_results (indexer, http, path, text, cancellable, error);

  delete_search (indexer, http, path);
  return hits;
}

char *
ssv_slskd_test (SsvIndexer    *indexer,
                SsvHttp       *http,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(SsvHttpRequest) request = api_request (indexer, "GET", "/api/v0/application/version");
  g_autoptr(GBytes) body = ssv_indexer_send (indexer, http, request, cancellable, error);
  g_autoptr(JsonNode) root = NULL;
  const char *version = NULL;

  if (body == NULL)
    return NULL;
  root = ssv_json_parse_bytes (body, ssv_indexer_get_name (indexer), NULL);
  if (root != NULL && JSON_NODE_HOLDS_VALUE (root) && json_node_get_value_type (root) == G_TYPE_STRING)
    version = json_node_get_string (root);
  if (version == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                   _("%s answered, but not as slskd does. Check the address."), ssv_indexer_get_name (indexer));
      return NULL;
    }
  return g_strdup_printf (_("%s answers: slskd %s."), ssv_indexer_get_name (indexer), version);
}
