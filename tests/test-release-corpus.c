/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-release-corpus.c: the parser against thousands of real names, per field, with a
 * ratchet: accuracy may rise, never fall below tests/release-ratchet.txt. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "downloads/ssv-release.h"
#include "ssv-test-utils.h"

/*
 * Values are normalised as ../shared/tools/score_parsers.py does (corpus_common.py's
 * tables for resolution, source and codec; titles compared without case and
 * punctuation), plus one table of ours for audio codecs, because every corpus writes
 * them differently ("Dolby Digital", "dd", "AC3", "DD5.1"): they are compared as
 * families, Atmos left out. A row whose expectation says `parsed: false` is only
 * scored on being rejected.
 */

#define RATCHET_FILE SSV_SOURCE_ROOT "/tests/release-ratchet.txt"

static const char *const fields[] = {
  "title", "title_exact", "year", "season", "episode", "absolute_episode", "air_date",
  "resolution", "source", "video_codec", "audio_codec", "release_group", "container", "type",
  "modifier", "revision_version", "full_season", "parsed",
};

typedef struct
{
  char *corpus;
  char *path;
} CorpusCase;

typedef struct
{
  int ok;
  int n;
} Score;

/* ---------------------------------------------------------------------- */
/* Normalisation */

static char *
compact (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s; s++)
    if (!strchr (" ._-", *s))
      g_string_append_c (out, *s);
  return g_string_free (out, FALSE);
}

static const char *const loose_source[][2] = {
  { "bluray", "bluray" }, { "blu-ray", "bluray" }, { "brrip", "bluray" }, { "bdrip", "bluray" },
  { "bdremux", "bluray" }, { "bdmux", "bluray" }, { "brmux", "bluray" }, { "bd", "bluray" },
  { "hddvd", "hddvd" }, { "web-dl", "webdl" }, { "webdl", "webdl" }, { "web", "webdl" },
  { "webmux", "webrip" }, { "dlmux", "webdl" }, { "webrip", "webrip" }, { "web-rip", "webrip" },
  { "hdtv", "tv" }, { "tvrip", "tv" }, { "hdtvrip", "tv" }, { "pdtv", "tv" }, { "sdtv", "tv" },
  { "dsr", "tv" }, { "tv", "tv" }, { "dvdrip", "dvd" }, { "dvd", "dvd" }, { "dvdr", "dvd" },
  { "dvd-r", "dvd" }, { "cam", "cam" }, { "hdcam", "cam" }, { "hd-cam", "cam" }, { "camrip", "cam" },
  { "telesync", "telesync" }, { "ts", "telesync" }, { "hdts", "telesync" }, { "telecine", "telecine" },
  { "tc", "telecine" }, { "workprint", "workprint" }, { "dvdscr", "screener" },
  { "screener", "screener" }, { "scr", "screener" }, { "ppv", "ppv" }, { "ppvrip", "ppv" },
};

static const char *const extra_compact_source[][2] = {
  { "sat", "tv" }, { "ahdtv", "tv" }, { "hdtv", "tv" }, { "bluray", "bluray" }, { "br", "bluray" },
  { "usbd", "bluray" }, { "hdrip", "hdrip" },
};

static const char *
compact_source (const char *c)
{
  for (guint k = 0; k < G_N_ELEMENTS (extra_compact_source); k++)
    if (strcmp (c, extra_compact_source[k][0]) == 0)
      return extra_compact_source[k][1];
  for (guint k = 0; k < G_N_ELEMENTS (loose_source); k++)
    {
      g_autofree char *key = compact (loose_source[k][0]);

      if (strcmp (c, key) == 0)
        return loose_source[k][1];
    }
  return NULL;
}

