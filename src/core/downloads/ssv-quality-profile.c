/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-quality-profile.c: quality tiers, custom formats and quality profiles. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "downloads/ssv-pattern-literals.h"
#include "downloads/ssv-quality-profile.h"
#include "downloads/ssv-quality-profile-private.h"
#include "ssv-utils.h"

typedef struct
{
  const char *key;
  const char *label;   /* not translated: these are how releases are named */
  guint       resolution;
} QualityInfo;

static const QualityInfo qualities[] = {
  { "unknown", N_("Unknown"), 0 },
  { "cam", "CAM", 0 },
  { "telesync", "TELESYNC", 0 },
  { "telecine", "TELECINE", 0 },
  { "workprint", "WORKPRINT", 0 },
  { "screener", "SCREENER", 480 },
  { "sdtv", "SDTV", 480 },
  { "dvd", "DVD", 480 },
  { "dvdr", "DVD-R", 480 },
  { "webrip-480p", "480p WEBRip", 480 },
  { "webdl-480p", "480p WEB-DL", 480 },
  { "bluray-480p", "480p Bluray", 480 },
  { "bluray-576p", "576p Bluray", 576 },
  { "hdtv-720p", "720p HDTV", 720 },
  { "webrip-720p", "720p WEBRip", 720 },
  { "webdl-720p", "720p WEB-DL", 720 },
  { "bluray-720p", "720p Bluray", 720 },
  { "hdtv-1080p", "1080p HDTV", 1080 },
  { "webrip-1080p", "1080p WEBRip", 1080 },
  { "webdl-1080p", "1080p WEB-DL", 1080 },
  { "bluray-1080p", "1080p Bluray", 1080 },
  { "remux-1080p", "1080p Remux", 1080 },
  { "hdtv-2160p", "2160p HDTV", 2160 },
  { "webrip-2160p", "2160p WEBRip", 2160 },
  { "webdl-2160p", "2160p WEB-DL", 2160 },
  { "bluray-2160p", "2160p Bluray", 2160 },
  { "remux-2160p", "2160p Remux", 2160 },
  { "brdisk", "BR-DISK", 1080 },
  { "rawhd", "Raw-HD", 1080 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (qualities) == SSV_QUALITY_LAST);

const char *
ssv_quality_to_key (SsvQuality quality)
{
  return (guint) quality < SSV_QUALITY_LAST ? qualities[quality].key : "unknown";
}

SsvQuality
ssv_quality_from_key (const char *key)
{
  if (key != NULL)
    for (guint i = 0; i < SSV_QUALITY_LAST; i++)
      if (strcmp (qualities[i].key, key) == 0)
        return i;
  return SSV_QUALITY_UNKNOWN;
}

/* A short name such as "1080p WEB-DL" */
const char *
ssv_quality_get_label (SsvQuality quality)
{
  if ((guint) quality >= SSV_QUALITY_LAST || quality == SSV_QUALITY_UNKNOWN)
    return _(qualities[0].label);
  return qualities[quality].label;
}

guint
ssv_quality_get_resolution (SsvQuality quality)
{
  return (guint) quality < SSV_QUALITY_LAST ? qualities[quality].resolution : 0;
}

static SsvQuality
by_resolution (guint       resolution,
               SsvQuality  q480,
               SsvQuality  q720,
               SsvQuality  q1080,
               SsvQuality  q2160)
{
  if (resolution >= 1800)
    return q2160;
  if (resolution >= 900)
    return q1080;
  if (resolution >= 700)
    return q720;
  return q480;
}

/**
 * ssv_quality_from_release:
 *
 * The tier a release belongs to, from its source, resolution and modifier, as
 * Sonarr and Radarr would file it.
 */
SsvQuality
ssv_quality_from_release (const SsvRelease *r)
{
  guint res = r->resolution;

  switch (r->modifier)
    {
    case SSV_RELEASE_MODIFIER_REMUX:
      return res >= 1800 ? SSV_QUALITY_REMUX_2160 : SSV_QUALITY_REMUX_1080;
    case SSV_RELEASE_MODIFIER_BRDISK:
      return SSV_QUALITY_BRDISK;
    case SSV_RELEASE_MODIFIER_RAWHD:
      return SSV_QUALITY_RAWHD;
    case SSV_RELEASE_MODIFIER_NONE:
    default:
      break;
    }

  switch (r->source)
    {
    case SSV_RELEASE_SOURCE_CAM:
      return SSV_QUALITY_CAM;
    case SSV_RELEASE_SOURCE_TELESYNC:
      return SSV_QUALITY_TELESYNC;
    case SSV_RELEASE_SOURCE_TELECINE:
      return SSV_QUALITY_TELECINE;
    case SSV_RELEASE_SOURCE_WORKPRINT:
      return SSV_QUALITY_WORKPRINT;
    case SSV_RELEASE_SOURCE_SCREENER:
      return SSV_QUALITY_SCREENER;
    case SSV_RELEASE_SOURCE_VHS:
      return SSV_QUALITY_SDTV;
    case SSV_RELEASE_SOURCE_TV:
    case SSV_RELEASE_SOURCE_PPV:
    case SSV_RELEASE_SOURCE_VOD:
      return by_resolution (res, SSV_QUALITY_SDTV, SSV_QUALITY_HDTV_720, SSV_QUALITY_HDTV_1080,
                            SSV_QUALITY_HDTV_2160);
    case SSV_RELEASE_SOURCE_DVD:
      return (r->flags & SSV_RELEASE_FLAG_COMPLETE) ? SSV_QUALITY_DVDR : SSV_QUALITY_DVD;
    case SSV_RELEASE_SOURCE_WEBRIP:
    case SSV_RELEASE_SOURCE_HDRIP:
      return by_resolution (res, SSV_QUALITY_WEBRIP_480, SSV_QUALITY_WEBRIP_720,
                            SSV_QUALITY_WEBRIP_1080, SSV_QUALITY_WEBRIP_2160);
    case SSV_RELEASE_SOURCE_WEBDL:
    case SSV_RELEASE_SOURCE_DIGITAL_MASTER:
      return by_resolution (res, SSV_QUALITY_WEBDL_480, SSV_QUALITY_WEBDL_720,
                            SSV_QUALITY_WEBDL_1080, SSV_QUALITY_WEBDL_2160);
    case SSV_RELEASE_SOURCE_BLURAY:
    case SSV_RELEASE_SOURCE_HDDVD:
      /* 360p and 540p are SD, as 480p is */
      if (res > 0 && res <= 540)
        return SSV_QUALITY_BLURAY_480;
      if (res > 0 && res < 700)
        return SSV_QUALITY_BLURAY_576;
      return by_resolution (res == 0 ? 720 : res, SSV_QUALITY_BLURAY_480, SSV_QUALITY_BLURAY_720,
                            SSV_QUALITY_BLURAY_1080, SSV_QUALITY_BLURAY_2160);
    case SSV_RELEASE_SOURCE_UNKNOWN:
    case SSV_RELEASE_SOURCE_LAST:
    default:
      if (res == 0)
        return SSV_QUALITY_UNKNOWN;
      return by_resolution (res, SSV_QUALITY_SDTV, SSV_QUALITY_HDTV_720, SSV_QUALITY_HDTV_1080,
                            SSV_QUALITY_HDTV_2160);
    }
}

/* ---------------------------------------------------------------------- */
/* Indexer flags */

static const char *const indexer_flag_names[] = {
  "freeleech", "halfleech", "double-upload", "internal", "scene", "nuked",
};

const char *
ssv_indexer_flag_to_string (SsvIndexerFlags flag)
{
  for (guint k = 0; k < G_N_ELEMENTS (indexer_flag_names); k++)
    if ((guint) flag == (1u << k))
      return indexer_flag_names[k];
  return NULL;
}

/* "freeleech,internal" → the flags; unknown names are ignored. */
guint32
ssv_indexer_flags_from_string (const char *names)
{
  g_auto(GStrv) parts = NULL;
  guint32 flags = 0;

  if (names == NULL)
    return 0;
  parts = g_strsplit_set (names, ", ", -1);
  for (guint i = 0; parts[i]; i++)
    for (guint k = 0; k < G_N_ELEMENTS (indexer_flag_names); k++)
      if (g_ascii_strcasecmp (parts[i], indexer_flag_names[k]) == 0)
        flags |= 1u << k;
  return flags;
}

/* ---------------------------------------------------------------------- */
/* Conditions and custom formats */

static const struct
{
  const char *key;
  const char *label;
} condition_kinds[] = {
  { "title", N_("Name matches") },
  { "release-group", N_("Release group") },
  { "source", N_("Source") },
  { "resolution", N_("Resolution") },
  { "codec", N_("Video codec") },
  { "hdr", N_("HDR") },
  { "audio", N_("Audio") },
  { "edition", N_("Edition") },
  { "language", N_("Language") },
  { "size", N_("Size") },
  { "indexer-flag", N_("Indexer flag") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (condition_kinds) == SSV_CONDITION_LAST);

const char *
ssv_condition_kind_to_string (SsvConditionKind kind)
{
  return (guint) kind < SSV_CONDITION_LAST ? condition_kinds[kind].key : NULL;
}

SsvConditionKind
ssv_condition_kind_from_string (const char *name)
{
  for (guint k = 0; k < SSV_CONDITION_LAST; k++)
    if (g_strcmp0 (name, condition_kinds[k].key) == 0)
      return k;
  return SSV_CONDITION_LAST;
}

const char *
ssv_condition_kind_get_label (SsvConditionKind kind)
{
  return (guint) kind < SSV_CONDITION_LAST ? _(condition_kinds[kind].label) : NULL;
}

static void
condition_clear (gpointer data)
{
  SsvCondition *c = data;

  g_clear_pointer (&c->value, g_free);
  g_clear_pointer (&c->regex, g_regex_unref);
  g_clear_pointer (&c->literals, ssv_pattern_literals_free);
}

SsvCustomFormat *
ssv_custom_format_new (const char *name)
{
  SsvCustomFormat *f = g_new0 (SsvCustomFormat, 1);

  g_atomic_ref_count_init (&f->ref);
  f->name = g_strdup (name);
  f->conditions = g_array_new (FALSE, TRUE, sizeof (SsvCondition));
  g_array_set_clear_func (f->conditions, condition_clear);
  return f;
}

SsvCustomFormat *
ssv_custom_format_ref (SsvCustomFormat *format)
{
  g_atomic_ref_count_inc (&format->ref);
  return format;
}

void
ssv_custom_format_unref (SsvCustomFormat *format)
{
  if (format != NULL && g_atomic_ref_count_dec (&format->ref))
    {
      g_free (format->name);
      g_array_unref (format->conditions);
      g_free (format);
    }
}

static guint64
hdr_mask (const char *value)
{
  if (g_ascii_strcasecmp (value, "hdr") == 0)
    return G_MAXUINT64;   /* any HDR at all */
  if (g_ascii_strcasecmp (value, "hdr10") == 0)
    return SSV_RELEASE_HDR_HDR10 | SSV_RELEASE_HDR_HDR10_PLUS;
  if (g_ascii_strcasecmp (value, "hdr10+") == 0)
    return SSV_RELEASE_HDR_HDR10_PLUS;
  if (g_ascii_strcasecmp (value, "dv") == 0)
    return SSV_RELEASE_HDR_DV;
  if (g_ascii_strcasecmp (value, "hlg") == 0)
    return SSV_RELEASE_HDR_HLG;
  return 0;
}

G_STATIC_ASSERT (FACT_N_BITS <= G_N_ELEMENTS (((SsvFormatFacts *) NULL)->bits));
G_STATIC_ASSERT (FACT_N_BITS <= G_N_ELEMENTS (((SsvCustomFormat *) NULL)->any_bits));

/* The fact of a release @c tests, and its bits one of which must be set. */
static void
condition_compile_fact (SsvCondition *c)
{
  static const guint facts[SSV_CONDITION_LAST] = {
    [SSV_CONDITION_TITLE] = FACT_TITLE,
    [SSV_CONDITION_RELEASE_GROUP] = FACT_GROUP,
    [SSV_CONDITION_SOURCE] = FACT_SOURCE,
    [SSV_CONDITION_RESOLUTION] = FACT_RESOLUTION,
    [SSV_CONDITION_CODEC] = FACT_CODEC,
    [SSV_CONDITION_HDR] = FACT_HDR,
    [SSV_CONDITION_AUDIO] = FACT_AUDIO,
    [SSV_CONDITION_EDITION] = FACT_EDITIONS,
    [SSV_CONDITION_LANGUAGE] = FACT_LANGUAGES,
    [SSV_CONDITION_SIZE] = FACT_SIZE,
    [SSV_CONDITION_INDEXER_FLAG] = FACT_INDEXER_FLAGS,
  };

  c->fact = (guint) c->kind < SSV_CONDITION_LAST ? facts[c->kind] : FACT_NONE;
  c->fact_mask = c->kind == SSV_CONDITION_INDEXER_FLAG ? c->flags : c->mask;
  if (c->kind == SSV_CONDITION_SOURCE && c->other)
    c->fact = FACT_MODIFIER;
  else if (c->kind == SSV_CONDITION_AUDIO && c->other)
    {
      c->fact = FACT_FLAGS;
      c->fact_mask = SSV_RELEASE_FLAG_ATMOS;
    }
  else if (c->kind == SSV_CONDITION_LANGUAGE && c->other)
    {
      c->fact = FACT_FLAGS;
      c->fact_mask = SSV_RELEASE_FLAG_MULTI_LANGUAGE;
    }
  else if (c->kind == SSV_CONDITION_RELEASE_GROUP)
    c->number = (guchar) ssv_ascii_lower (c->value ? c->value[0] : '\0');
}

/* What the condition's words name, read once here rather than for every
 * release it tests: the enum values whose names @value is, as bits, and
 * which fact of a release (ssv_format_facts_init()) it tests. */
static void
condition_compile (SsvCondition *c)
{
  const char *v = c->value ? c->value : "";

  switch (c->kind)
    {
    case SSV_CONDITION_SOURCE:
      c->other = g_ascii_strcasecmp (v, "remux") == 0 || g_ascii_strcasecmp (v, "brdisk") == 0 ||
                 g_ascii_strcasecmp (v, "rawhd") == 0;
      for (guint k = 0; c->other && k <= SSV_RELEASE_MODIFIER_RAWHD; k++)
        if (g_strcmp0 (ssv_release_modifier_to_string (k), v) == 0)
          c->mask |= G_GUINT64_CONSTANT (1) << k;
      for (guint k = 0; !c->other && k < SSV_RELEASE_SOURCE_LAST; k++)
        if (g_strcmp0 (ssv_release_source_to_string (k), v) == 0)
          c->mask |= G_GUINT64_CONSTANT (1) << k;
      break;

    case SSV_CONDITION_RESOLUTION:
      c->number = (guint) g_ascii_strtoull (v, NULL, 10);
      break;

    case SSV_CONDITION_CODEC:
      for (guint k = 0; k < SSV_RELEASE_CODEC_LAST; k++)
        if (g_strcmp0 (ssv_release_codec_to_string (k), v) == 0)
          c->mask |= G_GUINT64_CONSTANT (1) << k;
      break;

    case SSV_CONDITION_HDR:
      c->mask = hdr_mask (v);
      break;

    case SSV_CONDITION_AUDIO:
      c->other = g_ascii_strcasecmp (v, "atmos") == 0;
      for (guint k = 0; k < SSV_RELEASE_AUDIO_LAST; k++)
        if (g_strcmp0 (ssv_release_audio_to_string (k), v) == 0)
          c->mask |= G_GUINT64_CONSTANT (1) << k;
      break;

    case SSV_CONDITION_EDITION:
      for (guint k = 0; k < SSV_RELEASE_N_EDITIONS; k++)
        if (g_ascii_strcasecmp (ssv_release_edition_to_string (1u << k), v) == 0)
          c->mask |= 1u << k;
      break;

    case SSV_CONDITION_LANGUAGE:
      c->other = g_ascii_strcasecmp (v, "multi") == 0;
      for (guint k = 0; k < SSV_RELEASE_LANG_LAST; k++)
        if (g_ascii_strcasecmp (ssv_release_language_to_string (k), v) == 0)
          c->mask |= G_GUINT64_CONSTANT (1) << k;
      break;

    case SSV_CONDITION_TITLE:
    case SSV_CONDITION_RELEASE_GROUP:
    case SSV_CONDITION_SIZE:
    case SSV_CONDITION_INDEXER_FLAG:
    case SSV_CONDITION_LAST:
    default:
      break;
    }
  condition_compile_fact (c);
}

G_STATIC_ASSERT (SSV_RELEASE_SOURCE_LAST <= 64 && SSV_RELEASE_CODEC_LAST <= 64 && SSV_RELEASE_AUDIO_LAST <= 64);
G_STATIC_ASSERT (SSV_RELEASE_LANG_LAST <= 64 && SSV_RELEASE_N_EDITIONS <= 32);

/* A bit for a group's first letter, folded; 0 for no letter. */
static inline guint64
group_bit (guint letter)
{
  return letter != 0 ? G_GUINT64_CONSTANT (1) << (letter & 63) : 0;
}

/* Whether every condition of @format is optional, not negated and a test of
 * a release's bits or group: then the format holds when one of them does,
 * and the bits and groups are merged once here for ssv_custom_format_matches_facts(). */
static void
format_compile (SsvCustomFormat *format)
{
  format->any_only = format->conditions->len > 0;
  memset (format->any_bits, 0, sizeof format->any_bits);
  format->any_groups = 0;
  for (guint i = 0; i < format->conditions->len; i++)
    {
      const SsvCondition *c = &g_array_index (format->conditions, SsvCondition, i);

      if (c->required || c->negate || (c->fact >= FACT_N_BITS && c->fact != FACT_GROUP))
        format->any_only = FALSE;
      else if (c->fact == FACT_GROUP)
        format->any_groups |= group_bit (c->number);
      else
        format->any_bits[c->fact] |= c->fact_mask;
    }
  format->any_facts = 0;
  for (guint k = 0; k < FACT_N_BITS; k++)
    if (format->any_bits[k] != 0)
      format->any_facts |= 1u << k;
}

static gint format_generation;

/**
 * ssv_custom_format_add_condition:
 * @value: what to look for; a regular expression for %SSV_CONDITION_TITLE
 * @min_gb: (for %SSV_CONDITION_SIZE) the smallest size, 0 for none
 * @max_gb: (for %SSV_CONDITION_SIZE) the largest size, 0 for none
 *
 * Returns: %FALSE with @error set when the regular expression does not compile.
 */
gboolean
ssv_custom_format_add_condition (SsvCustomFormat   *format,
                                 SsvConditionKind   kind,
                                 const char        *value,
                                 double             min_gb,
                                 double             max_gb,
                                 gboolean           negate,
                                 gboolean           required,
                                 GError           **error)
{
  SsvCondition c = { 0 };

  g_return_val_if_fail ((guint) kind < SSV_CONDITION_LAST, FALSE);

  if (kind == SSV_CONDITION_TITLE)
    {
      g_autoptr(GError) local_error = NULL;

      c.regex = g_regex_new (value ? value : "", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &local_error);
      if (c.regex == NULL)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                       _("“%s” is not a valid pattern: %s"), value, local_error->message);
          return FALSE;
        }
      c.literals = ssv_pattern_literals_new (value ? value : "");
    }

  c.kind = kind;
  c.value = g_strdup (value);
  if (kind == SSV_CONDITION_INDEXER_FLAG)
    c.flags = ssv_indexer_flags_from_string (value);
  condition_compile (&c);
  c.min_gb = min_gb;
  c.max_gb = max_gb;
  c.negate = negate;
  c.required = required;
  g_array_append_val (format->conditions, c);
  format_compile (format);
  g_atomic_int_inc (&format_generation);
  return TRUE;
}

