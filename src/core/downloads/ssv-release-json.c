/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-json.c: the names of what the release parser reads, and its result as JSON. */

#include "config.h"

#include "downloads/ssv-release-private.h"

/* ------------------------------------------------------------------------ */
/* Names of things */

static const char *const source_names[] = {
  NULL, "cam", "telesync", "telecine", "workprint", "screener", "vhs", "ppv", "tv", "vod", "dvd",
  "hdrip", "webrip", "webdl", "digital_master", "hddvd", "bluray",
};

static const char *const source_labels[] = {
  "Unknown", "CAM", "TELESYNC", "TELECINE", "WORKPRINT", "SCREENER", "VHS", "PPV", "HDTV", "VOD",
  "DVD", "HDRip", "WEBRip", "WEB-DL", "Digital Master", "HD DVD", "Bluray",
};

G_STATIC_ASSERT (G_N_ELEMENTS (source_names) == SSV_RELEASE_SOURCE_LAST);
G_STATIC_ASSERT (G_N_ELEMENTS (source_labels) == SSV_RELEASE_SOURCE_LAST);

static const char *const codec_names[] = {
  NULL, "h264", "h265", "av1", "vp9", "vp8", "vp7", "xvid", "divx", "mpeg2", "vc1", "h263",
  "realvideo", "wmv",
};

G_STATIC_ASSERT (G_N_ELEMENTS (codec_names) == SSV_RELEASE_CODEC_LAST);

static const char *const audio_names[] = {
  NULL, "aac", "ac3", "eac3", "dts", "dts-es", "dts-hd", "dts-hd-ma", "dts-x", "truehd", "flac",
  "mp3", "mp2", "opus", "vorbis", "pcm", "lpcm", "line", "md",
};

G_STATIC_ASSERT (G_N_ELEMENTS (audio_names) == SSV_RELEASE_AUDIO_LAST);

static const char *const language_names[] = {
  "english", "french", "german", "spanish", "italian", "dutch", "portuguese", "russian",
  "japanese", "korean", "chinese", "mandarin", "cantonese", "hindi", "tamil", "telugu", "polish",
  "czech", "slovak", "swedish", "norwegian", "danish", "finnish", "icelandic", "nordic",
  "hungarian", "romanian", "ukrainian", "bulgarian", "greek", "turkish", "hebrew", "arabic",
  "persian", "thai", "vietnamese", "indonesian", "malay", "latvian", "lithuanian", "estonian",
  "croatian", "serbian", "slovenian", "catalan", "flemish", "latino", "brazilian", "bengali",
  "filipino",
};

G_STATIC_ASSERT (G_N_ELEMENTS (language_names) == SSV_RELEASE_LANG_LAST);

static const char *const edition_names[] = {
  "Extended", "Director's Cut", "Unrated", "Uncut", "Theatrical", "IMAX", "Remastered",
  "Criterion", "Special", "Collector", "Ultimate", "Limited", "Fan", "Alternative Cut", "Restored",
  "Deluxe", "Festival", "Uncensored", "Open Matte", "3D", "Anniversary", "Final Cut",
};

G_STATIC_ASSERT (G_N_ELEMENTS (edition_names) == SSV_RELEASE_N_EDITIONS);

/* SsvReleaseHdr's bits, in order. */
static const char *const hdr_names[] = { "hdr", "hdr10", "hdr10+", "dv", "hlg" };

const char *
ssv_release_source_to_string (SsvReleaseSource source)
{
  return (guint) source < SSV_RELEASE_SOURCE_LAST ? source_names[source] : NULL;
}

/* The usual way to write a source in a quality name ("WEB-DL", "Bluray"). */
const char *
ssv_release_source_label (SsvReleaseSource source)
{
  return (guint) source < SSV_RELEASE_SOURCE_LAST ? source_labels[source] : "Unknown";
}

const char *
ssv_release_codec_to_string (SsvReleaseCodec codec)
{
  return (guint) codec < SSV_RELEASE_CODEC_LAST ? codec_names[codec] : NULL;
}

const char *
ssv_release_audio_to_string (SsvReleaseAudio audio)
{
  return (guint) audio < SSV_RELEASE_AUDIO_LAST ? audio_names[audio] : NULL;
}

const char *
ssv_release_modifier_to_string (SsvReleaseModifier modifier)
{
  switch (modifier)
    {
    case SSV_RELEASE_MODIFIER_REMUX:
      return "remux";
    case SSV_RELEASE_MODIFIER_BRDISK:
      return "brdisk";
    case SSV_RELEASE_MODIFIER_RAWHD:
      return "rawhd";
    case SSV_RELEASE_MODIFIER_NONE:
    default:
      return NULL;
    }
}

