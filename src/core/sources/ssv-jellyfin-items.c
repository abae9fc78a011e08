/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-jellyfin-items.c: Jellyfin's answers read with the JSON cursor, pure: a page of items,
 * one BaseItemDto; numbers no item could have are not believed. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "sources/ssv-jellyfin-source.h"
#include "sources/ssv-json-cursor.h"
#include "sources/ssv-source-common.h"
#include "ssv-utils.h"

#define TICKS_PER_SECOND  10000000

static char *
image_url (const char *base_url,
           const char *item_id,
           const char *type,
           const char *tag)
{
  g_autofree char *path = g_strdup_printf ("/Items/%s/Images/%s?tag=%s", item_id, type, tag);

  return ssv_source_absolute_url (base_url, path);
}

/* The string that comes next into *@slot; a member sent twice does not leak the first. */
static void
read_string_into (SsvJsonCursor  *c,
                  char          **slot)
{
  g_free (*slot);
  *slot = ssv_json_cursor_dup_string (c);
}

/* The first string of an array ("Taglines", "BackdropImageTags"). */
static char *
read_first_string (SsvJsonCursor *c)
{
  char *first = NULL;

  if (!ssv_json_cursor_enter_array (c))
    return NULL;

  while (ssv_json_cursor_next_element (c))
    {
      if (first == NULL)
        first = ssv_json_cursor_dup_string (c);
      else
        ssv_json_cursor_skip (c);
    }

  return first;
}

static void
read_genres (SsvJsonCursor *c,
             SsvMediaItem  *item)
{
  if (!ssv_json_cursor_enter_array (c))
    return;

  while (ssv_json_cursor_next_element (c))
    {
      g_autofree char *genre = ssv_json_cursor_dup_string (c);
      ssv_media_item_add_genre (item, genre);
    }
}

static char *
read_first_studio (SsvJsonCursor *c)
{
  char *studio = NULL;

  if (!ssv_json_cursor_enter_array (c))
    return NULL;

  while (ssv_json_cursor_next_element (c))
    {
      const char *key;

      if (studio != NULL || !ssv_json_cursor_enter_object (c))
        {
          if (studio != NULL)
            ssv_json_cursor_skip (c);
          continue;
        }
      while ((key = ssv_json_cursor_next_member (c)) != NULL)
        if (studio == NULL && g_str_equal (key, "Name"))
          studio = ssv_json_cursor_dup_string (c);
        else
          ssv_json_cursor_skip (c);
    }

  return studio;
}

/* An id sent as text ("550"); @current when there is none. */
static gint64
read_id (SsvJsonCursor *c,
         gint64         current)
{
  g_autofree char *value = ssv_json_cursor_dup_string (c);

  return value != NULL ? MAX (g_ascii_strtoll (value, NULL, 10), 0) : current;
}

/* ProviderIds: names in any case ("Tmdb", "tmdb", "TMDB"). */
static void
read_provider_ids (SsvJsonCursor *c,
                   SsvMediaItem  *item)
{
  const char *key;

  if (!ssv_json_cursor_enter_object (c))
    return;

  while ((key = ssv_json_cursor_next_member (c)) != NULL)
    {
      if (g_ascii_strcasecmp (key, "Tmdb") == 0)
        item->tmdb_id = read_id (c, item->tmdb_id);
      else if (g_ascii_strcasecmp (key, "Tvdb") == 0)
        item->tvdb_id = read_id (c, item->tvdb_id);
      else if (g_ascii_strcasecmp (key, "Imdb") == 0)
        {
          g_autofree char *value = ssv_json_cursor_dup_string (c);
          if (value != NULL && g_str_has_prefix (value, "tt"))
            {
              g_free (item->imdb_id);
              item->imdb_id = g_steal_pointer (&value);
            }
        }
      else
        ssv_json_cursor_skip (c);
    }
}

