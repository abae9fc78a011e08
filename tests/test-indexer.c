/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-indexer.c: the Torznab/Newznab and Prowlarr readers on recorded answers and on hostile ones. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "ssv-fake-indexer.h"
#include "downloads/ssv-indexer.h"
#include "downloads/ssv-prowlarr.h"
#include "downloads/ssv-quality-profile.h"
#include "ssv-test-utils.h"
#include "downloads/ssv-torznab.h"

static GPtrArray *
parse_fixture (const char  *fixture,
               SsvProtocol  protocol)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load (fixture);
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = ssv_torznab_parse_results (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                               "Test", protocol, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static SsvIndexerCaps *
caps_fixture (const char *fixture)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load (fixture);
  g_autoptr(GError) error = NULL;
  SsvIndexerCaps *caps = ssv_torznab_parse_caps (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "Test",
                                                 &error);

  g_assert_no_error (error);
  g_assert_nonnull (caps);
  return caps;
}

static char *
categories_text (GArray *categories)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < categories->len; i++)
    g_string_append_printf (s, "%s%d", i ? "," : "", g_array_index (categories, int, i));
  return g_string_free (s, FALSE);
}

/* ---- caps ------------------------------------------------------------------- */

static void
test_caps_newznab (void)
{
  g_autoptr(SsvIndexerCaps) caps = caps_fixture ("torznab/newznab_caps.xml");
  g_autoptr(GArray) tv = ssv_indexer_caps_pick_categories (caps, TRUE, FALSE);
  g_autoptr(GArray) anime = ssv_indexer_caps_pick_categories (caps, TRUE, TRUE);
  g_autoptr(GArray) films = ssv_indexer_caps_pick_categories (caps, FALSE, FALSE);
  g_autofree char *tv_text = categories_text (tv);
  g_autofree char *anime_text = categories_text (anime);
  g_autofree char *films_text = categories_text (films);

  g_assert_cmpint (caps->limit_max, ==, 60);
  g_assert_cmpint (caps->limit_default, ==, 25);
  /* available without supportedParams: what Newznab servers have always taken */
  g_assert_true (ssv_indexer_caps_supports (caps, SSV_SEARCH_GENERIC, SSV_PARAM_Q));
  g_assert_true (ssv_indexer_caps_supports (caps, SSV_SEARCH_TV, SSV_PARAM_Q | SSV_PARAM_SEASON | SSV_PARAM_EP));
  g_assert_false (ssv_indexer_caps_supports (caps, SSV_SEARCH_TV, SSV_PARAM_TVDBID));
  g_assert_true (ssv_indexer_caps_supports (caps, SSV_SEARCH_MOVIE, SSV_PARAM_IMDBID));
  g_assert_cmpuint (caps->categories->len, ==, 3 + 8 + 1 + 1);

  /* the parent stands for its children; anime is asked for by name; no film category: the standard one */
  g_assert_cmpstr (tv_text, ==, "5000");
  g_assert_cmpstr (anime_text, ==, "5000,5070");
  g_assert_cmpstr (films_text, ==, "2000");
}

static void
test_caps_animetosho (void)
{
  g_autoptr(SsvIndexerCaps) caps = caps_fixture ("torznab/torznab_animetosho_caps.xml");
  g_autoptr(GArray) tv = ssv_indexer_caps_pick_categories (caps, TRUE, TRUE);
  g_autoptr(GArray) films = ssv_indexer_caps_pick_categories (caps, FALSE, FALSE);
  g_autofree char *tv_text = categories_text (tv);
  g_autofree char *films_text = categories_text (films);

  g_assert_true (ssv_indexer_caps_supports (caps, SSV_SEARCH_GENERIC, SSV_PARAM_Q));
  /* available="no": no TV or film search at all, whatever it lists */
  g_assert_false (ssv_indexer_caps_supports (caps, SSV_SEARCH_TV, SSV_PARAM_Q));
  g_assert_false (ssv_indexer_caps_supports (caps, SSV_SEARCH_MOVIE, SSV_PARAM_Q));
  g_assert_cmpint (caps->limit_max, ==, 200);
  g_assert_cmpstr (tv_text, ==, "5070");
  g_assert_cmpstr (films_text, ==, "2020");
}

