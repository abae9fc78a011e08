/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json-cursor.c: the pull reader behind Jellyfin pages: values, escapes, skipping, and
 * malformed or mutated input that must end in an error, never in a crash or a hang. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ssv-error.h"
#include "ssv-fake-server.h"
#include "sources/ssv-jellyfin-source.h"
#include "sources/ssv-json-cursor.h"
#include "ssv-test-utils.h"

static void
test_values (void)
{
  const char *json = "{ \"name\": \"Am\\u00e9lie \\\"2\\\"\\n\", \"year\": 2001, \"rating\": 7.5,"
                     " \"played\": true, \"count\": \"12\", \"none\": null, \"skip\": {\"a\": [1, {\"b\": []}]},"
                     " \"list\": [\"x\", \"y\"], \"smile\": \"\\ud83d\\ude00\", \"lone\": \"\\ud83d!\" }";
  SsvJsonCursor c;
  g_autofree char *name = NULL;
  g_autofree char *smile = NULL;
  g_autofree char *lone = NULL;
  gint64 year = 0, count = 0;
  double rating = 0;
  gboolean played = FALSE, saw_null = FALSE;
  guint list = 0;
  const char *key;

  ssv_json_cursor_init (&c, json, strlen (json));
  g_assert_true (ssv_json_cursor_enter_object (&c));
  while ((key = ssv_json_cursor_next_member (&c)) != NULL)
    {
      if (g_str_equal (key, "name"))
        name = ssv_json_cursor_dup_string (&c);
      else if (g_str_equal (key, "year"))
        year = ssv_json_cursor_read_int (&c, -1);
      else if (g_str_equal (key, "rating"))
        rating = ssv_json_cursor_read_double (&c);
      else if (g_str_equal (key, "played"))
        played = ssv_json_cursor_read_bool (&c);
      else if (g_str_equal (key, "count"))
        count = ssv_json_cursor_read_int (&c, -1);
      else if (g_str_equal (key, "none"))
        saw_null = ssv_json_cursor_is_null (&c);
      else if (g_str_equal (key, "list"))
        {
          g_assert_true (ssv_json_cursor_enter_array (&c));
          while (ssv_json_cursor_next_element (&c))
            {
              g_autofree char *element = ssv_json_cursor_dup_string (&c);
              g_assert_nonnull (element);
              list++;
            }
        }
      else if (g_str_equal (key, "smile"))
        smile = ssv_json_cursor_dup_string (&c);
      else if (g_str_equal (key, "lone"))
        lone = ssv_json_cursor_dup_string (&c);
      else
        ssv_json_cursor_skip (&c);
    }

  g_assert_true (ssv_json_cursor_finish (&c, "Test", NULL));
  ssv_json_cursor_clear (&c);

  g_assert_cmpstr (name, ==, "Amélie \"2\"\n");
  g_assert_cmpint (year, ==, 2001);
  g_assert_cmpfloat_with_epsilon (rating, 7.5, 0.0001);
  g_assert_true (played);
  g_assert_cmpint (count, ==, 12);
  g_assert_true (saw_null);
  g_assert_cmpuint (list, ==, 2);
  g_assert_cmpstr (smile, ==, "😀");
  g_assert_cmpstr (lone, ==, "\xef\xbf\xbd!");
}

static void
test_malformed (void)
{
  const char *bad[] = {
    "{\"a\": \"unterminated",
    "{\"a\": \"bad escape \\q\"}",
    "{\"a\": \"tab\there\"}",
    "{\"a\": \"\xff\xfe not utf-8\"}",
    "{\"a\" 1}",
    "{\"a\": tru}",
    "{\"a\": [1, 2",
    "{\"a\": <<<}",
    "{\"results\": [ {\"id\": 1, <<< not json",
    "",
    "{\"a\": \"\\u12\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      SsvJsonCursor c;
      const char *key;

      g_test_message ("malformed case %u", i);
      ssv_json_cursor_init (&c, bad[i], strlen (bad[i]));
      if (ssv_json_cursor_enter_object (&c))
        while ((key = ssv_json_cursor_next_member (&c)) != NULL)
          ssv_json_cursor_skip (&c);
      g_assert_false (ssv_json_cursor_finish (&c, "Test", &error));
      g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
      g_assert_nonnull (strstr (error->message, "Test sent an answer that could not be read"));
      ssv_json_cursor_clear (&c);
    }
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"a\":");
  g_autoptr(GError) error = NULL;
  SsvJsonCursor c;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');

  ssv_json_cursor_init (&c, deep->str, deep->len);
  g_assert_true (ssv_json_cursor_enter_object (&c));
  g_assert_nonnull (ssv_json_cursor_next_member (&c));
  ssv_json_cursor_skip (&c);
  g_assert_false (ssv_json_cursor_finish (&c, "Test", &error));
  g_assert_nonnull (strstr (error->message, "too deeply nested"));
  ssv_json_cursor_clear (&c);
}

/* The recorded movie parses to the same facts the scanner tests check. */
static void
test_jellyfin_item (void)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load ("jellyfin/mediux_get-movie.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvMediaItem) item = NULL;
  g_autofree char *first = NULL;
  JsonArray *items;

  /* The recording is a page; its first item, as text. */
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), &error));
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "Items");
  first = json_to_string (json_array_get_element (items, 0), FALSE);
  item = ssv_jellyfin_parse_item (first, -1, "http://jf:8096", &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  g_assert_null (item->problem);
  g_assert_cmpint (item->kind, ==, SSV_MEDIA_KIND_MOVIE);
  g_assert_nonnull (item->title);
  g_assert_cmpstr (item->title, ==, "Kiki's Delivery Service");
  g_assert_cmpint (item->year, ==, 1989);
  g_assert_cmpint (item->tmdb_id, ==, 16859);
  g_assert_cmpstr (item->imdb_id, ==, "tt0097814");
  g_assert_cmpint (item->runtime_minutes, ==, 103);
  g_assert_true (g_str_has_prefix (item->poster_url, "http://jf:8096/Items/"));
}