/* Changes whenever a format gains a condition: compiled profiles are made again. */
guint
ssv_custom_format_get_generation (void)
{
  return (guint) g_atomic_int_get (&format_generation);
}

/* 1 << @value; values past 63 name nothing. */
static inline guint64
value_bit (guint value)
{
  return value < 64 ? G_GUINT64_CONSTANT (1) << value : 0;
}

/**
 * ssv_format_facts_init:
 * @folded: (nullable): @name from ssv_folded_name_init(), made once for every format
 *
 * Reads what custom formats test from @release once, so each of a profile's
 * formats tests a bit rather than the release again.
 */
void
ssv_format_facts_init (SsvFormatFacts      *facts,
                       const char          *name,
                       const SsvFoldedName *folded,
                       const SsvRelease    *release,
                       guint64              size_bytes,
                       guint32              indexer_flags)
{
  guint64 audio = 0;

  for (guint k = 0; k < release->n_audio; k++)
    audio |= value_bit (release->audio[k]);

  facts->name = name;
  facts->folded = folded;
  facts->release = release;
  facts->size_bytes = size_bytes;
  facts->group_first = ssv_ascii_lower (release->release_group[0]);
  facts->bits[FACT_SOURCE] = value_bit (release->source);
  facts->bits[FACT_MODIFIER] = value_bit (release->modifier);
  facts->bits[FACT_CODEC] = value_bit (release->video_codec);
  facts->bits[FACT_HDR] = release->hdr;
  facts->bits[FACT_AUDIO] = audio;
  facts->bits[FACT_EDITIONS] = release->editions;
  facts->bits[FACT_LANGUAGES] = release->languages;
  facts->bits[FACT_FLAGS] = release->flags;
  facts->bits[FACT_INDEXER_FLAGS] = indexer_flags;
}