static char *
norm_source (const char *v)
{
  g_autofree char *s = g_strstrip (g_ascii_strdown (v, -1));
  g_autofree char *c = NULL;
  const char *m;

  for (guint k = 0; k < G_N_ELEMENTS (loose_source); k++)
    if (strcmp (s, loose_source[k][0]) == 0)
      return g_strdup (loose_source[k][1]);
  c = compact (s);
  if ((m = compact_source (c)) != NULL)
    return g_strdup (m);
  for (guint k = 0; k < 2; k++)
    {
      const char *suffix = k == 0 ? "mux" : "rip";

      if (g_str_has_suffix (c, suffix))
        {
          g_autofree char *stem = g_strndup (c, strlen (c) - 3);

          if ((m = compact_source (stem)) != NULL)
            return g_strdup (m);
        }
    }
  return g_steal_pointer (&s);
}

static const char *const codec_map[][2] = {
  { "h.264", "h264" }, { "h264", "h264" }, { "x264", "h264" }, { "avc", "h264" }, { "h 264", "h264" },
  { "h.265", "h265" }, { "h265", "h265" }, { "x265", "h265" }, { "hevc", "h265" }, { "h 265", "h265" },
  { "xvid", "xvid" }, { "divx", "divx" }, { "mpeg-2", "mpeg2" }, { "mpeg2", "mpeg2" },
  { "vc-1", "vc1" }, { "vc1", "vc1" }, { "av1", "av1" }, { "vp9", "vp9" }, { "vp8", "vp8" },
  { "vp7", "vp7" }, { "real video", "realvideo" }, { "h.263", "h263" },
};

static char *
norm_codec (const char *v)
{
  g_autofree char *s = g_strstrip (g_ascii_strdown (v, -1));
  g_autofree char *c = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (codec_map); k++)
    if (strcmp (s, codec_map[k][0]) == 0)
      return g_strdup (codec_map[k][1]);
  c = compact (s);
  for (guint k = 0; k < G_N_ELEMENTS (codec_map); k++)
    {
      g_autofree char *key = compact (codec_map[k][0]);

      if (strcmp (c, key) == 0)
        return g_strdup (codec_map[k][1]);
    }
  return g_steal_pointer (&s);
}

static char *
norm_audio (const char *v)
{
  /* Longest and most specific first: "dd+" before "dd", "dts-hd" before "dts" */
  static const struct { const char *prefix; const char *family; } families[] = {
    { "dolby digital plus", "eac3" }, { "dd+", "eac3" }, { "ddp", "eac3" }, { "eac3", "eac3" },
    { "e-ac-3", "eac3" },
    { "dts-hd", "dts-hd" }, { "dts hd", "dts-hd" }, { "dts.hd", "dts-hd" }, { "dtshd", "dts-hd" },
    { "dts-ma", "dts-hd" }, { "dtsma", "dts-hd" }, { "dts-hr", "dts-hd" },
    { "dts:x", "dts-x" }, { "dts-x", "dts-x" }, { "dtsx", "dts-x" }, { "dts", "dts" },
    { "dolby truehd", "truehd" }, { "truehd", "truehd" }, { "true-hd", "truehd" },
    { "dolby atmos", "atmos" }, { "atmos", "atmos" },
    { "dolby digital", "ac3" }, { "dd", "ac3" }, { "ac3", "ac3" }, { "ac-3", "ac3" }, { "dolby", "ac3" },
    { "aac", "aac" }, { "he-aac", "aac" }, { "flac", "flac" }, { "mp3", "mp3" }, { "mp2", "mp2" },
    { "opus", "opus" }, { "vorbis", "vorbis" }, { "ogg", "vorbis" }, { "lpcm", "lpcm" }, { "pcm", "pcm" },
  };
  g_autofree char *s = g_strstrip (g_ascii_strdown (v, -1));

  for (guint k = 0; k < G_N_ELEMENTS (families); k++)
    if (g_str_has_prefix (s, families[k].prefix))
      return g_strdup (families[k].family);
  return g_steal_pointer (&s);
}