const char *
ssv_release_language_to_string (SsvReleaseLanguage language)
{
  return (guint) language < SSV_RELEASE_LANG_LAST ? language_names[language] : NULL;
}

/* @edition is one SsvReleaseEdition bit. */
const char *
ssv_release_edition_to_string (SsvReleaseEdition edition)
{
  for (guint k = 0; k < SSV_RELEASE_N_EDITIONS; k++)
    if ((guint) edition == (1u << k))
      return edition_names[k];
  return NULL;
}

const char *
ssv_release_service_code (guint service)
{
  return service > 0 && service < ssv_release_n_services ? ssv_release_services[service].code : NULL;
}

const char *
ssv_release_service_name (guint service)
{
  return service > 0 && service < ssv_release_n_services ? ssv_release_services[service].name : NULL;
}

/* Returns 0 when @code is not a known service tag (case-insensitive). */
guint
ssv_release_service_from_code (const char *code)
{
  for (guint i = 1; i < ssv_release_n_services; i++)
    if (g_ascii_strcasecmp (ssv_release_services[i].code, code) == 0)
      return i;
  return 0;
}

/* ------------------------------------------------------------------------ */
/* JSON */

static void
json_key (GString    *s,
          const char *key)
{
  if (s->len > 1)
    g_string_append_c (s, ',');
  g_string_append_c (s, '"');
  g_string_append (s, key);
  g_string_append (s, "\":");
}

static void
json_string (GString    *s,
             const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);

  g_string_append_c (s, '"');
  for (const char *c = valid; *c; c++)
    {
      switch (*c)
        {
        case '"':
          g_string_append (s, "\\\"");
          break;
        case '\\':
          g_string_append (s, "\\\\");
          break;
        case '\n':
          g_string_append (s, "\\n");
          break;
        case '\t':
          g_string_append (s, "\\t");
          break;
        case '\r':
          g_string_append (s, "\\r");
          break;
        default:
          if ((guchar) *c < 0x20)
            g_string_append_printf (s, "\\u%04x", (guchar) *c);
          else
            g_string_append_c (s, *c);
        }
    }
  g_string_append_c (s, '"');
}

static void
json_str_field (GString    *s,
                const char *key,
                const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  json_key (s, key);
  json_string (s, value);
}

