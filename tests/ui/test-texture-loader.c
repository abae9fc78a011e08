/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-texture-loader.c: images decoded at the size shown; absurd sizes (either side) refused
 * before decoding; the image cache's size preference reaches the cache; a hidden card's
 * poster still on its way is dropped, and asked for again when the card shows; images asked
 * for before a page is left wait while it fades out, unless asked for again; a starting
 * window's images wait for a frame; a grid's first frame has only its first screen of cards. */

#include "config.h"

#include <string.h>

#include "model/ssv-season.h"
#include "ssv-fake-server.h"
#include "ssv-image-cache.h"
#include "ssv-test-utils.h"
#include "ssv-texture-loader-private.h"
#include "ssv-texture-loader.h"
#include "ssv-ui-test-utils.h"
#include "ssv-window.h"
#include "ssv-context.h"
#include "widgets/ssv-poster-card.h"
#include "widgets/ssv-poster-grid.h"

static char *tmp_dir;

/* A @width × @height PNG in the temp folder; flat, so it is small on disk. */
static char *
write_png (int width,
           int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autofree char *name = g_strdup_printf ("image-%dx%d.png", width, height);
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (pixbuf);
  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
  return path;
}

static guint32
crc32_of (const guint8 *data,
          gsize         length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xedb88320 & (0u - (crc & 1)));
    }

  return ~crc;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, bytes, 4);
}

/* @body is the chunk's type and data. */
static void
append_chunk (GByteArray *out,
              GByteArray *body)
{
  append_be32 (out, body->len - 4);
  g_byte_array_append (out, body->data, body->len);
  append_be32 (out, crc32_of (body->data, body->len));
}

/* Only the header of a @width × @height PNG: what a hostile server needs to
 * send to make a decoder allocate the whole of it. */
static char *
write_png_header (guint32 width,
                  guint32 height)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GByteArray) ihdr = g_byte_array_new ();
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  g_autoptr(GByteArray) iend = g_byte_array_new ();
  g_autofree char *name = g_strdup_printf ("header-%ux%u.png", width, height);
  char *path = g_build_filename (tmp_dir, name, NULL);
  const guint8 rest[] = { 8, 2, 0, 0, 0 };   /* 8-bit RGB, deflate, no filter, no interlace */

  g_byte_array_append (ihdr, (const guint8 *) "IHDR", 4);
  append_be32 (ihdr, width);
  append_be32 (ihdr, height);
  g_byte_array_append (ihdr, rest, sizeof rest);

  g_byte_array_append (out, signature, sizeof signature);
  append_chunk (out, ihdr);
  /* The first bytes of pixel data: a decoder learns the size when they start. */
  g_byte_array_append (idat, (const guint8 *) "IDAT\x78\x9c\x00\x00\x00\x00", 10);
  append_chunk (out, idat);
  g_byte_array_append (iend, (const guint8 *) "IEND", 4);
  append_chunk (out, iend);

  g_assert_true (g_file_set_contents (path, (const char *) out->data, out->len, NULL));
  return path;
}

typedef struct
{
  gboolean    done;
  GdkTexture *texture;
  GError     *error;
} Load;

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;

  load->texture = ssv_texture_loader_load_finish (SSV_TEXTURE_LOADER (source), result, &load->error);
  load->done = TRUE;
}

/* Loads @path shown @height high, as a poster card asks for it. */
static Load
load (const char *path,
      int         height)
{
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autofree char *images = g_build_filename (tmp_dir, "images", NULL);
  g_autoptr(SsvImageCache) cache = ssv_image_cache_new (http, images);
  g_autoptr(SsvTextureLoader) loader = ssv_texture_loader_new (cache, 16 * 1024 * 1024);
  Load result = { FALSE, NULL, NULL };

  ssv_texture_loader_load_async (loader, path, height, NULL, loaded_cb, &result);
  ssv_test_wait_for_flag (&result.done, 20000);
  return result;
}

