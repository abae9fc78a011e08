/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-release.c: libFuzzer target for the release-name parser: any bytes, no crash, no
 * overflow, and what comes out is always well formed. */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "downloads/ssv-release.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define CHECK(cond) do { if (!(cond)) abort (); } while (0)

static void
check_text (const char *s,
            gsize       max)
{
  gsize len = strnlen (s, max);

  CHECK (len < max);
  CHECK (g_utf8_validate (s, len, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  char name[2048];
  SsvRelease r;
  char *json;
  gsize n = MIN (size, sizeof name - 1);

  memcpy (name, data, n);
  name[n] = '\0';

  ssv_release_parse (name, &r);

  check_text (r.title, sizeof r.title);
  check_text (r.alt_title, sizeof r.alt_title);
  check_text (r.episode_title, sizeof r.episode_title);
  check_text (r.release_group, sizeof r.release_group);
  check_text (r.release_hash, sizeof r.release_hash);
  check_text (r.container, sizeof r.container);
  check_text (r.country, sizeof r.country);
  CHECK (r.n_seasons <= SSV_RELEASE_MAX_SEASONS);
  CHECK (r.n_episodes <= SSV_RELEASE_MAX_EPISODES);
  CHECK (r.n_absolute <= SSV_RELEASE_MAX_EPISODES);
  CHECK (r.n_audio <= SSV_RELEASE_MAX_AUDIO);
  CHECK ((guint) r.source < SSV_RELEASE_SOURCE_LAST);
  CHECK ((guint) r.video_codec < SSV_RELEASE_CODEC_LAST);
  CHECK (r.revision_version >= 1);
  CHECK (r.air_year == 0 || (r.air_month >= 1 && r.air_month <= 12 && r.air_day >= 1 && r.air_day <= 31));
  for (guint i = 0; i < r.n_audio; i++)
    CHECK (r.audio[i] > 0 && r.audio[i] < SSV_RELEASE_AUDIO_LAST);

  json = ssv_release_to_json (&r);
  CHECK (json != NULL && json[0] == '{' && g_utf8_validate (json, -1, NULL));
  g_free (json);

  /* Deterministic: the same name gives the same answer */
  {
    SsvRelease again;

    ssv_release_parse (name, &again);
    CHECK (again.parsed == r.parsed && again.n_episodes == r.n_episodes &&
           strcmp (again.title, r.title) == 0 && strcmp (again.release_group, r.release_group) == 0);
  }

  return 0;
}
