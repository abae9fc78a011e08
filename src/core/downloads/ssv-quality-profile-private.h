/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-quality-profile-private.h: a profile compiled for judging many releases, and what it reads of one. */

#pragma once

#include "downloads/ssv-quality-profile.h"

G_BEGIN_DECLS

/* Which of SsvFormatFacts a condition tests: the first ones are bits of the
 * release (a condition holds when one of its fact_mask is set), the others
 * are tested their own way. */
enum
{
  FACT_SOURCE,
  FACT_MODIFIER,
  FACT_CODEC,
  FACT_HDR,
  FACT_AUDIO,
  FACT_EDITIONS,
  FACT_LANGUAGES,
  FACT_FLAGS,
  FACT_INDEXER_FLAGS,
  FACT_N_BITS,
  FACT_TITLE = FACT_N_BITS,
  FACT_GROUP,
  FACT_RESOLUTION,
  FACT_SIZE,
  FACT_NONE,
};

/* The slot of SsvFormatFacts' bits after the release's own: the bit of its
 * group among a compiled profile's groups, and of each range of sizes it
 * names that the release's size is in. */
#define SSV_FACT_SLOT_GROUPS FACT_N_BITS

typedef struct _SsvCompiledProfile SsvCompiledProfile;

/* What a compiled profile's formats test in one release, read once. */
typedef struct
{
  SsvFormatFacts            base;
  const SsvCompiledProfile *compiled;
  double                    size_gb;
  guint64                   title_may;   /* the title conditions the name may match */
  gboolean                  title_read;  /* @title_may is known */
} SsvCompiledFacts;

gboolean                  ssv_condition_test                 (const SsvCondition       *c,
                                                              const SsvFormatFacts     *f);
guint                     ssv_custom_format_get_generation   (void);

const SsvCompiledProfile *ssv_quality_profile_get_compiled   (const SsvQualityProfile  *profile);
void                      ssv_quality_profile_clear_compiled (SsvQualityProfile        *profile);
void                      ssv_compiled_facts_init            (SsvCompiledFacts         *facts,
                                                              const SsvCompiledProfile *compiled,
                                                              const char               *name,
                                                              const SsvRelease         *release,
                                                              guint64                   size_bytes,
                                                              guint32                   indexer_flags);
guint                     ssv_compiled_profile_get_n_formats (const SsvCompiledProfile *compiled);
const SsvFormatScore     *ssv_compiled_profile_get_format    (const SsvCompiledProfile *compiled,
                                                              guint                     index);
gboolean                  ssv_compiled_profile_matches       (const SsvCompiledProfile *compiled,
                                                              guint                     index,
                                                              SsvCompiledFacts         *facts);
guint                     ssv_compiled_profile_next_match    (const SsvCompiledProfile *compiled,
                                                              guint                     from,
                                                              SsvCompiledFacts         *facts);
int                       ssv_compiled_profile_get_rank      (const SsvCompiledProfile *compiled,
                                                              SsvQuality                quality);
const SsvProfileItem     *ssv_compiled_profile_get_item      (const SsvCompiledProfile *compiled,
                                                              SsvQuality                quality);

G_END_DECLS
