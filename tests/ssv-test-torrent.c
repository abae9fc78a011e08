/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-test-torrent.c: writes .torrent files for tests (a bencode writer apart from the reader it tests). */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ssv-test-torrent.h"

/* xorshift32: the same bytes for the same seed on every machine. */
GBytes *
ssv_test_payload (gsize   size,
                  guint32 seed)
{
  guint8 *data = g_malloc (size);
  guint32 state = seed ? seed : 0x9e3779b9u;

  for (gsize i = 0; i < size; i++)
    {
      state ^= state << 13;
      state ^= state >> 17;
      state ^= state << 5;
      data[i] = (guint8) (state >> 24);
    }

  return g_bytes_new_take (data, size);
}

static void
put_string (GString    *out,
            const char *text,
            gsize       length)
{
  g_string_append_printf (out, "%" G_GSIZE_FORMAT ":", length);
  g_string_append_len (out, text, (gssize) length);
}

static void
put_text (GString    *out,
          const char *text)
{
  put_string (out, text, strlen (text));
}

static void
put_int (GString *out,
         gint64   value)
{
  g_string_append_printf (out, "i%" G_GINT64_FORMAT "e", value);
}

/* Each file's bytes, one payload per file, seeds counted from @seed. */
static GBytes *
file_payload (guint32 seed,
              guint   index,
              gsize   size)
{
  return ssv_test_payload (size, seed + index * 7919u);
}

/**
 * ssv_test_torrent_new:
 * @files: one file with a NULL path for a single-file torrent named @name
 * @info_out: (out) (optional): the bencoded info dictionary alone
 *
 * Returns: (transfer full): a .torrent for the payloads ssv_test_payload()
 *   makes from @seed, with no tracker, keys in the order bencode wants
 */
GBytes *
ssv_test_torrent_new (const char               *name,
                      const SsvTestTorrentFile *files,
                      guint                     n_files,
                      gsize                     piece_length,
                      guint32                   seed,
                      GBytes                  **info_out)
{
  g_autoptr(GByteArray) all = g_byte_array_new ();
  g_autoptr(GString) pieces = g_string_new (NULL);
  g_autoptr(GString) info = g_string_new ("d");
  GString *torrent = g_string_new ("d");
  gboolean single = n_files == 1 && files[0].path == NULL;
  gsize length;

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GBytes) payload = file_payload (seed, i, files[i].size);
      gsize size;
      const guint8 *data = g_bytes_get_data (payload, &size);

      g_byte_array_append (all, data, (guint) size);
    }

  for (gsize offset = 0; offset < all->len; offset += piece_length)
    {
      g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
      guint8 digest[20];
      gsize digest_len = sizeof digest;

      g_checksum_update (sha1, all->data + offset, (gssize) MIN (piece_length, all->len - offset));
      g_checksum_get_digest (sha1, digest, &digest_len);
      g_string_append_len (pieces, (const char *) digest, 20);
    }

  /* Keys sorted: files|length, name, piece length, pieces. */
  if (single)
    {
      put_text (info, "length");
      put_int (info, (gint64) files[0].size);
    }
  else
    {
      put_text (info, "files");
      g_string_append_c (info, 'l');
      for (guint i = 0; i < n_files; i++)
        {
          g_auto(GStrv) parts = g_strsplit (files[i].path, "/", -1);

          g_string_append_c (info, 'd');
          put_text (info, "length");
          put_int (info, (gint64) files[i].size);
          put_text (info, "path");
          g_string_append_c (info, 'l');
          for (guint p = 0; parts[p] != NULL; p++)
            put_text (info, parts[p]);
          g_string_append (info, "ee");
        }
      g_string_append_c (info, 'e');
    }
  put_text (info, "name");
  put_text (info, name);
  put_text (info, "piece length");
  put_int (info, (gint64) piece_length);
  put_text (info, "pieces");
  put_string (info, pieces->str, pieces->len);
  g_string_append_c (info, 'e');

  put_text (torrent, "created by");
  put_text (torrent, "SoulSync Video tests");
  put_text (torrent, "info");
  g_string_append_len (torrent, info->str, (gssize) info->len);
  g_string_append_c (torrent, 'e');

  if (info_out != NULL)
    *info_out = g_bytes_new (info->str, info->len);

  length = torrent->len;
  return g_bytes_new_take (g_string_free (torrent, FALSE), length);
}

/* Writes the payload of ssv_test_torrent_new() where a client expects it:
 * @folder/@name for one file, @folder/@name/<path> for several. */
gboolean
ssv_test_torrent_write_payload (const char               *folder,
                                const char               *name,
                                const SsvTestTorrentFile *files,
                                guint                     n_files,
                                guint32                   seed,
                                GError                  **error)
{
  gboolean single = n_files == 1 && files[0].path == NULL;

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GBytes) payload = file_payload (seed, i, files[i].size);
      g_autofree char *path = single ? g_build_filename (folder, name, NULL)
                                     : g_build_filename (folder, name, files[i].path, NULL);
      g_autofree char *dir = g_path_get_dirname (path);
      gsize size;
      const char *data = g_bytes_get_data (payload, &size);

      if (g_mkdir_with_parents (dir, 0755) != 0)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       "cannot create %s", dir);
          return FALSE;
        }
      if (!g_file_set_contents (path, data ? data : "", (gssize) size, error))
        return FALSE;
    }

  return TRUE;
}

/* 40 random hex digits: a torrent nobody has, for magnets that stay waiting. */
char *
ssv_test_random_infohash (void)
{
  GString *hash = g_string_sized_new (40);

  for (guint i = 0; i < 5; i++)
    g_string_append_printf (hash, "%08x", g_random_int ());
  return g_string_free (hash, FALSE);
}
