/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-tables.h: the release parser's word lists, shared with its tests. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a token was recognised as. */
typedef enum
{
  SSV_RK_NONE,
  SSV_RK_SOURCE,     /* val: SsvReleaseSource | SSV_RX_* << 8 */
  SSV_RK_MODIFIER,   /* val: SSV_RX_* bits */
  SSV_RK_RES,        /* val: height | SSV_RX_INTERLACED << 8 … */
  SSV_RK_CODEC,      /* val: SsvReleaseCodec */
  SSV_RK_BITDEPTH,   /* val: bits */
  SSV_RK_AUDIO,      /* val: SsvReleaseAudio, or SSV_RA_ATMOS */
  SSV_RK_CHANNELS,   /* val: tenths (51 = 5.1) */
  SSV_RK_HDR,        /* val: SsvReleaseHdr bits */
  SSV_RK_LANG,       /* val: SsvReleaseLanguage */
  SSV_RK_SUBLANG,    /* val: SsvReleaseLanguage of subtitles */
  SSV_RK_LANGFLAG,   /* val: SSV_RL_* */
  SSV_RK_EDITION,    /* val: bit index of SsvReleaseEdition */
  SSV_RK_REVISION,   /* val: SSV_RR_* */
  SSV_RK_SERVICE,    /* val: index into the service table */
  SSV_RK_FLAG,       /* val: bit index of SsvReleaseFlags */
  SSV_RK_CONTAINER,  /* val: index into the container table */
  SSV_RK_SITE,       /* tracker or web site tags: noise */
  SSV_RK_OTHER,      /* release tags without a field (NFOFIX, HQ, …) */
  SSV_RK_COMPOUND,   /* val: SSV_RH_* handler looking at the next tokens */
  /* Set by the scanner's patterns, never by the word list. */
  SSV_RK_SEASON,
  SSV_RK_EPISODE,
  SSV_RK_DATE,
  SSV_RK_YEAR,
  SSV_RK_HASH,
  SSV_RK_PARTNUM,
  SSV_RK_EPTITLE,
  SSV_RK_GROUP,
  SSV_RK_NOISE,
} SsvReleaseKind;

/* Extra bits of a source or modifier word. */
enum
{
  SSV_RX_REMUX      = 1 << 0,
  SSV_RX_DISC       = 1 << 1,  /* a full disc: BD25, ISO, DVD9 */
  SSV_RX_UHD        = 1 << 2,
  SSV_RX_RAWHD      = 1 << 3,
  SSV_RX_INTERLACED = 1 << 4,
  SSV_RX_RIP        = 1 << 5,  /* an encode of the source: BDRip, DVDRip */
  SSV_RX_DVD        = 1 << 6,  /* a screener from a DVD */
};

enum
{
  SSV_RA_ATMOS = 100,
};

enum
{
  SSV_RL_MULTI = 1,
  SSV_RL_DUAL,
  SSV_RL_DUBBED,
  SSV_RL_SUBBED,
  SSV_RL_HARDCODED,
  SSV_RL_DL,
  SSV_RL_SUBS_WORD,   /* "sub", "subs": the languages next to it are subtitles */
};

enum
{
  SSV_RR_PROPER = 1,
  SSV_RR_REPACK,
  SSV_RR_RERIP,
  SSV_RR_REAL,
};