/* Whether condition @c holds for the release @f was read from, before its negation. */
gboolean
ssv_condition_test (const SsvCondition   *c,
                    const SsvFormatFacts *f)
{
  if (c->fact < FACT_N_BITS)
    return (f->bits[c->fact] & c->fact_mask) != 0;

  switch (c->fact)
    {
    case FACT_TITLE:
      return c->regex != NULL && f->name != NULL &&
             ssv_pattern_literals_may_match (c->literals, f->folded) &&
             g_regex_match (c->regex, f->name, 0, NULL);

    case FACT_GROUP:
      /* the first letter rules out nearly every group at once */
      return f->group_first != '\0' && (guchar) f->group_first == c->number &&
             g_ascii_strcasecmp (f->release->release_group, c->value ? c->value : "") == 0;

    case FACT_RESOLUTION:
      return f->release->resolution != 0 && c->number == f->release->resolution;

    case FACT_SIZE:
      {
        double gb = f->size_bytes / 1e9;

        if (f->size_bytes == 0)
          return FALSE;
        return (c->min_gb <= 0 || gb >= c->min_gb) && (c->max_gb <= 0 || gb <= c->max_gb);
      }

    default:
      return FALSE;
    }
}

/**
 * ssv_custom_format_matches:
 *
 * A format applies when all its required conditions hold and, if it has other
 * conditions, at least one of them does.
 */
