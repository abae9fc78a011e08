/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-hit.c: a release offered by an indexer or a peer; its keys, files and links. */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "downloads/ssv-bencode.h"
#include "downloads/ssv-release-hit.h"

G_DEFINE_BOXED_TYPE (SsvReleaseHit, ssv_release_hit, ssv_release_hit_ref, ssv_release_hit_unref)

static void
hit_file_free (gpointer data)
{
  SsvHitFile *file = data;

  g_free (file->path);
  g_free (file);
}

/* A list of SsvHitFile, as SsvReleaseHit.files holds them. */
GPtrArray *
ssv_hit_files_new (void)
{
  return g_ptr_array_new_with_free_func (hit_file_free);
}

void
ssv_hit_files_add (GPtrArray  *files,
                   const char *path,
                   gint64      size,
                   gboolean    wanted)
{
  SsvHitFile *file = g_new0 (SsvHitFile, 1);

  file->path = g_strdup (path);
  file->size = size;
  file->wanted = wanted;
  g_ptr_array_add (files, file);
}

SsvReleaseHit *
ssv_release_hit_new (SsvProtocol protocol)
{
  SsvReleaseHit *hit = g_new0 (SsvReleaseHit, 1);

  g_atomic_ref_count_init (&hit->ref);
  hit->protocol = protocol;
  hit->size = -1;
  hit->seeders = -1;
  hit->peers = -1;
  hit->grabs = -1;
  hit->n_files = -1;
  hit->queue_length = -1;
  hit->upload_speed = -1;
  hit->categories = g_array_new (FALSE, FALSE, sizeof (int));
  hit->files = ssv_hit_files_new ();

  return hit;
}

/* A deep copy, to change before it is shared (its files not included). */
SsvReleaseHit *
ssv_release_hit_copy (const SsvReleaseHit *hit)
{
  SsvReleaseHit *copy = ssv_release_hit_new (hit->protocol);
  GArray *categories = copy->categories;
  GPtrArray *files = copy->files;

  *copy = *hit;
  g_atomic_ref_count_init (&copy->ref);
  copy->title = g_strdup (hit->title);
  copy->guid = g_strdup (hit->guid);
  copy->indexer = g_strdup (hit->indexer);
  copy->download_url = g_strdup (hit->download_url);
  copy->magnet_url = g_strdup (hit->magnet_url);
  copy->info_url = g_strdup (hit->info_url);
  copy->infohash = g_strdup (hit->infohash);
  copy->imdb_id = g_strdup (hit->imdb_id);
  copy->slskd_user = g_strdup (hit->slskd_user);
  copy->categories = categories;
  g_array_append_vals (copy->categories, hit->categories->data, hit->categories->len);
  copy->files = files;
  return copy;
}

SsvReleaseHit *
ssv_release_hit_ref (SsvReleaseHit *hit)
{
  g_atomic_ref_count_inc (&hit->ref);
  return hit;
}

void
ssv_release_hit_unref (SsvReleaseHit *hit)
{
  if (hit == NULL || !g_atomic_ref_count_dec (&hit->ref))
    return;

  g_free (hit->title);
  g_free (hit->guid);
  g_free (hit->indexer);
  g_free (hit->download_url);
  g_free (hit->magnet_url);
  g_free (hit->info_url);
  g_free (hit->infohash);
  g_array_unref (hit->categories);
  g_free (hit->imdb_id);
  g_free (hit->slskd_user);
  g_ptr_array_unref (hit->files);
  g_free (hit);
}

void
ssv_release_hit_add_file (SsvReleaseHit *hit,
                          const char    *path,
                          gint64         size,
                          gboolean       wanted)
{
  ssv_hit_files_add (hit->files, path, size, wanted);
}

/* What a reader does last: a torrent's infohash from its magnet, a guid from its link. */
void
ssv_release_hit_finish (SsvReleaseHit *hit)
{
  if (hit->protocol == SSV_PROTOCOL_TORRENT && hit->infohash == NULL)
    hit->infohash = ssv_infohash_from_magnet (hit->magnet_url);
  if (hit->guid == NULL)
    hit->guid = g_strdup (hit->download_url ? hit->download_url : hit->magnet_url);
}

void
ssv_release_hit_add_category (SsvReleaseHit *hit,
                              int            category)
{
  if (!ssv_release_hit_has_category (hit, category))
    g_array_append_val (hit->categories, category);
}

