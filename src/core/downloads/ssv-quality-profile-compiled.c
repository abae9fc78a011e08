/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-quality-profile-compiled.c: a profile's formats and qualities read once, so judging a release tests bits. */

#include "config.h"

#include <string.h>

#include "downloads/ssv-pattern-literals.h"
#include "downloads/ssv-quality-profile-private.h"
#include "ssv-utils.h"

/* Thousands of hits are judged under one profile, each against every custom
 * format it scores. Compiled once, a format is a list of tests: most are one
 * AND of a release's bits (its source, codec, HDR, audio, … and its group,
 * numbered among the profile's groups, and its size, one bit for each range
 * the profile's formats name); the words of every title pattern are
 * sought in one pass over the name, and a pattern runs only where they are.
 * Sizes and resolutions are tested as the conditions themselves say. */

typedef enum
{
  TEST_BITS,     /* (bits[slot] & mask) != 0 */
  TEST_TITLE,    /* the pattern may match (its bit in title_may, or mask 0), and does */
  TEST_SIZE,     /* the size is known and within the condition's range */
  TEST_OTHER,    /* ssv_condition_test() */
} TestKind;

typedef struct
{
  TestKind            kind;
  guint               slot;
  gboolean            negate;
  guint64             mask;
  const SsvCondition *condition;
} CompiledTest;

typedef struct
{
  SsvFormatScore score;        /* the format (a reference) and its score */
  guint          first;        /* its tests: the required ones, then the optional ones */
  guint          n_required;
  guint          n_optional;
  gboolean       one_test;     /* a single test of bits, not negated: @slot and @mask */
  guint          slot;
  guint64        mask;
} CompiledFormat;

struct _SsvCompiledProfile
{
  guint                    stamp;        /* the profile's when made */
  guint                    generation;   /* the formats' when made */
  guint                    n_items;
  guint                    n_scores;
  const SsvQualityProfile *profile;
  gint16                   rank[SSV_QUALITY_LAST];   /* the index in items, or -1 */
  GArray                  *formats;      /* CompiledFormat, only those with a score */
  GArray                  *tests;        /* CompiledTest */
  GPtrArray               *groups;       /* const char *: the groups the formats name, a bit each */
  guint64                  group_letters;
  struct { double min_gb, max_gb; } ranges[64];   /* the sizes the formats name, a bit each, from bit 63 down */
  guint                    n_ranges;
  SsvLiteralSet           *titles;
  guint                    n_titles;
};

G_LOCK_DEFINE_STATIC (compiling);

static inline guint64
letter_bit (char c)
{
  return G_GUINT64_CONSTANT (1) << (ssv_ascii_lower (c) & 63);
}

/* ---- building ---- */

/* The bit of @group among the profile's groups (added if new), or 0 when
 * there are too many to number. */
static guint64
group_bit (SsvCompiledProfile *cp,
           const char         *group)
{
  for (guint i = 0; i < cp->groups->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (cp->groups, i), group) == 0)
      return G_GUINT64_CONSTANT (1) << i;
  if (cp->groups->len + cp->n_ranges == 64)
    return 0;
  g_ptr_array_add (cp->groups, (gpointer) group);
  cp->group_letters |= letter_bit (group[0]);
  return G_GUINT64_CONSTANT (1) << (cp->groups->len - 1);
}

/* The bit of @c's range of sizes among the profile's (added if new), or 0
 * when there are too many to number. */
static guint64
range_bit (SsvCompiledProfile *cp,
           const SsvCondition *c)
{
  for (guint i = 0; i < cp->n_ranges; i++)
    if (cp->ranges[i].min_gb == c->min_gb && cp->ranges[i].max_gb == c->max_gb)
      return G_GUINT64_CONSTANT (1) << (63 - i);
  if (cp->groups->len + cp->n_ranges == 64)
    return 0;
  cp->ranges[cp->n_ranges].min_gb = c->min_gb;
  cp->ranges[cp->n_ranges].max_gb = c->max_gb;
  return G_GUINT64_CONSTANT (1) << (63 - cp->n_ranges++);
}

