/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bencode.c: the .torrent and magnet reader: infohashes, files, and every way a file can be bad. */

#include "config.h"

#include <string.h>

#include "downloads/ssv-bencode.h"
#include "ssv-error.h"
#include "ssv-test-torrent.h"
#include "ssv-test-utils.h"

/* A one-file torrent written by hand; its infohash computed apart (Python's hashlib). */
static const char hello_torrent[] =
  "d8:announce28:http://tracker.test/announce4:info"
  "d6:lengthi12e4:name9:hello.txt12:piece lengthi16384e6:pieces20:"
  "\x22\x59\x63\x63\xb3\xde\x40\xb0\x6f\x98\x1f\xb8\x5d\x82\x31\x2e\x8c\x0e\xd5\x11"
  "ee";
#define HELLO_INFOHASH "7b5e918f364908afab937ecdd84059dfb61102b7"

/* Three files, one of them a BEP 47 padding file, a UTF-8 name, private. */
static const char pack_torrent[] =
  "d4:info"
  "d5:files"
  "ld6:lengthi5e4:pathl6:Sample10:sample.mkveed4:attr1:p6:lengthi3e4:pathl4:.pad1:3ee"
  "d6:lengthi8e4:pathl9:setup.exeeee"
  "4:name4:Pack10:name.utf-810:Pack \xc3\xa9t\xc3\xa9"
  "12:piece lengthi16e6:pieces20:"
  "\xa7\xa7\xc2\xe9\x11\xa4\x7b\x96\x7d\x34\xb5\xa8\x80\x7c\x04\x0e\x9d\x16\x78\x15"
  "7:privatei1ee"
  "e";
#define PACK_INFOHASH "e10931201f0fc948bab037822ee504130eceee9e"

static SsvTorrentInfo *
parse_literal (const char  *text,
               gsize        length,
               GError     **error)
{
  return ssv_torrent_info_parse ((const guint8 *) text, length, error);
}

static void
test_single_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTorrentInfo) info = parse_literal (hello_torrent, sizeof hello_torrent - 1, &error);
  SsvTorrentEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpstr (info->infohash, ==, HELLO_INFOHASH);
  g_assert_cmpstr (info->name, ==, "hello.txt");
  g_assert_false (info->multi_file);
  g_assert_false (info->is_private);
  g_assert_cmpint (info->total_size, ==, 12);
  g_assert_cmpint (info->piece_length, ==, 16384);
  g_assert_cmpuint (info->n_pieces, ==, 1);
  g_assert_cmpuint (info->files->len, ==, 1);
  entry = g_ptr_array_index (info->files, 0);
  g_assert_cmpstr (entry->path, ==, "hello.txt");
  g_assert_cmpint (entry->size, ==, 12);
  g_assert_cmpuint (info->trackers->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (info->trackers, 0), ==, "http://tracker.test/announce");
}

static void
test_multi_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTorrentInfo) info = parse_literal (pack_torrent, sizeof pack_torrent - 1, &error);
  SsvTorrentEntry *first, *second;

  g_assert_no_error (error);
  g_assert_cmpstr (info->infohash, ==, PACK_INFOHASH);
  /* name.utf-8 wins over name; the padding file is left out. */
  g_assert_cmpstr (info->name, ==, "Pack \xc3\xa9t\xc3\xa9");
  g_assert_true (info->multi_file);
  g_assert_true (info->is_private);
  g_assert_cmpuint (info->files->len, ==, 2);
  first = g_ptr_array_index (info->files, 0);
  second = g_ptr_array_index (info->files, 1);
  g_assert_cmpstr (first->path, ==, "Sample/sample.mkv");
  g_assert_cmpint (first->size, ==, 5);
  g_assert_cmpstr (second->path, ==, "setup.exe");
  g_assert_cmpint (second->size, ==, 8);
  g_assert_cmpint (info->total_size, ==, 13);
  g_assert_cmpuint (info->trackers->len, ==, 0);
}

