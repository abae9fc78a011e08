/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-release-digest.c: the release parser's whole output on every corpus name and on
 * 40,000 seeded mutations of them, against a checked-in digest: a refactoring changes none. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "downloads/ssv-release.h"
#include "ssv-test-utils.h"

/*
 * Every name gives one line: the name, what ssv_release_parse() returned, the JSON of
 * ssv_release_to_json(), and the fields the JSON leaves out (every flag bit, the service
 * index, the alternative title, the country). tests/release-digest.txt keeps the SHA-256
 * of all lines, one short digest per chunk of CHUNK lines (so a failure names the names
 * that changed) and every SAMPLE_EVERY-th line in full.
 *
 * A change to the parser's output on purpose rewrites the file:
 *   SSV_DIGEST_UPDATE=1 meson test -C build release-digest
 * and SSV_DIGEST_DUMP=/tmp/out.txt writes every line, to diff two versions of the parser.
 */

#define DIGEST_FILE   SSV_SOURCE_ROOT "/tests/release-digest.txt"
#define N_MUTATIONS   40000
#define SEED          G_GUINT64_CONSTANT (0x5353565f72656c73)
#define CHUNK         16
#define CHUNKS_A_LINE 8
#define SAMPLE_EVERY  400
#define MAX_NAME      400
#define MAX_REPORTED  8

/* ---------------------------------------------------------------------- */
/* Names */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
add_corpus_file (GPtrArray  *names,
                 const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      JsonObject *row;

      if (lines[i][0] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      row = json_node_get_object (json_parser_get_root (parser));
      g_ptr_array_add (names, g_strdup (json_object_get_string_member (row, "name")));
    }
}