static void
test_caps_supported_params (void)
{
  static const char caps_xml[] =
    "<caps><searching><search available=\"yes\" supportedParams=\"q\"/>"
    "<tv-search available=\"yes\" supportedParams=\"q,season,ep,tvdbid,imdbid\"/>"
    "<movie-search available=\"yes\" supportedParams=\"q,imdbid,tmdbid\"/></searching>"
    "<categories><category id=\"2000\" name=\"Movies\"><subcat id=\"2040\" name=\"HD\"/></category>"
    "<category id=\"100001\" name=\"Custom\"/></categories></caps>";
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvIndexerCaps) caps = ssv_torznab_parse_caps (caps_xml, -1, "Jackett", &error);
  g_autoptr(GArray) films = NULL;
  g_autofree char *films_text = NULL;

  g_assert_no_error (error);
  g_assert_true (ssv_indexer_caps_supports (caps, SSV_SEARCH_TV, SSV_PARAM_TVDBID | SSV_PARAM_IMDBID |
                                                                  SSV_PARAM_SEASON | SSV_PARAM_EP));
  g_assert_true (ssv_indexer_caps_supports (caps, SSV_SEARCH_MOVIE, SSV_PARAM_TMDBID));
  g_assert_false (ssv_indexer_caps_supports (caps, SSV_SEARCH_TV, SSV_PARAM_TMDBID));
  films = ssv_indexer_caps_pick_categories (caps, FALSE, FALSE);
  films_text = categories_text (films);
  g_assert_cmpstr (films_text, ==, "2000");
}

/* ---- results ------------------------------------------------------------------- */

static SsvReleaseHit *
hit_at (GPtrArray *hits,
        guint      i)
{
  g_assert_cmpuint (i, <, hits->len);
  return g_ptr_array_index (hits, i);
}

static void
test_results_hdaccess (void)
{
  g_autoptr(GPtrArray) hits = parse_fixture ("torznab/torznab_hdaccess_net.xml", SSV_PROTOCOL_TORRENT);
  SsvReleaseHit *first = hit_at (hits, 0);

  g_assert_cmpuint (hits->len, ==, 5);
  g_assert_cmpstr (first->title, ==, "Better Call Saul S01E05 Alpine Shepherd 1080p NF WEBRip DD5.1 x264");
  g_assert_cmpstr (first->guid, ==, "https://hdaccess.net/details.php?id=11515");
  g_assert_cmpstr (first->download_url, ==, "https://hdaccess.net/download.php?torrent=11515&passkey=123456");
  g_assert_cmpstr (first->info_url, ==, "https://hdaccess.net/details.php?id=11515&hit=1#comments");
  g_assert_null (first->magnet_url);
  g_assert_cmpint (first->protocol, ==, SSV_PROTOCOL_TORRENT);
  g_assert_cmpint (first->size, ==, 2538463390);
  g_assert_cmpint (first->seeders, ==, 7);
  g_assert_cmpint (first->peers, ==, 7);
  g_assert_cmpstr (first->infohash, ==, "63e07ff523710ca268567dad344ce1e0e6b7e8a3");
  g_assert_cmpstr (first->imdb_id, ==, "tt3032476");
  g_assert_cmpint (first->tvdb_id, ==, 273181);
  g_assert_true (ssv_release_hit_has_category (first, 5040));
  /* Sat, 14 Mar 2015 17:10:42 -0400 */
  g_assert_cmpint (first->publish_date, ==, 1426367442);
  g_assert_cmpstr (first->indexer, ==, "Test");
  g_assert_cmpint (hit_at (hits, 1)->seeders, ==, 41);
}

