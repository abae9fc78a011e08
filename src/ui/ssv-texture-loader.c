/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-texture-loader.c: fetch (SsvImageCache) and decode at the shown height in a few worker
 * threads, newest request first; decoded images live in an LRU bounded by bytes, and each
 * asker gets its own texture over them. */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <glib/gi18n.h>

#include "ssv-texture-loader.h"
#include "ssv-texture-loader-private.h"
#include "ssv-utils.h"
#include "ssv-image-cache.h"

/* About 120 posters at 150×225: what a grid shows and a screen or two either side. The
 * LRU keeps the decoded pixels, not textures: a texture that was drawn has a copy in the
 * GL driver (in RAM with software GL) for as long as it lives, so only the widgets that
 * show an image hold a texture of it, and a texture made again from the pixels costs an
 * upload, not a decode. */
#define DEFAULT_MAX_BYTES   (16 * 1024 * 1024)
#define WORKER_THREADS      4
/* Posters never come before drawing: the workers yield to the main thread. */
#define WORKER_NICE         10
#define LOADER_KEY          "ssv-texture-loader"
/* How long the queue stays empty before the memory a burst of decodes freed goes back. */
#define TRIM_AFTER_MS       250

typedef struct
{
  char       *key;
  GdkPixbuf  *pixbuf;
  gsize       size;
  GList       link;
} Entry;

typedef struct _Pending Pending;

typedef struct
{
  guint64       id;
  GTask        *task;
  Pending      *pending;
  GCancellable *cancellable;
  gulong        handler;
} Waiter;

struct _Pending
{
  gatomicrefcount    ref;
  SsvTextureLoader  *loader;
  char              *key;
  char              *uri;
  int                height;
  guint64            serial;
  GPtrArray         *waiters;      /* Waiter; main thread only */
  GCancellable      *cancellable;  /* stops the fetch and decode */
  gboolean           held;         /* waits in the loader's held list; main thread only */
  GdkPixbuf         *pixbuf;       /* results, set by the worker */
  GError            *error;
};

struct _SsvTextureLoader
{
  GObject        parent_instance;

  SsvImageCache *cache;
  GMainContext  *context;
  GThreadPool   *pool;
  gsize          max_bytes;
  gsize          bytes;
  GHashTable    *entries;      /* key → Entry */
  GQueue         lru;          /* head = most recently used */
  GHashTable    *pending;      /* key → Pending */
  GHashTable    *live_waiters; /* Waiter set */
  guint64        serial;
  GMutex         hold_lock;
  guint64        hold_through; /* requests up to this serial wait; 0: none */
  gboolean       hold_all;     /* every request waits; main thread only */
  GPtrArray     *held;         /* Pending, held back; main thread only */
  guint64        waiter_ids;
  guint          decodes;
  guint          trim_source;
};

G_DEFINE_FINAL_TYPE (SsvTextureLoader, ssv_texture_loader, G_TYPE_OBJECT)

static char *
make_key (const char *uri,
          int         height)
{
  return g_strdup_printf ("%d|%s", height, uri);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->key);
  g_clear_object (&entry->pixbuf);
  g_free (entry);
}

static Pending *
pending_ref (Pending *pending)
{
  g_atomic_ref_count_inc (&pending->ref);
  return pending;
}

static void
pending_unref (gpointer data)
{
  Pending *pending = data;

  if (!g_atomic_ref_count_dec (&pending->ref))
    return;

  g_object_unref (pending->loader);
  g_free (pending->key);
  g_free (pending->uri);
  g_ptr_array_unref (pending->waiters);
  g_object_unref (pending->cancellable);
  g_clear_object (&pending->pixbuf);
  g_clear_error (&pending->error);
  g_free (pending);
}

static void
waiter_free (SsvTextureLoader *self,
             Waiter           *waiter)
{
  g_hash_table_remove (self->live_waiters, waiter);
  if (waiter->handler != 0)
    g_cancellable_disconnect (waiter->cancellable, waiter->handler);
  g_clear_object (&waiter->cancellable);
  g_object_unref (waiter->task);
  g_free (waiter);
}

