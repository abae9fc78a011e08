/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release.h: release-name parser (pure, allocation-free, thread-safe). */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SSV_RELEASE_TEXT_MAX      192
#define SSV_RELEASE_GROUP_MAX     48
#define SSV_RELEASE_MAX_SEASONS   40
#define SSV_RELEASE_MAX_EPISODES  64
#define SSV_RELEASE_MAX_AUDIO     4

typedef enum
{
  SSV_RELEASE_TYPE_UNKNOWN,
  SSV_RELEASE_TYPE_MOVIE,
  SSV_RELEASE_TYPE_EPISODE,
} SsvReleaseType;

/* Ordered roughly from worst to best so callers can compare tiers. */
typedef enum
{
  SSV_RELEASE_SOURCE_UNKNOWN,
  SSV_RELEASE_SOURCE_CAM,
  SSV_RELEASE_SOURCE_TELESYNC,
  SSV_RELEASE_SOURCE_TELECINE,
  SSV_RELEASE_SOURCE_WORKPRINT,
  SSV_RELEASE_SOURCE_SCREENER,
  SSV_RELEASE_SOURCE_VHS,
  SSV_RELEASE_SOURCE_PPV,
  SSV_RELEASE_SOURCE_TV,
  SSV_RELEASE_SOURCE_VOD,
  SSV_RELEASE_SOURCE_DVD,
  SSV_RELEASE_SOURCE_HDRIP,
  SSV_RELEASE_SOURCE_WEBRIP,
  SSV_RELEASE_SOURCE_WEBDL,
  SSV_RELEASE_SOURCE_DIGITAL_MASTER,
  SSV_RELEASE_SOURCE_HDDVD,
  SSV_RELEASE_SOURCE_BLURAY,
  SSV_RELEASE_SOURCE_LAST
} SsvReleaseSource;

typedef enum
{
  SSV_RELEASE_MODIFIER_NONE,
  SSV_RELEASE_MODIFIER_REMUX,
  SSV_RELEASE_MODIFIER_BRDISK,
  SSV_RELEASE_MODIFIER_RAWHD,
} SsvReleaseModifier;

typedef enum
{
  SSV_RELEASE_CODEC_NONE,
  SSV_RELEASE_CODEC_H264,
  SSV_RELEASE_CODEC_H265,
  SSV_RELEASE_CODEC_AV1,
  SSV_RELEASE_CODEC_VP9,
  SSV_RELEASE_CODEC_VP8,
  SSV_RELEASE_CODEC_VP7,
  SSV_RELEASE_CODEC_XVID,
  SSV_RELEASE_CODEC_DIVX,
  SSV_RELEASE_CODEC_MPEG2,
  SSV_RELEASE_CODEC_VC1,
  SSV_RELEASE_CODEC_H263,
  SSV_RELEASE_CODEC_REALVIDEO,
  SSV_RELEASE_CODEC_WMV,
  SSV_RELEASE_CODEC_LAST
} SsvReleaseCodec;

typedef enum
{
  SSV_RELEASE_AUDIO_NONE,
  SSV_RELEASE_AUDIO_AAC,
  SSV_RELEASE_AUDIO_AC3,
  SSV_RELEASE_AUDIO_EAC3,
  SSV_RELEASE_AUDIO_DTS,
  SSV_RELEASE_AUDIO_DTS_ES,
  SSV_RELEASE_AUDIO_DTS_HD,
  SSV_RELEASE_AUDIO_DTS_HD_MA,
  SSV_RELEASE_AUDIO_DTS_X,
  SSV_RELEASE_AUDIO_TRUEHD,
  SSV_RELEASE_AUDIO_FLAC,
  SSV_RELEASE_AUDIO_MP3,
  SSV_RELEASE_AUDIO_MP2,
  SSV_RELEASE_AUDIO_OPUS,
  SSV_RELEASE_AUDIO_VORBIS,
  SSV_RELEASE_AUDIO_PCM,
  SSV_RELEASE_AUDIO_LPCM,
  SSV_RELEASE_AUDIO_LINE,    /* recorded from the cinema's line out (camrips) */
  SSV_RELEASE_AUDIO_MIC,     /* recorded with a microphone ("MD", mic dubbed) */
  SSV_RELEASE_AUDIO_LAST
} SsvReleaseAudio;

