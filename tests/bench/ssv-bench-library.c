/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-bench-library.c: a large, deterministic library. Served, it answers the Jellyfin
 * endpoints a scan uses with JSON generated per page (nothing is held in memory); filled, it
 * goes through the library store exactly as a scan of that server would write it. Also the
 * child process that serves it and the raw insert loop bulk writes are compared with. */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ssv-bench-library.h"
#include "sources/ssv-jellyfin-source.h"
#include "stores/ssv-library-writer.h"
#include "stores/ssv-server-store.h"

#define USER_ID       "b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0"
#define POSTER_WIDTH  300
#define POSTER_HEIGHT 450
#define N_COLORS      12

static const char * const adjectives[] = {
  "Silent", "Golden", "Broken", "Hidden", "Last", "Crimson", "Distant", "Frozen", "Wild", "Secret",
  "Burning", "Quiet", "Electric", "Lonely", "Midnight", "Northern", "Savage", "Shining", "Velvet", "Iron",
  "Paper", "Glass", "Hollow", "Endless", "Lost", "Bright", "Dark", "Sudden", "Gentle", "Bitter",
};

static const char * const nouns[] = {
  "River", "Harbor", "Empire", "Garden", "Signal", "Winter", "Kingdom", "Machine", "Orchard", "Voyage",
  "Lighthouse", "Frontier", "Archive", "Circus", "Mountain", "Station", "Witness", "Horizon", "Island", "Letter",
  "Mirror", "Promise", "Republic", "Season", "Shadow", "Summit", "Tide", "Valley", "Wolf", "Echo",
  "Forest", "Canyon", "Dynasty", "Engine", "Festival", "Gambit", "Heir", "Journey", "Legacy", "Monument",
};

static const char * const genres[] = {
  "Drama", "Comedy", "Thriller", "Science Fiction", "Horror", "Romance", "Documentary", "Animation",
  "Crime", "Adventure", "Family", "Mystery",
};

void
ssv_bench_library_init_default (SsvBenchLibrary *library)
{
  memset (library, 0, sizeof *library);
  library->n_movies = 10000;
  library->n_shows = 2000;
  library->n_episodes = 100000;
  library->saved_at = g_get_real_time () / G_USEC_PER_SEC - 3 * 24 * 3600;
}

void
ssv_bench_library_clear (SsvBenchLibrary *library)
{
  g_clear_pointer (&library->image_base, g_free);
}

guint
ssv_bench_library_n_items (const SsvBenchLibrary *library)
{
  return library->n_movies + library->n_shows + library->n_episodes;
}

static guint
episodes_per_show (const SsvBenchLibrary *library)
{
  return library->n_shows > 0 ? library->n_episodes / library->n_shows : 0;
}

/* "The Silent River", "A Golden Harbor 3", "Broken Empire" */
static void
append_title (GString *out,
              guint    index,
              guint    salt)
{
  guint h = (index + 1) * 2654435761u ^ salt;

  if (h % 5 == 0)
    g_string_append (out, "The ");
  else if (h % 11 == 0)
    g_string_append (out, "A ");
  g_string_append_printf (out, "%s %s", adjectives[(h >> 3) % G_N_ELEMENTS (adjectives)],
                          nouns[(h >> 9) % G_N_ELEMENTS (nouns)]);
  if (index >= G_N_ELEMENTS (adjectives) * G_N_ELEMENTS (nouns) / 4)
    g_string_append_printf (out, " %u", index / 300 + 2);
}

static int
movie_year (guint i)
{
  return 1930 + (int) ((i * 7) % 95);
}

static char *
iso (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (when);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S.0000000Z");
}

/* ---- JSON, written by hand: fast and small ----------------------------------------- */

static void
append_media_source (GString    *out,
                     const char *id,
                     const char *path,
                     guint       variant,
                     gint64      size,
                     gint64      ticks)
{
  static const int heights[] = { 2160, 1080, 720 };
  static const char * const codecs[] = { "hevc", "h264", "h264" };
  static const char * const ranges[] = { "DOVI", "HDR10", "SDR" };

  g_string_append_printf (out,
                          ",\"MediaSources\":[{\"Id\":\"%s\",\"Path\":\"%s\",\"Container\":\"mkv\","
                          "\"Size\":%" G_GINT64_FORMAT ",\"RunTimeTicks\":%" G_GINT64_FORMAT ","
                          "\"MediaStreams\":[{\"Type\":\"Video\",\"Codec\":\"%s\",\"Height\":%d,"
                          "\"VideoRange\":\"%s\",\"VideoRangeType\":\"%s\"},"
                          "{\"Type\":\"Audio\",\"Codec\":\"eac3\",\"Channels\":6,\"IsDefault\":true}]}]",
                          id, path, size, ticks, codecs[variant % 3], heights[variant % 3],
                          variant % 3 == 2 ? "SDR" : "HDR", ranges[variant % 3]);
}