/* ---- the LRU ---------------------------------------------------------------- */

static void
touch (SsvTextureLoader *self,
       Entry            *entry)
{
  g_queue_unlink (&self->lru, &entry->link);
  g_queue_push_head_link (&self->lru, &entry->link);
}

static void
evict (SsvTextureLoader *self)
{
  /* The newest stays even when it alone is over budget. */
  while (self->bytes > self->max_bytes && self->lru.length > 1)
    {
      GList *tail = g_queue_pop_tail_link (&self->lru);
      Entry *entry = tail->data;

      self->bytes -= entry->size;
      g_hash_table_remove (self->entries, entry->key);
    }
}

static void
remember (SsvTextureLoader *self,
          const char       *key,
          GdkPixbuf        *pixbuf)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->key = g_strdup (key);
  entry->pixbuf = g_object_ref (pixbuf);
  entry->size = (gsize) gdk_pixbuf_get_width (pixbuf) * gdk_pixbuf_get_height (pixbuf) * 4;
  entry->link.data = entry;

  g_hash_table_replace (self->entries, entry->key, entry);
  g_queue_push_head_link (&self->lru, &entry->link);
  self->bytes += entry->size;
  evict (self);
}

/* ---- memory after a burst ------------------------------------------------------ */

/* A scroll through a large grid decodes thousands of posters in the workers' malloc
 * arenas; what they free stays resident as holes between what is still used until
 * malloc is asked to give free pages back. Asked once decoding has stopped for a while,
 * not while it runs, and off the main thread: it locks each arena in turn and takes
 * some 20 ms in a large process. */
static void
trim_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  g_task_return_boolean (task, TRUE);
}

static gboolean
trim_cb (gpointer user_data)
{
  SsvTextureLoader *self = user_data;
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  self->trim_source = 0;
  g_task_set_source_tag (task, trim_cb);
  g_task_run_in_thread (task, trim_thread);
  return G_SOURCE_REMOVE;
}

static void
cancel_trim (SsvTextureLoader *self)
{
  g_clear_handle_id (&self->trim_source, g_source_remove);
}

/* Called whenever a request leaves the queue: once the queue is empty, the trim waits
 * TRIM_AFTER_MS for the next request, which puts it off. */
static void
queue_trim (SsvTextureLoader *self)
{
  cancel_trim (self);
  if (g_hash_table_size (self->pending) == 0)
    self->trim_source = g_timeout_add_full (G_PRIORITY_LOW, TRIM_AFTER_MS, trim_cb, self, NULL);
}

/* ---- workers ---------------------------------------------------------------- */

static gboolean
complete_cb (gpointer user_data)
{
  Pending *pending = user_data;
  SsvTextureLoader *self = pending->loader;

  /* Everyone stopped waiting and it was dropped: the work is wasted, not shown. */
  if (g_hash_table_lookup (self->pending, pending->key) != pending)
    return G_SOURCE_REMOVE;

  g_hash_table_steal (self->pending, pending->key);

  if (pending->pixbuf != NULL)
    {
      self->decodes++;
      remember (self, pending->key, pending->pixbuf);
    }

  for (guint i = 0; i < pending->waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (pending->waiters, i);

      /* Its own texture over the shared pixels (no copy). */
      if (pending->pixbuf != NULL)
        g_task_return_pointer (waiter->task, gdk_texture_new_for_pixbuf (pending->pixbuf), g_object_unref);
      else
        g_task_return_error (waiter->task, g_error_copy (pending->error));
      waiter_free (self, waiter);
    }
  g_ptr_array_set_size (pending->waiters, 0);

  queue_trim (self);
  pending_unref (pending);
  return G_SOURCE_REMOVE;
}