static void
test_results_magnets (void)
{
  g_autoptr(GPtrArray) tpb = parse_fixture ("torznab/torznab_tpb.xml", SSV_PROTOCOL_TORRENT);
  g_autoptr(GPtrArray) tosho = parse_fixture ("torznab/torznab_animetosho.xml", SSV_PROTOCOL_TORRENT);
  g_autofree char *from_base32 = ssv_infohash_from_magnet ("magnet:?xt=urn:btih:VU2QYN66WU7FTPXSG3TFDRXW6KTEBPBF&dn=x");
  SsvReleaseHit *first = hit_at (tpb, 0);
  SsvReleaseHit *anime = hit_at (tosho, 0);

  g_assert_true (g_str_has_prefix (first->magnet_url, "magnet:?xt=urn:btih:9fb267cff5ae5603f07a347676ec3bf3e35f75e1"));
  g_assert_null (first->download_url);
  g_assert_cmpstr (first->infohash, ==, "9fb267cff5ae5603f07a347676ec3bf3e35f75e1");
  g_assert_cmpint (first->seeders, ==, 34128);
  g_assert_cmpint (first->peers, ==, 36724);
  g_assert_true (ssv_release_hit_can_download (first));

  /* a .torrent enclosure and a magnet: both kept; the indexer's own infohash wins */
  g_assert_cmpstr (anime->download_url, ==, "http://storage.localhost/torrents/123451.torrent");
  g_assert_nonnull (anime->magnet_url);
  g_assert_cmpstr (anime->infohash, ==, "2d69a861bef5a9f2cdf791b7328e37b7953205e1");
  g_assert_cmpint (anime->size, ==, 316477946);
  g_assert_cmpint (anime->n_files, ==, 1);
  g_assert_cmpstr (from_base32, ==, "ad350c37deb53e59bef236e651c6f6f2a640bc25");
}

static void
test_results_morethantv (void)
{
  g_autoptr(GPtrArray) hits = parse_fixture ("torznab/torznab_morethantv.xml", SSV_PROTOCOL_TORRENT);
  SsvReleaseHit *first = hit_at (hits, 0);

  g_assert_cmpuint (hits->len, ==, 2);
  /* "(removed)" is no infohash */
  g_assert_null (first->infohash);
  g_assert_cmpint (first->grabs, ==, 2);
  g_assert_cmpint (first->n_files, ==, 1);
  g_assert_cmpint (first->seeders, ==, 3);
  g_assert_cmpint (first->peers, ==, 3);
  g_assert_cmpstr (first->imdb_id, ==, "tt0039689");
  g_assert_true (ssv_release_hit_has_category (first, 2040));
  g_assert_cmpint (hit_at (hits, 1)->n_files, ==, 78);
}

static void
test_results_newznab (void)
{
  g_autoptr(GPtrArray) geek = parse_fixture ("torznab/newznab_nzbgeek_tvsearch_extended.DERIVED-escaped.xml",
                                             SSV_PROTOCOL_USENET);
  g_autoptr(GPtrArray) su = parse_fixture ("torznab/newznab_nzb_su.trimmed.xml", SSV_PROTOCOL_USENET);
  SsvReleaseHit *first = hit_at (geek, 0);

  g_assert_cmpuint (geek->len, ==, 2);
  g_assert_cmpint (first->protocol, ==, SSV_PROTOCOL_USENET);
  /* whitespace around the guid and the links is not part of them */
  g_assert_cmpstr (first->guid, ==, "https://api.nzbgeek.info/details/358e0f946f953771c7688864b0334ba1");
  g_assert_cmpstr (first->download_url, ==,
                   "https://api.nzbgeek.info/api?t=get&id=358e0f946f953771c7688864b0334ba1&apikey=(removed)");
  g_assert_cmpint (first->grabs, ==, 55);
  g_assert_cmpint (first->size, ==, 3810861000);
  /* Wed, 20 Mar 2019 04:54:15 +0000 */
  g_assert_cmpint (first->usenet_date, ==, 1553057655);
  g_assert_cmpint (first->tvdb_id, ==, 354629);
  g_assert_null (first->infohash);
  g_assert_cmpint (first->seeders, ==, -1);

  g_assert_cmpuint (su->len, ==, 5);
  g_assert_cmpint (hit_at (su, 0)->protocol, ==, SSV_PROTOCOL_USENET);
  g_assert_cmpint (hit_at (su, 0)->size, ==, 1183105773);
}