static void
read_user_data (SsvJsonCursor *c,
                SsvMediaItem  *item)
{
  const char *key;

  if (!ssv_json_cursor_enter_object (c))
    return;

  while ((key = ssv_json_cursor_next_member (c)) != NULL)
    {
      if (g_str_equal (key, "Played"))
        item->watched = ssv_json_cursor_read_bool (c);
      else if (g_str_equal (key, "PlayCount"))
        item->play_count = ssv_int_in_range (ssv_json_cursor_read_int (c, 0), 0, G_MAXINT, 0);
      else if (g_str_equal (key, "PlaybackPositionTicks"))
        {
          gint64 ticks = ssv_json_cursor_read_int (c, 0);
          item->resume_position_s = ticks > 0 ? ticks / TICKS_PER_SECOND : -1;
        }
      else if (g_str_equal (key, "LastPlayedDate"))
        {
          g_autofree char *date = ssv_json_cursor_dup_string (c);
          item->last_played_at = ssv_parse_iso_date (date);
        }
      else
        ssv_json_cursor_skip (c);
    }
}

static void
read_image_tags (SsvJsonCursor  *c,
                 char          **primary,
                 char          **logo)
{
  const char *key;

  if (!ssv_json_cursor_enter_object (c))
    return;

  while ((key = ssv_json_cursor_next_member (c)) != NULL)
    {
      if (g_str_equal (key, "Primary"))
        read_string_into (c, primary);
      else if (g_str_equal (key, "Logo"))
        read_string_into (c, logo);
      else
        ssv_json_cursor_skip (c);
    }
}

static void
read_stream (SsvJsonCursor *c,
             SsvMediaFile  *file,
             gboolean      *have_audio)
{
  g_autofree char *type = NULL;
  g_autofree char *codec = NULL;
  g_autofree char *range = NULL;
  g_autofree char *range_type = NULL;
  gint64 height = 0, channels = 0;
  gboolean is_default = FALSE;
  const char *key;

  if (!ssv_json_cursor_enter_object (c))
    return;

  while ((key = ssv_json_cursor_next_member (c)) != NULL)
    {
      if (g_str_equal (key, "Type"))
        read_string_into (c, &type);
      else if (g_str_equal (key, "Codec"))
        read_string_into (c, &codec);
      else if (g_str_equal (key, "Height"))
        height = ssv_json_cursor_read_int (c, 0);
      else if (g_str_equal (key, "Channels"))
        channels = ssv_json_cursor_read_int (c, 0);
      else if (g_str_equal (key, "VideoRange"))
        read_string_into (c, &range);
      else if (g_str_equal (key, "VideoRangeType"))
        read_string_into (c, &range_type);
      else if (g_str_equal (key, "IsDefault"))
        is_default = ssv_json_cursor_read_bool (c);
      else
        ssv_json_cursor_skip (c);
    }

  if (g_strcmp0 (type, "Video") == 0 && file->video_codec == NULL)
    {
      file->video_codec = g_steal_pointer (&codec);
      file->video_height = ssv_int_in_range (height, 0, 100000, 0);
      file->video_range = g_strdup (ssv_video_range_normalize (range, range_type));
    }
  else if (g_strcmp0 (type, "Audio") == 0 && (!*have_audio || is_default))
    {
      g_free (file->audio_codec);
      file->audio_codec = g_steal_pointer (&codec);
      file->audio_channels = ssv_int_in_range (channels, 0, 256, 0);
      *have_audio = TRUE;
    }
}

/* Jellyfin lists every name of a format ("mov,mp4,m4a,…"); the first is the family. */
static char *
container_family (const char *container)
{
  return container ? g_strndup (container, strcspn (container, ",")) : NULL;
}

static SsvMediaFile *
read_media_source (SsvJsonCursor *c)
{
  g_autoptr(SsvMediaFile) file = ssv_media_file_new ();
  g_autofree char *container = NULL;
  gboolean have_audio = FALSE;
  const char *key;

  if (!ssv_json_cursor_enter_object (c))
    return NULL;

  while ((key = ssv_json_cursor_next_member (c)) != NULL)
    {
      if (g_str_equal (key, "Id"))
        read_string_into (c, &file->server_id);
      else if (g_str_equal (key, "Path"))
        read_string_into (c, &file->path);
      else if (g_str_equal (key, "Size"))
        file->size_bytes = ssv_json_cursor_read_int (c, -1);
      else if (g_str_equal (key, "Container"))
        read_string_into (c, &container);
      else if (g_str_equal (key, "RunTimeTicks"))
        {
          gint64 ticks = ssv_json_cursor_read_int (c, -1);
          file->duration_s = ticks > 0 ? ticks / TICKS_PER_SECOND : -1;
        }
      else if (g_str_equal (key, "MediaStreams") && ssv_json_cursor_enter_array (c))
        {
          while (ssv_json_cursor_next_element (c))
            read_stream (c, file, &have_audio);
        }
      else
        ssv_json_cursor_skip (c);
    }

  if (file->path == NULL)
    return NULL;

  file->container = container_family (container);
  return g_steal_pointer (&file);
}

