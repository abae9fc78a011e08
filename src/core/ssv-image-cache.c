/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-image-cache.c: posters and art fetched once (scaled by the server when it can) into
 * files named by a hash of their address; concurrent requests for one image share a download;
 * past a size limit the least recently used files go. */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <utime.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ssv-error.h"
#include "ssv-image-cache.h"
#include "ssv-thread.h"

#define WAIT_SLICE_US        (100 * 1000)
#define DEFAULT_MAX_BYTES    ((guint64) 1024 * 1024 * 1024)
/* Trimmed to this share of the limit, so not every download trims. */
#define LOW_WATER_PERCENT    90
/* A file used this recently is being shown (or about to be decoded): it stays. */
#define KEEP_RECENT_US       ((gint64) 30 * G_USEC_PER_SEC)
/* A file's modification time records its last use, refreshed at most this often. */
#define TOUCH_EVERY_US       ((gint64) 3600 * G_USEC_PER_SEC)

/* One file of the cache, as the size limit sees it. */
typedef struct
{
  char   *path;
  guint64 size;
  gint64  used_us;    /* wall clock: survives a restart as the file's mtime */
} CachedFile;

typedef struct
{
  char *kind;      /* "plex", "jellyfin" */
  char *base;      /* no trailing slash */
  char *token;     /* memory only */
} Server;

struct _SsvImageCache
{
  GObject     parent_instance;

  SsvHttp    *http;
  char       *directory;

  GMutex      lock;
  GCond       done_cond;
  GPtrArray  *servers;      /* Server */
  GHashTable *in_flight;    /* cache path → TRUE */
  guint       downloads;

  guint64     max_bytes;    /* 0: no limit */
  GHashTable *files;        /* path → CachedFile; NULL until the folder was read */
  guint64     total_bytes;
  guint       evictions;
};

G_DEFINE_FINAL_TYPE (SsvImageCache, ssv_image_cache, G_TYPE_OBJECT)

static void
server_free (gpointer data)
{
  Server *server = data;

  g_free (server->kind);
  g_free (server->base);
  g_free (server->token);
  g_free (server);
}

static char *
normalize_base (const char *url)
{
  char *base = g_strdup (url);
  gsize len = strlen (base);

  while (len > 0 && base[len - 1] == '/')
    base[--len] = '\0';

  return base;
}

/**
 * ssv_image_cache_add_server:
 * @kind: "plex" or "jellyfin"
 * @token: (nullable): sent as a header with the server's images; never stored
 *
 * Images under @url are then fetched with the server's token, asked for at
 * the size they are shown, and without the public image rate limit.
 */
void
ssv_image_cache_add_server (SsvImageCache *self,
                            const char    *kind,
                            const char    *url,
                            const char    *token)
{
  Server *server = g_new0 (Server, 1);

  g_return_if_fail (SSV_IS_IMAGE_CACHE (self));

  server->kind = g_strdup (kind);
  server->base = normalize_base (url);
  server->token = g_strdup (token);

  ssv_image_cache_remove_server (self, url);
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->servers, server);
  g_mutex_unlock (&self->lock);
}

void
ssv_image_cache_remove_server (SsvImageCache *self,
                               const char    *url)
{
  g_autofree char *base = normalize_base (url);

  g_mutex_lock (&self->lock);
  for (guint i = self->servers->len; i > 0; i--)
    {
      Server *server = g_ptr_array_index (self->servers, i - 1);

      if (g_str_equal (server->base, base))
        g_ptr_array_remove_index (self->servers, i - 1);
    }
  g_mutex_unlock (&self->lock);
}

/* Called with the lock held. */
static Server *
find_server_locked (SsvImageCache *self,
                    const char    *uri)
{
  for (guint i = 0; i < self->servers->len; i++)
    {
      Server *server = g_ptr_array_index (self->servers, i);
      gsize len = strlen (server->base);

      if (strncmp (uri, server->base, len) == 0 && uri[len] == '/')
        return server;
    }

  return NULL;
}

/* A few sizes only, so a poster shown at 226 and 231 pixels is one file. */
static int
bucket_height (int height)
{
  static const int buckets[] = { 160, 320, 480, 720, 1080 };

  if (height <= 0)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    if (height <= buckets[i])
      return buckets[i];

  return 0;
}

/**
 * ssv_image_cache_dup_fetch_uri:
 * @height: the height it is shown at in pixels, or 0 for the original
 * @service: (out) (optional): the HTTP service to fetch it with
 *
 * Returns: (transfer full): the address actually fetched: media servers
 *   are asked to scale (Jellyfin maxHeight, Plex's photo transcoder)
 */