/* What "size-prepared" learns of an image before any pixel is decoded. */
typedef struct
{
  int      target_height;
  int      width;
  int      height;
  gboolean refused;
} SizeCheck;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  SizeCheck *check = user_data;

  check->width = width;
  check->height = height;

  /* Both sides, before the decoder allocates: a poster 60,000 pixels wide is
   * an attack or a mistake, whatever its height. 0 × 0 stops the decoder, as
   * gdk_pixbuf_get_file_info() stops it. */
  if (width <= 0 || height <= 0 || width > SSV_MAX_IMAGE_SIDE || height > SSV_MAX_IMAGE_SIDE ||
      (gint64) width * height > SSV_MAX_IMAGE_PIXELS)
    {
      check->refused = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  /* Never scaled up: a small image stays small and sharp. */
  if (check->target_height > 0 && height > check->target_height)
    gdk_pixbuf_loader_set_size (loader,
                                (int) MAX ((gint64) width * check->target_height / height, 1),
                                check->target_height);
}

/**
 * ssv_texture_loader_decode_file:
 * @height: the height it is shown at, or 0 for its own
 *
 * Decodes the image at @path at most @height high. Its size is checked before
 * anything is decoded: an image wider or higher than SSV_MAX_IMAGE_SIDE, or
 * of more than SSV_MAX_IMAGE_PIXELS, is refused.
 *
 * Returns: (transfer full): the image, or %NULL with @error set
 */
GdkPixbuf *
ssv_texture_loader_decode_file (const char    *path,
                                int            height,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autofree guchar *chunk = NULL;
  SizeCheck check = { height, 0, 0, FALSE };
  gboolean ok = stream != NULL;

  /* No loader before there is something to read: one must be closed once made. */
  if (!ok)
    return NULL;

  loader = gdk_pixbuf_loader_new ();

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &check);
  chunk = g_malloc (64 * 1024);
  while (ok && !check.refused)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, 64 * 1024, cancellable, error);

      if (n <= 0)
        {
          ok = n == 0;
          break;
        }
      ok = gdk_pixbuf_loader_write (loader, chunk, (gsize) n, error);
    }

  /* The loader keeps the first few kilobytes to tell the format: a small
   * file's size may only be learnt on closing it. */
  if (!gdk_pixbuf_loader_close (loader, ok && !check.refused ? error : NULL))
    ok = FALSE;

  if (check.refused)
    {
      g_clear_error (error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The image is %d × %d pixels, too large to show."), check.width, check.height);
      return NULL;
    }

  if (!ok)
    return NULL;

  if (gdk_pixbuf_loader_get_pixbuf (loader) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s” is not an image", path);
      return NULL;
    }

  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

static GdkPixbuf *
decode (GFile         *file,
        int            height,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not a local file");
      return NULL;
    }

  return ssv_texture_loader_decode_file (path, height, cancellable, error);
}

/* The pool is exclusive, so its threads are ours to lower: on a machine with
 * few cores, decoding must not take the time a frame needs. Linux gives each
 * thread its own nice value. */
static void
lower_thread_priority (void)
{
#ifdef __linux__
  static GPrivate lowered;

  if (g_private_get (&lowered) == NULL)
    {
      /* Not fatal: at worst, posters compete with frames. */
      (void) setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), WORKER_NICE);
      g_private_set (&lowered, GINT_TO_POINTER (1));
    }
#endif
}

static gboolean
is_held (SsvTextureLoader *self,
         const Pending    *pending)
{
  gboolean held;

  g_mutex_lock (&self->hold_lock);
  held = pending->serial <= self->hold_through;
  g_mutex_unlock (&self->hold_lock);
  return held;
}

/* A decoded poster is 100–135 kB, just under glibc's first mmap threshold (128 kB),
 * which then grows to the largest block freed: posters land in the workers' heaps,
 * and the thousands freed while scrolling stay resident as holes (some 70 MB after
 * a 10,000-title grid). A fixed, lower threshold keeps each one mapped and gives it
 * back when freed. It is process-wide, so it is set when the first image goes to
 * decode, not before: a starting window holds its images until its first frame, and
 * the GL driver's set-up then allocates (and frees) as it always does, from the heap,
 * not by a map, a fault per page and an unmap each. MALLOC_MMAP_THRESHOLD_ still wins. */