static void
read_media_sources (SsvJsonCursor *c,
                    SsvMediaItem  *item)
{
  if (!ssv_json_cursor_enter_array (c))
    return;

  while (ssv_json_cursor_next_element (c))
    {
      SsvMediaFile *file = read_media_source (c);

      if (file == NULL)
        continue;
      if (item->files == NULL)
        item->files = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_file_free);
      g_ptr_array_add (item->files, file);
    }
}

/* What read_item() keeps aside until the whole object is read: members come
 * in any order, and some only mean something together. */
typedef struct
{
  char   *type;
  char   *primary;
  char   *logo;
  char   *backdrop;
  char   *path;
  char   *container;
  char   *location;
  char   *premiere;
  char   *end_date;
  char   *created;
  char   *saved;
  gint64  ticks;
  double  critic;
} ItemParts;

static void
item_parts_clear (ItemParts *parts)
{
  g_clear_pointer (&parts->type, g_free);
  g_clear_pointer (&parts->primary, g_free);
  g_clear_pointer (&parts->logo, g_free);
  g_clear_pointer (&parts->backdrop, g_free);
  g_clear_pointer (&parts->path, g_free);
  g_clear_pointer (&parts->container, g_free);
  g_clear_pointer (&parts->location, g_free);
  g_clear_pointer (&parts->premiere, g_free);
  g_clear_pointer (&parts->end_date, g_free);
  g_clear_pointer (&parts->created, g_free);
  g_clear_pointer (&parts->saved, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ItemParts, item_parts_clear)

/* A string member; FALSE when @key is not one. */
static gboolean
read_text_member (SsvJsonCursor *c,
                  const char    *key,
                  SsvMediaItem  *item,
                  ItemParts     *parts)
{
  const struct { const char *key; char **slot; } slots[] = {
    { "Id", &item->server_id },
    { "Name", &item->title },
    { "Type", &parts->type },
    { "SeriesId", &item->show_server_id },
    { "Overview", &item->overview },
    { "OriginalTitle", &item->original_title },
    { "OfficialRating", &item->content_rating },
    { "Status", &item->status },
    { "Path", &parts->path },
    { "Container", &parts->container },
    { "LocationType", &parts->location },
    { "PremiereDate", &parts->premiere },
    { "EndDate", &parts->end_date },
    { "DateCreated", &parts->created },
    { "DateLastSaved", &parts->saved },
  };

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (g_str_equal (key, slots[i].key))
      {
        read_string_into (c, slots[i].slot);
        return TRUE;
      }

  return FALSE;
}

/* A finite number, or NAN: "1e999" reads as infinity. */
static double
read_finite (SsvJsonCursor *c,
             double         min,
             double         max)
{
  double value = ssv_json_cursor_read_double (c);

  return isfinite (value) && value >= min && value <= max ? value : NAN;
}

/* A number member, kept only when it is believable; FALSE when @key is not one. */
static gboolean
read_number_member (SsvJsonCursor *c,
                    const char    *key,
                    SsvMediaItem  *item,
                    ItemParts     *parts)
{
  if (g_str_equal (key, "IndexNumber"))
    item->episode_number = ssv_int_in_range (ssv_json_cursor_read_int (c, -1), 0, SSV_MAX_EPISODE_NUMBER, -1);
  else if (g_str_equal (key, "IndexNumberEnd"))
    item->episode_number_end = ssv_int_in_range (ssv_json_cursor_read_int (c, 0), 0, SSV_MAX_EPISODE_NUMBER, 0);
  else if (g_str_equal (key, "ParentIndexNumber"))
    item->season_number = ssv_int_in_range (ssv_json_cursor_read_int (c, -1), 0, SSV_MAX_SEASON_NUMBER, -1);
  else if (g_str_equal (key, "ProductionYear"))
    item->year = ssv_int_in_range (ssv_json_cursor_read_int (c, 0), 0, 9999, 0);
  else if (g_str_equal (key, "RunTimeTicks"))
    parts->ticks = ssv_json_cursor_read_int (c, 0);
  else if (g_str_equal (key, "CommunityRating"))
    item->community_rating = read_finite (c, 0, 10);
  else if (g_str_equal (key, "CriticRating"))
    parts->critic = read_finite (c, 0, 100);
  else
    return FALSE;

  return TRUE;
}

/* An object or array member; FALSE when @key is not one. */
static gboolean
read_nested_member (SsvJsonCursor *c,
                    const char    *key,
                    SsvMediaItem  *item,
                    ItemParts     *parts)
{
  if (g_str_equal (key, "BackdropImageTags"))
    {
      g_free (parts->backdrop);
      parts->backdrop = read_first_string (c);
    }
  else if (g_str_equal (key, "ImageTags"))
    read_image_tags (c, &parts->primary, &parts->logo);
  else if (g_str_equal (key, "Genres"))
    read_genres (c, item);
  else if (g_str_equal (key, "MediaSources"))
    read_media_sources (c, item);
  else if (g_str_equal (key, "ProviderIds"))
    read_provider_ids (c, item);
  else if (g_str_equal (key, "Studios"))
    {
      g_free (item->studio);
      item->studio = read_first_studio (c);
    }
  else if (g_str_equal (key, "Taglines"))
    {
      g_free (item->tagline);
      item->tagline = read_first_string (c);
    }
  else if (g_str_equal (key, "UserData"))
    read_user_data (c, item);
  else
    return FALSE;

  return TRUE;
}

static void
set_image_urls (SsvMediaItem    *item,
                const ItemParts *parts,
                const char      *base_url)
{
  if (base_url == NULL)
    return;

  if (parts->primary != NULL)
    item->poster_url = image_url (base_url, item->server_id, "Primary", parts->primary);
  if (parts->logo != NULL)
    item->logo_url = image_url (base_url, item->server_id, "Logo", parts->logo);
  if (parts->backdrop != NULL)
    item->backdrop_url = image_url (base_url, item->server_id, "Backdrop/0", parts->backdrop);
}

/* What the members mean together, once the object is read. */
static void
finish_item (SsvMediaItem *item,
             ItemParts    *parts,
             const char   *base_url)
{
  item->release_date = ssv_date_only (parts->premiere);
  item->end_date = ssv_date_only (parts->end_date);
  /* Jellyfin's critic rating is a percentage; the library keeps 0–10. */
  item->critic_rating = isnan (parts->critic) ? NAN : parts->critic / 10.0;
  item->runtime_minutes = ssv_int_in_range ((MAX (parts->ticks, 0) / TICKS_PER_SECOND + 30) / 60, 0, 100000, 0);
  item->added_at = ssv_parse_iso_date (parts->created);
  item->updated_at = ssv_parse_iso_date (parts->saved);
  if (item->year == 0 && item->release_date != NULL)
    item->year = atoi (item->release_date);
  /* "Episodes 1 to 2147483647" is one episode, not two billion rows. */
  if (ssv_media_item_last_episode (item) == item->episode_number)
    item->episode_number_end = 0;

  for (guint i = 0; item->files != NULL && i < item->files->len; i++)
    ((SsvMediaFile *) g_ptr_array_index (item->files, i))->added_at = item->added_at;

  set_image_urls (item, parts, base_url);

  if (item->files == NULL && item->kind != SSV_MEDIA_KIND_SHOW && parts->path != NULL &&
      g_strcmp0 (parts->location, "Virtual") != 0)
    {
      SsvMediaFile *file = ssv_media_file_new ();

      file->path = g_steal_pointer (&parts->path);
      file->container = container_family (parts->container);
      file->added_at = item->added_at;
      item->files = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_file_free);
      g_ptr_array_add (item->files, file);
    }

  if (item->kind == SSV_MEDIA_KIND_EPISODE && (item->season_number < 0 || item->episode_number < 0))
    item->problem = g_strdup (_("The episode has no season or episode number"));
}