/* Every corpus, in a fixed order: the files sorted, their rows as written. */
static GPtrArray *
load_corpus (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (SSV_CORPUS_DIR, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *file;

  g_assert_nonnull (dir);
  while ((file = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (file, "release-names-") && g_str_has_suffix (file, ".jsonl"))
      g_ptr_array_add (files, g_build_filename (SSV_CORPUS_DIR, file, NULL));
  g_ptr_array_sort (files, compare_strings);
  g_ptr_array_add (files, g_strdup (SSV_SOURCE_ROOT "/tests/release-names-extra.jsonl"));

  for (guint i = 0; i < files->len; i++)
    add_corpus_file (names, g_ptr_array_index (files, i));
  return names;
}

/* splitmix64: the same numbers on every machine, unlike anything seeded from a library. */
static guint64
next_random (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static guint
pick (guint64 *state,
      guint    n)
{
  return n == 0 ? 0 : (guint) (next_random (state) % n);
}

/* Bytes a name is made of, a broken UTF-8 sequence among them. */
static const char noise_bytes[] = " ._-[](){}+~!&,#'/\\:0123456789aeiosxEPSX\xc3\xa9\xff";

/* Tags whose neighbourhood the parser reads closely. */
static const char *const tags[] = {
  "1080p", "720p", "2160p", "480p", "360p", "540p", "576i", "1920x1080", "S01E02", "s02e03-e05",
  "S01", "1x05", "E07", "Ep 12", "x264", "x265", "H.264", "XviD", "DivX", "HEVC", "WEB-DL",
  "WEBRip", "WEB", "BluRay", "Blu-Ray", "HDTV", "SDTV", "PDTV", "DVDRip", "DVD", "BDRip", "REMUX",
  "PROPER", "REPACK", "REAL", "1999", "2021", "1888", "1895", "1901", "(2010)", "[ABCD1234]",
  "DTS-HD.MA.5.1", "DD5.1", "DD+", "AAC2.0", "Atmos", "Season 2", "Part 2", "-GRP", "-CtrlSD",
  "German", "DL", "MULTi", "iNTERNAL", "Complete", "Extended", "Directors Cut", "NF", "AMZN",
  "10bit", "HDR10+", "DV", "2024.03.14", "14.03.2024", "- 07", "[01]", "v2", "SD", "HD", "UHD",
  ".mkv", ".avi", "www.site.com", "Vol.1", "Cap.102", "of", "The", "US", "Series 3",
};

static gboolean
is_separator (char c)
{
  return c == ' ' || c == '.' || c == '_' || c == '-' || c == '[' || c == ']' || c == '(' || c == ')';
}

/* A position at a separator, or anywhere when the name has none. */
static gsize
separator_position (guint64       *state,
                    const GString *s)
{
  gsize at = pick (state, s->len + 1);

  for (gsize k = 0; k < s->len; k++)
    {
      gsize q = (at + k) % s->len;

      if (is_separator (s->str[q]))
        return q;
    }
  return at;
}

static void
mutate_once (guint64         *state,
             GString         *s,
             const GPtrArray *names,
             guint            n_names)
{
  gsize at = pick (state, s->len + 1);
  guint op = pick (state, 12);

  if (s->len == 0)
    op = 1;

  switch (op)
    {
    case 0:   /* drop a byte */
      g_string_erase (s, MIN (at, s->len - 1), 1);
      break;
    case 1:   /* insert a byte */
      g_string_insert_c (s, at, noise_bytes[pick (state, sizeof noise_bytes - 1)]);
      break;
    case 2:   /* replace a byte */
      s->str[MIN (at, s->len - 1)] = noise_bytes[pick (state, sizeof noise_bytes - 1)];
      break;
    case 3:   /* swap two bytes */
      if (at + 1 < s->len)
        {
          char c = s->str[at];

          s->str[at] = s->str[at + 1];
          s->str[at + 1] = c;
        }
      break;
    case 4:   /* a tag at a separator, with a separator of its own */
      {
        const char *tag = tags[pick (state, G_N_ELEMENTS (tags))];
        char sep = " ._-"[pick (state, 4)];
        gsize q = separator_position (state, s);

        g_string_insert (s, q, tag);
        g_string_insert_c (s, q, sep);
      }
      break;
    case 5:   /* change the case of a run */
      {
        gboolean upper = pick (state, 2);
        gsize run = 1 + pick (state, 12);

        for (gsize k = at; k < s->len && k < at + run; k++)
          s->str[k] = upper ? g_ascii_toupper (s->str[k]) : g_ascii_tolower (s->str[k]);
      }
      break;
    case 6:   /* other separators */
      {
        char from = " ._"[pick (state, 3)];
        char to = " ._-"[pick (state, 4)];

        for (gsize k = 0; k < s->len; k++)
          if (s->str[k] == from)
            s->str[k] = to;
      }
      break;
    case 7:   /* the start of this name, the end of another */
      {
        const char *other = g_ptr_array_index (names, pick (state, n_names));
        gsize olen = strlen (other);

        g_string_truncate (s, at);
        g_string_append (s, other + pick (state, olen + 1));
      }
      break;
    case 8:   /* cut short */
      g_string_truncate (s, MAX (at, 1));
      break;
    case 9:   /* drop a word */
      {
        gsize q = separator_position (state, s);
        gsize end = q + 1;

        while (end < s->len && !is_separator (s->str[end]))
          end++;
        g_string_erase (s, q, MIN (end, s->len) - q);
      }
      break;
    case 10:  /* a stretch twice */
      {
        gsize len = MIN (1 + pick (state, 16), s->len - MIN (at, s->len));
        g_autofree char *copy = g_strndup (s->str + at, len);

        g_string_insert (s, at, copy);
      }
      break;
    default:  /* inside a folder of another name */
      {
        const char *other = g_ptr_array_index (names, pick (state, n_names));
        const char *slash = pick (state, 4) == 0 ? "\\" : "/";
        g_autofree char *folder = g_strndup (other, MIN (strlen (other), 120));

        g_string_prepend (s, slash);
        g_string_prepend (s, folder);
      }
      break;
    }
}

/* A mutation of one of the first @n_names names, built from those alone. */
static char *
mutate (guint64         *state,
        const GPtrArray *names,
        guint            n_names)
{
  GString *s = g_string_new (g_ptr_array_index (names, pick (state, n_names)));
  guint n_ops = 1 + pick (state, 3);

  for (guint k = 0; k < n_ops; k++)
    mutate_once (state, s, names, n_names);
  if (s->len > MAX_NAME)
    g_string_truncate (s, MAX_NAME);
  return g_string_free (s, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Output */

/* One line for one name: everything the parser says about it. */
static char *
describe (const char *name)
{
  SsvRelease r;
  gboolean parsed = ssv_release_parse (name, &r);
  g_autofree char *json = ssv_release_to_json (&r);
  g_autofree char *escaped = g_strescape (name, NULL);
  g_autofree char *alt = g_strescape (r.alt_title, NULL);
  g_autofree char *country = g_strescape (r.country, NULL);

  return g_strdup_printf ("%s\t%d\t%s\tflags=%08x service=%u alt=\"%s\" country=\"%s\"", escaped,
                          parsed, json, r.flags, r.service, alt, country);
}

typedef struct
{
  char      *sha256;
  GPtrArray *chunks;     /* hex digests */
  GPtrArray *lines;      /* every line, kept for reports and dumps */
} Output;

static void
output_clear (Output *o)
{
  g_free (o->sha256);
  g_clear_pointer (&o->chunks, g_ptr_array_unref);
  g_clear_pointer (&o->lines, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Output, output_clear)

static char *
short_digest (GChecksum *checksum)
{
  return g_strndup (g_checksum_get_string (checksum), 12);
}

static void
compute_output (Output *o)
{
  g_autoptr(GPtrArray) names = load_corpus ();
  g_autoptr(GChecksum) all = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GChecksum) chunk = g_checksum_new (G_CHECKSUM_SHA256);
  guint64 state = SEED;
  guint n_corpus = names->len;

  for (guint i = 0; i < N_MUTATIONS; i++)
    g_ptr_array_add (names, mutate (&state, names, n_corpus));

  o->chunks = g_ptr_array_new_with_free_func (g_free);
  o->lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < names->len; i++)
    {
      char *line = describe (g_ptr_array_index (names, i));

      g_checksum_update (all, (const guchar *) line, -1);
      g_checksum_update (all, (const guchar *) "\n", 1);
      g_checksum_update (chunk, (const guchar *) line, -1);
      g_checksum_update (chunk, (const guchar *) "\n", 1);
      g_ptr_array_add (o->lines, line);
      if ((i + 1) % CHUNK == 0 || i + 1 == names->len)
        {
          g_ptr_array_add (o->chunks, short_digest (chunk));
          g_checksum_reset (chunk);
        }
    }
  o->sha256 = g_strdup (g_checksum_get_string (all));
}

static void
save_digest (const Output *o)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_string_append (s, "# The release parser's output on the corpora and seeded mutations of them.\n"
                      "# tests/test-release-digest.c fails when it changes; after a change on\n"
                      "# purpose: SSV_DIGEST_UPDATE=1 meson test -C build release-digest\n");
  g_string_append_printf (s, "lines %u\n", o->lines->len);
  g_string_append_printf (s, "sha256 %s\n", o->sha256);
  for (guint i = 0; i < o->chunks->len; i++)
    {
      if (i % CHUNKS_A_LINE == 0)
        g_string_append (s, "chunks");
      g_string_append_printf (s, " %s", (char *) g_ptr_array_index (o->chunks, i));
      if (i % CHUNKS_A_LINE == CHUNKS_A_LINE - 1 || i + 1 == o->chunks->len)
        g_string_append_c (s, '\n');
    }
  for (guint i = 0; i < o->lines->len; i += SAMPLE_EVERY)
    g_string_append_printf (s, "sample %u %s\n", i, (char *) g_ptr_array_index (o->lines, i));
  g_file_set_contents (DIGEST_FILE, s->str, s->len, &error);
  g_assert_no_error (error);
  g_test_message ("wrote %s", DIGEST_FILE);
}

typedef struct
{
  guint       n_lines;
  char       *sha256;
  GPtrArray  *chunks;
  GHashTable *samples;   /* line index -> line */
} Digest;

static void
digest_clear (Digest *d)
{
  g_free (d->sha256);
  g_clear_pointer (&d->chunks, g_ptr_array_unref);
  g_clear_pointer (&d->samples, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Digest, digest_clear)

static void
load_digest (Digest *d)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (DIGEST_FILE, &text, NULL, &error);
  g_assert_no_error (error);
  d->chunks = g_ptr_array_new_with_free_func (g_free);
  d->samples = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *l = lines[i];
      char *space;

      if (g_str_has_prefix (l, "lines "))
        d->n_lines = g_ascii_strtoull (l + 6, NULL, 10);
      else if (g_str_has_prefix (l, "sha256 "))
        d->sha256 = g_strdup (l + 7);
      else if (g_str_has_prefix (l, "chunks "))
        {
          g_auto(GStrv) digests = g_strsplit (l + 7, " ", -1);

          for (guint k = 0; digests[k]; k++)
            g_ptr_array_add (d->chunks, g_strdup (digests[k]));
        }
      else if (g_str_has_prefix (l, "sample ") && (space = strchr (l + 7, ' ')) != NULL)
        g_hash_table_insert (d->samples, GUINT_TO_POINTER (g_ascii_strtoull (l + 7, NULL, 10)),
                             g_strdup (space + 1));
    }
  g_assert_nonnull (d->sha256);
}

static void
dump_lines (const Output *o,
            const char   *path)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < o->lines->len; i++)
    g_string_append_printf (s, "%s\n", (char *) g_ptr_array_index (o->lines, i));
  g_file_set_contents (path, s->str, s->len, &error);
  g_assert_no_error (error);
  g_test_message ("wrote every line to %s", path);
}

