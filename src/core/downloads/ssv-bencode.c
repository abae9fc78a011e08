/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-bencode.c: a strict bencode reader and what a .torrent or a magnet link says, with no I/O. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "downloads/ssv-bencode.h"
#include "ssv-error.h"

/* Deep enough for any real torrent, shallow enough for the stack. */
#define MAX_DEPTH   48
#define MAX_NODES   (1u << 20)

typedef enum
{
  NODE_INT,
  NODE_STRING,
  NODE_LIST,
  NODE_DICT,
} NodeKind;

typedef struct _Node Node;

struct _Node
{
  NodeKind       kind;
  gint64         integer;
  const guint8  *string;      /* not NUL-terminated; points into the input */
  gsize          string_len;
  GPtrArray     *children;    /* lists: values; dicts: key, value, key, value … */
  const guint8  *start;       /* the node's own bencoded bytes */
  gsize          span;
};

typedef struct
{
  const guint8  *data;
  gsize          length;
  gsize          pos;
  guint          nodes;
  const char    *problem;     /* untranslated detail, for the message */
} Reader;

static void
node_free (gpointer data)
{
  Node *node = data;

  if (node == NULL)
    return;
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Node, node_free)

/* Digits from the reader's position up to @stop; no sign, no leading zeros. */
static gboolean
read_digits (Reader  *reader,
             char     stop,
             guint64 *value)
{
  gsize start = reader->pos;
  guint64 result = 0;

  while (reader->pos < reader->length && g_ascii_isdigit (reader->data[reader->pos]))
    {
      guint digit = reader->data[reader->pos] - '0';

      if (result > ((guint64) G_MAXINT64 - digit) / 10)
        {
          reader->problem = "a number is too large";
          return FALSE;
        }
      result = result * 10 + digit;
      reader->pos++;
    }

  if (reader->pos == start || reader->pos >= reader->length || reader->data[reader->pos] != stop)
    {
      reader->problem = "a number is malformed";
      return FALSE;
    }
  if (reader->data[start] == '0' && reader->pos - start > 1)
    {
      reader->problem = "a number has leading zeros";
      return FALSE;
    }

  reader->pos++;   /* the stop character */
  *value = result;
  return TRUE;
}

static Node *read_node (Reader *reader, guint depth);

static Node *
node_new (Reader   *reader,
          NodeKind  kind)
{
  Node *node;

  if (++reader->nodes > MAX_NODES)
    {
      reader->problem = "too many values";
      return NULL;
    }

  node = g_new0 (Node, 1);
  node->kind = kind;
  node->start = reader->data + reader->pos;
  return node;
}

static Node *
read_int (Reader *reader)
{
  g_autoptr(Node) node = node_new (reader, NODE_INT);
  gboolean negative = FALSE;
  guint64 value;

  if (node == NULL)
    return NULL;

  reader->pos++;   /* 'i' */
  if (reader->pos < reader->length && reader->data[reader->pos] == '-')
    {
      negative = TRUE;
      reader->pos++;
    }
  if (!read_digits (reader, 'e', &value))
    return NULL;
  if (negative && value == 0)
    {
      reader->problem = "a number is negative zero";
      return NULL;
    }

  node->integer = negative ? -(gint64) value : (gint64) value;
  return g_steal_pointer (&node);
}

static Node *
read_string (Reader *reader)
{
  g_autoptr(Node) node = node_new (reader, NODE_STRING);
  guint64 length;

  if (node == NULL)
    return NULL;
  if (!read_digits (reader, ':', &length))
    return NULL;
  if (length > reader->length - reader->pos)
    {
      reader->problem = "a string runs past the end";
      return NULL;
    }

  node->string = reader->data + reader->pos;
  node->string_len = length;
  reader->pos += length;
  return g_steal_pointer (&node);
}