/* The page reader's items of @json, or -1 when it refused the page. Every item
 * it gives is one the scanner can store, or one with its problem said. */
static gint64
read_page_items (const char *json,
                 gsize       length)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_item_free);
  g_autoptr(GError) error = NULL;
  gint64 total = 0;

  if (!ssv_jellyfin_parse_page (json, length, "http://jf", items, &total, &error))
    {
      g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
      return -1;
    }

  for (guint i = 0; i < items->len; i++)
    {
      SsvMediaItem *item = g_ptr_array_index (items, i);

      if (item->problem == NULL)
        {
          g_assert_nonnull (item->server_id);
          g_assert_nonnull (item->title);
          g_assert_cmpint (item->episode_number_end - item->episode_number, <, SSV_MAX_EPISODES_PER_FILE);
        }
    }

  return items->len;
}

/* Changes 1 to 7 bytes of @copy (or cuts it short); returns the new length. */
static gsize
mutate (GRand *rand,
        char  *copy,
        gsize  length)
{
  guint edits = g_rand_int_range (rand, 1, 8);

  for (guint e = 0; e < edits && length > 0; e++)
    {
      gsize at = g_rand_int_range (rand, 0, (gint32) length);

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          copy[at] = (char) g_rand_int_range (rand, 0, 256);
          break;
        case 1:
          length = at;
          break;
        default:
          copy[at] = "{}[]\",:\\"[g_rand_int_range (rand, 0, 8)];
          break;
        }
    }

  return length;
}

/* Flipped, dropped and repeated bytes of real answers, through the reader each
 * answer really goes through (pages through the page reader, an item through
 * the item reader): an error or items, never a crash. */
static void
test_mutations (void)
{
  const struct { const char *fixture; gboolean page; } inputs[] = {
    { "jellyfin/mediux_list-movies.json", TRUE },
    { "jellyfin/mediux_list-episodes.json", TRUE },
    { "jellyfin/mediux_list-shows.json", TRUE },
    { "jellyfin/item_movie.ha-stub.json", FALSE },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  guint errors = 0, pages_read = 0, several = 0, items_read = 0;

  for (guint f = 0; f < G_N_ELEMENTS (inputs); f++)
    {
      g_autoptr(GBytes) bytes = ssv_fixture_load (inputs[f].fixture);
      gsize size = g_bytes_get_size (bytes);

      /* Whole, a page is read as the items it holds, not as one. */
      if (inputs[f].page)
        g_assert_cmpint (read_page_items (g_bytes_get_data (bytes, NULL), size), >, 1);

      for (guint round = 0; round < 400; round++)
        {
          g_autofree char *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
          gsize length = mutate (rand, copy, size);
          g_autoptr(GError) error = NULL;
          g_autoptr(SsvMediaItem) item = NULL;
          gint64 n;

          if (length == size && memcmp (copy, g_bytes_get_data (bytes, NULL), size) == 0)
            continue;

          if (inputs[f].page)
            {
              n = read_page_items (copy, length);
              errors += n < 0;
              pages_read += n >= 0;
              several += n > 1;
              continue;
            }

          item = ssv_jellyfin_parse_item (copy, (gssize) length, "http://jf", &error);
          if (item == NULL)
            {
              g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
              errors++;
            }
          else
            items_read++;
        }
    }

  g_test_message ("%u mutated answers rejected, %u pages read (%u of several items), %u items read",
                  errors, pages_read, several, items_read);
  g_assert_cmpuint (errors, >, 0);
  g_assert_cmpuint (several, >, 0);
  g_assert_cmpuint (items_read, >, 0);
}

/* Numbers no gint64 holds read as the fallback: a cast of 1e300 is undefined. */
static void
test_number_overflow (void)
{
  const char *json = "[1e300, -1e300, 9.3e18, -9.3e18, 12.9, 1E3, \"1e300\", 9223372036854775807, "
                     "99999999999999999999, 1e999]";
  const gint64 expected[] = { -7, -7, -7, -7, 12, 1000, -7, G_MAXINT64, G_MAXINT64, -7 };
  SsvJsonCursor c;
  guint i = 0;

  ssv_json_cursor_init (&c, json, strlen (json));
  g_assert_true (ssv_json_cursor_enter_array (&c));
  while (ssv_json_cursor_next_element (&c))
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (expected));
      g_assert_cmpint (ssv_json_cursor_read_int (&c, -7), ==, expected[i]);
      i++;
    }
  g_assert_true (ssv_json_cursor_finish (&c, "Test", NULL));
  ssv_json_cursor_clear (&c);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected));
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/json-cursor/values", test_values);
  g_test_add_func ("/json-cursor/malformed", test_malformed);
  g_test_add_func ("/json-cursor/deep-nesting", test_deep_nesting);
  g_test_add_func ("/json-cursor/jellyfin-item", test_jellyfin_item);
  g_test_add_func ("/json-cursor/mutations", test_mutations);
  g_test_add_func ("/json-cursor/number-overflow", test_number_overflow);

  return g_test_run ();
}