static void
set_mmap_threshold_once (void)
{
#ifdef __GLIBC__
  static gsize done;

  if (g_once_init_enter (&done))
    {
      if (g_getenv ("MALLOC_MMAP_THRESHOLD_") == NULL)
        mallopt (M_MMAP_THRESHOLD, 64 * 1024);
      g_once_init_leave (&done, 1);
    }
#endif
}

static void
queue (SsvTextureLoader *self,
       Pending          *pending)
{
  set_mmap_threshold_once ();
  pending->held = FALSE;
  g_thread_pool_push (self->pool, pending_ref (pending), NULL);
}

static gboolean
held_cb (gpointer user_data)
{
  Pending *pending = user_data;
  SsvTextureLoader *self = pending->loader;

  /* Dropped meanwhile: nobody waits for it. */
  if (g_hash_table_lookup (self->pending, pending->key) != pending)
    return G_SOURCE_REMOVE;

  /* Released, or asked for again, while on its way here. */
  if (!is_held (self, pending))
    {
      queue (self, pending);
      return G_SOURCE_REMOVE;
    }

  pending->held = TRUE;
  g_ptr_array_add (self->held, pending_ref (pending));
  return G_SOURCE_REMOVE;
}

static void
work (gpointer data,
      gpointer user_data)
{
  Pending *pending = data;
  SsvTextureLoader *self = pending->loader;

  lower_thread_priority ();

  /* Asked for before the page it belongs to was left: back to the main thread, unread. */
  if (is_held (self, pending) && !g_cancellable_is_cancelled (pending->cancellable))
    {
      ssv_dispatch_to (self->context, held_cb, pending, pending_unref);
      return;
    }

  if (!g_cancellable_set_error_if_cancelled (pending->cancellable, &pending->error))
    {
      g_autoptr(GFile) file = ssv_image_cache_fetch (self->cache, pending->uri, pending->height,
                                                     pending->cancellable, &pending->error);
      if (file != NULL)
        pending->pixbuf = decode (file, pending->height, pending->cancellable, &pending->error);
    }

  ssv_dispatch_to (self->context, complete_cb,
                              pending, pending_unref);
}

/* Newest first: what is on screen now beats what was scrolled past. */
static int
newest_first (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Pending *pa = a;
  const Pending *pb = b;

  return pa->serial < pb->serial ? 1 : pa->serial > pb->serial ? -1 : 0;
}

/* ---- cancellation ----------------------------------------------------------- */

typedef struct
{
  SsvTextureLoader *loader;
  Waiter           *waiter;
  guint64           waiter_id;
} CancelData;

static gboolean
waiter_cancelled_idle (gpointer user_data)
{
  CancelData *data = user_data;
  SsvTextureLoader *self = data->loader;
  Waiter *waiter = data->waiter;
  Pending *pending;

  /* It may have completed meanwhile (and its memory be another waiter's now). */
  if (!g_hash_table_contains (self->live_waiters, waiter) || waiter->id != data->waiter_id)
    return G_SOURCE_REMOVE;

  pending = waiter->pending;
  g_ptr_array_remove (pending->waiters, waiter);
  g_task_return_new_error (waiter->task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  waiter_free (self, waiter);

  /* Nobody waits any more: stop the work and forget it. */
  if (pending->waiters->len == 0 && g_hash_table_lookup (self->pending, pending->key) == pending)
    {
      g_cancellable_cancel (pending->cancellable);
      g_hash_table_remove (self->pending, pending->key);
      queue_trim (self);
    }

  return G_SOURCE_REMOVE;
}

static void
cancel_data_free (gpointer user_data)
{
  CancelData *data = user_data;

  g_object_unref (data->loader);
  g_free (data);
}

/* Runs in the cancelling thread, maybe inside g_cancellable_cancel(): only
 * schedule; the main context does the rest. */
static void
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Waiter *waiter = user_data;
  SsvTextureLoader *self = g_task_get_source_object (waiter->task);
  CancelData *data = g_new0 (CancelData, 1);
  GSource *source = g_idle_source_new ();

  data->loader = g_object_ref (self);
  data->waiter = waiter;
  data->waiter_id = waiter->id;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, waiter_cancelled_idle, data, cancel_data_free);
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/* ---- API ------------------------------------------------------------------ */