gboolean
ssv_custom_format_matches (const SsvCustomFormat *format,
                           const char            *name,
                           const SsvRelease      *release,
                           guint64                size_bytes,
                           guint32                indexer_flags)
{
  SsvFormatFacts facts;

  ssv_format_facts_init (&facts, name, NULL, release, size_bytes, indexer_flags);
  return ssv_custom_format_matches_facts (format, &facts);
}

/**
 * ssv_custom_format_matches_facts:
 * @facts: from ssv_format_facts_init(), made once for every format of a profile
 *
 * ssv_custom_format_matches(), passing over title patterns whose words
 * the folded name lacks without running them.
 */
gboolean
ssv_custom_format_matches_facts (const SsvCustomFormat *format,
                                 const SsvFormatFacts  *facts)
{
  const SsvCondition *conditions = (const SsvCondition *) (gpointer) format->conditions->data;
  guint n = format->conditions->len;
  gboolean any_optional = FALSE;
  gboolean optional_hit = FALSE;

  if (n == 0)
    return FALSE;

  if (format->any_only)
    {
      for (guint set = format->any_facts; set != 0; set &= set - 1)
        {
          guint k = (guint) __builtin_ctz (set);

          if ((facts->bits[k] & format->any_bits[k]) != 0)
            return TRUE;
        }
      if ((format->any_groups & group_bit ((guchar) facts->group_first)) == 0)
        return FALSE;
      /* a group of the first letter: the loop below names it or not */
    }

  for (guint i = 0; i < n; i++)
    {
      const SsvCondition *c = &conditions[i];
      gboolean hit;

      /* one optional condition that holds is enough; only required ones still matter */
      if (!c->required && optional_hit)
        continue;
      hit = ssv_condition_test (c, facts) != c->negate;
      if (c->required)
        {
          if (!hit)
            return FALSE;
        }
      else
        {
          any_optional = TRUE;
          optional_hit |= hit;
        }
    }

  return !any_optional || optional_hit;
}