static void
test_scaled_to_shown_height (void)
{
  g_autofree char *large = write_png (300, 450);
  g_autofree char *small = write_png (100, 150);
  Load shrunk = load (large, 225);
  Load kept = load (small, 225);

  g_assert_no_error (shrunk.error);
  g_assert_cmpint (gdk_texture_get_height (shrunk.texture), ==, 225);
  g_assert_cmpint (gdk_texture_get_width (shrunk.texture), ==, 150);
  /* Never scaled up. */
  g_assert_no_error (kept.error);
  g_assert_cmpint (gdk_texture_get_height (kept.texture), ==, 150);
  g_assert_cmpint (gdk_texture_get_width (kept.texture), ==, 100);
  g_object_unref (shrunk.texture);
  g_object_unref (kept.texture);
}

/* Only the height used to be checked: a strip 60,000 pixels wide was decoded
 * whole. Both sides are checked before anything is decoded now. */
static void
test_absurd_sizes_refused (void)
{
  /* Two real strips, then headers only: 6,000 × 6,000 is 36 million pixels. */
  const int sizes[][2] = { { 60000, 8 }, { 8, 60000 }, { 6000, 6000 }, { 1000000, 1000000 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = i < 2 ? write_png (sizes[i][0], sizes[i][1])
                                    : write_png_header ((guint32) sizes[i][0], (guint32) sizes[i][1]);
      g_autofree char *expected = g_strdup_printf ("%d × %d", sizes[i][0], sizes[i][1]);
      Load refused = load (path, 225);

      g_assert_null (refused.texture);
      g_assert_error (refused.error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (refused.error->message, expected));
      g_assert_nonnull (strstr (refused.error->message, "too large"));
      g_clear_error (&refused.error);
    }
}

static void
test_not_an_image (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "page.png", NULL);
  Load broken;

  g_assert_true (g_file_set_contents (path, "<html>Sign in</html>", -1, NULL));
  broken = load (path, 225);
  g_assert_null (broken.texture);
  g_assert_nonnull (broken.error);
  g_clear_error (&broken.error);
}

/* A decode stopped before it reads (the app closing, a card recycled) or a file that
 * is gone fails quietly: no decoder is left unclosed, which GdkPixbuf warns about. */
static void
test_stopped_or_gone_is_quiet (void)
{
  g_autofree char *path = write_png (300, 450);
  g_autofree char *gone = g_build_filename (tmp_dir, "gone.png", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);

  /* Any warning from here on ends the test. */
  g_log_set_always_fatal (fatal | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_cancellable_cancel (cancellable);
  pixbuf = ssv_texture_loader_decode_file (path, 225, cancellable, &error);
  g_assert_null (pixbuf);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  pixbuf = ssv_texture_loader_decode_file (gone, 225, NULL, &error);
  g_assert_null (pixbuf);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_log_set_always_fatal (fatal);
}

static gboolean
has_context (gpointer data)
{
  return ssv_application_get_context (data) != NULL;
}

static gboolean
limit_is_128_mb (gpointer data)
{
  return ssv_image_cache_get_max_bytes (data) == (guint64) 128 * 1024 * 1024;
}

/* The preference in megabytes is the cache's limit in bytes, now and when it changes. */
static void
test_cache_size_preference (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "preference.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SsvApplication *app;
  SsvImageCache *cache;

  g_settings_set_uint (settings, "image-cache-size", 300);
  app = ssv_ui_test_start_app (db_path);
  g_assert_true (ssv_test_wait_for (has_context, app, 20000));
  cache = ssv_context_get_image_cache (ssv_application_get_context (app));
  g_assert_cmpuint (ssv_image_cache_get_max_bytes (cache), ==, (guint64) 300 * 1024 * 1024);

  g_settings_set_uint (settings, "image-cache-size", 128);
  g_assert_true (ssv_test_wait_for (limit_is_128_mb, cache, 5000));

  ssv_ui_test_stop_app (app);
}

static gboolean
nothing_pending (gpointer data)
{
  return ssv_texture_loader_get_pending (data) == 0;
}

static gboolean
something_pending (gpointer data)
{
  return ssv_texture_loader_get_pending (data) > 0;
}

static gboolean
has_poster (gpointer data)
{
  return ssv_poster_card_get_has_poster (data);
}

/* A page left for another leaves its cards bound but hidden: a poster still on its way
 * (here a server that takes half a minute) is dropped at once, so its decode takes no
 * processor from the page shown, and asked for again when the card shows. */
static void
test_hidden_card_drops_its_load (void)
{
  g_autofree char *path = write_png (300, 450);
  g_autofree char *png = NULL;
  g_autofree char *images = g_build_filename (tmp_dir, "hidden-card-images", NULL);
  g_autofree char *url = NULL;
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvImageCache) cache = ssv_image_cache_new (http, images);
  g_autoptr(SsvTextureLoader) loader = ssv_texture_loader_new (cache, 16 * 1024 * 1024);
  g_autoptr(SsvSeason) season = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SsvFakeFault slow = { .kind = SSV_FAKE_FAULT_DELAY, .delay_ms = 30000, .times = -1 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *card = g_object_ref_sink (ssv_poster_card_new (loader));
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &png, &length, NULL));
  bytes = g_bytes_new (png, length);
  ssv_fake_server_add_bytes (server, "GET /poster.png", 200, "image/png", bytes);
  ssv_fake_server_set_fault (server, "GET /poster.png", &slow);
  url = g_strdup_printf ("%s/poster.png", ssv_fake_server_get_url (server));
  season = g_object_new (SSV_TYPE_SEASON, "title", "The Wire", "poster-url", url, NULL);

  gtk_window_set_child (GTK_WINDOW (window), card);
  gtk_window_present (GTK_WINDOW (window));
  ssv_poster_card_set_item (SSV_POSTER_CARD (card), G_OBJECT (season));
  g_assert_true (ssv_test_wait_for (something_pending, loader, 5000));

  /* Hidden: nothing is left to fetch or decode, long before the server answers. */
  gtk_widget_set_visible (card, FALSE);
  g_assert_true (ssv_test_wait_for (nothing_pending, loader, 5000));
  g_assert_false (ssv_poster_card_get_has_poster (SSV_POSTER_CARD (card)));

  /* Shown again, with the server quick now: the poster is asked for again and shows. */
  ssv_fake_server_clear_faults (server);
  gtk_widget_set_visible (card, TRUE);
  g_assert_true (ssv_test_wait_for (has_poster, card, 10000));

  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  ssv_ui_test_iterate (50);
  g_assert_finalize_object (card);
}

