/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-folder-source.c: walks a folder tree (GFile) and names what it finds (ssv_media_name_parse). */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ssv-error.h"
#include "sources/ssv-folder-source.h"
#include "sources/ssv-media-name.h"

#define ENUMERATE_ATTRIBUTES "standard::name,standard::type,standard::size,standard::is-hidden," \
                             "standard::is-symlink,time::modified,unix::inode,unix::device"

/* Episodes of a daily show that share an air date: the date's number (MMDD),
 * then 10000 more for each next one, below the stores' 99,999 per season. */
#define DAILY_SLOTS       10
#define DAILY_SLOT_STEP   10000

static const char * const poster_names[] = { "poster", "folder", "cover", "movie", "show" };
static const char * const backdrop_names[] = { "fanart", "backdrop", "background", "art" };
static const char * const image_extensions[] = { "jpg", "jpeg", "png", "webp" };

typedef struct
{
  SsvMediaItem *show;
  GHashTable   *episodes;    /* "season:episode" → SsvMediaItem */
  GHashTable   *season_posters;  /* season number → file URI */
  GHashTable   *daily;       /* "air date#slot" → what the episode there is ("part|title key") */
} ShowEntry;

struct _SsvFolderSource
{
  GObject      parent_instance;

  char        *path;

  GMutex       lock;
  gboolean     walked;
  GError      *walk_error;
  GHashTable  *movies;       /* key → SsvMediaItem */
  GPtrArray   *movie_order;
  GHashTable  *shows;        /* key → ShowEntry */
  GHashTable  *show_dirs;    /* show folder (relative) → key */
  GHashTable  *folder_titled;  /* keys of titles a folder named */
  GPtrArray   *show_order;
  guint        skipped;
};

static void media_source_iface_init (SsvMediaSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SsvFolderSource, ssv_folder_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SSV_TYPE_MEDIA_SOURCE, media_source_iface_init))

static void
show_entry_free (gpointer data)
{
  ShowEntry *entry = data;

  ssv_media_item_free (entry->show);
  g_hash_table_unref (entry->episodes);
  g_hash_table_unref (entry->season_posters);
  g_hash_table_unref (entry->daily);
  g_free (entry);
}

/* The images of one folder, by lower-case stem ("poster", "fanart", "heat-poster"). */
typedef struct
{
  GHashTable *images;   /* stem → absolute path */
} DirImages;

static gboolean
is_image (const char *name)
{
  const char *dot = strrchr (name, '.');

  if (dot == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (image_extensions); i++)
    if (g_ascii_strcasecmp (dot + 1, image_extensions[i]) == 0)
      return TRUE;

  return FALSE;
}

static char *
find_image (GHashTable         *images,
            const char * const *names,
            guint               n_names,
            const char         *prefix)
{
  if (images == NULL)
    return NULL;

  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *stem = prefix ? g_strconcat (prefix, "-", names[i], NULL) : g_strdup (names[i]);
      const char *path = g_hash_table_lookup (images, stem);

      if (path != NULL)
        return g_filename_to_uri (path, NULL, NULL);
    }

  return NULL;
}

static char *
relative_to (const char *root,
             const char *path)
{
  gsize len = strlen (root);

  if (strncmp (path, root, len) == 0 && path[len] == '/')
    return g_strdup (path + len + 1);

  return g_strdup (path);
}

static SsvMediaFile *
file_for (const char *path,
          GFileInfo  *info,
          const char *container)
{
  SsvMediaFile *file = ssv_media_file_new ();
  g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);

  file->path = g_strdup (path);
  file->size_bytes = g_file_info_get_size (info);
  file->container = g_strdup (container);
  file->added_at = modified ? g_date_time_to_unix (modified) : 0;

  return file;
}

/* One show per show folder: the first file read in it decides the show's key,
 * so files that add a year ("Doctor.Who.2005.S01E01") or leave it out do not
 * split it; folders with the same title and year (on two disks) are one show. */