/* @c as a test; FALSE for a test of bits that cannot hold (a group of no name). */
static CompiledTest
test_compile (SsvCompiledProfile *cp,
              const SsvCondition *c)
{
  CompiledTest t = { TEST_OTHER, 0, c->negate, 0, c };

  if (c->fact < FACT_N_BITS)
    {
      t.kind = TEST_BITS;
      t.slot = c->fact;
      t.mask = c->fact_mask;
    }
  else if (c->fact == FACT_GROUP && (c->value == NULL || c->value[0] == '\0'))
    t.kind = TEST_BITS, t.slot = SSV_FACT_SLOT_GROUPS, t.mask = 0;
  else if (c->fact == FACT_GROUP && (t.mask = group_bit (cp, c->value)) != 0)
    t.kind = TEST_BITS, t.slot = SSV_FACT_SLOT_GROUPS;
  else if (c->fact == FACT_SIZE && (t.mask = range_bit (cp, c)) != 0)
    t.kind = TEST_BITS, t.slot = SSV_FACT_SLOT_GROUPS;
  else if (c->fact == FACT_SIZE)
    t.kind = TEST_SIZE;
  else if (c->fact == FACT_TITLE && c->regex != NULL)
    {
      t.kind = TEST_TITLE;
      t.mask = cp->n_titles < 64 ? G_GUINT64_CONSTANT (1) << cp->n_titles++ : 0;
      if (t.mask != 0)
        ssv_literal_set_add (cp->titles, c->literals, t.mask);
    }
  return t;
}

/* Adds @t to the tests since @first; an optional test of the same bits as
 * one already there is merged into it. */
static void
add_test (SsvCompiledProfile *cp,
          guint               first,
          CompiledTest        t,
          gboolean            optional)
{
  for (guint i = first; optional && t.kind == TEST_BITS && !t.negate && i < cp->tests->len; i++)
    {
      CompiledTest *other = &g_array_index (cp->tests, CompiledTest, i);

      if (other->kind == TEST_BITS && !other->negate && other->slot == t.slot)
        {
          other->mask |= t.mask;
          return;
        }
    }
  g_array_append_val (cp->tests, t);
}

/* The tests of @conditions that are @required, tests of bits first: they are the cheapest. */
static guint
add_tests (SsvCompiledProfile *cp,
           GArray             *conditions,
           gboolean            required)
{
  guint first = cp->tests->len;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < conditions->len; i++)
      {
        const SsvCondition *c = &g_array_index (conditions, SsvCondition, i);
        CompiledTest t;

        if (!c->required != !required)
          continue;
        t = test_compile (cp, c);
        if ((t.kind == TEST_BITS) == (pass == 0))
          add_test (cp, first, t, !required);
      }
  return cp->tests->len - first;
}

static void
format_compile (SsvCompiledProfile   *cp,
                const SsvFormatScore *s)
{
  CompiledFormat f = { { ssv_custom_format_ref (s->format), s->score }, cp->tests->len, 0, 0 };

  f.n_required = add_tests (cp, s->format->conditions, TRUE);
  f.n_optional = add_tests (cp, s->format->conditions, FALSE);
  if (f.n_required + f.n_optional == 1)
    {
      const CompiledTest *t = &g_array_index (cp->tests, CompiledTest, f.first);

      f.one_test = t->kind == TEST_BITS && !t->negate;
      f.slot = t->slot;
      f.mask = t->mask;
    }
  g_array_append_val (cp->formats, f);
}

static void
compiled_format_clear (gpointer data)
{
  ssv_custom_format_unref (((CompiledFormat *) data)->score.format);
}

static SsvCompiledProfile *
compiled_new (const SsvQualityProfile *profile)
{
  SsvCompiledProfile *cp = g_new0 (SsvCompiledProfile, 1);

  cp->stamp = profile->stamp;
  cp->generation = ssv_custom_format_get_generation ();
  cp->n_items = profile->items->len;
  cp->n_scores = profile->format_scores->len;
  cp->profile = profile;
  cp->formats = g_array_new (FALSE, FALSE, sizeof (CompiledFormat));
  g_array_set_clear_func (cp->formats, compiled_format_clear);
  cp->tests = g_array_new (FALSE, FALSE, sizeof (CompiledTest));
  cp->groups = g_ptr_array_new ();
  cp->titles = ssv_literal_set_new ();

  for (guint q = 0; q < SSV_QUALITY_LAST; q++)
    cp->rank[q] = -1;
  for (guint i = profile->items->len; i > 0; i--)
    {
      SsvQuality q = g_array_index (profile->items, SsvProfileItem, i - 1).quality;

      /* the first item of a quality is the one ssv_quality_profile_get_rank() finds */
      if ((guint) q < SSV_QUALITY_LAST && i - 1 <= G_MAXINT16)
        cp->rank[q] = (gint16) (i - 1);
    }

  for (guint i = 0; i < profile->format_scores->len; i++)
    {
      const SsvFormatScore *s = &g_array_index (profile->format_scores, SsvFormatScore, i);

      if (s->score != 0)
        format_compile (cp, s);
    }
  return cp;
}