/* A torznab feed with an item of every odd kind a tracker sends. */
static void
test_results_odd_items (void)
{
  static const char feed[] =
    "<rss xmlns:torznab=\"http://torznab.com/schemas/2015/feed\"><channel>"
    "<item><guid>no-title</guid></item>"
    "<item><title>  Film 2020 1080p WEB-DL  </title><link>https://t/1.torrent</link>"
    "<torznab:attr name=\"seeders\" value=\"4\"/><torznab:attr name=\"leechers\" value=\"6\"/>"
    "<torznab:attr name=\"downloadvolumefactor\" value=\"0\"/><torznab:attr name=\"uploadvolumefactor\" value=\"2\"/>"
    "<torznab:attr name=\"size\" value=\"1.5e9\"/><torznab:attr name=\"seeders\" value=\"lots\"/></item>"
    "<item><title>Film 2020 720p</title><torznab:attr name=\"magneturl\" "
    "value=\"magnet:?xt=urn:btih:AD350C37DEB53E59BEF236E651C6F6F2A640BC25\"/></item>"
    "</channel></rss>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = ssv_torznab_parse_results (feed, -1, "Odd", SSV_PROTOCOL_TORRENT, &error);
  SsvReleaseHit *film;

  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  film = hit_at (hits, 0);
  g_assert_cmpstr (film->title, ==, "Film 2020 1080p WEB-DL");
  /* a count that is not a number is unknown, not 0 */
  g_assert_cmpint (film->seeders, ==, -1);
  g_assert_cmpint (film->size, ==, 1500000000);
  g_assert_true (film->indexer_flags & SSV_INDEXER_FLAG_FREELEECH);
  g_assert_true (film->indexer_flags & SSV_INDEXER_FLAG_DOUBLE_UPLOAD);
  g_assert_cmpstr (film->guid, ==, "https://t/1.torrent");
  g_assert_cmpstr (hit_at (hits, 1)->infohash, ==, "ad350c37deb53e59bef236e651c6f6f2a640bc25");
}

typedef struct
{
  const char *body;
  int         code;
  const char *says;
} Hostile;

static void
test_results_hostile (void)
{
  static const Hostile cases[] = {
    { "<!DOCTYPE html>\n<html><head><meta charset=utf-8><title>Just a moment...</title></head></html>",
      SSV_ERROR_MALFORMED, "web page" },
    { "<html><body>Login</body></html>", SSV_ERROR_MALFORMED, "web page" },
    { "<?xml version=\"1.0\"?><error code=\"100\" description=\"Incorrect user credentials\"/>",
      SSV_ERROR_KEY_REJECTED, "Incorrect user credentials" },
    { "<error code=\"500\" description=\"Request limit reached\"/>", SSV_ERROR_QUOTA, "limit" },
    { "<error code=\"201\" description=\"Incorrect parameter\"/>", SSV_ERROR_INVALID, "Incorrect parameter" },
    { "<error code=\"910\" description=\"API disabled\"/>", SSV_ERROR_REFUSED, "turned off" },
    { "<rss><channel><item><title>cut off", SSV_ERROR_MALFORMED, "not a Torznab" },
    { "<caps/>", SSV_ERROR_MALFORMED, "“caps”" },
    { "<rss version=\"2.0\"/>", SSV_ERROR_MALFORMED, "channel" },
    { "", SSV_ERROR_MALFORMED, "empty" },
    { "{\"results\": []}", SSV_ERROR_MALFORMED, "not a Torznab" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = ssv_torznab_parse_results (cases[i].body, -1, "NZBgeek", SSV_PROTOCOL_USENET,
                                                             &error);

      g_test_message ("%s → %s", cases[i].body, error ? error->message : "(no error)");
      g_assert_null (hits);
      g_assert_error (error, SSV_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "NZBgeek"));
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

/* ---- Prowlarr --------------------------------------------------------------------- */

static GPtrArray *
prowlarr_fixture (const char *fixture)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load (fixture);
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = ssv_prowlarr_parse_results (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "Prowlarr",
                                                &error);

  g_assert_no_error (error);
  return hits;
}

static void
test_prowlarr_results (void)
{
  g_autoptr(GPtrArray) hits = prowlarr_fixture ("prowlarr/search_hdaccess.SHAPE.json");
  g_autoptr(GPtrArray) tpb = prowlarr_fixture ("prowlarr/search_tpb.SHAPE.json");
  SsvReleaseHit *first = hit_at (hits, 0);
  SsvReleaseHit *magnet = hit_at (tpb, 0);

  g_assert_cmpuint (hits->len, ==, 5);
  g_assert_cmpstr (first->title, ==, "Better Call Saul S01E05 Alpine Shepherd 1080p NF WEBRip DD5.1 x264");
  g_assert_cmpstr (first->indexer, ==, "HDAccess (via Prowlarr)");
  g_assert_true (g_str_has_prefix (first->download_url, "http://localhost:9696/1/download?"));
  g_assert_cmpint (first->seeders, ==, 7);
  g_assert_cmpint (first->peers, ==, 7);
  g_assert_cmpint (first->size, ==, 2538463390);
  g_assert_cmpint (first->publish_date, ==, 1426367442);
  g_assert_cmpstr (first->imdb_id, ==, "tt3032476");
  g_assert_cmpstr (first->infohash, ==, "63e07ff523710ca268567dad344ce1e0e6b7e8a3");
  g_assert_true (first->indexer_flags & SSV_INDEXER_FLAG_FREELEECH);
  g_assert_true (ssv_release_hit_has_category (first, 5040));

  /* Prowlarr's magnets are its own http links: downloads, with the infohash kept */
  g_assert_null (magnet->magnet_url);
  g_assert_true (g_str_has_prefix (magnet->download_url, "http://localhost:9696/2/download?"));
  g_assert_cmpstr (magnet->infohash, ==, "9fb267cff5ae5603f07a347676ec3bf3e35f75e1");
  g_assert_cmpint (magnet->peers, ==, 36724);
}

static void
test_prowlarr_indexers (void)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load ("prowlarr/indexer.SHAPE.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) indexers = ssv_prowlarr_parse_indexers (g_bytes_get_data (bytes, NULL),
                                                               g_bytes_get_size (bytes), "Prowlarr", &error);
  SsvProwlarrIndexer *hd;
  SsvProwlarrIndexer *tpb;

  g_assert_no_error (error);
  /* "Old Tracker" is off */
  g_assert_cmpuint (indexers->len, ==, 2);
  hd = g_ptr_array_index (indexers, 0);
  tpb = g_ptr_array_index (indexers, 1);
  g_assert_cmpint (hd->id, ==, 1);
  g_assert_cmpstr (hd->name, ==, "HDAccess");
  g_assert_true (ssv_indexer_caps_supports (hd->caps, SSV_SEARCH_TV, SSV_PARAM_TVDBID | SSV_PARAM_SEASON | SSV_PARAM_EP));
  g_assert_true (ssv_indexer_caps_supports (hd->caps, SSV_SEARCH_MOVIE, SSV_PARAM_IMDBID | SSV_PARAM_TMDBID));
  g_assert_cmpuint (hd->caps->categories->len, ==, 5);
  g_assert_false (ssv_indexer_caps_supports (tpb->caps, SSV_SEARCH_TV, SSV_PARAM_TVDBID));
}