static char *
show_key (SsvFolderSource    *self,
          const SsvMediaName *name)
{
  const char *known = name->show_dir ? g_hash_table_lookup (self->show_dirs, name->show_dir) : NULL;
  char *key;

  if (known != NULL)
    return g_strdup (known);

  key = ssv_media_name_key (name->title, name->year);
  if (name->show_dir != NULL)
    g_hash_table_insert (self->show_dirs, g_strdup (name->show_dir), g_strdup (key));
  return key;
}

static int
daily_slot_number (ShowEntry          *entry,
                   const SsvMediaName *name,
                   guint               slot,
                   const char         *identity)
{
  g_hash_table_replace (entry->daily, g_strdup_printf ("%s#%u", name->air_date, slot), g_strdup (identity));
  return name->episode + (int) slot * DAILY_SLOT_STEP;
}

/* Two episodes of a daily show on one date ("Part 1" and "Part 2", two guests)
 * are two rows. A copy that names neither part nor title is the date's first
 * episode; a date with one episode keeps the number it always had. */
static int
daily_episode_number (ShowEntry          *entry,
                      const SsvMediaName *name)
{
  g_autofree char *title_key = ssv_media_name_key (name->episode_title, 0);
  g_autofree char *identity = g_strdup_printf ("%u|%s", name->part, title_key);
  const char *plain = "0|";
  const char *held[DAILY_SLOTS];
  guint first = name->part > 0 ? MIN (name->part - 1, DAILY_SLOTS - 1) : 0;

  for (guint slot = 0; slot < DAILY_SLOTS; slot++)
    {
      g_autofree char *key = g_strdup_printf ("%s#%u", name->air_date, slot);

      held[slot] = g_hash_table_lookup (entry->daily, key);
      if (g_strcmp0 (held[slot], identity) == 0)
        return name->episode + (int) slot * DAILY_SLOT_STEP;
    }

  if (g_str_equal (identity, plain))
    return held[0] != NULL ? name->episode : daily_slot_number (entry, name, 0, plain);

  if (held[first] == NULL || g_str_equal (held[first], plain))
    return daily_slot_number (entry, name, first, identity);
  for (guint slot = 0; slot < DAILY_SLOTS; slot++)
    if (held[slot] == NULL || g_str_equal (held[slot], plain))
      return daily_slot_number (entry, name, slot, identity);

  /* More than ten on one date: the last ones share a row. */
  return name->episode + (DAILY_SLOTS - 1) * DAILY_SLOT_STEP;
}

/* The same title read twice (a "Title (Year)" folder and a loose release of it):
 * the folder's name is how the person wrote it, whichever file came first. */
static void
name_title (SsvFolderSource    *self,
            SsvMediaItem       *item,
            const char         *key,
            const SsvMediaName *name)
{
  if (!name->title_from_folder || g_hash_table_contains (self->folder_titled, key))
    return;

  g_free (item->title);
  item->title = g_strdup (name->title);
  g_hash_table_add (self->folder_titled, g_strdup (key));
}

