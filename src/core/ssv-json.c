/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-json.c: type-checked, forgiving JSON readers for answers from servers and APIs. */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "ssv-json.h"
#include "ssv-utils.h"

JsonObject *
ssv_json_node_object (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

JsonArray *
ssv_json_node_array (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  if (object == NULL)
    return NULL;

  return json_object_get_member (object, member);
}

JsonObject *
ssv_json_get_object (JsonObject *object,
                     const char *member)
{
  return ssv_json_node_object (get_member (object, member));
}

JsonArray *
ssv_json_get_array (JsonObject *object,
                    const char *member)
{
  return ssv_json_node_array (get_member (object, member));
}

static const char *
node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

const char *
ssv_json_get_string (JsonObject *object,
                     const char *member)
{
  return node_string (get_member (object, member));
}

/* Like ssv_json_get_string(), but an empty or whitespace-only string is NULL. */
char *
ssv_json_dup_string (JsonObject *object,
                     const char *member)
{
  const char *value = ssv_json_get_string (object, member);
  g_autofree char *copy = NULL;

  if (value == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (value));
  if (copy[0] == '\0')
    return NULL;

  return g_steal_pointer (&copy);
}

static gboolean
node_int (JsonNode *node,
          gint64   *value)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if (type == G_TYPE_DOUBLE)
    {
      /* (double) G_MAXINT64 rounds up to 2^63, which does not fit: check, do not cast. */
      return ssv_double_to_int64 (json_node_get_double (node), value);
    }
  if (type == G_TYPE_BOOLEAN)
    {
      *value = json_node_get_boolean (node);
      return TRUE;
    }
  if (type == G_TYPE_STRING)
    {
      /* Some APIs (TVDB, OMDb, Plex) send numbers as strings, "12" or "12.0". */
      const char *text = json_node_get_string (node);
      char *end = NULL;
      gint64 parsed;

      if (text == NULL || text[0] == '\0')
        return FALSE;
      parsed = g_ascii_strtoll (text, &end, 10);
      if (end == text)
        return FALSE;
      if (*end == '.')
        for (end++; g_ascii_isdigit (*end); end++)
          ;
      if (*end != '\0')
        return FALSE;
      *value = parsed;
      return TRUE;
    }

  return FALSE;
}

gboolean
ssv_json_get_int (JsonObject *object,
                  const char *member,
                  gint64     *value)
{
  return node_int (get_member (object, member), value);
}

gint64
ssv_json_get_int_or (JsonObject *object,
                     const char *member,
                     gint64      fallback)
{
  gint64 value;

  return ssv_json_get_int (object, member, &value) ? value : fallback;
}

gboolean
ssv_json_get_double (JsonObject *object,
                     const char *member,
                     double     *value)
{
  JsonNode *node = get_member (object, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else if (type == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      char *end = NULL;

      if (text == NULL || text[0] == '\0')
        return FALSE;
      *value = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0')
        return FALSE;
    }
  else
    return FALSE;

  /* NaN and infinities are not ratings. */
  return *value == *value && *value < 1e300 && *value > -1e300;
}

/* NAN when absent, so "no rating" and "rated 0" stay apart. */
double
ssv_json_get_double_or_nan (JsonObject *object,
                            const char *member)
{
  double value;

  return ssv_json_get_double (object, member, &value) ? value : NAN;
}

/* true/false, a number (non-zero is true), or the strings "1" and "true". */
gboolean
ssv_json_get_bool_or (JsonObject *object,
                      const char *member,
                      gboolean    fallback)
{
  JsonNode *node = get_member (object, member);
  gint64 number;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (g_strcmp0 (text, "1") == 0 || g_ascii_strcasecmp (text ? text : "", "true") == 0)
        return TRUE;
      if (g_strcmp0 (text, "0") == 0 || g_ascii_strcasecmp (text ? text : "", "false") == 0)
        return FALSE;
      return fallback;
    }

  return node_int (node, &number) ? number != 0 : fallback;
}

/* A string member looked up without regard to case ("Tmdb", "tmdb", "TMDB"). */
const char *
ssv_json_get_string_ci (JsonObject *object,
                        const char *member)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (object == NULL)
    return NULL;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    if (g_ascii_strcasecmp (name, member) == 0 && node_string (node) != NULL)
      return node_string (node);

  return NULL;
}

JsonObject *
ssv_json_array_object (JsonArray *array,
                       guint      index)
{
  if (array == NULL || index >= json_array_get_length (array))
    return NULL;

  return ssv_json_node_object (json_array_get_element (array, index));
}

const char *
ssv_json_array_string (JsonArray *array,
                       guint      index)
{
  if (array == NULL || index >= json_array_get_length (array))
    return NULL;

  return node_string (json_array_get_element (array, index));
}

/* "1999-10-15" → 1999; 0 when there is no plausible year. */
int
ssv_json_year_of (const char *date)
{
  int year = 0;

  if (date == NULL)
    return 0;

  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (date[i]))
        return 0;
      year = year * 10 + (date[i] - '0');
    }

  return year >= 1870 && year <= 2300 ? year : 0;
}