#define N_HELD 20

static gboolean
load_done (gpointer data)
{
  return ((Load *) data)->done;
}

static guint
count_done (const Load *loads,
            guint       n)
{
  guint done = 0;

  for (guint i = 0; i < n; i++)
    done += loads[i].done;
  return done;
}

static gboolean
all_held_done (gpointer data)
{
  return count_done (data, N_HELD) == N_HELD;
}

/* A page left for another: what it asked for and is not decoding yet waits (at most the
 * four workers' images already begun finish), the page shown goes ahead, an image asked
 * for again goes ahead, and the rest comes once released. */
static void
test_hold_queued (void)
{
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autofree char *images = g_build_filename (tmp_dir, "hold-images", NULL);
  g_autoptr(SsvImageCache) cache = ssv_image_cache_new (http, images);
  g_autoptr(SsvTextureLoader) loader = ssv_texture_loader_new (cache, 64 * 1024 * 1024);
  g_autofree char *shown = write_png (200, 300);
  Load left[N_HELD] = { { 0 } };
  Load coming = { FALSE, NULL, NULL };
  Load again = { FALSE, NULL, NULL };
  g_autofree char *again_path = NULL;
  guint done_when_held;

  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  /* Written first: asked for in one go, as a page's grid asks. */
  for (guint i = 0; i < N_HELD; i++)
    g_ptr_array_add (paths, write_png (300 + i, 450));
  again_path = g_strdup (g_ptr_array_index (paths, N_HELD - 1));
  for (guint i = 0; i < N_HELD; i++)
    ssv_texture_loader_load_async (loader, g_ptr_array_index (paths, i), 225, NULL, loaded_cb, &left[i]);
  ssv_texture_loader_hold_queued (loader);

  ssv_texture_loader_load_async (loader, shown, 225, NULL, loaded_cb, &coming);
  g_assert_true (ssv_test_wait_for (load_done, &coming, 20000));
  g_assert_no_error (coming.error);
  g_assert_nonnull (coming.texture);

  /* Long after the page shown got its image, the left page's queue has not moved. */
  ssv_ui_test_iterate (500);
  done_when_held = count_done (left, N_HELD);
  g_assert_cmpuint (done_when_held, <=, 4);

  /* Asked for again (shown again): it goes ahead, held or not. */
  ssv_texture_loader_load_async (loader, again_path, 225, NULL, loaded_cb, &again);
  g_assert_true (ssv_test_wait_for (load_done, &again, 20000));
  g_assert_nonnull (again.texture);
  g_assert_cmpuint (count_done (left, N_HELD), <=, done_when_held + 1);

  ssv_texture_loader_release (loader);
  g_assert_true (ssv_test_wait_for (all_held_done, left, 20000));
  for (guint i = 0; i < N_HELD; i++)
    {
      g_assert_no_error (left[i].error);
      g_clear_object (&left[i].texture);
    }
  g_clear_object (&coming.texture);
  g_clear_object (&again.texture);
}