static void
add_file (SsvFolderSource *self,
          const char      *path,
          GFileInfo       *info,
          GHashTable      *dir_images,
          GHashTable      *parent_images)
{
  g_autofree char *relative = relative_to (self->path, path);
  SsvMediaName name;
  SsvMediaFile *file;

  if (ssv_media_name_is_extra (relative) || !ssv_media_name_parse (relative, &name))
    {
      self->skipped++;
      return;
    }

  file = file_for (path, info, name.container);

  if (name.kind == SSV_MEDIA_KIND_MOVIE)
    {
      g_autofree char *key = ssv_media_name_key (name.title, name.year);
      SsvMediaItem *movie = g_hash_table_lookup (self->movies, key);

      if (movie == NULL)
        {
          const char *base = strrchr (path, '/');
          g_autofree char *stem = g_strndup (base + 1, strrchr (base, '.') - base - 1);
          g_autofree char *lower = g_ascii_strdown (stem, -1);

          movie = ssv_media_item_new (SSV_MEDIA_KIND_MOVIE);
          movie->server_id = g_strdup (key);
          movie->library_key = g_strdup (SSV_FOLDER_LIBRARY_MOVIES);
          movie->title = g_strdup (name.title);
          movie->year = name.year;
          movie->added_at = file->added_at;
          movie->poster_url = find_image (dir_images, (const char * const[]) { "poster" }, 1, lower);
          if (movie->poster_url == NULL)
            movie->poster_url = find_image (dir_images, poster_names, G_N_ELEMENTS (poster_names), NULL);
          movie->backdrop_url = find_image (dir_images, (const char * const[]) { "fanart" }, 1, lower);
          if (movie->backdrop_url == NULL)
            movie->backdrop_url = find_image (dir_images, backdrop_names, G_N_ELEMENTS (backdrop_names), NULL);
          movie->files = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_file_free);
          g_hash_table_insert (self->movies, g_strdup (key), movie);
          g_ptr_array_add (self->movie_order, movie);
        }

      name_title (self, movie, key, &name);
      movie->added_at = MIN (movie->added_at, file->added_at);
      g_ptr_array_add (movie->files, file);
    }
  else
    {
      g_autofree char *key = show_key (self, &name);
      ShowEntry *entry = g_hash_table_lookup (self->shows, key);
      int first = name.episode;
      int last;
      GHashTable *show_images;
      gboolean in_season_dir;

      /* The show folder's own images sit one level up from a season folder. */
      in_season_dir = name.show_dir != NULL &&
                      strchr (relative + strlen (name.show_dir) + 1, '/') != NULL;
      show_images = in_season_dir ? parent_images : dir_images;

      if (entry == NULL)
        {
          entry = g_new0 (ShowEntry, 1);
          entry->show = ssv_media_item_new (SSV_MEDIA_KIND_SHOW);
          entry->show->server_id = g_strdup (key);
          entry->show->library_key = g_strdup (SSV_FOLDER_LIBRARY_SHOWS);
          entry->show->title = g_strdup (name.title);
          entry->show->year = name.year;
          entry->show->added_at = file->added_at;
          if (name.show_dir != NULL)
            {
              entry->show->poster_url = find_image (show_images, poster_names, G_N_ELEMENTS (poster_names), NULL);
              entry->show->backdrop_url = find_image (show_images, backdrop_names, G_N_ELEMENTS (backdrop_names), NULL);
            }
          entry->episodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify) ssv_media_item_free);
          entry->season_posters = g_hash_table_new_full (NULL, NULL, NULL, g_free);
          entry->daily = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          g_hash_table_insert (self->shows, g_strdup (key), entry);
          g_ptr_array_add (self->show_order, entry);
        }

      name_title (self, entry->show, key, &name);
      entry->show->added_at = MIN (entry->show->added_at, file->added_at);

      if (!g_hash_table_contains (entry->season_posters, GINT_TO_POINTER (name.season)))
        {
          g_autofree char *season_stem = name.season == 0 ? g_strdup ("season-specials")
                                                          : g_strdup_printf ("season%02d", name.season);
          char *uri = find_image (show_images, (const char * const[]) { "poster" }, 1, season_stem);

          if (uri == NULL && in_season_dir)
            uri = find_image (dir_images, poster_names, G_N_ELEMENTS (poster_names), NULL);

          if (uri != NULL)
            g_hash_table_insert (entry->season_posters, GINT_TO_POINTER (name.season), uri);
        }

      if (name.air_date != NULL)
        first = daily_episode_number (entry, &name);
      last = name.episode_end > first ? name.episode_end : first;

      for (int number = first; number <= last; number++)
        {
          g_autofree char *episode_key = g_strdup_printf ("%d:%d", name.season, number);
          SsvMediaItem *episode = g_hash_table_lookup (entry->episodes, episode_key);

          if (episode == NULL)
            {
              episode = ssv_media_item_new (SSV_MEDIA_KIND_EPISODE);
              episode->server_id = g_strdup (relative);
              episode->show_server_id = g_strdup (key);
              episode->season_number = name.season;
              episode->episode_number = number;
              episode->title = g_strdup (name.episode_title);
              episode->release_date = g_strdup (name.air_date);
              episode->added_at = file->added_at;
              episode->files = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_file_free);
              g_hash_table_insert (entry->episodes, g_steal_pointer (&episode_key), episode);
            }
          else if (episode->title == NULL && name.episode_title != NULL)
            episode->title = g_strdup (name.episode_title);

          g_ptr_array_add (episode->files, number == last ? file : ssv_media_file_copy (file));
        }
    }

  ssv_media_name_clear (&name);
}