char *
ssv_image_cache_dup_fetch_uri (SsvImageCache  *self,
                               const char     *uri,
                               int             height,
                               char          **service)
{
  g_autofree char *kind = NULL;
  g_autofree char *base = NULL;
  int bucket = bucket_height (height);
  Server *server;

  g_mutex_lock (&self->lock);
  server = find_server_locked (self, uri);
  if (server != NULL)
    {
      kind = g_strdup (server->kind);
      base = g_strdup (server->base);
    }
  g_mutex_unlock (&self->lock);

  if (service != NULL)
    *service = g_strdup (kind ? kind : "images");

  if (kind == NULL || bucket == 0)
    return g_strdup (uri);

  if (g_str_equal (kind, "jellyfin"))
    return g_strdup_printf ("%s%smaxHeight=%d&quality=90", uri, strchr (uri, '?') ? "&" : "?", bucket);

  if (g_str_equal (kind, "plex"))
    {
      g_autofree char *path = g_uri_escape_string (uri + strlen (base), NULL, FALSE);

      return g_strdup_printf ("%s/photo/:/transcode?width=%d&height=%d&minSize=1&upscale=0&url=%s",
                              base, bucket * 2 / 3, bucket, path);
    }

  return g_strdup (uri);
}

static gboolean
is_local (const char *uri)
{
  return g_str_has_prefix (uri, "file://") || uri[0] == '/';
}

static GFile *
local_file (const char *uri)
{
  return uri[0] == '/' ? g_file_new_for_path (uri) : g_file_new_for_uri (uri);
}

/**
 * ssv_image_cache_dup_cached_file:
 *
 * Returns: (transfer full): where the image is (or would be) kept on disk;
 *   a local image is its own file
 */