static void
append_movie (const SsvBenchLibrary *library,
              GString               *out,
              guint                  i,
              const char            *saved)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *path = NULL;
  char id[40];
  int year = movie_year (i);

  append_title (title, i, 0x5eed);
  g_snprintf (id, sizeof id, "%08x%024x", 0x10000000u + i, i);
  path = g_strdup_printf ("/media/movies/%s (%d)/%s (%d).mkv", title->str, year, title->str, year);

  g_string_append_printf (out,
                          "{\"Id\":\"%s\",\"Name\":\"%s\",\"Type\":\"Movie\",\"ProductionYear\":%d,"
                          "\"PremiereDate\":\"%d-0%d-1%dT00:00:00.0000000Z\","
                          "\"Overview\":\"A generated movie about the %s, long enough to look like a real overview of a film.\","
                          "\"OfficialRating\":\"%s\",\"CommunityRating\":%.1f,\"CriticRating\":%u,"
                          "\"RunTimeTicks\":%" G_GINT64_FORMAT ",\"Genres\":[\"%s\",\"%s\"],"
                          "\"Studios\":[{\"Name\":\"Generated Pictures\"}],"
                          "\"ProviderIds\":{\"Tmdb\":\"%u\",\"Imdb\":\"tt%07u\"},"
                          "\"UserData\":{\"Played\":%s,\"PlayCount\":%u,\"PlaybackPositionTicks\":0},"
                          "\"ImageTags\":{\"Primary\":\"%08x\"},\"BackdropImageTags\":[\"%08x\"],"
                          "\"DateCreated\":\"%s\",\"DateLastSaved\":\"%s\",\"LocationType\":\"FileSystem\"",
                          id, title->str, year, year, 1 + (int) (i % 9), (int) (i % 9), nouns[i % G_N_ELEMENTS (nouns)],
                          i % 4 == 0 ? "R" : "PG-13", 3.0 + (double) ((i * 37) % 70) / 10.0, (i * 13) % 101,
                          (gint64) (85 + i % 70) * 60 * 10000000, genres[i % G_N_ELEMENTS (genres)],
                          genres[(i / 7) % G_N_ELEMENTS (genres)], 100000 + i, 1000000 + i,
                          i % 3 == 0 ? "true" : "false", i % 3 == 0 ? 1u : 0u, i * 2654435761u, i * 40503u,
                          saved, saved);
  append_media_source (out, id, path, i, 1500000000 + (gint64) i * 100003, (gint64) (85 + i % 70) * 600000000);
  g_string_append_c (out, '}');
}

static void
append_show (const SsvBenchLibrary *library,
             GString               *out,
             guint                  s,
             const char            *saved)
{
  g_autoptr(GString) title = g_string_new (NULL);
  char id[40];
  int year = 1960 + (int) ((s * 3) % 64);

  append_title (title, s, 0x5a0e);
  g_snprintf (id, sizeof id, "%08x%024x", 0x20000000u + s, s);

  g_string_append_printf (out,
                          "{\"Id\":\"%s\",\"Name\":\"%s\",\"Type\":\"Series\",\"IsFolder\":true,"
                          "\"ProductionYear\":%d,\"PremiereDate\":\"%d-09-1%dT00:00:00.0000000Z\","
                          "\"Overview\":\"A generated show set in a %s, with seasons and episodes like a real one.\","
                          "\"OfficialRating\":\"TV-14\",\"CommunityRating\":%.1f,\"Status\":\"%s\","
                          "\"Genres\":[\"%s\"],\"Studios\":[{\"Name\":\"Generated Network\"}],"
                          "\"ProviderIds\":{\"Tmdb\":\"%u\",\"Tvdb\":\"%u\",\"Imdb\":\"tt%07u\"},"
                          "\"ImageTags\":{\"Primary\":\"%08x\"},"
                          "\"DateCreated\":\"%s\",\"DateLastSaved\":\"%s\"}",
                          id, title->str, year, year, (int) (s % 9), nouns[s % G_N_ELEMENTS (nouns)],
                          4.0 + (double) ((s * 31) % 60) / 10.0, s % 3 == 0 ? "Continuing" : "Ended",
                          genres[s % G_N_ELEMENTS (genres)], 200000 + s, 300000 + s, 2000000 + s,
                          s * 2654435761u, saved, saved);
}