/* The window holds the left page's images while the pages cross-fade, and releases them
 * after: an image asked for before a page switch (here from a slow server, so most
 * are still queued when the switch comes) still arrives. */
static void
test_page_switch_releases (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "switch.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = write_png (300, 450);
  g_autofree char *png = NULL;
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(GBytes) bytes = NULL;
  SsvFakeFault slow = { .kind = SSV_FAKE_FAULT_DELAY, .delay_ms = 300, .times = -1 };
  Load left[N_HELD] = { { 0 } };
  SsvTextureLoader *loader;
  SsvApplication *app;
  SsvWindow *window;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &png, &length, NULL));
  bytes = g_bytes_new (png, length);
  for (guint i = 0; i < N_HELD; i++)
    {
      g_autofree char *route = g_strdup_printf ("GET /switch-%u.png", i);

      ssv_fake_server_add_bytes (server, route, 200, "image/png", bytes);
      ssv_fake_server_set_fault (server, route, &slow);
    }

  g_settings_set_string (settings, "last-page", "parse");
  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  ssv_ui_test_iterate (300);
  loader = ssv_texture_loader_get_default (ssv_window_get_context (window));

  for (guint i = 0; i < N_HELD; i++)
    {
      g_autofree char *url = g_strdup_printf ("%s/switch-%u.png", ssv_fake_server_get_url (server), i);

      ssv_texture_loader_load_async (loader, url, 225, NULL, loaded_cb, &left[i]);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "library");
  g_assert_cmpstr (ssv_window_get_visible_page_name (window), ==, "library");

  g_assert_true (ssv_test_wait_for (all_held_done, left, 30000));
  for (guint i = 0; i < N_HELD; i++)
    {
      g_assert_no_error (left[i].error);
      g_assert_nonnull (left[i].texture);
      g_clear_object (&left[i].texture);
    }

  ssv_ui_test_stop_app (app);
}

/* Held all: nothing asked for decodes, asked again or not, until released. */
static void
test_hold_all (void)
{
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autofree char *images = g_build_filename (tmp_dir, "hold-all-images", NULL);
  g_autoptr(SsvImageCache) cache = ssv_image_cache_new (http, images);
  g_autoptr(SsvTextureLoader) loader = ssv_texture_loader_new (cache, 64 * 1024 * 1024);
  Load loads[3] = { { 0 } };
  Load again = { FALSE, NULL, NULL };
  char *paths[3] = { NULL };

  ssv_texture_loader_hold_all (loader);
  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    {
      paths[i] = write_png (310 + i, 450);
      ssv_texture_loader_load_async (loader, paths[i], 225, NULL, loaded_cb, &loads[i]);
    }
  ssv_texture_loader_load_async (loader, paths[0], 225, NULL, loaded_cb, &again);

  ssv_ui_test_iterate (400);
  g_assert_cmpuint (count_done (loads, G_N_ELEMENTS (loads)), ==, 0);
  g_assert_false (again.done);
  g_assert_cmpuint (ssv_texture_loader_get_decodes (loader), ==, 0);
  g_assert_cmpuint (ssv_texture_loader_get_held (loader), ==, G_N_ELEMENTS (loads));

  ssv_texture_loader_release (loader);
  g_assert_true (ssv_test_wait_for (load_done, &again, 20000));
  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    {
      g_assert_true (ssv_test_wait_for (load_done, &loads[i], 20000));
      g_assert_no_error (loads[i].error);
      g_assert_nonnull (loads[i].texture);
      g_clear_object (&loads[i].texture);
      g_free (paths[i]);
    }
  g_assert_nonnull (again.texture);
  g_clear_object (&again.texture);
  g_assert_cmpuint (ssv_texture_loader_get_held (loader), ==, 0);
}