static Node *
read_container (Reader   *reader,
                NodeKind  kind,
                guint     depth)
{
  g_autoptr(Node) node = node_new (reader, kind);

  if (node == NULL)
    return NULL;

  node->children = g_ptr_array_new_with_free_func (node_free);
  reader->pos++;   /* 'l' or 'd' */

  for (;;)
    {
      Node *child;

      if (reader->pos >= reader->length)
        {
          reader->problem = "a list or dictionary is not closed";
          return NULL;
        }
      if (reader->data[reader->pos] == 'e')
        {
          reader->pos++;
          break;
        }

      if (kind == NODE_DICT)
        {
          if (!g_ascii_isdigit (reader->data[reader->pos]))
            {
              reader->problem = "a dictionary key is not a string";
              return NULL;
            }
          child = read_string (reader);
          if (child == NULL)
            return NULL;
          g_ptr_array_add (node->children, child);
        }

      child = read_node (reader, depth + 1);
      if (child == NULL)
        return NULL;
      g_ptr_array_add (node->children, child);
    }

  return g_steal_pointer (&node);
}

static Node *
read_node (Reader *reader,
           guint   depth)
{
  Node *node;
  gsize start = reader->pos;

  if (depth > MAX_DEPTH)
    {
      reader->problem = "values are nested too deeply";
      return NULL;
    }
  if (reader->pos >= reader->length)
    {
      reader->problem = "it ends too early";
      return NULL;
    }

  switch (reader->data[reader->pos])
    {
    case 'i':
      node = read_int (reader);
      break;
    case 'l':
      node = read_container (reader, NODE_LIST, depth);
      break;
    case 'd':
      node = read_container (reader, NODE_DICT, depth);
      break;
    default:
      if (g_ascii_isdigit (reader->data[reader->pos]))
        node = read_string (reader);
      else
        {
          reader->problem = "an unexpected character";
          node = NULL;
        }
      break;
    }

  if (node != NULL)
    node->span = reader->pos - start;
  return node;
}

static Node *
dict_get (const Node *dict,
          const char *key)
{
  gsize key_len = strlen (key);

  if (dict == NULL || dict->kind != NODE_DICT)
    return NULL;

  for (guint i = 0; i + 1 < dict->children->len; i += 2)
    {
      const Node *k = g_ptr_array_index (dict->children, i);

      if (k->string_len == key_len && memcmp (k->string, key, key_len) == 0)
        return g_ptr_array_index (dict->children, i + 1);
    }

  return NULL;
}

static Node *
dict_get_kind (const Node *dict,
               const char *key,
               NodeKind    kind)
{
  Node *node = dict_get (dict, key);

  return node != NULL && node->kind == kind ? node : NULL;
}

/* A string as valid UTF-8 (old torrents carry other encodings), or NULL. */
static char *
node_dup_text (const Node *node)
{
  if (node == NULL || node->kind != NODE_STRING)
    return NULL;
  if (memchr (node->string, '\0', node->string_len) != NULL)
    return NULL;

  return g_utf8_make_valid ((const char *) node->string, (gssize) node->string_len);
}

/* ---- the torrent ------------------------------------------------------------ */

static void
entry_free (gpointer data)
{
  SsvTorrentEntry *entry = data;

  g_free (entry->path);
  g_free (entry);
}

void
ssv_torrent_info_free (SsvTorrentInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->infohash);
  g_free (info->name);
  g_clear_pointer (&info->files, g_ptr_array_unref);
  g_clear_pointer (&info->trackers, g_ptr_array_unref);
  g_free (info);
}

static gboolean
set_damaged (GError     **error,
             const char  *detail)
{
  g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
               _("This torrent file is damaged (%s)."), detail);
  return FALSE;
}

/* A file or folder name that stays inside the torrent's folder. */
static gboolean
is_safe_component (const char *name)
{
  return name != NULL && name[0] != '\0' &&
         strcmp (name, ".") != 0 && strcmp (name, "..") != 0 &&
         strchr (name, '/') == NULL && strchr (name, '\\') == NULL;
}

static gboolean
set_unsafe (GError **error)
{
  g_set_error_literal (error, SSV_ERROR, SSV_ERROR_REFUSED,
                       _("This torrent names a file outside its own folder, so it was not used."));
  return FALSE;
}

