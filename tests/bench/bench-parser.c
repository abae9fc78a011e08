/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-parser.c: release names parsed per second on one core, over every corpus name,
 * and how many times faster than the faster npm peer on the same names (node needed). */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "downloads/ssv-release.h"
#include "ssv-test-utils.h"

#define SECONDS 3.0

static GPtrArray *
load_names (void)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (SSV_CORPUS_DIR, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *file;

  g_assert_nonnull (dir);
  while ((file = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_str_has_suffix (file, ".jsonl"))
        continue;
      path = g_build_filename (SSV_CORPUS_DIR, file, NULL);
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        {
          JsonObject *row;
          char *name;

          if (lines[i][0] == '\0' || !json_parser_load_from_data (parser, lines[i], -1, NULL))
            continue;
          row = json_node_get_object (json_parser_get_root (parser));
          /* one name per line for the peers' script */
          name = g_strdup (json_object_get_string_member (row, "name"));
          g_strdelimit (name, "\n\r", ' ');
          g_ptr_array_add (names, name);
        }
    }

  return names;
}

static double
ours_per_second (GPtrArray *names)
{
  SsvRelease r;
  guint64 count = 0;
  gint64 start;
  gint64 elapsed;
  guint sink = 0;

  /* warm the caches and build the word index */
  for (guint i = 0; i < names->len; i++)
    sink += ssv_release_parse (g_ptr_array_index (names, i), &r);

  start = g_get_monotonic_time ();
  do
    {
      for (guint i = 0; i < names->len; i++)
        sink += ssv_release_parse (g_ptr_array_index (names, i), &r);
      count += names->len;
      elapsed = g_get_monotonic_time () - start;
    }
  while (elapsed < SECONDS * G_USEC_PER_SEC);

  if (sink == 0)
    g_printerr ("no name parsed\n");
  return count / ((double) elapsed / G_USEC_PER_SEC);
}

/* The peers live in SSV_PEERS_DIR, or are installed once into the build folder. */
static char *
find_peers (char **why)
{
  const char *env = g_getenv ("SSV_PEERS_DIR");
  g_autofree char *dir = g_strdup (env ? env : SSV_BUILD_ROOT "/npm-peers");
  g_autofree char *probe = g_build_filename (dir, "node_modules", "parse-torrent-title", NULL);
  g_autofree char *npm = NULL;
  int status = 0;

  if (g_file_test (probe, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&dir);

  npm = g_find_program_in_path ("npm");
  if (npm == NULL)
    {
      *why = g_strdup ("npm is not installed and SSV_PEERS_DIR is not set");
      return NULL;
    }

  {
    const char *argv[] = {
      npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", dir,
      "@ctrl/video-filename-parser@5.4.1", "parse-torrent-title@3.0.1", NULL,
    };
    g_autoptr(GError) error = NULL;

    g_printerr ("installing the npm peers into %s\n", dir);
    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                       NULL, NULL, &status, &error) || !g_spawn_check_wait_status (status, NULL) ||
        !g_file_test (probe, G_FILE_TEST_IS_DIR))
      {
        *why = g_strdup_printf ("npm could not install the peers (%s)",
                                error ? error->message : "no network?");
        return NULL;
      }
  }

  return g_steal_pointer (&dir);
}

static double
fastest_peer_per_second (GPtrArray *names,
                         char     **why)
{
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *peers = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *names_file = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  char seconds[16];
  double best = 0;
  int status = 0;

  if (g_getenv ("SSV_BENCH_NO_PEERS") != NULL)
    {
      *why = g_strdup ("SSV_BENCH_NO_PEERS is set");
      return 0;
    }
  if (node == NULL)
    {
      *why = g_strdup ("node is not installed");
      return 0;
    }
  peers = find_peers (why);
  if (peers == NULL)
    return 0;

  tmp = ssv_test_make_temp_dir ();
  names_file = g_build_filename (tmp, "names.txt", NULL);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (all, "%s\n", (char *) g_ptr_array_index (names, i));
  g_assert_true (g_file_set_contents (names_file, all->str, all->len, NULL));
  g_snprintf (seconds, sizeof seconds, "%.0f", SECONDS);

  {
    const char *argv[] = {
      node, SSV_SOURCE_ROOT "/tests/bench/bench-peers.mjs", peers, names_file, seconds, NULL,
    };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                       &status, &error) || !g_spawn_check_wait_status (status, NULL))
      {
        *why = g_strdup_printf ("the peers' script failed (%s)", error ? error->message : "exit status");
        ssv_test_remove_tree (tmp);
        return 0;
      }
  }
  ssv_test_remove_tree (tmp);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char peer[32];
      double rate;

      if (sscanf (lines[i], "PEER %31s %lf", peer, &rate) == 2)
        {
          g_print ("BENCH parser.peer_%s_names_per_s %.0f names/s\n", peer, rate);
          best = MAX (best, rate);
        }
    }

  if (best <= 0)
    *why = g_strdup ("the peers' script printed no rates");
  return best;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) names = load_names ();
  g_autofree char *why = NULL;
  double ours;
  double peer;

  g_print ("# %u names from %s\n", names->len, SSV_CORPUS_DIR);
  ours = ours_per_second (names);
  g_print ("BENCH parser.names_per_s %.0f names/s\n", ours);

  peer = fastest_peer_per_second (names, &why);
  if (peer > 0)
    g_print ("BENCH parser.ratio_vs_fastest_peer %.1f x\n", ours / peer);
  else
    g_print ("# parser.ratio_vs_fastest_peer skipped: %s\n", why);

  return 0;
}
