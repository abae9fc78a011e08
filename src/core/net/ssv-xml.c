/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-xml.c: a tiny read-only XML tree built with GMarkup. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "net/ssv-xml.h"

typedef struct
{
  SsvXmlNode *root;
  SsvXmlNode *current;
  guint       depth;
} ParseState;

static SsvXmlNode *
node_new (const char  *name,
          const char **attr_names,
          const char **attr_values)
{
  SsvXmlNode *node = g_new0 (SsvXmlNode, 1);

  node->name = g_strdup (name);
  node->attr_names = g_strdupv ((char **) attr_names);
  node->attr_values = g_strdupv ((char **) attr_values);
  node->text = g_string_new (NULL);
  /* No free function: ssv_xml_node_free() frees the children itself. */
  node->children = g_ptr_array_new ();

  return node;
}

/* Frees @node and everything below it, without recursion: a hostile answer
 * must not be able to reach the end of the stack. */
void
ssv_xml_node_free (SsvXmlNode *node)
{
  g_autoptr(GPtrArray) pending = NULL;

  if (node == NULL)
    return;

  pending = g_ptr_array_new ();
  g_ptr_array_add (pending, node);
  while (pending->len > 0)
    {
      SsvXmlNode *next = g_ptr_array_steal_index_fast (pending, pending->len - 1);

      for (guint i = 0; i < next->children->len; i++)
        g_ptr_array_add (pending, g_ptr_array_index (next->children, i));

      g_free (next->name);
      g_strfreev (next->attr_names);
      g_strfreev (next->attr_values);
      g_string_free (next->text, TRUE);
      g_ptr_array_unref (next->children);
      g_free (next);
    }
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;
  SsvXmlNode *node;

  if (state->depth >= SSV_XML_MAX_DEPTH)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "elements nested deeper than %u", SSV_XML_MAX_DEPTH);
      return;
    }

  node = node_new (element_name, attribute_names, attribute_values);
  if (state->current == NULL)
    {
      if (state->root != NULL)
        {
          ssv_xml_node_free (node);
          g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                               "more than one root element");
          return;
        }
      state->root = node;
    }
  else
    {
      node->parent = state->current;
      g_ptr_array_add (state->current->children, node);
    }

  state->current = node;
  state->depth++;
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;

  if (state->current != NULL)
    {
      state->current = state->current->parent;
      state->depth--;
    }
}

static void
text (GMarkupParseContext  *context,
      const char           *text_value,
      gsize                 text_len,
      gpointer              user_data,
      GError              **error)
{
  ParseState *state = user_data;

  if (state->current != NULL)
    g_string_append_len (state->current->text, text_value, text_len);
}

static const GMarkupParser parser = {
  start_element,
  end_element,
  text,
  NULL,
  NULL,
};

SsvXmlNode *
ssv_xml_parse (const char  *data,
               gssize       length,
               GError     **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  ParseState state = { NULL, NULL, 0 };

  if (length < 0)
    length = data ? strlen (data) : 0;

  if (data == NULL || length == 0)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED, "not valid XML: empty document");
      return NULL;
    }

  /* No XML holds a NUL; GMarkup (2.74) reads on past one and sets a second
   * error over its first. */
  if (memchr (data, '\0', (gsize) length) != NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED, "not valid XML: a NUL byte");
      return NULL;
    }

  /* Skip a byte-order mark; GMarkup does not. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &state, NULL);

  if (!g_markup_parse_context_parse (context, data, length, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error) ||
      state.root == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                   "not valid XML: %s", local_error ? local_error->message : "empty document");
      ssv_xml_node_free (state.root);
      return NULL;
    }

  return state.root;
}

const char *
ssv_xml_node_get_attr (SsvXmlNode *node,
                       const char *name)
{
  if (node == NULL || node->attr_names == NULL)
    return NULL;

  for (guint i = 0; node->attr_names[i] != NULL; i++)
    if (strcmp (node->attr_names[i], name) == 0)
      return node->attr_values[i];

  return NULL;
}

SsvXmlNode *
ssv_xml_node_child (SsvXmlNode *node,
                    const char *name)
{
  if (node == NULL)
    return NULL;

  for (guint i = 0; i < node->children->len; i++)
    {
      SsvXmlNode *child = g_ptr_array_index (node->children, i);
      if (strcmp (child->name, name) == 0)
        return child;
    }

  return NULL;
}

const char *
ssv_xml_node_child_text (SsvXmlNode *node,
                         const char *name)
{
  SsvXmlNode *child = ssv_xml_node_child (node, name);

  return child ? child->text->str : NULL;
}

/**
 * ssv_xml_node_children:
 *
 * Returns: (transfer container): the direct children named @name
 */
GPtrArray *
ssv_xml_node_children (SsvXmlNode *node,
                       const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  if (node == NULL)
    return found;

  for (guint i = 0; i < node->children->len; i++)
    {
      SsvXmlNode *child = g_ptr_array_index (node->children, i);
      if (name == NULL || strcmp (child->name, name) == 0)
        g_ptr_array_add (found, child);
    }

  return found;
}