static gboolean
add_file (SsvTorrentInfo  *info,
          const Node      *file,
          gint64          *all_bytes,
          GError         **error)
{
  const Node *length = dict_get_kind (file, "length", NODE_INT);
  const Node *path = dict_get_kind (file, "path.utf-8", NODE_LIST);
  const Node *attr = dict_get_kind (file, "attr", NODE_STRING);
  g_autoptr(GString) joined = g_string_new (NULL);
  SsvTorrentEntry *entry;

  if (path == NULL)
    path = dict_get_kind (file, "path", NODE_LIST);
  if (length == NULL || length->integer < 0 || path == NULL || path->children->len == 0)
    return set_damaged (error, "a file has no size or no path");
  if (*all_bytes > G_MAXINT64 - length->integer)
    return set_damaged (error, "the sizes add up to too much");
  *all_bytes += length->integer;

  /* BEP 47 padding files fill pieces; no client shows or writes them. */
  if (attr != NULL && memchr (attr->string, 'p', attr->string_len) != NULL)
    return TRUE;

  for (guint i = 0; i < path->children->len; i++)
    {
      g_autofree char *component = node_dup_text (g_ptr_array_index (path->children, i));

      if (!is_safe_component (component))
        return set_unsafe (error);
      if (i > 0)
        g_string_append_c (joined, '/');
      g_string_append (joined, component);
    }

  entry = g_new0 (SsvTorrentEntry, 1);
  entry->path = g_string_free (g_steal_pointer (&joined), FALSE);
  entry->size = length->integer;
  g_ptr_array_add (info->files, entry);
  info->total_size += length->integer;
  return TRUE;
}

static gboolean
read_files (SsvTorrentInfo  *info,
            const Node      *info_dict,
            gint64          *all_bytes,
            GError         **error)
{
  const Node *length = dict_get_kind (info_dict, "length", NODE_INT);
  const Node *files = dict_get_kind (info_dict, "files", NODE_LIST);

  if (length != NULL)
    {
      SsvTorrentEntry *entry;

      if (length->integer < 0)
        return set_damaged (error, "the file has a negative size");
      entry = g_new0 (SsvTorrentEntry, 1);
      entry->path = g_strdup (info->name);
      entry->size = length->integer;
      g_ptr_array_add (info->files, entry);
      info->total_size = *all_bytes = length->integer;
      return TRUE;
    }

  if (files == NULL || files->children->len == 0)
    return set_damaged (error, "it lists no files");

  info->multi_file = TRUE;
  for (guint i = 0; i < files->children->len; i++)
    {
      const Node *file = g_ptr_array_index (files->children, i);

      if (file->kind != NODE_DICT)
        return set_damaged (error, "a file entry is not a dictionary");
      if (!add_file (info, file, all_bytes, error))
        return FALSE;
    }
  /* Only padding: nothing a client would write, so nothing to download. */
  if (info->files->len == 0)
    return set_damaged (error, "it lists only padding files");

  return TRUE;
}

static void
add_tracker (SsvTorrentInfo *info,
             const Node     *node)
{
  g_autofree char *url = node_dup_text (node);

  if (url == NULL || url[0] == '\0')
    return;
  for (guint i = 0; i < info->trackers->len; i++)
    if (g_strcmp0 (g_ptr_array_index (info->trackers, i), url) == 0)
      return;
  g_ptr_array_add (info->trackers, g_steal_pointer (&url));
}

static void
read_trackers (SsvTorrentInfo *info,
               const Node     *root)
{
  const Node *tiers = dict_get_kind (root, "announce-list", NODE_LIST);

  add_tracker (info, dict_get_kind (root, "announce", NODE_STRING));
  if (tiers == NULL)
    return;

  for (guint i = 0; i < tiers->children->len; i++)
    {
      const Node *tier = g_ptr_array_index (tiers->children, i);

      if (tier->kind != NODE_LIST)
        continue;
      for (guint j = 0; j < tier->children->len; j++)
        add_tracker (info, g_ptr_array_index (tier->children, j));
    }
}

static gboolean
set_not_bencode (const guint8  *data,
                 gsize          length,
                 const Reader  *reader,
                 GError       **error)
{
  gsize i = 0;

  while (i < length && g_ascii_isspace (data[i]))
    i++;

  if (i < length && data[i] == '<')
    g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                         _("This is not a torrent file: a web page came instead. The indexer may "
                           "want a login or a valid API key."));
  else if (length == 0)
    g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                         _("This is not a torrent file: it is empty."));
  else
    g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                 _("This is not a torrent file (it is not bencoded: %s, at byte %" G_GSIZE_FORMAT ")."),
                 reader->problem ? reader->problem : "trailing data", reader->pos);
  return FALSE;
}