static void
compiled_free (gpointer data)
{
  SsvCompiledProfile *cp = data;

  g_array_unref (cp->formats);
  g_array_unref (cp->tests);
  g_ptr_array_unref (cp->groups);
  ssv_literal_set_free (cp->titles);
  g_free (cp);
}

static gboolean
compiled_is_current (const SsvCompiledProfile *cp,
                     const SsvQualityProfile  *profile)
{
  return cp != NULL && cp->stamp == profile->stamp && cp->generation == ssv_custom_format_get_generation () &&
         cp->n_items == profile->items->len && cp->n_scores == profile->format_scores->len;
}

/**
 * ssv_quality_profile_get_compiled:
 *
 * The profile as judging reads it, made again when it changed
 * (ssv_quality_profile_add_item(), _move_item(), _set_format_score(), a
 * condition added to a format). One made before stays valid, for a thread
 * still judging with it, until the profile is freed.
 *
 * Returns: (transfer none)
 */
const SsvCompiledProfile *
ssv_quality_profile_get_compiled (const SsvQualityProfile *profile)
{
  SsvQualityProfile *p = (SsvQualityProfile *) profile;
  SsvCompiledProfile *cp = g_atomic_pointer_get (&p->compiled);

  if (compiled_is_current (cp, profile))
    return cp;

  G_LOCK (compiling);
  cp = p->compiled;
  if (!compiled_is_current (cp, profile))
    {
      if (cp != NULL)
        p->retired = g_slist_prepend (p->retired, cp);
      cp = compiled_new (profile);
      g_atomic_pointer_set (&p->compiled, cp);
    }
  G_UNLOCK (compiling);
  return cp;
}

/* Frees what ssv_quality_profile_get_compiled() made, when the profile goes. */
void
ssv_quality_profile_clear_compiled (SsvQualityProfile *profile)
{
  g_clear_pointer (&profile->compiled, compiled_free);
  g_slist_free_full (g_steal_pointer (&profile->retired), compiled_free);
}

/* ---- judging ---- */

/**
 * ssv_compiled_facts_init:
 * @name: (nullable): the release's name, for title conditions
 *
 * ssv_format_facts_init(), and the release's group and size among the profile's
 * groups and ranges of sizes.
 */
void
ssv_compiled_facts_init (SsvCompiledFacts         *facts,
                         const SsvCompiledProfile *compiled,
                         const char               *name,
                         const SsvRelease         *release,
                         guint64                   size_bytes,
                         guint32                   indexer_flags)
{
  const char *group = release->release_group;
  guint64 groups = 0;

  ssv_format_facts_init (&facts->base, name, NULL, release, size_bytes, indexer_flags);
  if (group[0] != '\0' && (compiled->group_letters & letter_bit (group[0])) != 0)
    for (guint i = 0; i < compiled->groups->len; i++)
      {
        const char *known = g_ptr_array_index (compiled->groups, i);

        if (ssv_ascii_lower (known[0]) == ssv_ascii_lower (group[0]) && g_ascii_strcasecmp (known, group) == 0)
          {
            groups = G_GUINT64_CONSTANT (1) << i;
            break;
          }
      }
  /* as ssv_condition_test() says of a size */
  for (guint i = 0; size_bytes != 0 && i < compiled->n_ranges; i++)
    if ((compiled->ranges[i].min_gb <= 0 || size_bytes / 1e9 >= compiled->ranges[i].min_gb) &&
        (compiled->ranges[i].max_gb <= 0 || size_bytes / 1e9 <= compiled->ranges[i].max_gb))
      groups |= G_GUINT64_CONSTANT (1) << (63 - i);
  facts->base.bits[SSV_FACT_SLOT_GROUPS] = groups;
  facts->compiled = compiled;
  facts->size_gb = size_bytes / 1e9;
  facts->title_may = 0;
  facts->title_read = FALSE;
}

G_STATIC_ASSERT (SSV_FACT_SLOT_GROUPS < G_N_ELEMENTS (((SsvFormatFacts *) NULL)->bits));