static char *
norm_resolution (const char *v)
{
  g_autofree char *s = g_strstrip (g_ascii_strdown (v, -1));
  const char *p = s;
  int a = 0;
  int b = 0;
  int na = 0;
  int nb = 0;

  if (*p == 'r')
    p++;
  while (g_ascii_isdigit (*p))
    a = a * 10 + (*p++ - '0'), na++;
  if (na >= 3 && na <= 4 && (*p == 'p' || *p == 'i') && p[1] == '\0')
    return g_strdup_printf ("%d%c", a, *p);

  /* WxH */
  p = s;
  a = na = 0;
  while (g_ascii_isdigit (*p))
    a = a * 10 + (*p++ - '0'), na++;
  while (*p == ' ')
    p++;
  if (na >= 3 && na <= 4 && *p == 'x')
    {
      p++;
      while (*p == ' ')
        p++;
      while (g_ascii_isdigit (*p))
        b = b * 10 + (*p++ - '0'), nb++;
      if (nb >= 3 && nb <= 4 && (*p == '\0' || ((*p == 'p' || *p == 'i') && p[1] == '\0')))
        return g_strdup_printf ("%d%c", b, *p ? *p : 'p');
    }

  if (strcmp (s, "4k") == 0 || strcmp (s, "uhd") == 0)
    return g_strdup ("2160p");
  if (strcmp (s, "qhd") == 0)
    return g_strdup ("1440p");
  return g_steal_pointer (&s);
}

static char *
loose_title (const char *v)
{
  g_autofree char *folded = g_utf8_casefold (v, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
collapse_spaces (const char *v)
{
  g_auto(GStrv) words = g_strsplit_set (v, " \t\n\r\f\v", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (words[i][0])
      {
        if (out->len)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return g_string_free (out, FALSE);
}

static char *
scalar_text (JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) json_node_get_double (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  return NULL;
}

typedef char *(*NormFunc) (const char *value);

static char *
as_int (const char *v)
{
  char *end = NULL;
  gint64 n = g_ascii_strtoll (v, &end, 10);

  if (end != v && *end == '\0')
    return g_strdup_printf ("%" G_GINT64_FORMAT, n);
  return g_ascii_strdown (v, -1);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char **) a, *(char **) b);
}

/* Scalars or lists (nested lists flattened) to one sorted set. */
static void
collect (JsonNode  *node,
         NormFunc   norm,
         GPtrArray *out)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        collect (json_array_get_element (a, i), norm, out);
      return;
    }
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      g_autofree char *text = scalar_text (node);

      if (text != NULL && text[0] != '\0')
        g_ptr_array_add (out, norm (text));
    }
}

static char *
norm_set (JsonNode *node,
          NormFunc  norm,
          gboolean  drop_atmos)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  collect (node, norm, items);
  g_ptr_array_sort (items, compare_strings);
  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);

      if (drop_atmos && strcmp (item, "atmos") == 0)
        continue;
      if (i > 0 && strcmp (item, g_ptr_array_index (items, i - 1)) == 0)
        continue;
      if (out->len)
        g_string_append_c (out, ',');
      g_string_append (out, item);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static char *
lower_dup (const char *v)
{
  return g_utf8_casefold (v, -1);
}

/* Returns the normalised text of @node for @field, NULL for "absent". */
static char *
normalise (const char *field,
           JsonNode   *node,
           gboolean    is_prediction)
{
  g_autofree char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      /* Our JSON leaves out defaults */
      if (is_prediction && strcmp (field, "revision_version") == 0)
        return g_strdup ("1");
      if (is_prediction && strcmp (field, "full_season") == 0)
        return g_strdup ("false");
      return NULL;
    }

  if (strcmp (field, "season") == 0 || strcmp (field, "episode") == 0 ||
      strcmp (field, "absolute_episode") == 0)
    return norm_set (node, as_int, FALSE);
  if (strcmp (field, "source") == 0)
    return norm_set (node, norm_source, FALSE);
  if (strcmp (field, "video_codec") == 0)
    return norm_set (node, norm_codec, FALSE);
  if (strcmp (field, "audio_codec") == 0)
    return norm_set (node, norm_audio, TRUE);

  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  text = scalar_text (node);
  if (text == NULL || text[0] == '\0')
    return NULL;

  if (strcmp (field, "title") == 0)
    return loose_title (text);
  if (strcmp (field, "title_exact") == 0)
    return collapse_spaces (text);
  if (strcmp (field, "year") == 0 || strcmp (field, "revision_version") == 0)
    return as_int (text);
  if (strcmp (field, "resolution") == 0)
    return norm_resolution (text);
  return lower_dup (text);
}