static gboolean
read_info (SsvTorrentInfo  *info,
           const Node      *info_dict,
           GError         **error)
{
  const Node *piece_length = dict_get_kind (info_dict, "piece length", NODE_INT);
  const Node *pieces = dict_get_kind (info_dict, "pieces", NODE_STRING);
  const Node *private = dict_get_kind (info_dict, "private", NODE_INT);
  gint64 all_bytes = 0;
  gint64 expected;

  info->name = node_dup_text (dict_get_kind (info_dict, "name.utf-8", NODE_STRING));
  if (info->name == NULL)
    info->name = node_dup_text (dict_get_kind (info_dict, "name", NODE_STRING));
  if (info->name == NULL || info->name[0] == '\0')
    return set_damaged (error, "it has no name");
  if (!is_safe_component (info->name))
    return set_unsafe (error);

  if (pieces == NULL && dict_get (info_dict, "file tree") != NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                           _("This torrent is for BitTorrent v2 only, which is not supported yet."));
      return FALSE;
    }
  if (piece_length == NULL || piece_length->integer <= 0)
    return set_damaged (error, "it has no piece length");
  if (pieces == NULL || pieces->string_len % 20 != 0)
    return set_damaged (error, "its piece hashes are missing or cut short");

  info->piece_length = piece_length->integer;
  info->n_pieces = (guint) MIN (pieces->string_len / 20, G_MAXUINT);
  info->is_private = private != NULL && private->integer == 1;

  if (!read_files (info, info_dict, &all_bytes, error))
    return FALSE;

  expected = all_bytes / info->piece_length + (all_bytes % info->piece_length != 0);
  if (expected != (gint64) info->n_pieces)
    return set_damaged (error, "the number of pieces does not fit the size");

  return TRUE;
}

/**
 * ssv_torrent_info_parse:
 *
 * Reads a .torrent: checks it is bencode and a BitTorrent v1 (or hybrid)
 * metainfo, computes its infohash and lists its files, so they can be judged
 * before anything is added.
 *
 * Returns: (transfer full): the torrent, or %NULL with @error saying in plain
 *   words what is wrong
 */
SsvTorrentInfo *
ssv_torrent_info_parse (const guint8  *data,
                        gsize          length,
                        GError       **error)
{
  g_autoptr(SsvTorrentInfo) info = NULL;
  g_autoptr(Node) root = NULL;
  g_autoptr(GChecksum) sha1 = NULL;
  Reader reader = { data, length, 0, 0, NULL };
  const Node *info_dict;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length == 0 || data[0] != 'd')
    {
      reader.problem = "it does not begin with a dictionary";
      set_not_bencode (data, length, &reader, error);
      return NULL;
    }

  root = read_node (&reader, 0);
  while (root != NULL && reader.pos < length && g_ascii_isspace (data[reader.pos]))
    reader.pos++;
  if (root == NULL || reader.pos != length)
    {
      set_not_bencode (data, length, &reader, error);
      return NULL;
    }

  info_dict = dict_get_kind (root, "info", NODE_DICT);
  if (info_dict == NULL)
    {
      set_damaged (error, "it has no info dictionary");
      return NULL;
    }

  info = g_new0 (SsvTorrentInfo, 1);
  info->files = g_ptr_array_new_with_free_func (entry_free);
  info->trackers = g_ptr_array_new_with_free_func (g_free);
  if (!read_info (info, info_dict, error))
    return NULL;
  read_trackers (info, root);

  sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  g_checksum_update (sha1, info_dict->start, (gssize) info_dict->span);
  info->infohash = g_strdup (g_checksum_get_string (sha1));

  return g_steal_pointer (&info);
}

SsvTorrentInfo *
ssv_torrent_info_parse_bytes (GBytes  *bytes,
                              GError **error)
{
  gsize length = 0;
  const guint8 *data = bytes ? g_bytes_get_data (bytes, &length) : NULL;

  return ssv_torrent_info_parse (data ? data : (const guint8 *) "", length, error);
}

/* A magnet link for the torrent: infohash, name and trackers. */
char *
ssv_torrent_info_dup_magnet (const SsvTorrentInfo *info)
{
  GString *magnet = g_string_new ("magnet:?xt=urn:btih:");

  g_string_append (magnet, info->infohash);
  g_string_append (magnet, "&dn=");
  g_string_append_uri_escaped (magnet, info->name, NULL, FALSE);
  for (guint i = 0; i < info->trackers->len; i++)
    {
      g_string_append (magnet, "&tr=");
      g_string_append_uri_escaped (magnet, g_ptr_array_index (info->trackers, i), NULL, FALSE);
    }

  return g_string_free (magnet, FALSE);
}