GFile *
ssv_image_cache_dup_cached_file (SsvImageCache *self,
                                 const char    *uri,
                                 int            height)
{
  g_autofree char *fetch_uri = NULL;
  g_autofree char *hash = NULL;
  char shard[3];

  g_return_val_if_fail (SSV_IS_IMAGE_CACHE (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  if (is_local (uri))
    return local_file (uri);

  fetch_uri = ssv_image_cache_dup_fetch_uri (self, uri, height, NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, fetch_uri, -1);
  memcpy (shard, hash, 2);
  shard[2] = '\0';

  return g_file_new_build_filename (self->directory, shard, hash, NULL);
}

/* ---- the size limit ---------------------------------------------------------- */

static void
cached_file_free (gpointer data)
{
  CachedFile *file = data;

  g_free (file->path);
  g_free (file);
}

static void
remember_file_locked (SsvImageCache *self,
                      const char    *path,
                      guint64        size,
                      gint64         used_us)
{
  CachedFile *file = g_hash_table_lookup (self->files, path);

  if (file == NULL)
    {
      file = g_new0 (CachedFile, 1);
      file->path = g_strdup (path);
      g_hash_table_insert (self->files, file->path, file);
    }
  else
    self->total_bytes -= file->size;

  file->size = size;
  file->used_us = used_us;
  self->total_bytes += size;
}

/* The folder as it is on disk: each file's size, and its mtime as its last use. */
static void
load_files_locked (SsvImageCache *self)
{
  g_autoptr(GDir) top = NULL;
  const char *shard;

  if (self->files != NULL)
    return;

  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, cached_file_free);
  self->total_bytes = 0;

  top = g_dir_open (self->directory, 0, NULL);
  while (top != NULL && (shard = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *shard_path = g_build_filename (self->directory, shard, NULL);
      g_autoptr(GDir) dir = g_dir_open (shard_path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (shard_path, name, NULL);
          GStatBuf info;

          /* Half-written files (g_file_set_contents' temporaries) have a dot. */
          if (strchr (name, '.') != NULL || g_lstat (path, &info) != 0 || !S_ISREG (info.st_mode))
            continue;
          remember_file_locked (self, path, (guint64) info.st_size, (gint64) info.st_mtime * G_USEC_PER_SEC);
        }
    }
}

static int
least_recent_first (gconstpointer a,
                    gconstpointer b)
{
  const CachedFile *fa = *(const CachedFile * const *) a;
  const CachedFile *fb = *(const CachedFile * const *) b;

  return fa->used_us < fb->used_us ? -1 : fa->used_us > fb->used_us ? 1 : g_strcmp0 (fa->path, fb->path);
}

/* Past the limit, removes the least recently used files down to the low-water
 * mark; never one in flight or just used. */
static void
trim_locked (SsvImageCache *self)
{
  g_autoptr(GPtrArray) order = NULL;
  guint64 target;
  gint64 now = g_get_real_time ();
  GHashTableIter iter;
  gpointer value;

  if (self->max_bytes == 0 || self->total_bytes <= self->max_bytes)
    return;

  target = self->max_bytes / 100 * LOW_WATER_PERCENT;
  order = g_ptr_array_sized_new (g_hash_table_size (self->files));
  g_hash_table_iter_init (&iter, self->files);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (order, value);
  g_ptr_array_sort (order, least_recent_first);

  for (guint i = 0; i < order->len && self->total_bytes > target; i++)
    {
      CachedFile *file = g_ptr_array_index (order, i);

      if (now - file->used_us < KEEP_RECENT_US || g_hash_table_contains (self->in_flight, file->path))
        continue;

      /* A cache, not the person's files: removed, not trashed. Gone already is fine. */
      if (g_unlink (file->path) != 0 && errno != ENOENT)
        {
          g_debug ("Could not remove %s from the image cache: %s", file->path, g_strerror (errno));
          continue;
        }
      self->total_bytes -= file->size;
      self->evictions++;
      g_hash_table_remove (self->files, file->path);
    }
}

/* A file was shown again: it moves to the back of the eviction queue. */
static void
note_use (SsvImageCache *self,
          const char    *path)
{
  gint64 now = g_get_real_time ();
  gboolean touch = FALSE;
  CachedFile *file;

  g_mutex_lock (&self->lock);
  load_files_locked (self);
  file = g_hash_table_lookup (self->files, path);
  if (file == NULL)
    {
      GStatBuf info;

      if (g_stat (path, &info) == 0)
        remember_file_locked (self, path, (guint64) info.st_size, now);
    }
  else
    {
      touch = now - file->used_us > TOUCH_EVERY_US;
      file->used_us = now;
    }
  g_mutex_unlock (&self->lock);

  /* The order outlives the app: a new session reads it from the mtimes. */
  if (touch && g_utime (path, NULL) != 0)
    g_debug ("Could not mark %s as used: %s", path, g_strerror (errno));
}

static void
note_download (SsvImageCache *self,
               const char    *path,
               guint64        size)
{
  g_mutex_lock (&self->lock);
  load_files_locked (self);
  remember_file_locked (self, path, size, g_get_real_time ());
  trim_locked (self);
  g_mutex_unlock (&self->lock);
}

/**
 * ssv_image_cache_set_max_bytes:
 * @max_bytes: how much disk the cached images may take; 0 for no limit
 *
 * Takes effect with the next image fetched (on a worker thread): the least
 * recently used files are removed until the cache is under the limit.
 */
void
ssv_image_cache_set_max_bytes (SsvImageCache *self,
                               guint64        max_bytes)
{
  g_return_if_fail (SSV_IS_IMAGE_CACHE (self));

  g_mutex_lock (&self->lock);
  self->max_bytes = max_bytes;
  g_mutex_unlock (&self->lock);
}

guint64
ssv_image_cache_get_max_bytes (SsvImageCache *self)
{
  guint64 max_bytes;

  g_mutex_lock (&self->lock);
  max_bytes = self->max_bytes;
  g_mutex_unlock (&self->lock);

  return max_bytes;
}

/**
 * ssv_image_cache_trim:
 *
 * Reads the folder (the first time) and removes the least recently used
 * files past the limit. Blocks: worker threads only.
 *
 * Returns: the bytes the cache holds now
 */
guint64
ssv_image_cache_trim (SsvImageCache *self)
{
  guint64 total;

  g_return_val_if_fail (SSV_IS_IMAGE_CACHE (self), 0);

  g_mutex_lock (&self->lock);
  load_files_locked (self);
  trim_locked (self);
  total = self->total_bytes;
  g_mutex_unlock (&self->lock);

  return total;
}

/* How many files the size limit removed; for tests. */
guint
ssv_image_cache_get_evictions (SsvImageCache *self)
{
  guint evictions;

  g_mutex_lock (&self->lock);
  evictions = self->evictions;
  g_mutex_unlock (&self->lock);

  return evictions;
}

/* JPEG, PNG, GIF, WebP: a server's error page is not a poster. */
static gboolean
looks_like_image (GBytes *bytes)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if (size >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return TRUE;
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return TRUE;
  if (size >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return TRUE;
  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return TRUE;

  return FALSE;
}

static gboolean
download (SsvImageCache  *self,
          const char     *uri,
          int             height,
          const char     *path,
          GCancellable   *cancellable,
          GError        **error)
{
  g_autofree char *service = NULL;
  g_autofree char *fetch_uri = ssv_image_cache_dup_fetch_uri (self, uri, height, &service);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *header = NULL;
  g_autofree char *token = NULL;
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Server *server;

  g_mutex_lock (&self->lock);
  server = find_server_locked (self, uri);
  if (server != NULL && server->token != NULL)
    {
      header = g_strdup (g_str_equal (server->kind, "plex") ? "X-Plex-Token" : "X-Emby-Token");
      token = g_strdup (server->token);
    }
  g_mutex_unlock (&self->lock);

  request = ssv_http_request_new (service, "GET", fetch_uri);
  ssv_http_request_set_base_url (request, fetch_uri);
  ssv_http_request_set_header (request, "Accept", "image/webp,image/png,image/jpeg,image/*");
  if (header != NULL)
    ssv_http_request_set_secret_header (request, header, token);

  bytes = ssv_http_send (self->http, request, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  g_atomic_int_inc (&self->downloads);

  if (!looks_like_image (bytes))
    {
      /* Translators: the first %s is where it came from: "Jellyfin", "Image server" */
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED, _("%s sent something that is not an image."),
                   ssv_http_service_display_name (service));
      return FALSE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not create the folder “%s”."), dir);
      return FALSE;
    }

  /* Written beside and renamed into place: a reader never sees half a file. */
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  note_download (self, path, g_bytes_get_size (bytes));
  return TRUE;
}

/**
 * ssv_image_cache_fetch:
 * @uri: an http(s) address, a file:// URI or an absolute path
 * @height: the height it is shown at, or 0 for the original
 *
 * Blocks (worker threads only). When several threads ask for one image at
 * once, one downloads it and the others wait for its file.
 *
 * Returns: (transfer full): the image's file on disk
 */
GFile *
ssv_image_cache_fetch (SsvImageCache  *self,
                       const char     *uri,
                       int             height,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  g_return_val_if_fail (SSV_IS_IMAGE_CACHE (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  file = ssv_image_cache_dup_cached_file (self, uri, height);
  if (is_local (uri))
    return g_steal_pointer (&file);

  path = g_file_get_path (file);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      note_use (self, path);
      return g_steal_pointer (&file);
    }

  g_mutex_lock (&self->lock);
  while (g_hash_table_contains (self->in_flight, path))
    {
      g_cond_wait_until (&self->done_cond, &self->lock, g_get_monotonic_time () + WAIT_SLICE_US);
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_mutex_unlock (&self->lock);
          g_cancellable_set_error_if_cancelled (cancellable, error);
          return NULL;
        }
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_mutex_unlock (&self->lock);
      return g_steal_pointer (&file);
    }
  g_hash_table_add (self->in_flight, g_strdup (path));
  g_mutex_unlock (&self->lock);

  ok = download (self, uri, height, path, cancellable, error);

  g_mutex_lock (&self->lock);
  g_hash_table_remove (self->in_flight, path);
  g_cond_broadcast (&self->done_cond);
  g_mutex_unlock (&self->lock);

  return ok ? g_steal_pointer (&file) : NULL;
}

typedef struct
{
  char *uri;
  int   height;
} FetchData;

static void
fetch_data_free (gpointer data)
{
  FetchData *fetch = data;

  g_free (fetch->uri);
  g_free (fetch);
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FetchData *fetch = task_data;
  GError *error = NULL;
  GFile *file = ssv_image_cache_fetch (source_object, fetch->uri, fetch->height, cancellable, &error);

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, g_object_unref);
}

void
ssv_image_cache_fetch_async (SsvImageCache       *self,
                             const char          *uri,
                             int                  height,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  FetchData *fetch = g_new0 (FetchData, 1);

  fetch->uri = g_strdup (uri);
  fetch->height = height;
  g_task_set_source_tag (task, ssv_image_cache_fetch_async);
  g_task_set_task_data (task, fetch, fetch_data_free);
  g_task_run_in_thread (task, fetch_thread);
}

GFile *
ssv_image_cache_fetch_finish (SsvImageCache  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* How many images were downloaded (not found on disk); for tests and benchmarks. */
guint
ssv_image_cache_get_downloads (SsvImageCache *self)
{
  return (guint) g_atomic_int_get (&self->downloads);
}

const char *
ssv_image_cache_get_directory (SsvImageCache *self)
{
  return self->directory;
}

static void
ssv_image_cache_finalize (GObject *object)
{
  SsvImageCache *self = (SsvImageCache *) object;

  g_clear_object (&self->http);
  g_free (self->directory);
  g_ptr_array_unref (self->servers);
  g_hash_table_unref (self->in_flight);
  g_clear_pointer (&self->files, g_hash_table_unref);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->done_cond);

  G_OBJECT_CLASS (ssv_image_cache_parent_class)->finalize (object);
}

static void
ssv_image_cache_class_init (SsvImageCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_image_cache_finalize;
}

static void
ssv_image_cache_init (SsvImageCache *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->done_cond);
  self->servers = g_ptr_array_new_with_free_func (server_free);
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->max_bytes = DEFAULT_MAX_BYTES;
}

/**
 * ssv_image_cache_new:
 * @directory: where files go, e.g. the app's cache folder + "images"
 */
SsvImageCache *
ssv_image_cache_new (SsvHttp    *http,
                     const char *directory)
{
  SsvImageCache *self = g_object_new (SSV_TYPE_IMAGE_CACHE, NULL);

  self->http = g_object_ref (http);
  self->directory = g_strdup (directory);

  return self;
}