static char *
inode_key (GFileInfo *info)
{
  return g_strdup_printf ("%u:%" G_GUINT64_FORMAT,
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE));
}

static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (g_file_info_get_name (*(GFileInfo * const *) a),
                    g_file_info_get_name (*(GFileInfo * const *) b));
}

/* One folder: its images first (titles look for posters beside them), then
 * its videos, then the folders below. */
static gboolean
walk_dir (SsvFolderSource  *self,
          GFile            *dir,
          GHashTable       *parent_images,
          GHashTable       *visited,
          guint             depth,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GHashTable) images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) videos = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) subdirs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  /* Deeper than any real layout: a loop the inode check did not catch. */
  if (depth > 32)
    return TRUE;

  enumerator = g_file_enumerate_children (dir, ENUMERATE_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                          cancellable, &local_error);
  if (enumerator == NULL)
    {
      g_autofree char *shown = g_file_get_path (dir);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* One unreadable folder does not stop the walk, but the answer is no
       * longer complete: nothing will be pruned. */
      if (self->walk_error == NULL)
        g_set_error (&self->walk_error, SSV_ERROR, SSV_ERROR_INCOMPLETE,
                     _("The folder “%s” could not be read: %s"), shown, local_error->message);
      return TRUE;
    }

  for (;;)
    {
      g_autoptr(GFileInfo) info = g_file_enumerator_next_file (enumerator, cancellable, &local_error);
      const char *name;
      GFileType type;

      if (info == NULL)
        break;
      name = g_file_info_get_name (info);
      type = g_file_info_get_file_type (info);

      if (g_file_info_get_is_hidden (info) || name[0] == '.')
        continue;

      if (type == G_FILE_TYPE_DIRECTORY)
        {
          g_autofree char *key = NULL;

          /* A link to a folder is never followed: it can lead out of the
           * source (a link to "/" would walk the whole disk) or back into it,
           * and a folder it points to inside the source is read where it is.
           * Links to files are read (one file, wherever it is). */
          if (g_file_info_get_is_symlink (info))
            continue;
          key = inode_key (info);

          if (g_hash_table_contains (visited, key))
            continue;
          g_hash_table_add (visited, g_steal_pointer (&key));
          g_ptr_array_add (subdirs, g_object_ref (info));
        }
      else if (type == G_FILE_TYPE_REGULAR)
        {
          if (is_image (name))
            {
              const char *dot = strrchr (name, '.');
              g_autofree char *stem = g_ascii_strdown (name, dot - name);
              g_autoptr(GFile) child = g_file_get_child (dir, name);

              g_hash_table_insert (images, g_steal_pointer (&stem), g_file_get_path (child));
            }
          else if (ssv_media_name_is_video (name))
            g_ptr_array_add (videos, g_object_ref (info));
        }
    }

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (self->walk_error == NULL)
        self->walk_error = g_steal_pointer (&local_error);
    }

  /* Readdir order is the disk's; titles should not depend on it. */
  g_ptr_array_sort (videos, compare_infos);
  g_ptr_array_sort (subdirs, compare_infos);

  for (guint i = 0; i < videos->len; i++)
    {
      GFileInfo *video = g_ptr_array_index (videos, i);
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (video));
      g_autofree char *path = g_file_get_path (child);

      add_file (self, path, video, images, parent_images);
    }

  for (guint i = 0; i < subdirs->len; i++)
    {
      GFileInfo *sub = g_ptr_array_index (subdirs, i);
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (sub));

      if (!walk_dir (self, child, images, visited, depth + 1, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const SsvMediaItem *ia = *(SsvMediaItem * const *) a;
  const SsvMediaItem *ib = *(SsvMediaItem * const *) b;

  return g_strcmp0 (ia->server_id, ib->server_id);
}

/* Walks once per source (a scan lists movies, then shows, then trees). */
static gboolean
ensure_walked (SsvFolderSource  *self,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(GFile) root = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GHashTable) visited = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (self->walked)
    return TRUE;

  root = g_file_new_for_path (self->path);
  info = g_file_query_info (root, ENUMERATE_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      /* A missing root is a disk that is not connected, never an empty library. */
      g_set_error (error, SSV_ERROR, SSV_ERROR_UNREACHABLE,
                   _("The folder “%s” is not there. Is its disk connected?"), self->path);
      return FALSE;
    }

  visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (visited, inode_key (info));

  ok = walk_dir (self, root, NULL, visited, 0, cancellable, error);
  if (!ok)
    {
      g_hash_table_remove_all (self->movies);
      g_ptr_array_set_size (self->movie_order, 0);
      g_hash_table_remove_all (self->shows);
      g_hash_table_remove_all (self->show_dirs);
      g_hash_table_remove_all (self->folder_titled);
      g_ptr_array_set_size (self->show_order, 0);
      return FALSE;
    }

  g_ptr_array_sort (self->movie_order, compare_names);
  self->walked = TRUE;
  return TRUE;
}