/* ---- magnet links ------------------------------------------------------------ */

gboolean
ssv_infohash_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != 40)
    return FALSE;

  for (guint i = 0; i < 40; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;

  return TRUE;
}

/* RFC 4648 base32 (no padding), 32 characters → 20 bytes → 40 hex digits. */
static char *
base32_to_hex (const char *text)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  guint8 bytes[20];
  guint64 buffer = 0;
  guint bits = 0;
  guint out = 0;
  GString *hex;

  if (strlen (text) != 32)
    return NULL;

  for (guint i = 0; i < 32; i++)
    {
      const char *at = strchr (alphabet, g_ascii_toupper (text[i]));

      if (at == NULL || *at == '\0')
        return NULL;
      buffer = (buffer << 5) | (guint64) (at - alphabet);
      bits += 5;
      if (bits >= 8)
        {
          bits -= 8;
          bytes[out++] = (guint8) ((buffer >> bits) & 0xff);
        }
    }

  hex = g_string_sized_new (40);
  for (guint i = 0; i < out; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  return g_string_free (hex, FALSE);
}

static gboolean
set_bad_magnet (GError     **error,
                const char  *message)
{
  g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, message);
  return FALSE;
}

/**
 * ssv_infohash_normalize:
 * @text: (nullable): 40 hex digits, or 32 base32 characters, spaces around them allowed
 *
 * What indexers and magnet links give as an infohash, in one form.
 *
 * Returns: (transfer full) (nullable): 40 lower-case hex digits, or NULL
 *   when @text is not a v1 infohash ("(removed)", a SHA-256 v2 hash, garbage)
 */
char *
ssv_infohash_normalize (const char *text)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  if (ssv_infohash_is_valid (trimmed))
    return g_ascii_strdown (trimmed, -1);

  return base32_to_hex (trimmed);
}

/* The value of one "xt=urn:btih:…" parameter as 40 lower-case hex digits, or NULL. */
static char *
read_btih (const char *value)
{
  g_autofree char *hash = g_uri_unescape_string (value, NULL);

  return ssv_infohash_normalize (hash);
}

/**
 * ssv_magnet_parse_infohash:
 * @display_name: (out) (optional): the "dn" parameter, or %NULL
 *
 * Returns: (transfer full): the v1 infohash of @magnet as 40 lower-case hex
 *   digits, or %NULL with @error set
 */
char *
ssv_magnet_parse_infohash (const char  *magnet,
                           char       **display_name,
                           GError     **error)
{
  g_auto(GStrv) params = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  gboolean saw_v2 = FALSE;

  if (display_name != NULL)
    *display_name = NULL;

  if (magnet == NULL || g_ascii_strncasecmp (magnet, "magnet:?", 8) != 0)
    {
      set_bad_magnet (error, _("This is not a magnet link."));
      return NULL;
    }

  params = g_strsplit (magnet + 8, "&", -1);
  for (guint i = 0; params[i] != NULL; i++)
    {
      const char *param = params[i];

      if (g_ascii_strncasecmp (param, "xt=urn:btih:", 12) == 0 && hash == NULL)
        {
          hash = read_btih (param + 12);
          if (hash == NULL)
            {
              set_bad_magnet (error, _("This magnet link's info-hash is malformed."));
              return NULL;
            }
        }
      else if (g_ascii_strncasecmp (param, "xt=urn:btmh:", 12) == 0)
        saw_v2 = TRUE;
      else if (g_ascii_strncasecmp (param, "dn=", 3) == 0 && name == NULL)
        {
          g_autofree char *plus = g_strdelimit (g_strdup (param + 3), "+", ' ');
          g_autofree char *raw = g_uri_unescape_string (plus, NULL);

          if (raw != NULL)
            name = g_utf8_make_valid (raw, -1);
        }
    }

  if (hash == NULL)
    {
      set_bad_magnet (error, saw_v2
                      ? _("This magnet link is for BitTorrent v2 only, which is not supported yet.")
                      : _("This magnet link has no BitTorrent info-hash."));
      return NULL;
    }

  if (display_name != NULL)
    *display_name = g_steal_pointer (&name);
  return g_steal_pointer (&hash);
}