typedef struct
{
  guint    frames;
  guint    frames_when_loaded;
  gboolean done;
} Frames;

static void
count_frame_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  frames->frames++;
}

static void
frame_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Frames *frames = user_data;
  g_autoptr(GdkTexture) texture = ssv_texture_loader_load_finish (SSV_TEXTURE_LOADER (source), result, NULL);

  g_assert_nonnull (texture);
  frames->frames_when_loaded = frames->frames;
  frames->done = TRUE;
}

static gboolean
is_realized (gpointer widget)
{
  return gtk_widget_get_realized (widget);
}

/* A starting window's images wait for a frame: on a machine of two cores, decoding
 * them would only delay the first one, whose cards show their placeholders anyway. */
static void
test_start_waits_for_a_frame (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "start.db", NULL);
  g_autofree char *path = write_png (320, 480);
  Frames frames = { 0 };
  SsvTextureLoader *loader;
  SsvApplication *app;
  SsvWindow *window;
  gulong handler;

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  g_assert_true (ssv_test_wait_for (is_realized, window, 20000));
  loader = ssv_texture_loader_get_default (ssv_window_get_context (window));
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (count_frame_cb), &frames);

  /* The library is empty: nothing else asked, so nothing was let go yet. */
  ssv_texture_loader_load_async (loader, path, 225, NULL, frame_loaded_cb, &frames);
  g_assert_cmpuint (ssv_texture_loader_get_held (loader), ==, 1);

  /* Its card is drawn: it decodes after that frame. */
  gtk_widget_queue_draw (GTK_WIDGET (window));
  ssv_test_wait_for_flag (&frames.done, 20000);
  g_assert_true (frames.done);
  g_assert_cmpuint (frames.frames_when_loaded, >=, 1);

  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);
  ssv_ui_test_stop_app (app);
}

/* ---- a grid's cards far out of view ------------------------------------------------ */

typedef struct
{
  GtkWidget  *grid;
  guint       in_view;     /* bound cards the view shows */
  guint       shown;       /* of those, showing their poster */
  guint       far;         /* bound cards more than a screen out of view */
  guint       far_shown;   /* of those, holding a poster */
  guint       frames;
  GHashTable *seen;        /* items shown with their poster before; NULL: none */
  guint       seen_again;  /* of those, in view now */
  guint       seen_shown;  /* of those, showing their poster */
} GridCount;

/* Items are titled by their position: "Title 12" is the 13th. */
static guint
card_position (SsvPosterCard *card)
{
  const char *title = ssv_poster_card_get_title (card);

  g_assert_true (g_str_has_prefix (title, "Title "));
  return (guint) g_ascii_strtoull (title + strlen ("Title "), NULL, 10);
}

static void
count_grid (GridCount *count)
{
  g_autoptr(GPtrArray) cards = ssv_poster_grid_dup_bound_cards (SSV_POSTER_GRID (count->grid));
  guint first = G_MAXUINT;
  guint last = 0;
  guint reach;

  count->in_view = count->shown = count->far = count->far_shown = 0;
  count->seen_again = count->seen_shown = 0;
  for (guint i = 0; i < cards->len; i++)
    {
      SsvPosterCard *card = g_ptr_array_index (cards, i);
      gboolean has_poster = ssv_poster_card_get_has_poster (card);

      if (!gtk_widget_get_mapped (GTK_WIDGET (card)))
        continue;
      first = MIN (first, card_position (card));
      last = MAX (last, card_position (card));
      count->in_view++;
      count->shown += has_poster;
      if (count->seen != NULL && g_hash_table_contains (count->seen, ssv_poster_card_get_item (card)))
        {
          count->seen_again++;
          count->seen_shown += has_poster;
        }
    }
  if (count->in_view == 0)
    return;

  /* A screen's worth of items either side of the view may keep theirs. */
  reach = last - first + 1;
  for (guint i = 0; i < cards->len; i++)
    {
      SsvPosterCard *card = g_ptr_array_index (cards, i);
      guint position = card_position (card);

      if (position + reach < first || position > last + reach)
        {
          count->far++;
          count->far_shown += ssv_poster_card_get_has_poster (card);
        }
    }
}