static char *
ssv_folder_source_test_connection (SsvMediaSource  *source,
                                   GCancellable    *cancellable,
                                   GError         **error)
{
  SsvFolderSource *self = SSV_FOLDER_SOURCE (source);
  g_autoptr(GFile) root = g_file_new_for_path (self->path);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (root, "standard::type,access::can-read", G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_UNREACHABLE,
                   _("The folder “%s” is not there. Is its disk connected?"), self->path);
      return NULL;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) &&
      !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   _("The folder “%s” cannot be read. Check its permissions."), self->path);
      return NULL;
    }

  return g_filename_display_name (self->path);
}

static GPtrArray *
ssv_folder_source_list_libraries (SsvMediaSource  *source,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  GPtrArray *libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);

  g_ptr_array_add (libraries, ssv_media_library_new (SSV_FOLDER_LIBRARY_MOVIES, _("Movies"),
                                                     SSV_LIBRARY_KIND_MOVIES));
  g_ptr_array_add (libraries, ssv_media_library_new (SSV_FOLDER_LIBRARY_SHOWS, _("Shows"),
                                                     SSV_LIBRARY_KIND_SHOWS));
  return libraries;
}

static SsvMediaItem *
copy_title (const SsvMediaItem *item)
{
  SsvMediaItem *copy = ssv_media_item_new (item->kind);

  copy->server_id = g_strdup (item->server_id);
  copy->library_key = g_strdup (item->library_key);
  copy->title = g_strdup (item->title);
  copy->year = item->year;
  copy->release_date = g_strdup (item->release_date);
  copy->added_at = item->added_at;
  copy->poster_url = g_strdup (item->poster_url);
  copy->backdrop_url = g_strdup (item->backdrop_url);
  copy->show_server_id = g_strdup (item->show_server_id);
  copy->season_number = item->season_number;
  copy->episode_number = item->episode_number;
  copy->episode_number_end = item->episode_number_end;
  if (item->files != NULL)
    {
      copy->files = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_file_free);
      for (guint i = 0; i < item->files->len; i++)
        g_ptr_array_add (copy->files, ssv_media_file_copy (g_ptr_array_index (item->files, i)));
    }

  return copy;
}