static void
append_episode (const SsvBenchLibrary *library,
                GString               *out,
                guint                  s,
                guint                  e,
                const char            *saved)
{
  char id[40], series[40], season_id[40];
  guint global = s * episodes_per_show (library) + e;
  guint season = e / 10 + 1;
  guint number = e % 10 + 1;
  g_autofree char *path = NULL;

  g_snprintf (id, sizeof id, "%08x%024x", 0x30000000u + global, global);
  g_snprintf (series, sizeof series, "%08x%024x", 0x20000000u + s, s);
  g_snprintf (season_id, sizeof season_id, "%08x%024x", 0x40000000u + s * 100 + season, s);
  path = g_strdup_printf ("/media/tv/Show %u/Season %02u/Show %u - S%02uE%02u.mkv", s, season, s, season, number);

  g_string_append_printf (out,
                          "{\"Id\":\"%s\",\"Name\":\"Episode %u of the %s\",\"Type\":\"Episode\","
                          "\"SeriesId\":\"%s\",\"SeasonId\":\"%s\",\"ParentIndexNumber\":%u,\"IndexNumber\":%u,"
                          "\"PremiereDate\":\"%u-0%u-1%uT00:00:00.0000000Z\","
                          "\"Overview\":\"What happens in this generated episode, in a sentence or two.\","
                          "\"CommunityRating\":%.1f,\"RunTimeTicks\":%" G_GINT64_FORMAT ","
                          "\"ProviderIds\":{\"Tvdb\":\"%u\"},"
                          "\"UserData\":{\"Played\":%s,\"PlayCount\":%u},"
                          "\"ImageTags\":{\"Primary\":\"%08x\"},"
                          "\"DateCreated\":\"%s\",\"DateLastSaved\":\"%s\",\"LocationType\":\"FileSystem\"",
                          id, number, nouns[(s + e) % G_N_ELEMENTS (nouns)], series, season_id, season, number,
                          1990 + (s * 3 + season) % 34, 1 + number % 9, number % 9,
                          5.0 + (double) ((global * 17) % 50) / 10.0, (gint64) 2700 * 10000000,
                          5000000 + global, s % 4 == 0 || e < 10 ? "true" : "false", s % 4 == 0 || e < 10 ? 1u : 0u,
                          global * 2654435761u, saved, saved);
  append_media_source (out, id, path, global, 400000000 + (gint64) global * 1009, (gint64) 2700 * 10000000);
  g_string_append_c (out, '}');
}