static SsvCustomFormat *
format_one (const char       *name,
            SsvConditionKind  kind,
            const char       *value)
{
  SsvCustomFormat *f = ssv_custom_format_new (name);

  ssv_custom_format_add_condition (f, kind, value, 0, 0, FALSE, FALSE, NULL);
  return f;
}

/**
 * ssv_custom_format_new_defaults:
 *
 * Returns: (transfer full) (element-type SsvCustomFormat): the formats a new library
 *   starts with
 */
GPtrArray *
ssv_custom_format_new_defaults (void)
{
  GPtrArray *formats = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_custom_format_unref);
  SsvCustomFormat *f;
  static const char *const lossless[] = { "truehd", "dts-hd-ma", "dts-x", "flac", "lpcm" };
  static const char *const low_quality_groups[] = {
    "YIFY", "YTS", "YTS.MX", "YTS.AG", "YTS.LT", "EVO", "aXXo", "nhanc3", "PSA", "MeGusta",
  };

  g_ptr_array_add (formats, format_one ("HDR", SSV_CONDITION_HDR, "hdr"));
  g_ptr_array_add (formats, format_one ("Dolby Vision", SSV_CONDITION_HDR, "dv"));
  g_ptr_array_add (formats, format_one ("HDR10+", SSV_CONDITION_HDR, "hdr10+"));
  g_ptr_array_add (formats, format_one ("Atmos", SSV_CONDITION_AUDIO, "atmos"));

  f = ssv_custom_format_new ("Lossless audio");
  for (guint i = 0; i < G_N_ELEMENTS (lossless); i++)
    ssv_custom_format_add_condition (f, SSV_CONDITION_AUDIO, lossless[i], 0, 0, FALSE, FALSE, NULL);
  g_ptr_array_add (formats, f);

  g_ptr_array_add (formats, format_one ("Remux", SSV_CONDITION_SOURCE, "remux"));
  g_ptr_array_add (formats, format_one ("BR-DISK", SSV_CONDITION_SOURCE, "brdisk"));

  f = ssv_custom_format_new ("x265 in HD");
  ssv_custom_format_add_condition (f, SSV_CONDITION_CODEC, "h265", 0, 0, FALSE, TRUE, NULL);
  ssv_custom_format_add_condition (f, SSV_CONDITION_RESOLUTION, "2160", 0, 0, TRUE, TRUE, NULL);
  g_ptr_array_add (formats, f);

  f = ssv_custom_format_new ("Low-quality groups");
  for (guint i = 0; i < G_N_ELEMENTS (low_quality_groups); i++)
    ssv_custom_format_add_condition (f, SSV_CONDITION_RELEASE_GROUP, low_quality_groups[i], 0, 0,
                                     FALSE, FALSE, NULL);
  g_ptr_array_add (formats, f);

  g_ptr_array_add (formats, format_one ("Proper or repack", SSV_CONDITION_TITLE,
                                        "\\b(PROPER|REPACK\\d?|RERIP)\\b"));
  g_ptr_array_add (formats, format_one ("Streaming service", SSV_CONDITION_TITLE,
                                        "\\b(AMZN|NF|ATVP|DSNP|HMAX|MAX|PCOK|PMTP|HULU|iT)\\b"));
  g_ptr_array_add (formats, format_one ("IMAX", SSV_CONDITION_EDITION, "IMAX"));
  g_ptr_array_add (formats, format_one ("Freeleech", SSV_CONDITION_INDEXER_FLAG, "freeleech"));

  return formats;
}