/* Reads one BaseItemDto (Movie, Series, Episode, Season) where the cursor is.
 * Members come in any order, so the item is finished once the object ends.
 * Every read item comes back; one the scanner cannot store has its problem set. */
static SsvMediaItem *
read_item (SsvJsonCursor *c,
           const char    *base_url)
{
  g_autoptr(SsvMediaItem) item = ssv_media_item_new (SSV_MEDIA_KIND_MOVIE);
  g_auto(ItemParts) parts = { 0 };
  const char *key;

  parts.critic = NAN;
  if (!ssv_json_cursor_enter_object (c))
    {
      item->problem = g_strdup (_("The server sent something that is not an item"));
      return g_steal_pointer (&item);
    }

  while ((key = ssv_json_cursor_next_member (c)) != NULL)
    if (!read_text_member (c, key, item, &parts) &&
        !read_number_member (c, key, item, &parts) &&
        !read_nested_member (c, key, item, &parts))
      ssv_json_cursor_skip (c);

  item->kind = g_strcmp0 (parts.type, "Series") == 0 ? SSV_MEDIA_KIND_SHOW :
               g_strcmp0 (parts.type, "Episode") == 0 ? SSV_MEDIA_KIND_EPISODE :
               SSV_MEDIA_KIND_MOVIE;

  if (ssv_source_check_identity (item))
    finish_item (item, &parts, base_url);

  return g_steal_pointer (&item);
}