static void
json_int_list (GString       *s,
               const char    *key,
               const guint16 *values,
               guint          n)
{
  if (n == 0)
    return;
  json_key (s, key);
  if (n == 1)
    {
      g_string_append_printf (s, "%u", values[0]);
      return;
    }
  g_string_append_c (s, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%u", i ? "," : "", values[i]);
  g_string_append_c (s, ']');
}

static void
json_uint (GString    *s,
           const char *key,
           guint       value)
{
  if (value == 0)
    return;
  json_key (s, key);
  g_string_append_printf (s, "%u", value);
}

static void
json_true (GString    *s,
           const char *key,
           gboolean    value)
{
  if (!value)
    return;
  json_key (s, key);
  g_string_append (s, "true");
}

/* The names of the bits set in @bits, as a list: hdr, edition, languages. */
static void
json_bit_names (GString           *s,
                const char        *key,
                guint64            bits,
                const char *const *names,
                guint              n_names)
{
  gboolean first = TRUE;

  if (bits == 0)
    return;
  json_key (s, key);
  g_string_append_c (s, '[');
  for (guint k = 0; k < n_names; k++)
    if (bits & (G_GUINT64_CONSTANT (1) << k))
      {
        if (!first)
          g_string_append_c (s, ',');
        json_string (s, names[k]);
        first = FALSE;
      }
  g_string_append_c (s, ']');
}

/**
 * ssv_release_to_json:
 * @release: a parsed release
 *
 * One JSON object on one line with the keys of tests/corpus/README.md; fields the
 * name did not have are left out.
 *
 * Returns: (transfer full): the JSON text
 */
char *
ssv_release_to_json (const SsvRelease *r)
{
  GString *s = g_string_sized_new (256);
  guint flags = r->flags;

  g_string_append_c (s, '{');

  json_str_field (s, "title", r->title);
  json_uint (s, "year", r->year);
  json_int_list (s, "season", r->seasons, r->n_seasons);
  json_int_list (s, "episode", r->episodes, r->n_episodes);
  json_int_list (s, "absolute_episode", r->absolute, r->n_absolute);
  if (r->air_year)
    {
      json_key (s, "air_date");
      g_string_append_printf (s, "\"%04u-%02u-%02u\"", r->air_year, r->air_month, r->air_day);
    }
  json_str_field (s, "episode_title", r->episode_title);
  json_str_field (s, "type", r->type == SSV_RELEASE_TYPE_EPISODE ? "episode" :
                             r->type == SSV_RELEASE_TYPE_MOVIE ? "movie" : NULL);
  if (r->resolution)
    {
      json_key (s, "resolution");
      g_string_append_printf (s, "\"%u%c\"", r->resolution,
                              (flags & SSV_RELEASE_FLAG_INTERLACED) ? 'i' : 'p');
    }
  json_true (s, "resolution_implied", flags & SSV_RELEASE_FLAG_RES_IMPLIED);
  json_str_field (s, "source", ssv_release_source_to_string (r->source));
  json_str_field (s, "modifier", ssv_release_modifier_to_string (r->modifier));
  json_str_field (s, "streaming_service", ssv_release_service_name (r->service));
  json_str_field (s, "video_codec", ssv_release_codec_to_string (r->video_codec));
  json_uint (s, "bit_depth", r->bit_depth);
  json_bit_names (s, "hdr", r->hdr, hdr_names, G_N_ELEMENTS (hdr_names));
  if (r->n_audio == 1)
    json_str_field (s, "audio_codec", audio_names[r->audio[0]]);
  else if (r->n_audio > 1)
    {
      json_key (s, "audio_codec");
      g_string_append_c (s, '[');
      for (guint k = 0; k < r->n_audio; k++)
        g_string_append_printf (s, "%s\"%s\"", k ? "," : "", audio_names[r->audio[k]]);
      g_string_append_c (s, ']');
    }
  if (r->channels)
    {
      json_key (s, "audio_channels");
      g_string_append_printf (s, "\"%u.%u\"", r->channels / 10, r->channels % 10);
    }
  json_true (s, "atmos", flags & SSV_RELEASE_FLAG_ATMOS);
  json_bit_names (s, "edition", r->editions, edition_names, SSV_RELEASE_N_EDITIONS);
  json_bit_names (s, "languages", r->languages, language_names, SSV_RELEASE_LANG_LAST);
  json_bit_names (s, "subtitle_languages", r->subtitle_languages, language_names, SSV_RELEASE_LANG_LAST);
  json_true (s, "multi_language", flags & SSV_RELEASE_FLAG_MULTI_LANGUAGE);
  json_true (s, "dual_audio", flags & SSV_RELEASE_FLAG_DUAL_AUDIO);
  json_true (s, "dubbed", flags & SSV_RELEASE_FLAG_DUBBED);
  json_true (s, "hardcoded_subs", flags & SSV_RELEASE_FLAG_HARDCODED_SUBS);
  if (r->revision_version > 1)
    json_uint (s, "revision_version", r->revision_version);
  json_uint (s, "revision_real", r->revision_real);
  json_true (s, "proper", flags & SSV_RELEASE_FLAG_PROPER);
  json_true (s, "repack", flags & SSV_RELEASE_FLAG_REPACK);
  json_str_field (s, "release_group", r->release_group);
  json_str_field (s, "release_hash", r->release_hash);
  json_str_field (s, "container", r->container);
  json_true (s, "full_season", flags & SSV_RELEASE_FLAG_FULL_SEASON);
  json_true (s, "partial_season", flags & SSV_RELEASE_FLAG_PARTIAL_SEASON);
  json_uint (s, "season_part", r->season_part);
  json_true (s, "multi_season", flags & SSV_RELEASE_FLAG_MULTI_SEASON);
  json_true (s, "season_extra", flags & SSV_RELEASE_FLAG_SEASON_EXTRA);
  json_true (s, "special", flags & SSV_RELEASE_FLAG_SPECIAL);
  json_uint (s, "part", r->part);
  json_true (s, "complete", flags & SSV_RELEASE_FLAG_COMPLETE);
  json_true (s, "internal", flags & SSV_RELEASE_FLAG_INTERNAL);
  json_true (s, "sample", flags & SSV_RELEASE_FLAG_SAMPLE);
  json_true (s, "extras", flags & SSV_RELEASE_FLAG_EXTRAS);
  json_true (s, "uhd", flags & SSV_RELEASE_FLAG_UHD);
  if (!r->parsed)
    {
      json_key (s, "parsed");
      g_string_append (s, "false");
    }

  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}