/**
 * ssv_texture_loader_dup_texture:
 *
 * A texture of the image if it is in memory now: a new one each time, over the pixels
 * the loader keeps (no copy). Keep it only while it is shown: a texture that was drawn
 * holds a copy in the GL driver for as long as it lives.
 *
 * Returns: (transfer full) (nullable): the texture, or %NULL if the image must be loaded
 */
GdkTexture *
ssv_texture_loader_dup_texture (SsvTextureLoader *self,
                                const char       *uri,
                                int               height)
{
  g_autofree char *key = NULL;
  Entry *entry;

  g_return_val_if_fail (SSV_IS_TEXTURE_LOADER (self), NULL);

  if (uri == NULL)
    return NULL;

  key = make_key (uri, height);
  entry = g_hash_table_lookup (self->entries, key);
  if (entry == NULL)
    return NULL;

  touch (self, entry);
  return gdk_texture_new_for_pixbuf (entry->pixbuf);
}

/**
 * ssv_texture_loader_load_async:
 * @height: the height in device pixels the image is shown at
 * @cancellable: cancelling it stops this request; the work itself stops when
 *   nobody else asked for the same image
 *
 * Call on the main context.
 */
void
ssv_texture_loader_load_async (SsvTextureLoader    *self,
                               const char          *uri,
                               int                  height,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *key = NULL;
  GdkTexture *known;
  Pending *pending;
  Waiter *waiter;

  g_return_if_fail (SSV_IS_TEXTURE_LOADER (self));
  g_return_if_fail (uri != NULL);

  g_task_set_source_tag (task, ssv_texture_loader_load_async);
  g_task_set_check_cancellable (task, FALSE);

  if (g_task_return_error_if_cancelled (task))
    return;

  known = ssv_texture_loader_dup_texture (self, uri, height);
  if (known != NULL)
    {
      g_task_return_pointer (task, known, g_object_unref);
      return;
    }

  key = make_key (uri, height);
  pending = g_hash_table_lookup (self->pending, key);
  if (pending == NULL)
    {
      pending = g_new0 (Pending, 1);
      g_atomic_ref_count_init (&pending->ref);
      pending->loader = g_object_ref (self);
      pending->key = g_strdup (key);
      pending->uri = g_strdup (uri);
      pending->height = height;
      pending->serial = ++self->serial;
      pending->waiters = g_ptr_array_new ();
      pending->cancellable = g_cancellable_new ();
      g_hash_table_insert (self->pending, pending->key, pending);
      cancel_trim (self);
      if (self->hold_all)
        {
          pending->held = TRUE;
          g_ptr_array_add (self->held, pending_ref (pending));
        }
      else
        queue (self, pending);
    }
  else
    {
      /* Asked again: it moves up the queue, and out of the held ones. */
      g_mutex_lock (&self->hold_lock);
      pending->serial = ++self->serial;
      g_mutex_unlock (&self->hold_lock);
      if (pending->held && !self->hold_all)
        {
          queue (self, pending);
          g_ptr_array_remove (self->held, pending);
        }
    }

  waiter = g_new0 (Waiter, 1);
  waiter->id = ++self->waiter_ids;
  waiter->task = g_steal_pointer (&task);
  waiter->pending = pending;
  g_ptr_array_add (pending->waiters, waiter);
  g_hash_table_add (self->live_waiters, waiter);
  if (cancellable != NULL)
    {
      waiter->cancellable = g_object_ref (cancellable);
      waiter->handler = g_cancellable_connect (cancellable, G_CALLBACK (waiter_cancelled_cb), waiter, NULL);
    }
}