typedef enum
{
  SSV_RELEASE_HDR_GENERIC    = 1 << 0,
  SSV_RELEASE_HDR_HDR10      = 1 << 1,
  SSV_RELEASE_HDR_HDR10_PLUS = 1 << 2,
  SSV_RELEASE_HDR_DV         = 1 << 3,
  SSV_RELEASE_HDR_HLG        = 1 << 4,
} SsvReleaseHdr;

typedef enum
{
  SSV_RELEASE_EDITION_EXTENDED     = 1 << 0,
  SSV_RELEASE_EDITION_DIRECTORS    = 1 << 1,
  SSV_RELEASE_EDITION_UNRATED      = 1 << 2,
  SSV_RELEASE_EDITION_UNCUT        = 1 << 3,
  SSV_RELEASE_EDITION_THEATRICAL   = 1 << 4,
  SSV_RELEASE_EDITION_IMAX         = 1 << 5,
  SSV_RELEASE_EDITION_REMASTERED   = 1 << 6,
  SSV_RELEASE_EDITION_CRITERION    = 1 << 7,
  SSV_RELEASE_EDITION_SPECIAL      = 1 << 8,
  SSV_RELEASE_EDITION_COLLECTORS   = 1 << 9,
  SSV_RELEASE_EDITION_ULTIMATE     = 1 << 10,
  SSV_RELEASE_EDITION_LIMITED      = 1 << 11,
  SSV_RELEASE_EDITION_FAN          = 1 << 12,
  SSV_RELEASE_EDITION_ALTERNATIVE  = 1 << 13,
  SSV_RELEASE_EDITION_RESTORED     = 1 << 14,
  SSV_RELEASE_EDITION_DELUXE       = 1 << 15,
  SSV_RELEASE_EDITION_FESTIVAL     = 1 << 16,
  SSV_RELEASE_EDITION_UNCENSORED   = 1 << 17,
  SSV_RELEASE_EDITION_OPEN_MATTE   = 1 << 18,
  SSV_RELEASE_EDITION_THREE_D      = 1 << 19,
  SSV_RELEASE_EDITION_ANNIVERSARY  = 1 << 20,
  SSV_RELEASE_EDITION_FINAL_CUT    = 1 << 21,
} SsvReleaseEdition;

#define SSV_RELEASE_N_EDITIONS 22

