/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-replay.c: runs a fuzz target without libFuzzer, for every build: each file of
 * the given folders whole, cut short, and with bytes changed (a fixed sequence), so
 * CI's plain and sanitizer builds check the parsers on broken answers too. */

#include "config.h"

#include <stdint.h>
#include <string.h>
#include <gio/gio.h>

#define CUTS       24
#define MUTATIONS  200

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static guint runs;

static void
run (const guint8 *data,
     gsize         size)
{
  /* A private copy, so reads past the end are caught by the sanitizers. */
  g_autofree guint8 *copy = g_memdup2 (data, size);

  LLVMFuzzerTestOneInput (copy, size);
  runs++;
}

static void
replay_file (const char *path)
{
  static const char replacements[] = "{}[]\",:0-9.eEnulltrufas \\\"\x00\xff<>/=&;!-";
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  gsize size;

  if (!g_file_get_contents (path, &contents, &size, &error))
    g_error ("%s", error->message);

  run ((const guint8 *) contents, size);

  for (guint i = 1; i <= CUTS && size > 0; i++)
    run ((const guint8 *) contents, size * i / (CUTS + 1));

  for (guint i = 0; i < MUTATIONS && size > 0; i++)
    {
      g_autofree guint8 *mutated = g_memdup2 (contents, size);
      guint changes = g_rand_int_range (rand, 1, 6);

      for (guint c = 0; c < changes; c++)
        mutated[g_rand_int_range (rand, 0, (gint32) size)] =
          replacements[g_rand_int_range (rand, 0, sizeof replacements - 1)];
      run (mutated, size);
    }
}

static void
replay_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      replay_file (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".txt") ||
          g_str_has_suffix (name, ".torrent") || g_str_has_suffix (name, ".nzb") || g_file_test (child, G_FILE_TEST_IS_DIR))
        replay_dir (child);
    }
}

int
main (int    argc,
      char **argv)
{
  static const char * const odd[] = {
    "", "null", "0", "\"text\"", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]", "{\"id\":null}",
    "{\"data\":[],\"status\":\"success\"}", "{\"Response\":\"False\"}", "{\"results\":[{}]}",
    "<rss><channel><item/></channel></rss>", "<caps><searching/></caps>", "<error code=\"x\"/>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    run ((const guint8 *) odd[i], strlen (odd[i]));

  for (int i = 1; i < argc; i++)
    replay_dir (argv[i]);

  /* TAP, for meson. */
  g_print ("1..1\nok 1 - %u inputs, none crashed\n", runs);
  return 0;
}