static void
test_prowlarr_query (void)
{
  g_autoptr(SsvIndexerQuery) tv = ssv_indexer_query_new (SSV_SEARCH_TV, "The Fix");
  g_autoptr(SsvIndexerQuery) film = ssv_indexer_query_new (SSV_SEARCH_MOVIE, NULL);
  g_autofree char *tv_q = NULL;
  g_autofree char *film_q = NULL;

  tv->tvdb_id = 354629;
  tv->season = 1;
  tv->ep = g_strdup ("1");
  film->imdb_id = g_strdup ("tt0137523");
  film->tmdb_id = 550;
  tv_q = ssv_prowlarr_build_query (tv);
  film_q = ssv_prowlarr_build_query (film);
  g_assert_cmpstr (tv_q, ==, "The Fix{TvdbId:354629}{Season:1}{Episode:1}");
  g_assert_cmpstr (film_q, ==, "{ImdbId:tt0137523}{TmdbId:550}");
}

static void
test_prowlarr_hostile (void)
{
  static const Hostile cases[] = {
    { "{\"message\":\"Indexer search failed\"}", SSV_ERROR_FAILED, "Indexer search failed" },
    { "<!doctype html><html><body>Prowlarr</body></html>", SSV_ERROR_MALFORMED, "web page" },
    { "{\"title\": \"one release\"}", SSV_ERROR_MALFORMED, "list of releases" },
    { "[{\"title\": ", SSV_ERROR_MALFORMED, "could not be read" },
    { "", SSV_ERROR_MALFORMED, "empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = ssv_prowlarr_parse_results (cases[i].body, -1, "Prowlarr", &error);

      g_test_message ("%s → %s", cases[i].body, error ? error->message : "(no error)");
      g_assert_null (hits);
      g_assert_error (error, SSV_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }

  /* a release whose title quotes markup is still a release, not a web page */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) hits = ssv_prowlarr_parse_results (
      "[{\"title\": \"<html><body> The Web Series S01E01 720p WEB\", \"downloadUrl\": \"https://x/1\"}]", -1,
      "Prowlarr", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }

  /* wrong types are skipped, not trusted */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) hits = ssv_prowlarr_parse_results (
      "[1, null, {\"title\": 5}, {\"title\": \"  \"}, {\"title\": \"Film 2020\", \"size\": \"big\", \"seeders\": -4,"
      " \"protocol\": \"usenet\", \"downloadUrl\": \"https://x/1.nzb\", \"categories\": [\"a\", {\"id\": 2000}]}]",
      -1, "Prowlarr", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpint (hit_at (hits, 0)->protocol, ==, SSV_PROTOCOL_USENET);
    g_assert_cmpint (hit_at (hits, 0)->size, ==, -1);
    g_assert_true (ssv_release_hit_has_category (hit_at (hits, 0), 2000));
  }
}