/* Languages as bits of a guint64; the order is part of the API (stored in profiles). */
typedef enum
{
  SSV_RELEASE_LANG_ENGLISH,
  SSV_RELEASE_LANG_FRENCH,
  SSV_RELEASE_LANG_GERMAN,
  SSV_RELEASE_LANG_SPANISH,
  SSV_RELEASE_LANG_ITALIAN,
  SSV_RELEASE_LANG_DUTCH,
  SSV_RELEASE_LANG_PORTUGUESE,
  SSV_RELEASE_LANG_RUSSIAN,
  SSV_RELEASE_LANG_JAPANESE,
  SSV_RELEASE_LANG_KOREAN,
  SSV_RELEASE_LANG_CHINESE,
  SSV_RELEASE_LANG_MANDARIN,
  SSV_RELEASE_LANG_CANTONESE,
  SSV_RELEASE_LANG_HINDI,
  SSV_RELEASE_LANG_TAMIL,
  SSV_RELEASE_LANG_TELUGU,
  SSV_RELEASE_LANG_POLISH,
  SSV_RELEASE_LANG_CZECH,
  SSV_RELEASE_LANG_SLOVAK,
  SSV_RELEASE_LANG_SWEDISH,
  SSV_RELEASE_LANG_NORWEGIAN,
  SSV_RELEASE_LANG_DANISH,
  SSV_RELEASE_LANG_FINNISH,
  SSV_RELEASE_LANG_ICELANDIC,
  SSV_RELEASE_LANG_NORDIC,
  SSV_RELEASE_LANG_HUNGARIAN,
  SSV_RELEASE_LANG_ROMANIAN,
  SSV_RELEASE_LANG_UKRAINIAN,
  SSV_RELEASE_LANG_BULGARIAN,
  SSV_RELEASE_LANG_GREEK,
  SSV_RELEASE_LANG_TURKISH,
  SSV_RELEASE_LANG_HEBREW,
  SSV_RELEASE_LANG_ARABIC,
  SSV_RELEASE_LANG_PERSIAN,
  SSV_RELEASE_LANG_THAI,
  SSV_RELEASE_LANG_VIETNAMESE,
  SSV_RELEASE_LANG_INDONESIAN,
  SSV_RELEASE_LANG_MALAY,
  SSV_RELEASE_LANG_LATVIAN,
  SSV_RELEASE_LANG_LITHUANIAN,
  SSV_RELEASE_LANG_ESTONIAN,
  SSV_RELEASE_LANG_CROATIAN,
  SSV_RELEASE_LANG_SERBIAN,
  SSV_RELEASE_LANG_SLOVENIAN,
  SSV_RELEASE_LANG_CATALAN,
  SSV_RELEASE_LANG_FLEMISH,
  SSV_RELEASE_LANG_LATINO,
  SSV_RELEASE_LANG_BRAZILIAN,
  SSV_RELEASE_LANG_BENGALI,
  SSV_RELEASE_LANG_FILIPINO,
  SSV_RELEASE_LANG_LAST
} SsvReleaseLanguage;

typedef enum
{
  SSV_RELEASE_FLAG_PROPER          = 1 << 0,
  SSV_RELEASE_FLAG_REPACK          = 1 << 1,
  SSV_RELEASE_FLAG_INTERLACED      = 1 << 2,
  SSV_RELEASE_FLAG_FULL_SEASON     = 1 << 3,
  SSV_RELEASE_FLAG_PARTIAL_SEASON  = 1 << 4,
  SSV_RELEASE_FLAG_MULTI_SEASON    = 1 << 5,
  SSV_RELEASE_FLAG_SPECIAL         = 1 << 6,
  SSV_RELEASE_FLAG_SEASON_EXTRA    = 1 << 7,
  SSV_RELEASE_FLAG_COMPLETE        = 1 << 8,
  SSV_RELEASE_FLAG_HARDCODED_SUBS  = 1 << 9,
  SSV_RELEASE_FLAG_MULTI_LANGUAGE  = 1 << 10,
  SSV_RELEASE_FLAG_DUAL_AUDIO      = 1 << 11,
  SSV_RELEASE_FLAG_DUBBED          = 1 << 12,
  SSV_RELEASE_FLAG_SUBBED          = 1 << 13,
  SSV_RELEASE_FLAG_SAMPLE          = 1 << 14,
  SSV_RELEASE_FLAG_EXTRAS          = 1 << 15,
  SSV_RELEASE_FLAG_INTERNAL        = 1 << 16,
  SSV_RELEASE_FLAG_READNFO         = 1 << 17,
  SSV_RELEASE_FLAG_ATMOS           = 1 << 18,
  SSV_RELEASE_FLAG_UHD             = 1 << 19,
  SSV_RELEASE_FLAG_ANIME           = 1 << 20,
  SSV_RELEASE_FLAG_DAILY           = 1 << 21,
  SSV_RELEASE_FLAG_RETAIL          = 1 << 22,
  SSV_RELEASE_FLAG_CONVERT         = 1 << 23,
  SSV_RELEASE_FLAG_HYBRID          = 1 << 24,
  SSV_RELEASE_FLAG_WIDESCREEN      = 1 << 25,
  SSV_RELEASE_FLAG_TRAILER         = 1 << 26,
  SSV_RELEASE_FLAG_BW              = 1 << 27,
  SSV_RELEASE_FLAG_SOURCE_GUESSED  = 1 << 28,  /* not in the name: assumed as Sonarr would */
  SSV_RELEASE_FLAG_RES_GUESSED     = 1 << 29,
  SSV_RELEASE_FLAG_RES_IMPLIED     = 1 << 30,  /* not written, but the words mean it: XviD, DVDRip, SDTV */
} SsvReleaseFlags;

