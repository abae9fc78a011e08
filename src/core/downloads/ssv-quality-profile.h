/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-quality-profile.h: quality tiers, custom formats and quality profiles (pure data). */

#pragma once

#include <glib.h>

#include "downloads/ssv-pattern-literals.h"
#include "downloads/ssv-release.h"

G_BEGIN_DECLS

/* Source × resolution tiers, from worst to best by default. */
typedef enum
{
  SSV_QUALITY_UNKNOWN,
  SSV_QUALITY_CAM,
  SSV_QUALITY_TELESYNC,
  SSV_QUALITY_TELECINE,
  SSV_QUALITY_WORKPRINT,
  SSV_QUALITY_SCREENER,
  SSV_QUALITY_SDTV,
  SSV_QUALITY_DVD,
  SSV_QUALITY_DVDR,
  SSV_QUALITY_WEBRIP_480,
  SSV_QUALITY_WEBDL_480,
  SSV_QUALITY_BLURAY_480,
  SSV_QUALITY_BLURAY_576,
  SSV_QUALITY_HDTV_720,
  SSV_QUALITY_WEBRIP_720,
  SSV_QUALITY_WEBDL_720,
  SSV_QUALITY_BLURAY_720,
  SSV_QUALITY_HDTV_1080,
  SSV_QUALITY_WEBRIP_1080,
  SSV_QUALITY_WEBDL_1080,
  SSV_QUALITY_BLURAY_1080,
  SSV_QUALITY_REMUX_1080,
  SSV_QUALITY_HDTV_2160,
  SSV_QUALITY_WEBRIP_2160,
  SSV_QUALITY_WEBDL_2160,
  SSV_QUALITY_BLURAY_2160,
  SSV_QUALITY_REMUX_2160,
  SSV_QUALITY_BRDISK,
  SSV_QUALITY_RAWHD,
  SSV_QUALITY_LAST
} SsvQuality;

SsvQuality   ssv_quality_from_release     (const SsvRelease *release);
const char  *ssv_quality_to_key           (SsvQuality        quality);
SsvQuality   ssv_quality_from_key         (const char       *key);
const char  *ssv_quality_get_label        (SsvQuality        quality);
guint        ssv_quality_get_resolution   (SsvQuality        quality);

/* What an indexer says about a release besides its name. */
typedef enum
{
  SSV_INDEXER_FLAG_FREELEECH     = 1 << 0,
  SSV_INDEXER_FLAG_HALFLEECH     = 1 << 1,
  SSV_INDEXER_FLAG_DOUBLE_UPLOAD = 1 << 2,
  SSV_INDEXER_FLAG_INTERNAL      = 1 << 3,
  SSV_INDEXER_FLAG_SCENE         = 1 << 4,
  SSV_INDEXER_FLAG_NUKED         = 1 << 5,
} SsvIndexerFlags;

const char  *ssv_indexer_flag_to_string   (SsvIndexerFlags   flag);
guint32      ssv_indexer_flags_from_string (const char      *name);

typedef enum
{
  SSV_CONDITION_TITLE,          /* a regular expression on the whole name */
  SSV_CONDITION_RELEASE_GROUP,
  SSV_CONDITION_SOURCE,         /* "webdl", "bluray", …, or "remux" */
  SSV_CONDITION_RESOLUTION,     /* "2160p" */
  SSV_CONDITION_CODEC,          /* "h265" */
  SSV_CONDITION_HDR,            /* "hdr" (any), "hdr10", "hdr10+", "dv", "hlg" */
  SSV_CONDITION_AUDIO,          /* "truehd", "atmos", "dts-hd-ma", … */
  SSV_CONDITION_EDITION,        /* "Extended", "IMAX", … */
  SSV_CONDITION_LANGUAGE,       /* "french", or "multi" */
  SSV_CONDITION_SIZE,           /* min_gb and max_gb */
  SSV_CONDITION_INDEXER_FLAG,   /* "freeleech", "internal", … */
  SSV_CONDITION_LAST
} SsvConditionKind;

typedef struct
{
  SsvConditionKind  kind;
  char             *value;
  double            min_gb;
  double            max_gb;
  gboolean          negate;     /* matches when the test fails */
  gboolean          required;   /* must match for the format to apply */
  GRegex           *regex;      /* for SSV_CONDITION_TITLE; built by add_condition */
  SsvPatternLiterals *literals; /* for SSV_CONDITION_TITLE: words one of which each match holds, or NULL */
  guint32           flags;      /* for SSV_CONDITION_INDEXER_FLAG; read by add_condition */
  guint64           mask;       /* read by add_condition: the enum values (as bits) or the bits @value names */
  guint             number;     /* read by add_condition: the resolution @value names */
  gboolean          other;      /* read by add_condition: @value names the modifier, "atmos" or "multi" */
  guint             fact;       /* read by add_condition: which of SsvFormatFacts it tests */
  guint64           fact_mask;  /* read by add_condition: the bits of that fact one of which must be set */
} SsvCondition;

const char       *ssv_condition_kind_to_string   (SsvConditionKind kind);
SsvConditionKind  ssv_condition_kind_from_string (const char      *name);
const char       *ssv_condition_kind_get_label   (SsvConditionKind kind);