/**
 * ssv_jellyfin_parse_page:
 * @items: (element-type SsvMediaItem): where the page's items go
 * @total: (out): TotalRecordCount, or -1 when the page does not say
 *
 * Pure: a page of items, {"Items": [...], "TotalRecordCount": n}, members in
 * any order. Every item read comes back, those the scanner cannot store with
 * their problem set.
 *
 * Returns: %FALSE with @error set when the page is not JSON or has no items
 */
gboolean
ssv_jellyfin_parse_page (const char  *json,
                         gsize        length,
                         const char  *base_url,
                         GPtrArray   *items,
                         gint64      *total,
                         GError     **error)
{
  SsvJsonCursor cursor;
  gboolean have_items = FALSE;
  const char *key;
  gboolean ok;

  *total = -1;
  ssv_json_cursor_init (&cursor, json, length);

  if (ssv_json_cursor_enter_object (&cursor))
    while ((key = ssv_json_cursor_next_member (&cursor)) != NULL)
      {
        if (g_str_equal (key, "Items") && ssv_json_cursor_peek_array (&cursor))
          {
            have_items = TRUE;
            ssv_json_cursor_enter_array (&cursor);
            while (ssv_json_cursor_next_element (&cursor))
              g_ptr_array_add (items, read_item (&cursor, base_url));
          }
        else if (g_str_equal (key, "TotalRecordCount"))
          *total = ssv_json_cursor_read_int (&cursor, -1);
        else
          ssv_json_cursor_skip (&cursor);
      }

  ok = ssv_json_cursor_finish (&cursor, "Jellyfin", error);
  ssv_json_cursor_clear (&cursor);

  if (ok && !have_items)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                   _("Jellyfin sent an answer that could not be read (%s)."), _("no list of items"));
      return FALSE;
    }

  return ok;
}

/**
 * ssv_jellyfin_parse_item:
 * @json: one BaseItemDto (Movie, Series or Episode) as text
 *
 * Pure: JSON in, item out. An item the scanner cannot store comes back with
 * its problem set rather than as %NULL, so it can be reported.
 *
 * Returns: (transfer full): the item, or %NULL with @error set when @json is
 *   not JSON
 */
SsvMediaItem *
ssv_jellyfin_parse_item (const char  *json,
                         gssize       length,
                         const char  *base_url,
                         GError     **error)
{
  g_autoptr(SsvMediaItem) item = NULL;
  SsvJsonCursor cursor;
  gboolean ok;

  ssv_json_cursor_init (&cursor, json, length < 0 ? strlen (json) : (gsize) length);
  item = read_item (&cursor, base_url);
  ok = ssv_json_cursor_finish (&cursor, "Jellyfin", error);
  ssv_json_cursor_clear (&cursor);

  return ok ? g_steal_pointer (&item) : NULL;
}