/* Everything read from one name. Plain data: copy it, keep it on the stack,
 * hand it to other threads. Strings are NUL-terminated, valid UTF-8 and truncated;
 * only the first n_* entries of the number arrays mean anything. */
typedef struct
{
  gboolean            parsed;          /* FALSE: not a release name (hash, garbage) */
  SsvReleaseType      type;

  guint16             year;
  guint8              n_seasons;
  guint8              n_episodes;
  guint8              n_absolute;
  guint8              season_part;       /* "S02 Part 1" */
  guint8              part;              /* "Part 2" of a movie or a cut-up episode */
  guint16             air_year;
  guint8              air_month;
  guint8              air_day;

  guint16             resolution;        /* height in lines, 0 if unknown */
  SsvReleaseSource    source;
  SsvReleaseModifier  modifier;
  guint8              service;           /* index for ssv_release_service_name(), 0 = none */
  SsvReleaseCodec     video_codec;
  guint8              bit_depth;
  guint8              hdr;               /* SsvReleaseHdr bits */
  guint8              n_audio;
  guint8              audio[SSV_RELEASE_MAX_AUDIO];  /* SsvReleaseAudio, in name order */
  guint8              channels;          /* tenths: 20 = 2.0, 51 = 5.1; 0 unknown */

  guint32             editions;          /* SsvReleaseEdition bits */
  guint64             languages;         /* 1 << SsvReleaseLanguage */
  guint64             subtitle_languages;

  guint8              revision_version;  /* 1 normal, 2 PROPER/REPACK/v2, … */
  guint8              revision_real;     /* how many REAL */
  guint32             flags;             /* SsvReleaseFlags */

  char                title[SSV_RELEASE_TEXT_MAX];
  char                alt_title[SSV_RELEASE_TEXT_MAX];  /* after " - ": "Garo - Vanishing Line" */
  char                episode_title[SSV_RELEASE_TEXT_MAX];
  char                country[4];        /* "US", "UK" written after the title */
  char                release_group[SSV_RELEASE_GROUP_MAX];
  char                release_hash[12];  /* anime CRC32, upper-case hex */
  char                container[8];      /* "mkv", "mp4", … */

  guint16             seasons[SSV_RELEASE_MAX_SEASONS];
  guint16             episodes[SSV_RELEASE_MAX_EPISODES];
  guint16             absolute[SSV_RELEASE_MAX_EPISODES];
} SsvRelease;

gboolean     ssv_release_parse             (const char        *name,
                                            SsvRelease        *out);
char        *ssv_release_to_json           (const SsvRelease  *release);

gboolean     ssv_release_has_season        (const SsvRelease  *release,
                                            guint              season);
gboolean     ssv_release_has_episode       (const SsvRelease  *release,
                                            guint              episode);

const char  *ssv_release_source_to_string  (SsvReleaseSource   source);
const char  *ssv_release_source_label      (SsvReleaseSource   source);
const char  *ssv_release_codec_to_string   (SsvReleaseCodec    codec);
const char  *ssv_release_audio_to_string   (SsvReleaseAudio    audio);
const char  *ssv_release_modifier_to_string (SsvReleaseModifier modifier);
const char  *ssv_release_language_to_string (SsvReleaseLanguage language);
const char  *ssv_release_edition_to_string (SsvReleaseEdition  edition);
const char  *ssv_release_service_code      (guint              service);
const char  *ssv_release_service_name      (guint              service);
guint        ssv_release_service_from_code (const char        *code);

G_END_DECLS