/* Which names changed: the lines of each chunk whose digest differs, and the recorded
 * line where the sample has it. */
static void
report_changes (const Output *o,
                const Digest *d)
{
  guint reported = 0;
  guint changed = 0;

  for (guint c = 0; c < MIN (o->chunks->len, d->chunks->len); c++)
    {
      if (strcmp (g_ptr_array_index (o->chunks, c), g_ptr_array_index (d->chunks, c)) == 0)
        continue;
      changed++;
      if (reported++ >= MAX_REPORTED)
        continue;
      g_test_message ("lines %u to %u changed; now:", c * CHUNK, MIN ((c + 1) * CHUNK, o->lines->len) - 1);
      for (guint i = c * CHUNK; i < MIN ((c + 1) * CHUNK, o->lines->len); i++)
        {
          const char *was = g_hash_table_lookup (d->samples, GUINT_TO_POINTER (i));

          g_test_message ("  %u: %s", i, (char *) g_ptr_array_index (o->lines, i));
          if (was != NULL && strcmp (was, g_ptr_array_index (o->lines, i)) != 0)
            g_test_message ("  %u was: %s", i, was);
        }
    }
  g_test_message ("%u of %u chunks of %u lines changed (SSV_DIGEST_DUMP=FILE writes every line)",
                  changed, d->chunks->len, CHUNK);
}