gboolean
ssv_release_hit_has_category (const SsvReleaseHit *hit,
                              int                  category)
{
  for (guint i = 0; i < hit->categories->len; i++)
    if (g_array_index (hit->categories, int, i) == category)
      return TRUE;
  return FALSE;
}

/* Whether a grab has something to start from: a link, a magnet, or a peer's files. */
gboolean
ssv_release_hit_can_download (const SsvReleaseHit *hit)
{
  if (hit->protocol == SSV_PROTOCOL_SLSKD)
    {
      for (guint i = 0; hit->slskd_user != NULL && i < hit->files->len; i++)
        if (((SsvHitFile *) g_ptr_array_index (hit->files, i))->wanted)
          return TRUE;
      return FALSE;
    }
  return (hit->download_url != NULL && hit->download_url[0] != '\0') ||
         (hit->magnet_url != NULL && hit->magnet_url[0] != '\0');
}

/**
 * ssv_release_hit_dup_keys:
 *
 * The keys two hits of the same release share: its infohash, its guid, its
 * link. Two hits with any key in common are the same release (the retry engine
 * uses the same keys against what was tried and what is blocklisted).
 *
 * Returns: (transfer container) (element-type utf8): "ih:…", "guid:…", "url:…", "slsk:…"
 */
GPtrArray *
ssv_release_hit_dup_keys (const SsvReleaseHit *hit)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  if (hit->protocol == SSV_PROTOCOL_SLSKD)
    {
      /* One peer's copy of one folder: the same folder from another peer is another try. */
      if (hit->slskd_user != NULL && hit->guid != NULL)
        g_ptr_array_add (keys, g_strconcat ("slsk:", hit->guid, NULL));
      return keys;
    }

  if (hit->infohash != NULL)
    g_ptr_array_add (keys, g_strconcat ("ih:", hit->infohash, NULL));
  if (hit->guid != NULL && hit->guid[0] != '\0')
    g_ptr_array_add (keys, g_strconcat ("guid:", hit->guid, NULL));
  if (hit->download_url != NULL && hit->download_url[0] != '\0')
    g_ptr_array_add (keys, g_strconcat ("url:", hit->download_url, NULL));
  else if (hit->magnet_url != NULL && hit->magnet_url[0] != '\0' && hit->infohash == NULL)
    g_ptr_array_add (keys, g_strconcat ("url:", hit->magnet_url, NULL));

  return keys;
}

/* How likely a grab is to complete, for sorting: seeders, grabs, or a free slot. */
int
ssv_release_hit_availability (const SsvReleaseHit *hit)
{
  switch (hit->protocol)
    {
    case SSV_PROTOCOL_TORRENT:
      return MAX (hit->seeders, 0);
    case SSV_PROTOCOL_USENET:
      /* Usenet posts are there or not; grabs say others got it whole. */
      return MAX (hit->grabs, 0);
    case SSV_PROTOCOL_SLSKD:
    default:
      return (hit->free_slot ? 1000000 : 0) - MIN (MAX (hit->queue_length, 0), 999999);
    }
}

const char *
ssv_protocol_to_string (SsvProtocol protocol)
{
  switch (protocol)
    {
    case SSV_PROTOCOL_TORRENT:
      return "torrent";
    case SSV_PROTOCOL_USENET:
      return "usenet";
    case SSV_PROTOCOL_SLSKD:
    default:
      return "slskd";
    }
}

/* ---- infohashes ---------------------------------------------------------- */

/* The v1 infohash a magnet names ("xt=urn:btih:…"), or NULL. */
char *
ssv_infohash_from_magnet (const char *magnet)
{
  return ssv_magnet_parse_infohash (magnet, NULL, NULL);
}

/* ---- file names ---------------------------------------------------------- */

/* What follows the last dot; when that dot is a folder's ("Film.2019/Film"),
 * the slash in it matches no extension of the lists below. */
static const char *
extension_of (const char *name)
{
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;

  return dot != NULL && dot[1] != '\0' ? dot + 1 : NULL;
}