/* ---------------------------------------------------------------------- */
/* Ratchet file */

static GHashTable *
load_ratchet (void)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (RATCHET_FILE, &text, NULL, NULL))
    return table;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) parts = NULL;
      Score *score;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      parts = g_strsplit_set (lines[i], " \t", -1);
      if (g_strv_length (parts) != 4)
        continue;
      score = g_new0 (Score, 1);
      score->ok = atoi (parts[2]);
      score->n = atoi (parts[3]);
      g_hash_table_insert (table, g_strdup_printf ("%s %s", parts[0], parts[1]), score);
    }
  return table;
}

static void
save_ratchet (GHashTable *table)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) g_strcmp0);
  GString *out = g_string_new ("# Release-name parser accuracy per corpus and field: rows right, rows scored.\n"
                               "# tests/test-release-corpus.c fails when a figure drops. Raise them as the\n"
                               "# parser improves (SSV_RATCHET_UPDATE=1 meson test release-corpus); never lower them.\n");

  for (GList *l = keys; l; l = l->next)
    {
      Score *s = g_hash_table_lookup (table, l->data);
      g_string_append_printf (out, "%s %d %d\n", (char *) l->data, s->ok, s->n);
    }
  g_file_set_contents (RATCHET_FILE, out->str, -1, NULL);
  g_string_free (out, TRUE);
}

static GHashTable *ratchet;

/* ---------------------------------------------------------------------- */

static JsonNode *
our_parse (const char *name,
           JsonParser *parser)
{
  SsvRelease r;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  ssv_release_parse (name, &r);
  json = ssv_release_to_json (&r);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_parser_get_root (parser);
}