static gboolean
view_shows_posters (gpointer data)
{
  GridCount *count = data;

  count_grid (count);
  return count->in_view > 0 && count->shown == count->in_view;
}

static void
frame_painted_cb (GdkFrameClock *clock,
                  GridCount     *count)
{
  count->frames++;
}

static gboolean
two_frames_painted (gpointer data)
{
  return ((GridCount *) data)->frames >= 2;
}

/* The items in view now with their posters. */
static GHashTable *
dup_items_in_view (GridCount *count)
{
  g_autoptr(GPtrArray) cards = ssv_poster_grid_dup_bound_cards (SSV_POSTER_GRID (count->grid));
  GHashTable *items = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  for (guint i = 0; i < cards->len; i++)
    {
      SsvPosterCard *card = g_ptr_array_index (cards, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (card)) && ssv_poster_card_get_has_poster (card))
        g_hash_table_add (items, g_object_ref (ssv_poster_card_get_item (card)));
    }
  return items;
}

/* A grid keeps many more cards bound than it shows. Those more than a screen out of
 * view let go of their posters (a texture drawn once keeps a copy in the GL driver, in
 * RAM with software GL, as long as it lives); those in view show theirs, and a screen
 * scrolled back shows its posters at once, from memory. */
static void
test_far_cards_let_go (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "grid.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = ssv_context_new (db_path, &error);
  g_autoptr(GListStore) items = g_list_store_new (SSV_TYPE_SEASON);
  GtkWidget *window = gtk_window_new ();
  GridCount count = { NULL };
  GtkAdjustment *adjustment;
  guint far_seen = 0;
  double before_last = 0;
  gulong handler;

  g_assert_no_error (error);
  for (guint i = 0; i < 240; i++)
    {
      g_autofree char *title = g_strdup_printf ("Title %u", i);
      g_autofree char *poster = write_png (200, 300 + i);
      g_autoptr(SsvSeason) season = g_object_new (SSV_TYPE_SEASON, "title", title, "poster-url", poster, NULL);

      g_list_store_append (items, season);
    }

  count.grid = ssv_poster_grid_new (context);
  ssv_poster_grid_set_model (SSV_POSTER_GRID (count.grid), G_LIST_MODEL (items));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), count.grid);
  gtk_window_present (GTK_WINDOW (window));
  adjustment = ssv_poster_grid_get_vadjustment (SSV_POSTER_GRID (count.grid));
  g_assert_true (ssv_test_wait_for (view_shows_posters, &count, 20000));

  /* A screen at a time, each shown with its posters before the next. */
  for (guint step = 0; step < 6; step++)
    {
      before_last = gtk_adjustment_get_value (adjustment);
      g_clear_pointer (&count.seen, g_hash_table_unref);
      count.seen = dup_items_in_view (&count);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      g_assert_true (ssv_test_wait_for (view_shows_posters, &count, 20000));
      ssv_ui_test_iterate (50);
      count_grid (&count);
      far_seen += count.far;
      g_assert_cmpuint (count.far_shown, ==, 0);
    }
  /* There were cards far out of view to let go of, or this showed nothing. */
  g_assert_cmpuint (far_seen, >, 0);

  /* A screen back: from memory, in the frame that shows it. */
  handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                              G_CALLBACK (frame_painted_cb), &count);
  gtk_adjustment_set_value (adjustment, before_last);
  g_assert_true (ssv_test_wait_for (two_frames_painted, &count, 20000));
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (window), handler);
  /* What was in view there shows its poster; what the view places newly may load. */
  count_grid (&count);
  g_assert_cmpuint (count.seen_again, >, 0);
  g_assert_cmpuint (count.seen_shown, ==, count.seen_again);
  g_clear_pointer (&count.seen, g_hash_table_unref);

  gtk_window_destroy (GTK_WINDOW (window));
  ssv_ui_test_iterate (50);
}

typedef struct
{
  GtkWidget *grid;
  guint      first_bound;  /* cards bound at the first frame that drew some */
  guint      frames;
} FirstFrame;