/* ---- a tiny PNG writer (no GTK in test support): solid posters ---------------------- */

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         len)
{
  static guint32 table[256];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;
          for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&initialized, 1);
    }

  crc ^= 0xffffffffu;
  for (gsize i = 0; i < len; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

static void
append_chunk (GByteArray   *png,
              const char   *type,
              const guint8 *data,
              gsize         len)
{
  guint8 header[8] = { len >> 24, len >> 16, len >> 8, len, type[0], type[1], type[2], type[3] };
  guint32 crc = crc32_update (0, header + 4, 4);
  guint8 tail[4];

  crc = crc32_update (crc, data, len);
  tail[0] = crc >> 24; tail[1] = crc >> 16; tail[2] = crc >> 8; tail[3] = crc;
  g_byte_array_append (png, header, 8);
  if (len > 0)
    g_byte_array_append (png, data, len);
  g_byte_array_append (png, tail, 4);
}

static GBytes *
solid_png (guint8 r,
           guint8 g,
           guint8 b)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  guint8 ihdr[13] = { 0, 0, POSTER_WIDTH >> 8, POSTER_WIDTH & 0xff, 0, 0, POSTER_HEIGHT >> 8, POSTER_HEIGHT & 0xff,
                      8, 2, 0, 0, 0 };
  gsize row = 1 + POSTER_WIDTH * 3;
  g_autofree guint8 *raw = g_malloc (row * POSTER_HEIGHT);
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autofree guint8 *deflated = g_malloc (row * POSTER_HEIGHT + 1024);
  gsize read = 0, written = 0;

  for (guint y = 0; y < POSTER_HEIGHT; y++)
    {
      guint8 *line = raw + y * row;

      line[0] = 0;
      for (guint x = 0; x < POSTER_WIDTH; x++)
        {
          /* A gentle gradient, so posters are not flat. */
          line[1 + x * 3] = (guint8) MIN (255, r + y / 8);
          line[2 + x * 3] = g;
          line[3 + x * 3] = (guint8) MIN (255, b + x / 8);
        }
    }

  g_converter_convert (G_CONVERTER (zlib), raw, row * POSTER_HEIGHT, deflated, row * POSTER_HEIGHT + 1024,
                       G_CONVERTER_INPUT_AT_END, &read, &written, NULL);

  g_byte_array_append (png, signature, 8);
  append_chunk (png, "IHDR", ihdr, sizeof ihdr);
  append_chunk (png, "IDAT", deflated, written);
  append_chunk (png, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static GBytes *
poster_for (const char *path)
{
  static GBytes *posters[N_COLORS];
  static GMutex lock;
  guint color = g_str_hash (path) % N_COLORS;
  GBytes *bytes;

  g_mutex_lock (&lock);
  if (posters[color] == NULL)
    posters[color] = solid_png ((guint8) (40 + color * 17), (guint8) (200 - color * 13), (guint8) (90 + color * 7));
  bytes = g_bytes_ref (posters[color]);
  g_mutex_unlock (&lock);

  return bytes;
}

/* ---- serving ------------------------------------------------------------------ */

static guint
param (GHashTable *params,
       const char *name,
       guint       fallback)
{
  const char *value = params ? g_hash_table_lookup (params, name) : NULL;

  return value ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static gboolean
saved_since (const SsvBenchLibrary *library,
             GHashTable            *params)
{
  const char *since = params ? g_hash_table_lookup (params, "MinDateLastSaved") : NULL;
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (since == NULL)
    return TRUE;

  utc = g_time_zone_new_utc ();
  when = g_date_time_new_from_iso8601 (since, utc);
  return when == NULL || g_date_time_to_unix (when) <= library->saved_at;
}

typedef void (*AppendFunc) (const SsvBenchLibrary *library,
                            GString               *out,
                            guint                  index,
                            const char            *saved);

static void
append_movie_cb (const SsvBenchLibrary *library, GString *out, guint index, const char *saved)
{
  append_movie (library, out, index, saved);
}

static void
append_show_cb (const SsvBenchLibrary *library, GString *out, guint index, const char *saved)
{
  append_show (library, out, index, saved);
}

static GBytes *
page (const SsvBenchLibrary *library,
      AppendFunc             append,
      guint                  total,
      guint                  start,
      guint                  limit)
{
  g_autofree char *saved = iso (library->saved_at);
  GString *out = g_string_sized_new (1024 + MIN (limit, total) * 1200);
  guint end = MIN (total, start + limit);

  g_string_append (out, "{\"Items\":[");
  for (guint i = start; i < end; i++)
    {
      if (i > start)
        g_string_append_c (out, ',');
      append (library, out, i, saved);
    }
  g_string_append_printf (out, "],\"TotalRecordCount\":%u,\"StartIndex\":%u}", total, start);

  return g_string_free_to_bytes (out);
}

/* Every episode of the library, show after show, as /Users/{uid}/Items lists them. */
static GBytes *
episodes_page (const SsvBenchLibrary *library,
               guint                  start,
               guint                  limit)
{
  g_autofree char *saved = iso (library->saved_at);
  guint per_show = episodes_per_show (library);
  guint total = library->n_shows * per_show;
  guint end = MIN (total, start + MIN (limit, total));
  GString *out = g_string_sized_new (1024 + (end - MIN (start, end)) * 1200);

  g_string_append (out, "{\"Items\":[");
  for (guint i = start; i < end; i++)
    {
      if (i > start)
        g_string_append_c (out, ',');
      append_episode (library, out, i / per_show, i % per_show, saved);
    }
  g_string_append_printf (out, "],\"TotalRecordCount\":%u,\"StartIndex\":%u}", total, start);

  return g_string_free_to_bytes (out);
}

static gboolean
parse_series (const char *id,
              guint      *s)
{
  char prefix[9];

  if (strlen (id) != 32)
    return FALSE;
  memcpy (prefix, id, 8);
  prefix[8] = '\0';
  *s = (guint) (g_ascii_strtoull (prefix, NULL, 16) - 0x20000000u);
  return TRUE;
}

static gboolean
handle (SsvFakeServer        *server,
        const SsvFakeRequest *request,
        guint                *status,
        char                **content_type,
        GBytes              **body,
        gpointer              user_data)
{
  const SsvBenchLibrary *library = user_data;
  g_autoptr(GHashTable) params = NULL;
  g_auto(GStrv) parts = g_strsplit (request->path + 1, "/", -1);
  guint n = g_strv_length (parts);
  const char *token = g_hash_table_lookup (request->headers, "x-emby-token");

  *status = 200;
  *content_type = g_strdup ("application/json");

  if (n >= 2 && g_str_equal (parts[0], "Items"))
    {
      g_free (*content_type);
      *content_type = g_strdup ("image/png");
      *body = poster_for (request->path);
      return TRUE;
    }

  if (g_strcmp0 (token, SSV_BENCH_API_KEY) != 0)
    {
      *status = 401;
      *body = g_bytes_new_static ("", 0);
      return TRUE;
    }

  if (request->query != NULL)
    params = g_uri_parse_params (request->query, -1, "&", G_URI_PARAMS_NONE, NULL);

  if (n == 2 && g_str_equal (parts[0], "System"))
    {
      const char *info = "{\"ServerName\":\"Bench Jellyfin\",\"Version\":\"10.9.11\"}";
      *body = g_bytes_new_static (info, strlen (info));
    }
  else if (n == 1 && g_str_equal (parts[0], "Users"))
    {
      const char *users = "[{\"Name\":\"bench\",\"Id\":\"" USER_ID "\",\"Policy\":{\"IsAdministrator\":true}}]";
      *body = g_bytes_new_static (users, strlen (users));
    }
  else if (n == 3 && g_str_equal (parts[2], "Views"))
    {
      const char *views = "{\"Items\":[{\"Id\":\"" SSV_BENCH_MOVIES_LIBRARY "\",\"Name\":\"Movies\","
                          "\"CollectionType\":\"movies\"},{\"Id\":\"" SSV_BENCH_SHOWS_LIBRARY "\","
                          "\"Name\":\"Shows\",\"CollectionType\":\"tvshows\"}],\"TotalRecordCount\":2}";
      *body = g_bytes_new_static (views, strlen (views));
    }
  else if (n == 3 && g_str_equal (parts[2], "Items"))
    {
      const char *parent = params ? g_hash_table_lookup (params, "ParentId") : NULL;
      const char *types = params ? g_hash_table_lookup (params, "IncludeItemTypes") : NULL;
      gboolean changed = saved_since (library, params);
      guint start = param (params, "StartIndex", 0);
      guint limit = param (params, "Limit", G_MAXUINT);

      /* Nothing was saved since; without a date filter (an incremental scan's
       * listing by last played) the server answers pages of everything, as a
       * real one does: none of it was played since, but the pages cost. */
      if (!changed)
        *body = page (library, append_movie_cb, 0, 0, 0);
      else if (g_strcmp0 (types, "Episode") == 0)
        *body = episodes_page (library, start, limit);
      else if (g_strcmp0 (parent, SSV_BENCH_SHOWS_LIBRARY) == 0)
        *body = page (library, append_show_cb, library->n_shows, start, limit);
      else
        *body = page (library, append_movie_cb, library->n_movies, start, limit);
    }
  else if (n == 3 && g_str_equal (parts[0], "Shows"))
    {
      guint s;

      if (!parse_series (parts[1], &s) || s >= library->n_shows)
        return FALSE;

      if (g_str_equal (parts[2], "Seasons"))
        {
          GString *out = g_string_new ("{\"Items\":[");
          guint seasons = (episodes_per_show (library) + 9) / 10;

          for (guint k = 1; k <= seasons; k++)
            g_string_append_printf (out, "%s{\"Id\":\"%08x%024x\",\"Name\":\"Season %u\",\"IndexNumber\":%u,"
                                    "\"Type\":\"Season\"}", k > 1 ? "," : "", 0x40000000u + s * 100 + k, s, k, k);
          g_string_append_printf (out, "],\"TotalRecordCount\":%u}", seasons);
          *body = g_string_free_to_bytes (out);
        }
      else
        {
          g_autofree char *saved = iso (library->saved_at);
          guint total = episodes_per_show (library);
          guint start = param (params, "StartIndex", 0);
          guint end = MIN (total, start + param (params, "Limit", G_MAXUINT));
          GString *out = g_string_sized_new (1200 * (end - MIN (start, end)) + 128);

          g_string_append (out, "{\"Items\":[");
          for (guint e = start; e < end; e++)
            {
              if (e > start)
                g_string_append_c (out, ',');
              append_episode (library, out, s, e, saved);
            }
          g_string_append_printf (out, "],\"TotalRecordCount\":%u,\"StartIndex\":%u}", total, start);
          *body = g_string_free_to_bytes (out);
        }
    }
  else
    return FALSE;

  return TRUE;
}

/**
 * ssv_bench_library_serve:
 *
 * Answers as a Jellyfin server with @library (API key %SSV_BENCH_API_KEY) and
 * serves a poster for every /Items/…/Images/… address. @library must outlive
 * @server.
 */
void
ssv_bench_library_serve (const SsvBenchLibrary *library,
                         SsvFakeServer         *server)
{
  ssv_fake_server_add_handler (server, "GET /System/*", handle, (gpointer) library, NULL);
  ssv_fake_server_add_handler (server, "GET /Users*", handle, (gpointer) library, NULL);
  ssv_fake_server_add_handler (server, "GET /Shows/*", handle, (gpointer) library, NULL);
  ssv_fake_server_add_handler (server, "GET /Items/*", handle, (gpointer) library, NULL);
}

/* ---- filling a database --------------------------------------------------------- */

static SsvMediaItem *
parse_one (GString    *json,
           const char *base_url)
{
  g_autoptr(GError) error = NULL;
  SsvMediaItem *item = ssv_jellyfin_parse_item (json->str, (gssize) json->len, base_url, &error);

  if (item == NULL)
    g_error ("Generated JSON does not parse: %s", error->message);

  return item;
}

/**
 * ssv_bench_library_movie:
 *
 * Returns: (transfer full): movie @index as a scan would read it
 */
SsvMediaItem *
ssv_bench_library_movie (const SsvBenchLibrary *library,
                         guint                  index,
                         const char            *base_url)
{
  g_autofree char *saved = iso (library->saved_at);
  g_autoptr(GString) json = g_string_new (NULL);
  SsvMediaItem *item;

  append_movie (library, json, index, saved);
  item = parse_one (json, base_url);
  item->library_key = g_strdup (SSV_BENCH_MOVIES_LIBRARY);
  return item;
}

/**
 * ssv_bench_library_fill:
 *
 * Writes @library into @db as one Jellyfin server ("Bench Jellyfin", its URL
 * the image base) with both libraries mapped: the rows a full scan of the
 * served library writes, without the HTTP. Titles per page, show trees one
 * transaction each.
 */
gboolean
ssv_bench_library_fill (const SsvBenchLibrary  *library,
                        SsvDatabase            *db,
                        GError                **error)
{
  g_autoptr(SsvLibraryStore) store = ssv_library_store_new (db);
  g_autoptr(GPtrArray) mapping = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_autofree char *saved = iso (library->saved_at);
  const char *base = library->image_base ? library->image_base : "http://bench.invalid";
  gint64 row;

  if (!ssv_server_store_add (db, "jellyfin", "Bench Jellyfin", base, USER_ID, &row, NULL, error))
    return FALSE;
  g_ptr_array_add (mapping, ssv_media_library_new (SSV_BENCH_MOVIES_LIBRARY, "Movies", SSV_LIBRARY_KIND_MOVIES));
  g_ptr_array_add (mapping, ssv_media_library_new (SSV_BENCH_SHOWS_LIBRARY, "Shows", SSV_LIBRARY_KIND_SHOWS));
  if (!ssv_server_store_set_libraries (db, row, mapping, error))
    return FALSE;

  for (guint start = 0; start < library->n_movies; start += 500)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_item_free);

      for (guint i = start; i < MIN (start + 500, library->n_movies); i++)
        g_ptr_array_add (items, ssv_bench_library_movie (library, i, base));
      if (!ssv_library_store_save_titles (store, row, items, NULL, NULL, NULL, error))
        return FALSE;
    }

  for (guint s = 0; s < library->n_shows; s++)
    {
      g_autoptr(GString) json = g_string_new (NULL);
      g_autoptr(SsvMediaItem) show = NULL;
      g_autoptr(SsvShowTree) tree = ssv_show_tree_new ();

      append_show (library, json, s, saved);
      show = parse_one (json, base);
      show->library_key = g_strdup (SSV_BENCH_SHOWS_LIBRARY);

      for (guint e = 0; e < episodes_per_show (library); e++)
        {
          g_string_truncate (json, 0);
          append_episode (library, json, s, e, saved);
          g_ptr_array_add (tree->episodes, parse_one (json, base));
        }

      if (!ssv_library_store_save_show_tree (store, row, show, show->server_id, tree, FALSE, NULL, NULL, error))
        return FALSE;
    }

  return ssv_server_store_mark_scanned (db, row, g_get_real_time () / G_USEC_PER_SEC, TRUE, error);
}

/* ---- the serving child process ------------------------------------------------- */

/**
 * ssv_bench_child_spawn:
 * @argv: the child's command line; it prints one line (its URL) when ready
 *
 * Returns: (transfer full): the child's first line, stripped
 */
char *
ssv_bench_child_spawn (SsvBenchChild      *child,
                       const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int child_out;
  char line[256];

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &child->pid, &child->in, &child_out, NULL, &error);
  g_assert_no_error (error);
  child->out = fdopen (child_out, "r");
  g_assert_nonnull (fgets (line, sizeof line, child->out));

  return g_strstrip (g_strdup (line));
}