/* ---------------------------------------------------------------------- */
/* Profiles */

static void
preferred_clear (gpointer data)
{
  g_free (((SsvPreferredWord *) data)->word);
}

static void
format_score_clear (gpointer data)
{
  g_clear_pointer (&((SsvFormatScore *) data)->format, ssv_custom_format_unref);
}

SsvQualityProfile *
ssv_quality_profile_new (const char *name)
{
  SsvQualityProfile *p = g_new0 (SsvQualityProfile, 1);

  g_atomic_ref_count_init (&p->ref);
  p->name = g_strdup (name);
  p->items = g_array_new (FALSE, TRUE, sizeof (SsvProfileItem));
  p->cutoff = SSV_QUALITY_UNKNOWN;
  p->upgrades_allowed = TRUE;
  p->required_words = g_ptr_array_new_with_free_func (g_free);
  p->rejected_words = g_ptr_array_new_with_free_func (g_free);
  p->preferred_words = g_array_new (FALSE, TRUE, sizeof (SsvPreferredWord));
  g_array_set_clear_func (p->preferred_words, preferred_clear);
  p->format_scores = g_array_new (FALSE, TRUE, sizeof (SsvFormatScore));
  g_array_set_clear_func (p->format_scores, format_score_clear);
  return p;
}

SsvQualityProfile *
ssv_quality_profile_ref (SsvQualityProfile *profile)
{
  g_atomic_ref_count_inc (&profile->ref);
  return profile;
}

void
ssv_quality_profile_unref (SsvQualityProfile *profile)
{
  if (profile != NULL && g_atomic_ref_count_dec (&profile->ref))
    {
      g_free (profile->name);
      g_array_unref (profile->items);
      g_ptr_array_unref (profile->required_words);
      g_ptr_array_unref (profile->rejected_words);
      g_array_unref (profile->preferred_words);
      g_array_unref (profile->format_scores);
      ssv_quality_profile_clear_compiled (profile);
      g_free (profile);
    }
}