static gboolean
ssv_folder_source_list_titles (SsvMediaSource    *source,
                               const char        *library_key,
                               SsvMediaKind       kind,
                               gint64             changed_since,
                               SsvMediaPageFunc   func,
                               gpointer           user_data,
                               GCancellable      *cancellable,
                               GError           **error)
{
  SsvFolderSource *self = SSV_FOLDER_SOURCE (source);
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_item_free);
  g_autoptr(GError) walk_error = NULL;

  g_mutex_lock (&self->lock);
  if (!ensure_walked (self, cancellable, error))
    {
      g_mutex_unlock (&self->lock);
      return FALSE;
    }

  if (kind == SSV_MEDIA_KIND_MOVIE && g_strcmp0 (library_key, SSV_FOLDER_LIBRARY_MOVIES) == 0)
    {
      for (guint i = 0; i < self->movie_order->len; i++)
        g_ptr_array_add (page, copy_title (g_ptr_array_index (self->movie_order, i)));
    }
  else if (kind == SSV_MEDIA_KIND_SHOW && g_strcmp0 (library_key, SSV_FOLDER_LIBRARY_SHOWS) == 0)
    {
      for (guint i = 0; i < self->show_order->len; i++)
        g_ptr_array_add (page, copy_title (((ShowEntry *) g_ptr_array_index (self->show_order, i))->show));
    }

  if (self->walk_error != NULL)
    walk_error = g_error_copy (self->walk_error);
  g_mutex_unlock (&self->lock);

  if (page->len > 0 && !func (page, page->len, user_data, error))
    return FALSE;

  if (walk_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&walk_error));
      return FALSE;
    }

  return TRUE;
}

static int
compare_episodes (gconstpointer a,
                  gconstpointer b)
{
  const SsvMediaItem *ea = *(SsvMediaItem * const *) a;
  const SsvMediaItem *eb = *(SsvMediaItem * const *) b;

  if (ea->season_number != eb->season_number)
    return ea->season_number - eb->season_number;
  return ea->episode_number - eb->episode_number;
}

static SsvShowTree *
ssv_folder_source_list_show_tree (SsvMediaSource  *source,
                                  const char      *show_server_id,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  SsvFolderSource *self = SSV_FOLDER_SOURCE (source);
  g_autoptr(SsvShowTree) tree = ssv_show_tree_new ();
  ShowEntry *entry;
  GHashTableIter iter;
  gpointer key, value;

  g_mutex_lock (&self->lock);
  if (!ensure_walked (self, cancellable, error))
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }

  entry = g_hash_table_lookup (self->shows, show_server_id);
  if (entry == NULL)
    {
      g_mutex_unlock (&self->lock);
      g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                   _("The show is no longer in the folder “%s”."), self->path);
      return NULL;
    }

  g_hash_table_iter_init (&iter, entry->episodes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (tree->episodes, copy_title (value));

  g_hash_table_iter_init (&iter, entry->season_posters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SsvMediaSeason *season = ssv_media_season_new (GPOINTER_TO_INT (key));

      season->poster_url = g_strdup (value);
      g_ptr_array_add (tree->seasons, season);
    }
  g_mutex_unlock (&self->lock);

  g_ptr_array_sort (tree->episodes, compare_episodes);
  return g_steal_pointer (&tree);
}

static void
media_source_iface_init (SsvMediaSourceInterface *iface)
{
  iface->test_connection = ssv_folder_source_test_connection;
  iface->list_libraries = ssv_folder_source_list_libraries;
  iface->list_titles = ssv_folder_source_list_titles;
  iface->list_show_tree = ssv_folder_source_list_show_tree;
}

static void
ssv_folder_source_finalize (GObject *object)
{
  SsvFolderSource *self = (SsvFolderSource *) object;

  g_free (self->path);
  g_clear_error (&self->walk_error);
  g_ptr_array_unref (self->movie_order);
  g_hash_table_unref (self->movies);
  g_ptr_array_unref (self->show_order);
  g_hash_table_unref (self->shows);
  g_hash_table_unref (self->show_dirs);
  g_hash_table_unref (self->folder_titled);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ssv_folder_source_parent_class)->finalize (object);
}