/* Closes the child's stdin, which ends it, and waits for it. */
void
ssv_bench_child_stop (SsvBenchChild *child)
{
  close (child->in);
  fclose (child->out);
  waitpid (child->pid, NULL, 0);
  g_spawn_close_pid (child->pid);
}

/* In the child: tells the parent @server's URL, then serves until the parent
 * closes our stdin. */
void
ssv_bench_serve_until_closed (SsvFakeServer *server)
{
  char buffer[64];

  printf ("%s\n", ssv_fake_server_get_url (server));
  fflush (stdout);

  while (fread (buffer, 1, sizeof buffer, stdin) > 0)
    ;
}

/* ---- the raw insert ceiling ---------------------------------------------------- */

/**
 * ssv_bench_insert_movies:
 *
 * Inserts @n_rows plain movie rows of server 1 (which must exist), a thousand
 * to a transaction: the foundation's raw insert loop, the ceiling every bulk
 * write (scans, enrichment) is compared with.
 *
 * Returns: the seconds it took
 */
double
ssv_bench_insert_movies (SsvDatabase *db,
                         guint        n_rows)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint done = 0; done < n_rows; done += 1000)
    {
      g_assert_true (ssv_database_begin (db, &error));
      for (guint i = done; i < done + 1000 && i < n_rows; i++)
        {
          g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
            "INSERT INTO movies (server_source, server_id, title, sort_title, year, overview,"
            " runtime_minutes, tmdb_id, imdb_id, added_at, updated_at)"
            " VALUES (1, ?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", &error);
          char server_id[32], title[64], imdb[16];

          g_snprintf (server_id, sizeof server_id, "item-%u", i);
          g_snprintf (title, sizeof title, "Generated Movie Number %u", i);
          g_snprintf (imdb, sizeof imdb, "tt%07u", i);
          sqlite3_bind_text (stmt, 1, server_id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 3, 1950 + (int) (i % 75));
          sqlite3_bind_text (stmt, 4, "A short overview of a generated movie, about as long as a real one.",
                             -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 5, 90 + (int) (i % 60));
          sqlite3_bind_int (stmt, 6, (int) i + 1);
          sqlite3_bind_text (stmt, 7, imdb, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 8, 1700000000 + i);
          g_assert_true (ssv_stmt_step_done (stmt, &error));
        }
      g_assert_true (ssv_database_commit (db, &error));
    }

  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}