/* @list is in lower case, so its first letter rules out most of it at once. */
static gboolean
extension_in (const char         *ext,
              const char * const *list)
{
  char first = ext != NULL ? g_ascii_tolower (ext[0]) : '\0';

  for (guint i = 0; ext != NULL && list[i] != NULL; i++)
    if (list[i][0] == first && g_ascii_strcasecmp (ext, list[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
ssv_file_name_is_video (const char *name)
{
  static const char * const video[] = {
    "mkv", "mp4", "m4v", "avi", "mov", "wmv", "mpg", "mpeg", "ts", "m2ts", "mts", "webm",
    "ogv", "divx", "xvid", "flv", "vob", "3gp", "rmvb", "asf", NULL,
  };

  return extension_in (extension_of (name), video);
}

/* A sample: "sample" as a word in the name, or a "Sample" folder on the way. */
gboolean
ssv_file_name_is_sample (const char *path)
{
  g_autofree char *lower = NULL;
  const char *at;

  if (path == NULL)
    return FALSE;

  lower = g_ascii_strdown (path, -1);
  for (at = strstr (lower, "sample"); at != NULL; at = strstr (at + 1, "sample"))
    {
      gboolean starts = at == lower || !g_ascii_isalnum (at[-1]);
      gboolean ends = !g_ascii_isalnum (at[6]);

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

/**
 * ssv_file_name_risk:
 *
 * Programs, shortcuts, scripts and the archive formats that hide them, which
 * no video release needs: the malware fake releases carry.
 *
 * Returns: (nullable): what the file is, in plain words, or NULL when harmless
 */
/* Up to eight letters and digits of an extension in lower case, one byte each,
 * in a number: 0 when it has anything else or more letters. */
static guint64
extension_key (const char *ext)
{
  guint64 key = 0;
  guint i;

  for (i = 0; ext[i] != '\0'; i++)
    {
      if (i == 8 || !g_ascii_isalnum (ext[i]))
        return 0;
      key |= (guint64) (guchar) (g_ascii_isupper (ext[i]) ? ext[i] - 'A' + 'a' : ext[i]) << (8 * i);
    }
  return key;
}

typedef struct
{
  guint64 key;
  guint   kind;   /* index into the kinds' words */
} RiskyExtension;

static int
compare_risky (gconstpointer a,
               gconstpointer b)
{
  guint64 ka = ((const RiskyExtension *) a)->key, kb = ((const RiskyExtension *) b)->key;

  return ka < kb ? -1 : ka > kb;
}

/**
 * ssv_file_name_risk:
 *
 * Programs, shortcuts, scripts and the archive formats that hide them, which
 * no video release needs: the malware fake releases carry.
 *
 * Returns: (nullable): what the file is, in plain words, or NULL when harmless
 */
const char *
ssv_file_name_risk (const char *name)
{
  static const char * const programs[] = {
    "exe", "com", "scr", "pif", "msi", "msp", "cpl", "dll", "jar", "apk", "app", "dmg", "pkg",
    "deb", "rpm", "appimage", "run", "elf", "gadget", NULL,
  };
  static const char * const shortcuts[] = { "lnk", "url", "desktop", "website", "scf", NULL };
  static const char * const scripts[] = {
    "bat", "cmd", "vbs", "vbe", "js", "jse", "wsf", "wsh", "ps1", "psm1", "hta", "reg", "sh",
    "py", "pl", NULL,
  };
  static const char * const archives[] = { "zipx", "arj", "ace", "lzh", "lha", "cab", "uue", "xxe", NULL };
  static const char * const * const kinds[] = { programs, shortcuts, scripts, archives };
  static const char * const words[] = {
    N_("a program"), N_("a shortcut"), N_("a script"), N_("an archive of a kind that hides programs"),
  };
  /* every extension above as its key, sorted: a release's name is judged by a few compares */
  static RiskyExtension table[G_N_ELEMENTS (programs) + G_N_ELEMENTS (shortcuts) + G_N_ELEMENTS (scripts) +
                              G_N_ELEMENTS (archives)];
  static gsize n_table = 0;
  const char *ext = extension_of (name);
  guint64 key;
  gsize lo = 0, hi;

  if (g_once_init_enter (&n_table))
    {
      gsize n = 0;

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        for (guint i = 0; kinds[k][i] != NULL; i++)
          table[n++] = (RiskyExtension) { extension_key (kinds[k][i]), k };
      qsort (table, n, sizeof *table, compare_risky);
      g_once_init_leave (&n_table, n);
    }

  /* "x264-GRP", the end of most release names, is no extension of these, nor is
   * anything but letters and digits */
  if (ext == NULL || (key = extension_key (ext)) == 0)
    return NULL;

  for (hi = n_table; lo < hi;)
    {
      gsize mid = (lo + hi) / 2;

      if (table[mid].key == key)
        return _(words[table[mid].kind]);
      if (table[mid].key < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}