/* The test writer and the reader agree, and the hash is the SHA-1 of the info dict. */
static void
test_generated (void)
{
  static const SsvTestTorrentFile files[] = {
    { "Movie.2024.1080p.mkv", 100000 },
    { "Subs/English.srt", 2000 },
    { "Movie.nfo", 123 },
  };
  g_autoptr(GBytes) info_bytes = NULL;
  g_autoptr(GBytes) torrent = ssv_test_torrent_new ("Movie.2024", files, G_N_ELEMENTS (files),
                                                    32768, 7, &info_bytes);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTorrentInfo) info = ssv_torrent_info_parse_bytes (torrent, &error);
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, info_bytes);

  g_assert_no_error (error);
  g_assert_cmpstr (info->infohash, ==, expected);
  g_assert_cmpuint (info->files->len, ==, 3);
  g_assert_cmpstr (((SsvTorrentEntry *) g_ptr_array_index (info->files, 1))->path, ==,
                   "Subs/English.srt");
  g_assert_cmpint (info->total_size, ==, 102123);
  g_assert_cmpuint (info->n_pieces, ==, 4);
}

static void
assert_rejected (const char *text,
                 gssize      length,
                 int         code,
                 const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTorrentInfo) info = NULL;

  info = parse_literal (text, length < 0 ? strlen (text) : (gsize) length, &error);
  g_assert_null (info);
  g_assert_error (error, SSV_ERROR, code);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
test_not_bencode (void)
{
  assert_rejected ("", 0, SSV_ERROR_MALFORMED, "empty");
  assert_rejected ("  <!DOCTYPE html><html><body>Login</body></html>", -1, SSV_ERROR_MALFORMED,
                   "web page");
  assert_rejected ("{\"error\":\"Invalid API key\"}", -1, SSV_ERROR_MALFORMED, "not a torrent");
  assert_rejected ("d4:infoi01ee", -1, SSV_ERROR_MALFORMED, "leading zeros");
  assert_rejected ("d4:infoi-0ee", -1, SSV_ERROR_MALFORMED, "negative zero");
  assert_rejected ("d4:info99:shorte", -1, SSV_ERROR_MALFORMED, "past the end");
  assert_rejected ("di1e4:infoe", -1, SSV_ERROR_MALFORMED, "key is not a string");
  assert_rejected ("d4:infoi99999999999999999999ee", -1, SSV_ERROR_MALFORMED, "too large");
  assert_rejected ("d4:infodeexxx", -1, SSV_ERROR_MALFORMED, "not a torrent");
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) deep = g_string_new ("d4:info");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, 'l');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, 'e');
  g_string_append_c (deep, 'e');

  assert_rejected (deep->str, (gssize) deep->len, SSV_ERROR_MALFORMED, "nested too deeply");
}

/* Every prefix of a valid torrent is refused cleanly (the sanitizers watch the reads). */
static void
test_every_prefix (void)
{
  for (gsize length = 0; length < sizeof pack_torrent - 1; length++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *copy = g_memdup2 (pack_torrent, length ? length : 1);
      g_autoptr(SsvTorrentInfo) info = parse_literal (copy, length, &error);

      g_assert_null (info);
      g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
    }
}

static void
test_damaged (void)
{
  /* No info dictionary, pieces cut, piece count against size, no name, no files. */
  assert_rejected ("d8:announce3:urle", -1, SSV_ERROR_MALFORMED, "no info dictionary");
  assert_rejected ("d4:infod6:lengthi12e4:name1:a12:piece lengthi16e6:pieces3:abcee", -1,
                   SSV_ERROR_MALFORMED, "piece hashes");
  assert_rejected ("d4:infod6:lengthi100e4:name1:a12:piece lengthi16e6:pieces20:"
                   "aaaaaaaaaaaaaaaaaaaaee", -1, SSV_ERROR_MALFORMED, "number of pieces");
  assert_rejected ("d4:infod6:lengthi12e12:piece lengthi16e6:pieces20:aaaaaaaaaaaaaaaaaaaaee",
                   -1, SSV_ERROR_MALFORMED, "no name");
  assert_rejected ("d4:infod4:name1:a12:piece lengthi16e6:pieces0:ee", -1, SSV_ERROR_MALFORMED,
                   "no files");
  assert_rejected ("d4:infod6:lengthi-5e4:name1:a12:piece lengthi16e6:pieces0:ee", -1,
                   SSV_ERROR_MALFORMED, "negative size");
}