static void
ssv_folder_source_class_init (SsvFolderSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_folder_source_finalize;
}

static void
ssv_folder_source_init (SsvFolderSource *self)
{
  g_mutex_init (&self->lock);
  self->movies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) ssv_media_item_free);
  self->movie_order = g_ptr_array_new ();
  self->shows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, show_entry_free);
  self->show_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->folder_titled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->show_order = g_ptr_array_new ();
}

/**
 * ssv_folder_source_new:
 * @path: an absolute folder path
 *
 * The folder is read once, on first use; make a new source to read it again.
 */
SsvFolderSource *
ssv_folder_source_new (const char *path)
{
  SsvFolderSource *self = g_object_new (SSV_TYPE_FOLDER_SOURCE, NULL);
  gsize len;

  self->path = g_strdup (path);
  len = strlen (self->path);
  while (len > 1 && self->path[len - 1] == '/')
    self->path[--len] = '\0';

  return self;
}

const char *
ssv_folder_source_get_path (SsvFolderSource *self)
{
  g_return_val_if_fail (SSV_IS_FOLDER_SOURCE (self), NULL);

  return self->path;
}

/* Whether @path has anything in it but hidden names. */
static gboolean
has_visible_entries (const char  *path,
                     GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, error);
  const char *name;

  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      return TRUE;

  return FALSE;
}

/**
 * ssv_folder_source_check_root:
 * @known_device: the device (st_dev) the root was on at the last complete
 *   scan, or 0 when none was recorded
 * @device: (out): the device it is on now (0 unless it is there)
 *
 * A folder's disk that is not connected leaves its mount point behind: empty,
 * unreadable, or on the device of the folder above it. None of that is an
 * empty library. Call it before reading the folder; a scan reads only an
 * available root.
 *
 * Returns: the root's state; anything but %SSV_FOLDER_ROOT_AVAILABLE comes
 *   with @error set (%SSV_ERROR_UNREACHABLE) in plain words
 */
SsvFolderRootState
ssv_folder_source_check_root (SsvFolderSource  *self,
                              guint64           known_device,
                              guint64          *device,
                              GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = NULL;
  gboolean readable;
  gboolean visible;
  GStatBuf info;

  g_return_val_if_fail (SSV_IS_FOLDER_SOURCE (self), SSV_FOLDER_ROOT_MISSING);

  *device = 0;
  shown = g_filename_display_name (self->path);

  if (g_stat (self->path, &info) != 0 || !S_ISDIR (info.st_mode))
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_UNREACHABLE,
                   _("The folder “%s” is not there. Is its disk connected?"), shown);
      return SSV_FOLDER_ROOT_MISSING;
    }
  *device = (guint64) info.st_dev;

  readable = g_access (self->path, R_OK | X_OK) == 0;
  visible = readable && has_visible_entries (self->path, &local_error);
  if (!readable || local_error != NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_UNREACHABLE,
                   _("The folder “%s” cannot be read, so nothing in it was removed. "
                     "Check that its disk is connected and that you may read it."), shown);
      return SSV_FOLDER_ROOT_UNREADABLE;
    }

  if (known_device != 0 && known_device != *device)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_UNREACHABLE,
                   _("The folder “%s” is on a different disk than at its last scan, so it was not read "
                     "and nothing in it was removed. Is the right disk connected?"), shown);
      return SSV_FOLDER_ROOT_OTHER_DISK;
    }

  if (!visible)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_UNREACHABLE,
                   _("The folder “%s” is empty, so nothing in it was removed. "
                     "If it is on a disk, connect the disk and scan again."), shown);
      return SSV_FOLDER_ROOT_EMPTY;
    }

  return SSV_FOLDER_ROOT_AVAILABLE;
}