/* A deep copy for editing; custom formats are shared (they belong to every profile). */
SsvQualityProfile *
ssv_quality_profile_copy (const SsvQualityProfile *profile)
{
  SsvQualityProfile *p = ssv_quality_profile_new (profile->name);

  p->id = profile->id;
  g_array_append_vals (p->items, profile->items->data, profile->items->len);
  p->cutoff = profile->cutoff;
  p->upgrades_allowed = profile->upgrades_allowed;
  p->min_format_score = profile->min_format_score;
  p->cutoff_format_score = profile->cutoff_format_score;
  for (guint i = 0; i < profile->required_words->len; i++)
    g_ptr_array_add (p->required_words, g_strdup (g_ptr_array_index (profile->required_words, i)));
  for (guint i = 0; i < profile->rejected_words->len; i++)
    g_ptr_array_add (p->rejected_words, g_strdup (g_ptr_array_index (profile->rejected_words, i)));
  for (guint i = 0; i < profile->preferred_words->len; i++)
    {
      const SsvPreferredWord *w = &g_array_index (profile->preferred_words, SsvPreferredWord, i);
      ssv_quality_profile_add_preferred_word (p, w->word, w->score);
    }
  for (guint i = 0; i < profile->format_scores->len; i++)
    {
      const SsvFormatScore *s = &g_array_index (profile->format_scores, SsvFormatScore, i);
      ssv_quality_profile_set_format_score (p, s->format, s->score);
    }
  return p;
}

void
ssv_quality_profile_add_item (SsvQualityProfile *profile,
                              SsvQuality         quality,
                              gboolean           allowed)
{
  SsvProfileItem item = { quality, allowed, 0, 0 };

  if (ssv_quality_profile_get_item (profile, quality) != NULL)
    {
      ssv_quality_profile_set_allowed (profile, quality, allowed);
      return;
    }
  g_array_append_val (profile->items, item);
  profile->stamp++;
}

const SsvProfileItem *
ssv_quality_profile_get_item (const SsvQualityProfile *profile,
                              SsvQuality               quality)
{
  for (guint i = 0; i < profile->items->len; i++)
    {
      const SsvProfileItem *item = &g_array_index (profile->items, SsvProfileItem, i);

      if (item->quality == quality)
        return item;
    }
  return NULL;
}

/* The place of @quality in the profile's order (higher is wanted more), or -1. */
int
ssv_quality_profile_get_rank (const SsvQualityProfile *profile,
                              SsvQuality               quality)
{
  for (guint i = 0; i < profile->items->len; i++)
    if (g_array_index (profile->items, SsvProfileItem, i).quality == quality)
      return i;
  return -1;
}

gboolean
ssv_quality_profile_allows (const SsvQualityProfile *profile,
                            SsvQuality               quality)
{
  const SsvProfileItem *item = ssv_quality_profile_get_item (profile, quality);

  return item != NULL && item->allowed;
}

void
ssv_quality_profile_set_allowed (SsvQualityProfile *profile,
                                 SsvQuality         quality,
                                 gboolean           allowed)
{
  SsvProfileItem *item = (SsvProfileItem *) ssv_quality_profile_get_item (profile, quality);

  if (item != NULL)
    item->allowed = allowed;
}

void
ssv_quality_profile_set_size_limits (SsvQualityProfile *profile,
                                     SsvQuality         quality,
                                     double             min_mb_per_min,
                                     double             max_mb_per_min)
{
  SsvProfileItem *item = (SsvProfileItem *) ssv_quality_profile_get_item (profile, quality);

  if (item != NULL)
    {
      item->min_mb_per_min = MAX (0, min_mb_per_min);
      item->max_mb_per_min = MAX (0, max_mb_per_min);
    }
}

/* Moves the item at @from to @to, as a drag in the quality list does. */
void
ssv_quality_profile_move_item (SsvQualityProfile *profile,
                               guint              from,
                               guint              to)
{
  SsvProfileItem item;

  if (from >= profile->items->len || to >= profile->items->len || from == to)
    return;
  item = g_array_index (profile->items, SsvProfileItem, from);
  g_array_remove_index (profile->items, from);
  g_array_insert_val (profile->items, to, item);
  profile->stamp++;
}

void
ssv_quality_profile_set_format_score (SsvQualityProfile *profile,
                                      SsvCustomFormat   *format,
                                      int                score)
{
  SsvFormatScore s;

  profile->stamp++;
  for (guint i = 0; i < profile->format_scores->len; i++)
    {
      SsvFormatScore *existing = &g_array_index (profile->format_scores, SsvFormatScore, i);

      if (existing->format == format || g_strcmp0 (existing->format->name, format->name) == 0)
        {
          if (existing->format != format)
            {
              ssv_custom_format_unref (existing->format);
              existing->format = ssv_custom_format_ref (format);
            }
          existing->score = score;
          return;
        }
    }

  s.format = ssv_custom_format_ref (format);
  s.score = score;
  g_array_append_val (profile->format_scores, s);
}

int
ssv_quality_profile_get_format_score (const SsvQualityProfile *profile,
                                      const char              *format_name)
{
  for (guint i = 0; i < profile->format_scores->len; i++)
    {
      const SsvFormatScore *s = &g_array_index (profile->format_scores, SsvFormatScore, i);

      if (g_strcmp0 (s->format->name, format_name) == 0)
        return s->score;
    }
  return 0;
}