/**
 * ssv_texture_loader_load_finish:
 *
 * Returns: (transfer full): the texture, or %NULL with @error set
 */
GdkTexture *
ssv_texture_loader_load_finish (SsvTextureLoader  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Bytes of the textures the LRU holds. */
static void
picture_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GdkTexture) texture = ssv_texture_loader_load_finish (SSV_TEXTURE_LOADER (source), result, NULL);

  /* A missing or cancelled image leaves the picture as it was (hidden, as a rule). */
  if (texture == NULL)
    return;

  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (picture), TRUE);
}

/**
 * ssv_texture_loader_load_picture:
 * @uri: (nullable): the image; %NULL leaves @picture as it is
 * @height: the height in device pixels the image is shown at
 * @cancellable: (nullable): cancelling it stops the load
 *
 * Shows the image in @picture and makes it visible: at once when it is in
 * memory, else when it has loaded. Call on the main context.
 */
void
ssv_texture_loader_load_picture (SsvTextureLoader *self,
                                 GtkPicture       *picture,
                                 const char       *uri,
                                 int               height,
                                 GCancellable     *cancellable)
{
  g_autoptr(GdkTexture) known = NULL;

  g_return_if_fail (SSV_IS_TEXTURE_LOADER (self));
  g_return_if_fail (GTK_IS_PICTURE (picture));

  if (uri == NULL)
    return;

  known = ssv_texture_loader_dup_texture (self, uri, height);
  if (known != NULL)
    {
      gtk_picture_set_paintable (picture, GDK_PAINTABLE (known));
      gtk_widget_set_visible (GTK_WIDGET (picture), TRUE);
      return;
    }

  ssv_texture_loader_load_async (self, uri, height, cancellable, picture_ready_cb, g_object_ref (picture));
}

gsize
ssv_texture_loader_get_bytes (SsvTextureLoader *self)
{
  return self->bytes;
}

/**
 * ssv_texture_loader_hold_queued:
 *
 * Holds back what was asked for so far and is not decoding yet, until
 * ssv_texture_loader_release(): a window leaving a page for another calls it, so
 * the posters of the page going away (still drawn while the pages cross-fade) take
 * no processor from the page coming. What is asked for afterwards goes ahead, and
 * so does a held image asked for again. Main thread.
 */
void
ssv_texture_loader_hold_queued (SsvTextureLoader *self)
{
  g_return_if_fail (SSV_IS_TEXTURE_LOADER (self));

  g_mutex_lock (&self->hold_lock);
  self->hold_through = self->serial;
  g_mutex_unlock (&self->hold_lock);
}

/**
 * ssv_texture_loader_hold_all:
 *
 * Holds back every request from now on, asked again or not, until
 * ssv_texture_loader_release(): a window starting holds its posters until the
 * frame showing their cards is drawn, so decoding takes no processor from that
 * frame. Main thread.
 */
void
ssv_texture_loader_hold_all (SsvTextureLoader *self)
{
  g_return_if_fail (SSV_IS_TEXTURE_LOADER (self));

  self->hold_all = TRUE;
}

/* Requests held back now (some may have been cancelled meanwhile). Main thread. */
guint
ssv_texture_loader_get_held (SsvTextureLoader *self)
{
  g_return_val_if_fail (SSV_IS_TEXTURE_LOADER (self), 0);

  return self->held->len;
}

/**
 * ssv_texture_loader_release:
 *
 * Queues again what ssv_texture_loader_hold_queued() or
 * ssv_texture_loader_hold_all() held back and is still wanted. Main thread.
 */