static gboolean
title_test (const CompiledTest *t,
            SsvCompiledFacts   *facts)
{
  if (facts->base.name == NULL)
    return FALSE;
  if (t->mask != 0)
    {
      if (!facts->title_read)
        {
          facts->title_may = ssv_literal_set_scan (facts->compiled->titles, facts->base.name);
          facts->title_read = TRUE;
        }
      if ((facts->title_may & t->mask) == 0)
        return FALSE;
    }
  return g_regex_match (t->condition->regex, facts->base.name, 0, NULL);
}

/* As ssv_condition_test() says of a size, with the size in GB read once. */
static inline gboolean
size_test (const SsvCondition     *c,
           const SsvCompiledFacts *facts)
{
  double gb = facts->size_gb;

  return facts->base.size_bytes != 0 && (c->min_gb <= 0 || gb >= c->min_gb) && (c->max_gb <= 0 || gb <= c->max_gb);
}

static inline gboolean
test_holds (const CompiledTest *t,
            SsvCompiledFacts   *facts)
{
  gboolean hit;

  if (G_LIKELY (t->kind == TEST_BITS))
    hit = (facts->base.bits[t->slot] & t->mask) != 0;
  else if (t->kind == TEST_SIZE)
    hit = size_test (t->condition, facts);
  else if (t->kind == TEST_TITLE)
    hit = title_test (t, facts);
  else
    hit = ssv_condition_test (t->condition, &facts->base);
  return hit != t->negate;
}

guint
ssv_compiled_profile_get_n_formats (const SsvCompiledProfile *compiled)
{
  return compiled->formats->len;
}

/* The @index-th scored format (in the profile's order) and its score, not 0. */
const SsvFormatScore *
ssv_compiled_profile_get_format (const SsvCompiledProfile *compiled,
                                 guint                     index)
{
  return &g_array_index (compiled->formats, CompiledFormat, index).score;
}

static inline gboolean
format_matches (const SsvCompiledProfile *compiled,
                const CompiledFormat     *f,
                SsvCompiledFacts         *facts)
{
  const CompiledTest *t = &g_array_index (compiled->tests, CompiledTest, f->first);

  if (f->one_test)
    return (facts->base.bits[f->slot] & f->mask) != 0;
  if (f->n_required + f->n_optional == 0)
    return FALSE;
  for (guint i = 0; i < f->n_required; i++)
    if (!test_holds (&t[i], facts))
      return FALSE;
  if (f->n_optional == 0)
    return TRUE;
  t += f->n_required;
  for (guint i = 0; i < f->n_optional; i++)
    if (test_holds (&t[i], facts))
      return TRUE;
  return FALSE;
}

/**
 * ssv_compiled_profile_matches:
 * @facts: from ssv_compiled_facts_init() with @compiled
 *
 * ssv_custom_format_matches() for the @index-th scored format.
 */
gboolean
ssv_compiled_profile_matches (const SsvCompiledProfile *compiled,
                              guint                     index,
                              SsvCompiledFacts         *facts)
{
  return format_matches (compiled, &g_array_index (compiled->formats, CompiledFormat, index), facts);
}

/**
 * ssv_compiled_profile_next_match:
 * @from: the first index to try
 *
 * Returns: the index of the first scored format from @from on that matches,
 *   or ssv_compiled_profile_get_n_formats() when none does
 */
guint
ssv_compiled_profile_next_match (const SsvCompiledProfile *compiled,
                                 guint                     from,
                                 SsvCompiledFacts         *facts)
{
  const CompiledFormat *formats = (const CompiledFormat *) (gpointer) compiled->formats->data;
  guint n = compiled->formats->len;

  for (guint i = from; i < n; i++)
    if (format_matches (compiled, &formats[i], facts))
      return i;
  return n;
}

/* ssv_quality_profile_get_rank(), without a search. */
int
ssv_compiled_profile_get_rank (const SsvCompiledProfile *compiled,
                               SsvQuality                quality)
{
  return (guint) quality < SSV_QUALITY_LAST ? compiled->rank[quality] : -1;
}

/* ssv_quality_profile_get_item(), without a search. */
const SsvProfileItem *
ssv_compiled_profile_get_item (const SsvCompiledProfile *compiled,
                               SsvQuality                quality)
{
  int rank = ssv_compiled_profile_get_rank (compiled, quality);

  return rank >= 0 ? &g_array_index (compiled->profile->items, SsvProfileItem, rank) : NULL;
}