/* ---- requests --------------------------------------------------------------------- */

static const char *
param (GHashTable *params,
       const char *name)
{
  return g_hash_table_lookup (params, name);
}

/* What goes on the wire: the path Sonarr's users paste, t=, the key, cat= from caps, ids. */
static void
test_request_shape (void)
{
  g_autoptr(SsvFakeIndexer) fake = ssv_fake_indexer_new ("k3y", "torznab/newznab_caps.xml");
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autofree char *jackett_url = NULL;
  g_autoptr(SsvIndexer) indexer = NULL;
  g_autoptr(SsvIndexerQuery) query = ssv_indexer_query_new (SSV_SEARCH_TV, NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) searches = NULL;
  g_autoptr(SsvIndexerCaps) caps = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *sent;

  ssv_fake_indexer_set_results (fake, NULL, "torznab/newznab_nzbgeek_tvsearch_extended.DERIVED-escaped.xml");
  /* Jackett shows ".../results/torznab/": "api" is added, as Sonarr does */
  jackett_url = g_strndup (ssv_fake_indexer_get_url (fake), strlen (ssv_fake_indexer_get_url (fake)) - 3);
  indexer = ssv_indexer_new (SSV_INDEXER_NEWZNAB, "NZBgeek", jackett_url, "k3y");
  caps = ssv_indexer_fetch_caps (indexer, http, NULL, &error);
  g_assert_no_error (error);

  query->tv = TRUE;
  query->imdb_id = g_strdup ("tt7008682");
  query->tvdb_id = 354629;
  query->season = 1;
  query->ep = g_strdup ("1");
  hits = ssv_indexer_search (indexer, http, query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpint (hit_at (hits, 0)->protocol, ==, SSV_PROTOCOL_USENET);
  g_assert_cmpstr (hit_at (hits, 0)->indexer, ==, "NZBgeek");

  searches = ssv_fake_indexer_dup_searches (fake);
  g_assert_cmpuint (searches->len, ==, 1);
  sent = g_ptr_array_index (searches, 0);
  g_assert_cmpstr (param (sent, "t"), ==, "tvsearch");
  g_assert_cmpstr (param (sent, "apikey"), ==, "k3y");
  g_assert_cmpstr (param (sent, "cat"), ==, "5000");
  g_assert_cmpstr (param (sent, "tvdbid"), ==, "354629");
  /* Newznab wants the IMDb number without "tt" */
  g_assert_cmpstr (param (sent, "imdbid"), ==, "7008682");
  g_assert_cmpstr (param (sent, "season"), ==, "1");
  g_assert_cmpstr (param (sent, "ep"), ==, "1");
  g_assert_cmpstr (param (sent, "extended"), ==, "1");
  /* no more than caps' max */
  g_assert_cmpstr (param (sent, "limit"), ==, "60");
  g_assert_null (param (sent, "q"));

  /* caps are asked for once */
  g_clear_pointer (&caps, ssv_indexer_caps_unref);
  caps = ssv_indexer_fetch_caps (indexer, http, NULL, &error);
  g_assert_cmpuint (ssv_fake_server_get_hits (ssv_fake_indexer_get_server (fake), "/api"), ==, 2);
}

static void
test_request_wrong_key (void)
{
  g_autoptr(SsvFakeIndexer) fake = ssv_fake_indexer_new ("right", "torznab/newznab_caps.xml");
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvIndexer) indexer = ssv_indexer_new (SSV_INDEXER_TORZNAB, "Jackett", ssv_fake_indexer_get_url (fake),
                                                   "wrong");
  g_autoptr(SsvIndexerCaps) caps = NULL;
  g_autoptr(GError) error = NULL;

  caps = ssv_indexer_fetch_caps (indexer, http, NULL, &error);
  g_assert_null (caps);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED);
  g_assert_nonnull (strstr (error->message, "Jackett"));
  /* the key never shows in what a person reads */
  g_assert_null (strstr (error->message, "wrong"));
}