void
ssv_texture_loader_release (SsvTextureLoader *self)
{
  g_autoptr(GPtrArray) held = NULL;

  g_return_if_fail (SSV_IS_TEXTURE_LOADER (self));

  self->hold_all = FALSE;

  g_mutex_lock (&self->hold_lock);
  self->hold_through = 0;
  g_mutex_unlock (&self->hold_lock);

  held = g_steal_pointer (&self->held);
  self->held = g_ptr_array_new_with_free_func (pending_unref);
  for (guint i = 0; i < held->len; i++)
    {
      Pending *pending = g_ptr_array_index (held, i);

      if (g_hash_table_lookup (self->pending, pending->key) == pending)
        queue (self, pending);
      else
        pending->held = FALSE;
    }
}

/* Images decoded so far (each merged request counts once). */
guint
ssv_texture_loader_get_decodes (SsvTextureLoader *self)
{
  return self->decodes;
}

guint
ssv_texture_loader_get_pending (SsvTextureLoader *self)
{
  return g_hash_table_size (self->pending);
}

static void
ssv_texture_loader_dispose (GObject *object)
{
  SsvTextureLoader *self = SSV_TEXTURE_LOADER (object);
  GHashTableIter iter;
  gpointer value;

  /* Stop what is queued; what runs finishes against a loader still alive. */
  if (self->pending != NULL)
    {
      g_hash_table_iter_init (&iter, self->pending);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_cancellable_cancel (((Pending *) value)->cancellable);
    }
  cancel_trim (self);

  G_OBJECT_CLASS (ssv_texture_loader_parent_class)->dispose (object);
}

static void
ssv_texture_loader_finalize (GObject *object)
{
  SsvTextureLoader *self = SSV_TEXTURE_LOADER (object);

  /* Every job holds the loader, so none is left here. */
  if (self->pool != NULL)
    g_thread_pool_free (g_steal_pointer (&self->pool), TRUE, FALSE);
  /* The queue's links live inside the entries: forget them, the table frees
   * the entries (g_queue_clear() would free the links as list nodes). */
  g_queue_init (&self->lru);
  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->live_waiters);
  g_ptr_array_unref (self->held);
  g_mutex_clear (&self->hold_lock);
  g_clear_object (&self->cache);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (ssv_texture_loader_parent_class)->finalize (object);
}

static void
ssv_texture_loader_class_init (SsvTextureLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_texture_loader_dispose;
  object_class->finalize = ssv_texture_loader_finalize;
}

static void
ssv_texture_loader_init (SsvTextureLoader *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, pending_unref);
  self->live_waiters = g_hash_table_new (NULL, NULL);
  self->held = g_ptr_array_new_with_free_func (pending_unref);
  g_mutex_init (&self->hold_lock);
  g_queue_init (&self->lru);
}

/**
 * ssv_texture_loader_new:
 * @max_bytes: how much decoded image data to keep in memory
 */
SsvTextureLoader *
ssv_texture_loader_new (SsvImageCache *cache,
                        gsize          max_bytes)
{
  SsvTextureLoader *self = g_object_new (SSV_TYPE_TEXTURE_LOADER, NULL);

  self->cache = g_object_ref (cache);
  self->max_bytes = max_bytes;
  /* Each job holds a reference to its Pending, and through it to the loader. */
  self->pool = g_thread_pool_new (work, NULL, WORKER_THREADS, TRUE, NULL);
  g_thread_pool_set_sort_function (self->pool, newest_first, NULL);

  return self;
}

/**
 * ssv_texture_loader_get_default:
 *
 * Returns: (transfer none): the loader every widget of this context shares
 */
SsvTextureLoader *
ssv_texture_loader_get_default (SsvContext *context)
{
  SsvTextureLoader *loader = g_object_get_data (G_OBJECT (context), LOADER_KEY);

  if (loader == NULL)
    {
      loader = ssv_texture_loader_new (ssv_context_get_image_cache (context), DEFAULT_MAX_BYTES);
      g_object_set_data_full (G_OBJECT (context), LOADER_KEY, loader, g_object_unref);
    }

  return loader;
}