/* Handlers for words whose meaning depends on the next token. */
enum
{
  SSV_RH_WEB = 1,
  SSV_RH_BLU,
  SSV_RH_HD,
  SSV_RH_DVD,
  SSV_RH_DTS,
  SSV_RH_DD,
  SSV_RH_DOLBY,
  SSV_RH_TRUE,
  SSV_RH_H,
  SSV_RH_MPEG,
  SSV_RH_VC,
  SSV_RH_AC,
  SSV_RH_E,
  SSV_RH_DIRECTORS,
  SSV_RH_CUT_WORD,     /* extended/special/collectors/ultimate/… + cut/edition */
  SSV_RH_FAN,
  SSV_RH_OPEN,
  SSV_RH_ALT,
  SSV_RH_DUAL,
  SSV_RH_HDR,
  SSV_RH_DELETED,
  SSV_RH_SEASON,
  SSV_RH_EPISODE,
  SSV_RH_PART,
  SSV_RH_COMPLETE,
  SSV_RH_SERVICE2,     /* two-word service names: "Comedy Central" */
  SSV_RH_AAC,
  SSV_RH_SUB,
  SSV_RH_VERSION,      /* "Version Longue" */
  SSV_RH_HE,
  SSV_RH_CD,
  SSV_RH_REMUX,
  SSV_RH_FINAL,
  SSV_RH_THEATRICAL,
  SSV_RH_OF,
  SSV_RH_CAP,          /* Spanish "Cap.102": season 1, episode 2 */
};

/* Bit indexes of SsvReleaseEdition and SsvReleaseFlags, for the tables. */
enum
{
  E_EXTENDED, E_DIRECTORS, E_UNRATED, E_UNCUT, E_THEATRICAL, E_IMAX, E_REMASTERED,
  E_CRITERION, E_SPECIAL, E_COLLECTORS, E_ULTIMATE, E_LIMITED, E_FAN, E_ALTERNATIVE,
  E_RESTORED, E_DELUXE, E_FESTIVAL, E_UNCENSORED, E_OPEN_MATTE, E_THREE_D, E_ANNIVERSARY,
  E_FINAL_CUT,
};

enum
{
  F_PROPER, F_REPACK, F_INTERLACED, F_FULL_SEASON, F_PARTIAL_SEASON, F_MULTI_SEASON,
  F_SPECIAL, F_SEASON_EXTRA, F_COMPLETE, F_HARDCODED_SUBS, F_MULTI_LANGUAGE, F_DUAL_AUDIO,
  F_DUBBED, F_SUBBED, F_SAMPLE, F_EXTRAS, F_INTERNAL, F_READNFO, F_ATMOS, F_UHD, F_ANIME,
  F_DAILY, F_RETAIL, F_CONVERT, F_HYBRID, F_WIDESCREEN, F_TRAILER, F_BW,
};

/* Word flags. */
enum
{
  SSV_RW_WEAK  = 1 << 0,  /* also an ordinary word: only a tag outside the title */
  SSV_RW_AFTER = 1 << 1,  /* only after the first sure tag (short codes: IT, DE, NF) */
  SSV_RW_UPPER = 1 << 2,  /* only when written in capitals (or as in `exact`) */
  SSV_RW_WEBCTX = 1 << 3, /* a service code only in front of WEB/WEB-DL/WEBRip */
};

typedef struct
{
  const char *word;      /* lower-case */
  guint8      kind;
  guint8      flags;
  guint16     val;
  const char *exact;     /* with SSV_RW_UPPER: also accept this spelling */
} SsvReleaseWord;

typedef struct
{
  const char *code;      /* the scene tag, as written */
  const char *name;      /* what people call it */
  guint8      flags;     /* SSV_RW_* for the tag written as a word */
} SsvReleaseService;

typedef struct
{
  const char *words;     /* lower-case; two words separated by a space for pairs */
  const char *code;      /* the service's tag */
  guint8      flags;
} SsvReleaseServiceAlias;

extern const SsvReleaseWord    ssv_release_words[];
extern const guint             ssv_release_n_words;
extern const SsvReleaseService ssv_release_services[];
extern const guint             ssv_release_n_services;
extern const SsvReleaseServiceAlias ssv_release_service_aliases[];
extern const guint             ssv_release_n_service_aliases;
extern const SsvReleaseServiceAlias ssv_release_service_pairs[];
extern const guint             ssv_release_n_service_pairs;
extern const char * const      ssv_release_containers[];
extern const guint             ssv_release_n_containers;

G_END_DECLS