static void
first_frame_cb (GdkFrameClock *clock,
                FirstFrame    *first)
{
  g_autoptr(GPtrArray) cards = ssv_poster_grid_dup_bound_cards (SSV_POSTER_GRID (first->grid));

  first->frames++;
  if (first->first_bound == 0)
    first->first_bound = cards->len;
}

static void
grid_realized_cb (GtkWidget  *window,
                  FirstFrame *first)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_frame_cb), first);
}

static gboolean
frames_painted (gpointer data)
{
  return ((FirstFrame *) data)->frames >= 2;
}

static gboolean
card_bound (gpointer data)
{
  FirstFrame *first = data;
  g_autoptr(GPtrArray) cards = ssv_poster_grid_dup_bound_cards (SSV_POSTER_GRID (first->grid));

  for (guint i = 0; i < cards->len; i++)
    if (g_str_equal (ssv_poster_card_get_title (g_ptr_array_index (cards, i)), "Title 239"))
      return TRUE;

  return FALSE;
}

/* GtkGridView binds 30 rows of cards, some 150 here, where 15 show. The first frame
 * draws those of the first screen alone; the others come right after it, and every
 * item is there to scroll to. */
static void
test_first_frame_first_screen (void)
{
  g_autoptr(GListStore) items = g_list_store_new (SSV_TYPE_SEASON);
  GtkWidget *window = gtk_window_new ();
  FirstFrame first = { NULL, 0, 0 };
  GtkAdjustment *adjustment;
  guint n_view;

  for (guint i = 0; i < 240; i++)
    {
      g_autofree char *title = g_strdup_printf ("Title %u", i);
      g_autoptr(SsvSeason) season = g_object_new (SSV_TYPE_SEASON, "title", title, NULL);

      g_list_store_append (items, season);
    }

  first.grid = ssv_poster_grid_new (NULL);
  ssv_poster_grid_set_model (SSV_POSTER_GRID (first.grid), G_LIST_MODEL (items));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), first.grid);
  g_signal_connect (window, "realize", G_CALLBACK (grid_realized_cb), &first);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (ssv_test_wait_for (frames_painted, &first, 20000));
  ssv_ui_test_iterate (200);
  n_view = gtk_grid_view_get_max_columns (ssv_poster_grid_get_grid_view (SSV_POSTER_GRID (first.grid))) *
           (600 / SSV_POSTER_HEIGHT + 1);
  g_test_message ("first frame: %u cards", first.first_bound);
  g_assert_cmpuint (first.first_bound, >, 0);
  g_assert_cmpuint (first.first_bound, <=, n_view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (
                      ssv_poster_grid_get_grid_view (SSV_POSTER_GRID (first.grid))))), ==, 240);

  adjustment = ssv_poster_grid_get_vadjustment (SSV_POSTER_GRID (first.grid));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_true (ssv_test_wait_for (card_bound, &first, 20000));

  gtk_window_destroy (GTK_WINDOW (window));
  ssv_ui_test_iterate (50);
}

int
main (int    argc,
      char **argv)
{
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-texture-XXXXXX", NULL);

  g_test_add_func ("/ui/texture-loader/scaled-to-shown-height", test_scaled_to_shown_height);
  g_test_add_func ("/ui/texture-loader/absurd-sizes-refused", test_absurd_sizes_refused);
  g_test_add_func ("/ui/texture-loader/not-an-image", test_not_an_image);
  g_test_add_func ("/ui/texture-loader/stopped-or-gone-is-quiet", test_stopped_or_gone_is_quiet);
  g_test_add_func ("/ui/texture-loader/cache-size-preference", test_cache_size_preference);
  g_test_add_func ("/ui/poster-card/hidden-card-drops-its-load", test_hidden_card_drops_its_load);
  g_test_add_func ("/ui/texture-loader/hold-queued", test_hold_queued);
  g_test_add_func ("/ui/texture-loader/page-switch-releases", test_page_switch_releases);
  g_test_add_func ("/ui/texture-loader/hold-all", test_hold_all);
  g_test_add_func ("/ui/window/start-images-wait-for-a-frame", test_start_waits_for_a_frame);
  g_test_add_func ("/ui/poster-grid/far-cards-let-go", test_far_cards_let_go);
  g_test_add_func ("/ui/poster-grid/first-frame-first-screen", test_first_frame_first_screen);

  result = g_test_run ();

  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
