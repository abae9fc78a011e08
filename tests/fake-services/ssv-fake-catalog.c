/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-catalog.c: the items a fake media server holds (by id, in insertion order), shared by
 * the fake Jellyfin and Plex servers. */

#include "config.h"

#include <string.h>

#include "ssv-fake-catalog.h"
#include "ssv-fake-server.h"

struct _SsvFakeCatalog
{
  const SsvFakeMembers *members;
  GPtrArray  *entries;     /* SsvFakeEntry */
  GHashTable *by_id;       /* id → SsvFakeEntry */
};

static void
entry_free (gpointer data)
{
  SsvFakeEntry *entry = data;

  g_free (entry->library);
  json_object_unref (entry->object);
  g_free (entry);
}

/* @members: (transfer none): static; kept */
SsvFakeCatalog *
ssv_fake_catalog_new (const SsvFakeMembers *members)
{
  SsvFakeCatalog *self = g_new0 (SsvFakeCatalog, 1);

  self->members = members;
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  return self;
}

void
ssv_fake_catalog_free (SsvFakeCatalog *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->entries);
  g_free (self);
}

/* Returns: (transfer none) (element-type SsvFakeEntry): every entry, oldest first */
GPtrArray *
ssv_fake_catalog_entries (SsvFakeCatalog *self)
{
  return self->entries;
}

/* @object: (transfer full): an item with its id member set */
void
ssv_fake_catalog_add (SsvFakeCatalog *self,
                      const char     *library,
                      JsonObject     *object)
{
  SsvFakeEntry *entry = g_new0 (SsvFakeEntry, 1);

  entry->library = g_strdup (library);
  entry->object = object;
  g_ptr_array_add (self->entries, entry);
  g_hash_table_insert (self->by_id, (gpointer) json_object_get_string_member (object, self->members->id), entry);
}

SsvFakeEntry *
ssv_fake_catalog_lookup (SsvFakeCatalog *self,
                         const char     *id)
{
  return g_hash_table_lookup (self->by_id, id);
}

void
ssv_fake_catalog_remove (SsvFakeCatalog *self,
                         const char     *id)
{
  SsvFakeEntry *entry = g_hash_table_lookup (self->by_id, id);

  if (entry != NULL)
    {
      g_hash_table_remove (self->by_id, id);
      g_ptr_array_remove (self->entries, entry);
    }
}

static int
compare_episodes (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const SsvFakeMembers *members = user_data;
  JsonObject *oa = *(JsonObject * const *) a;
  JsonObject *ob = *(JsonObject * const *) b;
  gint64 sa = json_object_get_int_member_with_default (oa, members->season, 0);
  gint64 sb = json_object_get_int_member_with_default (ob, members->season, 0);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  return (int) (json_object_get_int_member_with_default (oa, members->episode, 0) -
                json_object_get_int_member_with_default (ob, members->episode, 0));
}

/* Returns: (transfer container) (element-type JsonObject): the show's episodes by season and number */
GPtrArray *
ssv_fake_catalog_episodes_of (SsvFakeCatalog *self,
                              const char     *show_id)
{
  const SsvFakeMembers *m = self->members;
  GPtrArray *episodes = g_ptr_array_new ();

  for (guint i = 0; i < self->entries->len; i++)
    {
      SsvFakeEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (entry->object, m->type, ""), m->episode_type) == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (entry->object, m->show, ""), show_id) == 0)
        g_ptr_array_add (episodes, entry->object);
    }

  g_ptr_array_sort_with_data (episodes, compare_episodes, (gpointer) m);
  return episodes;
}

GBytes *
ssv_fake_json_bytes (JsonNode *node)
{
  char *text = json_to_string (node, FALSE);
  gsize length = strlen (text);

  return g_bytes_new_take (text, length);
}

/* Adds @objects[start, end) to the array @builder is in. */
void
ssv_fake_json_add_objects (JsonBuilder *builder,
                           GPtrArray   *objects,
                           guint        start,
                           guint        end)
{
  for (guint i = start; i < end; i++)
    {
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, g_ptr_array_index (objects, i));
      json_builder_add_value (builder, node);
    }
}

/**
 * ssv_fake_fixture_array:
 * @container_member: (nullable): the object the array is in ("MediaContainer"), or %NULL for the root
 * @parser_out: (out): owns the array
 *
 * Returns: (transfer none): the array of a recorded response
 */
JsonArray *
ssv_fake_fixture_array (const char  *fixture,
                        const char  *container_member,
                        const char  *array_member,
                        JsonParser **parser_out)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load (fixture);
  g_autoptr(GError) error = NULL;
  JsonParser *parser = json_parser_new ();
  JsonObject *object;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  object = json_node_get_object (json_parser_get_root (parser));
  if (container_member != NULL)
    object = json_object_get_object_member (object, container_member);

  *parser_out = parser;
  return json_object_get_array_member (object, array_member);
}