static void
test_digest (void)
{
  g_auto(Output) o = { 0 };
  g_auto(Digest) d = { 0 };
  const char *dump = g_getenv ("SSV_DIGEST_DUMP");

  compute_output (&o);
  g_assert_cmpuint (o.lines->len, >, N_MUTATIONS + 3000);
  if (dump != NULL)
    dump_lines (&o, dump);
  if (g_getenv ("SSV_DIGEST_UPDATE") != NULL)
    save_digest (&o);

  load_digest (&d);
  g_assert_cmpuint (d.n_lines, ==, o.lines->len);
  if (strcmp (o.sha256, d.sha256) != 0)
    {
      report_changes (&o, &d);
      g_test_fail_printf ("the parser's output changed: sha256 %s, recorded %s", o.sha256, d.sha256);
    }
}

/* The mutations are reproducible: a digest is worth nothing over names that move. */
static void
test_mutations_repeat (void)
{
  g_autoptr(GPtrArray) names = load_corpus ();
  g_autoptr(GHashTable) corpus = g_hash_table_new (g_str_hash, g_str_equal);
  guint64 a = SEED;
  guint64 b = SEED;
  guint differ = 0;

  for (guint i = 0; i < names->len; i++)
    g_hash_table_add (corpus, g_ptr_array_index (names, i));
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *x = mutate (&a, names, names->len);
      g_autofree char *y = mutate (&b, names, names->len);

      g_assert_cmpstr (x, ==, y);
      differ += !g_hash_table_contains (corpus, x);
    }
  /* and they are mutations, not copies */
  g_assert_cmpuint (differ, >, 150);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/release-digest/mutations-repeat", test_mutations_repeat);
  g_test_add_func ("/core/release-digest/output", test_digest);

  return g_test_run ();
}
