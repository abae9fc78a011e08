/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-xml.c: libFuzzer target: the small XML tree reader (Torznab feeds, Plex answers) and its
 * look-ups, on any input. */

#include "config.h"

#include <stdint.h>

#include "net/ssv-xml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Visits every node without recursion, as deep as the reader allowed. */
static void
visit (SsvXmlNode *root)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  guint nodes = 0;

  g_ptr_array_add (pending, root);
  while (pending->len > 0)
    {
      SsvXmlNode *node = g_ptr_array_steal_index_fast (pending, pending->len - 1);
      g_autoptr(GPtrArray) items = ssv_xml_node_children (node, "item");
      guint depth = 0;

      for (SsvXmlNode *up = node; up->parent != NULL; up = up->parent)
        depth++;
      if (depth >= SSV_XML_MAX_DEPTH)
        __builtin_trap ();

      (void) ssv_xml_node_get_attr (node, "ratingKey");
      (void) ssv_xml_node_child_text (node, "title");
      (void) ssv_xml_node_child (node, "channel");
      nodes += items->len + 1;
      for (guint i = 0; i < node->children->len; i++)
        g_ptr_array_add (pending, g_ptr_array_index (node->children, i));
    }

  g_assert (nodes > 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SsvXmlNode) root = ssv_xml_parse ((const char *) data, (gssize) size, NULL);

  if (root != NULL)
    visit (root);
  return 0;
}