static void
test_request_test_connection (void)
{
  g_autoptr(SsvFakeIndexer) fake = ssv_fake_indexer_new ("k", "torznab/newznab_caps.xml");
  g_autoptr(SsvFakeIndexer) prowlarr_fake = ssv_fake_prowlarr_new ("p", "prowlarr/indexer.SHAPE.json");
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvIndexer) indexer = ssv_indexer_new (SSV_INDEXER_NEWZNAB, "NZBgeek", ssv_fake_indexer_get_url (fake),
                                                   "k");
  g_autoptr(SsvIndexer) prowlarr = ssv_indexer_new (SSV_INDEXER_PROWLARR, "Prowlarr",
                                                    ssv_fake_indexer_get_url (prowlarr_fake), "p");
  g_autoptr(GError) error = NULL;
  g_autofree char *said = ssv_indexer_test (indexer, http, NULL, &error);
  g_autofree char *prowlarr_said = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (said, ==, "NZBgeek answers: 13 categories; it searches for anything, shows, films.");
  prowlarr_said = ssv_indexer_test (prowlarr, http, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prowlarr_said, ==, "Prowlarr answers: 2 indexers can search.");
}

static void
test_request_budget (void)
{
  g_autoptr(SsvFakeIndexer) fake = ssv_fake_indexer_new (NULL, "torznab/newznab_caps.xml");
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvIndexer) indexer = ssv_indexer_new (SSV_INDEXER_NEWZNAB, "DogNZB", ssv_fake_indexer_get_url (fake),
                                                   NULL);
  g_autoptr(SsvIndexerQuery) query = ssv_indexer_query_new (SSV_SEARCH_GENERIC, "Fight Club 1999");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvIndexerCaps) caps = NULL;

  ssv_fake_indexer_set_results (fake, NULL, "torznab/newznab_nzb_su.trimmed.xml");
  ssv_indexer_set_rate (indexer, 0, 1);
  ssv_indexer_set_budget (indexer, 2, 3600);
  caps = ssv_indexer_fetch_caps (indexer, http, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GPtrArray) hits = ssv_indexer_search (indexer, http, query, NULL, &error);

      if (i == 0)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (ssv_indexer_get_requests_left (indexer), ==, 0);
        }
      else
        {
          g_assert_null (hits);
          g_assert_error (error, SSV_ERROR, SSV_ERROR_QUOTA);
          g_assert_nonnull (strstr (error->message, "DogNZB"));
        }
    }
  /* caps and one search: the third request never left */
  g_assert_cmpuint (ssv_fake_server_get_total_hits (ssv_fake_indexer_get_server (fake)), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/indexer/caps/newznab", test_caps_newznab);
  g_test_add_func ("/core/indexer/caps/animetosho", test_caps_animetosho);
  g_test_add_func ("/core/indexer/caps/supported-params", test_caps_supported_params);
  g_test_add_func ("/core/indexer/torznab/hdaccess", test_results_hdaccess);
  g_test_add_func ("/core/indexer/torznab/magnets", test_results_magnets);
  g_test_add_func ("/core/indexer/torznab/morethantv", test_results_morethantv);
  g_test_add_func ("/core/indexer/torznab/newznab", test_results_newznab);
  g_test_add_func ("/core/indexer/torznab/odd-items", test_results_odd_items);
  g_test_add_func ("/core/indexer/torznab/hostile", test_results_hostile);
  g_test_add_func ("/core/indexer/prowlarr/results", test_prowlarr_results);
  g_test_add_func ("/core/indexer/prowlarr/indexers", test_prowlarr_indexers);
  g_test_add_func ("/core/indexer/prowlarr/query", test_prowlarr_query);
  g_test_add_func ("/core/indexer/prowlarr/hostile", test_prowlarr_hostile);
  g_test_add_func ("/core/indexer/request/shape", test_request_shape);
  g_test_add_func ("/core/indexer/request/wrong-key", test_request_wrong_key);
  g_test_add_func ("/core/indexer/request/test-connection", test_request_test_connection);
  g_test_add_func ("/core/indexer/request/budget", test_request_budget);

  return g_test_run ();
}