void
ssv_quality_profile_add_preferred_word (SsvQualityProfile *profile,
                                        const char        *word,
                                        int                score)
{
  SsvPreferredWord w = { g_strdup (word), score };

  g_array_append_val (profile->preferred_words, w);
}

static SsvCustomFormat *
find_format (GPtrArray  *formats,
             const char *name)
{
  for (guint i = 0; formats != NULL && i < formats->len; i++)
    {
      SsvCustomFormat *f = g_ptr_array_index (formats, i);

      if (g_strcmp0 (f->name, name) == 0)
        return f;
    }
  return NULL;
}

static void
score_format (SsvQualityProfile *profile,
              GPtrArray         *formats,
              const char        *name,
              int                score)
{
  SsvCustomFormat *f = find_format (formats, name);

  if (f != NULL)
    ssv_quality_profile_set_format_score (profile, f, score);
}

static SsvQualityProfile *
profile_with (const char       *name,
              const SsvQuality *allowed,
              guint             n_allowed,
              SsvQuality        cutoff)
{
  SsvQualityProfile *p = ssv_quality_profile_new (name);

  /* Every tier, in the default order; the profile allows some of them */
  for (guint q = SSV_QUALITY_CAM; q < SSV_QUALITY_LAST; q++)
    {
      gboolean on = FALSE;

      for (guint i = 0; i < n_allowed; i++)
        on |= allowed[i] == q;
      ssv_quality_profile_add_item (p, q, on);
    }
  p->cutoff = cutoff;
  return p;
}

/**
 * ssv_quality_profile_new_defaults:
 * @formats: (element-type SsvCustomFormat): the formats the profiles score
 *
 * Returns: (transfer full) (element-type SsvQualityProfile): "HD 1080p",
 *   "Ultra-HD" and "Any", as a new library gets them
 */
GPtrArray *
ssv_quality_profile_new_defaults (GPtrArray *formats)
{
  static const SsvQuality hd[] = {
    SSV_QUALITY_HDTV_1080, SSV_QUALITY_WEBRIP_1080, SSV_QUALITY_WEBDL_1080, SSV_QUALITY_BLURAY_1080,
  };
  static const SsvQuality uhd[] = {
    SSV_QUALITY_HDTV_2160, SSV_QUALITY_WEBRIP_2160, SSV_QUALITY_WEBDL_2160, SSV_QUALITY_BLURAY_2160,
    SSV_QUALITY_REMUX_2160,
  };
  GPtrArray *profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_quality_profile_unref);
  SsvQualityProfile *p;
  g_autoptr(GArray) any = g_array_new (FALSE, FALSE, sizeof (SsvQuality));

  p = profile_with ("HD 1080p", hd, G_N_ELEMENTS (hd), SSV_QUALITY_WEBDL_1080);
  for (guint i = 0; i < G_N_ELEMENTS (hd); i++)
    ssv_quality_profile_set_size_limits (p, hd[i], 4, 400);
  score_format (p, formats, "Low-quality groups", -10000);
  score_format (p, formats, "BR-DISK", -10000);
  score_format (p, formats, "x265 in HD", -50);
  score_format (p, formats, "Proper or repack", 5);
  score_format (p, formats, "Streaming service", 10);
  g_ptr_array_add (profiles, p);

  p = profile_with ("Ultra-HD", uhd, G_N_ELEMENTS (uhd), SSV_QUALITY_REMUX_2160);
  for (guint i = 0; i < G_N_ELEMENTS (uhd); i++)
    ssv_quality_profile_set_size_limits (p, uhd[i], 10, 1000);
  score_format (p, formats, "HDR", 1500);
  score_format (p, formats, "Dolby Vision", 1000);
  score_format (p, formats, "HDR10+", 500);
  score_format (p, formats, "Atmos", 500);
  score_format (p, formats, "Lossless audio", 250);
  score_format (p, formats, "Low-quality groups", -10000);
  score_format (p, formats, "BR-DISK", -10000);
  score_format (p, formats, "Proper or repack", 5);
  g_ptr_array_add (profiles, p);

  for (guint q = SSV_QUALITY_SDTV; q <= SSV_QUALITY_REMUX_2160; q++)
    g_array_append_val (any, q);
  p = profile_with ("Any", (SsvQuality *) (gpointer) any->data, any->len, SSV_QUALITY_WEBDL_1080);
  score_format (p, formats, "BR-DISK", -10000);
  score_format (p, formats, "Proper or repack", 5);
  g_ptr_array_add (profiles, p);

  return profiles;
}

/**
 * ssv_quality_profiles_find_or_first:
 * @profiles: (element-type SsvQualityProfile): the profiles in their order, not empty
 * @id: a wanted item's or a grab's profile; 0 for none
 *
 * Returns: (transfer none): the profile @id, or the first (the default) when it has none
 *   or that profile is gone
 */
SsvQualityProfile *
ssv_quality_profiles_find_or_first (GPtrArray *profiles,
                                    gint64     id)
{
  g_return_val_if_fail (profiles != NULL && profiles->len > 0, NULL);

  for (guint i = 0; id > 0 && i < profiles->len; i++)
    {
      SsvQualityProfile *p = g_ptr_array_index (profiles, i);

      if (p->id == id)
        return p;
    }

  return g_ptr_array_index (profiles, 0);
}