/* A named set of conditions; a profile gives each format a score. */
typedef struct
{
  gatomicrefcount  ref;
  gint64           id;         /* 0 until stored */
  char            *name;
  GArray          *conditions; /* SsvCondition */
  /* read by add_condition: when every condition is an optional, plain test of
   * a release's bits or group, the format holds when one of these does */
  gboolean         any_only;
  guint64          any_bits[10];   /* per fact of SsvFormatFacts */
  guint            any_facts;      /* a bit for each fact whose any_bits are not 0 */
  guint64          any_groups;     /* a bit for the first letter of each group */
} SsvCustomFormat;

SsvCustomFormat *ssv_custom_format_new            (const char        *name);
SsvCustomFormat *ssv_custom_format_ref            (SsvCustomFormat   *format);
void             ssv_custom_format_unref          (SsvCustomFormat   *format);
gboolean         ssv_custom_format_add_condition  (SsvCustomFormat   *format,
                                                   SsvConditionKind   kind,
                                                   const char        *value,
                                                   double             min_gb,
                                                   double             max_gb,
                                                   gboolean           negate,
                                                   gboolean           required,
                                                   GError           **error);
gboolean         ssv_custom_format_matches        (const SsvCustomFormat *format,
                                                   const char        *name,
                                                   const SsvRelease  *release,
                                                   guint64            size_bytes,
                                                   guint32            indexer_flags);

/* What the conditions of custom formats test, read from a release once for
 * all the formats of a profile (ssv_format_facts_init()). */
typedef struct
{
  const char       *name;
  const SsvFoldedName *folded;    /* @name from ssv_folded_name_init(), or NULL */
  const SsvRelease *release;
  guint64           size_bytes;
  char              group_first;  /* the release group's first letter in lower case, or 0 */
  guint64           bits[10];     /* private: the release's enum values and flags as bits */
} SsvFormatFacts;

void             ssv_format_facts_init            (SsvFormatFacts    *facts,
                                                   const char        *name,
                                                   const SsvFoldedName *folded,
                                                   const SsvRelease  *release,
                                                   guint64            size_bytes,
                                                   guint32            indexer_flags);
gboolean         ssv_custom_format_matches_facts  (const SsvCustomFormat *format,
                                                   const SsvFormatFacts  *facts);
GPtrArray       *ssv_custom_format_new_defaults   (void);

typedef struct
{
  SsvQuality  quality;
  gboolean    allowed;
  double      min_mb_per_min;   /* 0: no lower limit */
  double      max_mb_per_min;   /* 0: no upper limit */
} SsvProfileItem;

typedef struct
{
  char *word;
  int   score;
} SsvPreferredWord;

typedef struct
{
  SsvCustomFormat *format;
  int              score;
} SsvFormatScore;

typedef struct
{
  gatomicrefcount  ref;
  gint64           id;              /* 0 until stored */
  char            *name;
  GArray          *items;           /* SsvProfileItem, least wanted first */
  SsvQuality       cutoff;          /* upgrades stop once this is reached */
  gboolean         upgrades_allowed;
  int              min_format_score;
  int              cutoff_format_score;
  GPtrArray       *required_words;  /* char *: one of them must be in the name */
  GPtrArray       *rejected_words;  /* char *: none of them may be */
  GArray          *preferred_words; /* SsvPreferredWord */
  GArray          *format_scores;   /* SsvFormatScore */
  /* private: what judging reads, made from the fields above when they change
   * (ssv-quality-profile-private.h) */
  guint            stamp;
  struct _SsvCompiledProfile *compiled;
  GSList          *retired;
} SsvQualityProfile;

SsvQualityProfile *ssv_quality_profile_new              (const char              *name);
SsvQualityProfile *ssv_quality_profile_ref              (SsvQualityProfile       *profile);
void               ssv_quality_profile_unref            (SsvQualityProfile       *profile);
SsvQualityProfile *ssv_quality_profile_copy             (const SsvQualityProfile *profile);
void               ssv_quality_profile_add_item         (SsvQualityProfile       *profile,
                                                         SsvQuality               quality,
                                                         gboolean                 allowed);
const SsvProfileItem *ssv_quality_profile_get_item      (const SsvQualityProfile *profile,
                                                         SsvQuality               quality);
int                ssv_quality_profile_get_rank         (const SsvQualityProfile *profile,
                                                         SsvQuality               quality);
gboolean           ssv_quality_profile_allows           (const SsvQualityProfile *profile,
                                                         SsvQuality               quality);
void               ssv_quality_profile_set_allowed      (SsvQualityProfile       *profile,
                                                         SsvQuality               quality,
                                                         gboolean                 allowed);
void               ssv_quality_profile_set_size_limits  (SsvQualityProfile       *profile,
                                                         SsvQuality               quality,
                                                         double                   min_mb_per_min,
                                                         double                   max_mb_per_min);
void               ssv_quality_profile_move_item        (SsvQualityProfile       *profile,
                                                         guint                    from,
                                                         guint                    to);
void               ssv_quality_profile_set_format_score (SsvQualityProfile       *profile,
                                                         SsvCustomFormat         *format,
                                                         int                      score);
int                ssv_quality_profile_get_format_score (const SsvQualityProfile *profile,
                                                         const char              *format_name);
void               ssv_quality_profile_add_preferred_word (SsvQualityProfile     *profile,
                                                           const char            *word,
                                                           int                    score);
GPtrArray         *ssv_quality_profile_new_defaults     (GPtrArray               *formats);
SsvQualityProfile *ssv_quality_profiles_find_or_first   (GPtrArray               *profiles,
                                                         gint64                   id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvCustomFormat, ssv_custom_format_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvQualityProfile, ssv_quality_profile_unref)

G_END_DECLS