static void
test_unsafe_paths (void)
{
  assert_rejected ("d4:infod5:filesld6:lengthi1e4:pathl2:..6:passwdeee4:name1:a"
                   "12:piece lengthi16e6:pieces20:aaaaaaaaaaaaaaaaaaaaee", -1,
                   SSV_ERROR_REFUSED, "outside");
  assert_rejected ("d4:infod5:filesld6:lengthi1e4:pathl5:a/b/ceee4:name1:a"
                   "12:piece lengthi16e6:pieces20:aaaaaaaaaaaaaaaaaaaaee", -1,
                   SSV_ERROR_REFUSED, "outside");
  assert_rejected ("d4:infod6:lengthi1e4:name2:..12:piece lengthi16e6:pieces20:"
                   "aaaaaaaaaaaaaaaaaaaaee", -1, SSV_ERROR_REFUSED, "outside");
}

static void
test_v2_only (void)
{
  assert_rejected ("d4:infod9:file treede12:meta versioni2e4:name1:a12:piece lengthi16384eee",
                   -1, SSV_ERROR_INVALID, "v2");
}

static void
test_magnets (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *from_base32 = NULL;

  hash = ssv_magnet_parse_infohash ("magnet:?xt=urn:btih:0123456789ABCDEF0123456789ABCDEF01234567"
                                    "&dn=Some+Movie%202020%20%C3%A9&tr=udp%3A%2F%2Ft.test",
                                    &name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, ==, "0123456789abcdef0123456789abcdef01234567");
  g_assert_cmpstr (name, ==, "Some Movie 2020 \xc3\xa9");

  from_base32 = ssv_magnet_parse_infohash ("magnet:?dn=x&xt=urn:btih:AERUKZ4JVPG66AJDIVTYTK6N54ASGRLH",
                                           NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_base32, ==, "0123456789abcdef0123456789abcdef01234567");

  g_assert_null (ssv_magnet_parse_infohash ("http://example.test/x.torrent", NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ssv_magnet_parse_infohash ("magnet:?dn=nothing", NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no BitTorrent info-hash"));
  g_clear_error (&error);
  g_assert_null (ssv_magnet_parse_infohash ("magnet:?xt=urn:btih:0123", NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ssv_magnet_parse_infohash ("magnet:?xt=urn:btmh:1220abcdef", NULL, &error));
  g_assert_nonnull (strstr (error->message, "v2"));
  g_clear_error (&error);

  g_assert_true (ssv_infohash_is_valid (HELLO_INFOHASH));
  g_assert_false (ssv_infohash_is_valid ("7b5e918f364908afab937ecdd84059dfb61102b"));
  g_assert_false (ssv_infohash_is_valid ("zb5e918f364908afab937ecdd84059dfb61102b7"));
}

static void
test_magnet_of_torrent (void)
{
  g_autoptr(SsvTorrentInfo) info = parse_literal (hello_torrent, sizeof hello_torrent - 1, NULL);
  g_autofree char *magnet = ssv_torrent_info_dup_magnet (info);
  g_autofree char *name = NULL;
  g_autofree char *hash = ssv_magnet_parse_infohash (magnet, &name, NULL);

  g_assert_cmpstr (hash, ==, HELLO_INFOHASH);
  g_assert_cmpstr (name, ==, "hello.txt");
  g_assert_nonnull (strstr (magnet, "&tr=http%3A%2F%2Ftracker.test%2Fannounce"));
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/bencode/single-file", test_single_file);
  g_test_add_func ("/core/bencode/multi-file", test_multi_file);
  g_test_add_func ("/core/bencode/generated", test_generated);
  g_test_add_func ("/core/bencode/not-bencode", test_not_bencode);
  g_test_add_func ("/core/bencode/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/bencode/every-prefix", test_every_prefix);
  g_test_add_func ("/core/bencode/damaged", test_damaged);
  g_test_add_func ("/core/bencode/unsafe-paths", test_unsafe_paths);
  g_test_add_func ("/core/bencode/v2-only", test_v2_only);
  g_test_add_func ("/core/bencode/magnets", test_magnets);
  g_test_add_func ("/core/bencode/magnet-of-torrent", test_magnet_of_torrent);

  return g_test_run ();
}