static void
test_corpus (gconstpointer data)
{
  const CorpusCase *cc = data;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) row_parser = json_parser_new ();
  g_autoptr(JsonParser) our_parser = json_parser_new ();
  Score scores[G_N_ELEMENTS (fields)] = { 0 };
  GString *misses[G_N_ELEMENTS (fields)];
  gboolean failed = FALSE;

  g_assert_true (g_file_get_contents (cc->path, &text, NULL, &error));
  g_assert_no_error (error);

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    misses[f] = g_string_new (NULL);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      JsonObject *row;
      JsonObject *expect;
      JsonObject *ours;
      const char *name;
      gboolean rejected;

      if (lines[i][0] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (row_parser, lines[i], -1, &error));
      g_assert_no_error (error);
      row = json_node_get_object (json_parser_get_root (row_parser));
      name = json_object_get_string_member (row, "name");
      expect = json_object_get_object_member (row, "expect");
      ours = json_node_get_object (our_parse (name, our_parser));
      rejected = json_object_has_member (expect, "parsed") &&
                 JSON_NODE_HOLDS_VALUE (json_object_get_member (expect, "parsed")) &&
                 !json_object_get_boolean_member (expect, "parsed");

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          const char *field = fields[f];
          const char *key = strcmp (field, "title_exact") == 0 ? "title" : field;
          g_autofree char *want = NULL;
          g_autofree char *got = NULL;

          if (strcmp (field, "parsed") == 0)
            {
              if (!rejected)
                continue;
              scores[f].n++;
              if (json_object_has_member (ours, "parsed"))
                scores[f].ok++;
              else if (misses[f]->len < 2000)
                g_string_append_printf (misses[f], "    %s: accepted\n", name);
              continue;
            }

          if (rejected || !json_object_has_member (expect, key))
            continue;

          want = normalise (field, json_object_get_member (expect, key), FALSE);
          got = normalise (field, json_object_has_member (ours, key) ? json_object_get_member (ours, key) : NULL,
                           TRUE);
          scores[f].n++;
          if (g_strcmp0 (want, got) == 0)
            scores[f].ok++;
          else if (misses[f]->len < 2000)
            g_string_append_printf (misses[f], "    %s: want %s, got %s\n", name, want, got);
        }
    }

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autofree char *key = g_strdup_printf ("%s %s", cc->corpus, fields[f]);
      Score *floor = g_hash_table_lookup (ratchet, key);

      if (scores[f].n == 0)
        {
          g_string_free (misses[f], TRUE);
          continue;
        }

      g_test_message ("%-28s %6.1f%% %d/%d", key, 100.0 * scores[f].ok / scores[f].n,
                      scores[f].ok, scores[f].n);

      if (g_getenv ("SSV_RATCHET_UPDATE") != NULL)
        {
          /* Raise, never lower */
          if (floor == NULL || floor->n != scores[f].n || scores[f].ok > floor->ok)
            {
              Score *s = g_new (Score, 1);

              *s = scores[f];
              if (floor != NULL && floor->n == scores[f].n)
                s->ok = MAX (floor->ok, scores[f].ok);
              g_hash_table_insert (ratchet, g_steal_pointer (&key), s);
            }
        }
      else if (floor == NULL)
        {
          g_test_message ("%s: no figure in %s; add \"%s %d %d\"", key, RATCHET_FILE, key,
                          scores[f].ok, scores[f].n);
          failed = TRUE;
        }
      else if (floor->n != scores[f].n)
        {
          g_test_message ("%s: the corpus changed (%d rows scored, the ratchet has %d)", key,
                          scores[f].n, floor->n);
          failed = TRUE;
        }
      else if (scores[f].ok < floor->ok)
        {
          g_test_message ("%s dropped from %d to %d of %d; first misses:\n%s", key, floor->ok,
                          scores[f].ok, scores[f].n, misses[f]->str);
          failed = TRUE;
        }
      else if (scores[f].ok > floor->ok)
        {
          g_test_message ("%s rose from %d to %d: raise it in the ratchet file", key, floor->ok,
                          scores[f].ok);
        }
      g_string_free (misses[f], TRUE);
    }

  if (failed)
    g_test_fail ();
}

static void
corpus_case_free (gpointer data)
{
  CorpusCase *cc = data;

  g_free (cc->corpus);
  g_free (cc->path);
  g_free (cc);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (corpus_case_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *file;
  int status;

  ssv_test_init (&argc, &argv);
  ratchet = load_ratchet ();

  dir = g_dir_open (SSV_CORPUS_DIR, 0, NULL);
  g_assert_nonnull (dir);
  while ((file = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (file, "release-names-") && g_str_has_suffix (file, ".jsonl"))
      g_ptr_array_add (files, g_build_filename (SSV_CORPUS_DIR, file, NULL));
  g_ptr_array_add (files, g_strdup (SSV_SOURCE_ROOT "/tests/release-names-extra.jsonl"));
  g_ptr_array_sort (files, compare_strings);

  for (guint i = 0; i < files->len; i++)
    {
      CorpusCase *cc = g_new0 (CorpusCase, 1);
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (files, i));
      g_autofree char *path = NULL;

      cc->path = g_strdup (g_ptr_array_index (files, i));
      cc->corpus = g_strndup (base + strlen ("release-names-"),
                              strlen (base) - strlen ("release-names-") - strlen (".jsonl"));
      path = g_strdup_printf ("/core/release-corpus/%s", cc->corpus);
      g_ptr_array_add (cases, cc);
      g_test_add_data_func (path, cc, test_corpus);
    }

  status = g_test_run ();

  if (g_getenv ("SSV_RATCHET_UPDATE") != NULL)
    save_ratchet (ratchet);
  g_hash_table_unref (ratchet);
  return status;
}
