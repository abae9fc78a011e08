/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-source-json.c: forgiving JSON readers; Plex XML turned into the JSON shape. */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "ssv-source-json.h"

static JsonNode *
member_node (JsonObject *object,
             const char *member)
{
  if (object == NULL)
    return NULL;

  return json_object_get_member (object, member);
}

/* The string value of @member, or NULL when it is absent, null or not a string. */
const char *
ssv_json_string (JsonObject *object,
                 const char *member)
{
  JsonNode *node = member_node (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* An integer from a number, a boolean or a string of digits. */
gint64
ssv_json_int (JsonObject *object,
              const char *member,
              gint64      fallback)
{
  JsonNode *node = member_node (object, member);
  GType type;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return fallback;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return json_node_get_int (node);
  if (type == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);
  if (type == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      char *end = NULL;
      gint64 value;

      if (text == NULL || text[0] == '\0')
        return fallback;
      value = g_ascii_strtoll (text, &end, 10);
      if (end == text || (*end != '\0' && *end != '.'))
        return fallback;
      return value;
    }

  return fallback;
}

/* A double from a number or a numeric string; NAN when there is none. */
double
ssv_json_double (JsonObject *object,
                 const char *member)
{
  JsonNode *node = member_node (object, member);
  GType type;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return NAN;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      char *end = NULL;
      double value;

      if (text == NULL || text[0] == '\0')
        return NAN;
      value = g_ascii_strtod (text, &end);
      return end == text ? NAN : value;
    }

  return NAN;
}

gboolean
ssv_json_bool (JsonObject *object,
               const char *member)
{
  JsonNode *node = member_node (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      return g_strcmp0 (text, "1") == 0 || g_ascii_strcasecmp (text ? text : "", "true") == 0;
    }

  return ssv_json_int (object, member, 0) != 0;
}

JsonArray *
ssv_json_array (JsonObject *object,
                const char *member)
{
  JsonNode *node = member_node (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_ARRAY)
    return NULL;

  return json_node_get_array (node);
}

JsonObject *
ssv_json_object (JsonObject *object,
                 const char *member)
{
  JsonNode *node = member_node (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_OBJECT)
    return NULL;

  return json_node_get_object (node);
}

JsonObject *
ssv_json_array_object (JsonArray *array,
                       guint      index)
{
  JsonNode *node;

  if (array == NULL || index >= json_array_get_length (array))
    return NULL;

  node = json_array_get_element (array, index);
  return JSON_NODE_TYPE (node) == JSON_NODE_OBJECT ? json_node_get_object (node) : NULL;
}

/* A string member looked up without regard to case ("Tmdb", "tmdb", "TMDB"). */
const char *
ssv_json_member_ci (JsonObject *object,
                    const char *member)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (object == NULL)
    return NULL;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      if (g_ascii_strcasecmp (name, member) != 0 || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
        continue;
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return json_node_get_string (node);
    }

  return NULL;
}

/* Plex answers XML unless asked otherwise, and some servers ignore the asking.
 * Its JSON is the XML with attributes as members and children grouped into
 * arrays by element name, items ("Video", "Directory") under "Metadata". */
JsonNode *
ssv_xml_to_json (SsvXmlNode *node)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  GHashTable *groups;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  JsonNode *result;

  groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  json_builder_begin_object (builder);
  for (guint i = 0; node->attr_names != NULL && node->attr_names[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, node->attr_names[i]);
      json_builder_add_string_value (builder, node->attr_values[i]);
    }

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      SsvXmlNode *child = g_ptr_array_index (node->children, i);
      const char *group = child->name;
      GPtrArray *members;

      if (g_str_equal (group, "Video") ||
          (g_str_equal (group, "Directory") && g_str_equal (node->name, "MediaContainer") &&
           ssv_xml_node_get_attr (child, "ratingKey") != NULL))
        group = "Metadata";

      members = g_hash_table_lookup (groups, group);
      if (members == NULL)
        {
          members = g_ptr_array_new ();
          g_hash_table_insert (groups, (gpointer) group, members);
          g_ptr_array_add (order, (gpointer) group);
        }
      g_ptr_array_add (members, child);
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *group = g_ptr_array_index (order, i);
      GPtrArray *members = g_hash_table_lookup (groups, group);

      json_builder_set_member_name (builder, group);
      json_builder_begin_array (builder);
      for (guint j = 0; j < members->len; j++)
        json_builder_add_value (builder, ssv_xml_to_json (g_ptr_array_index (members, j)));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  g_hash_table_unref (groups);
  result = json_builder_get_root (builder);
  return result;
}
