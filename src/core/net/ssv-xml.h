/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-xml.h: a tiny read-only XML tree (GMarkup) for Torznab feeds and Plex XML. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deeper answers are refused: nothing real nests this far (Plex: 5 levels). */
#define SSV_XML_MAX_DEPTH 64

typedef struct _SsvXmlNode SsvXmlNode;

struct _SsvXmlNode
{
  char        *name;
  char       **attr_names;
  char       **attr_values;
  GString     *text;
  SsvXmlNode  *parent;
  GPtrArray   *children;
};

SsvXmlNode *ssv_xml_parse            (const char  *data,
                                      gssize       length,
                                      GError     **error);
void        ssv_xml_node_free        (SsvXmlNode  *node);
const char *ssv_xml_node_get_attr    (SsvXmlNode  *node,
                                      const char  *name);
SsvXmlNode *ssv_xml_node_child       (SsvXmlNode  *node,
                                      const char  *name);
const char *ssv_xml_node_child_text  (SsvXmlNode  *node,
                                      const char  *name);
GPtrArray  *ssv_xml_node_children    (SsvXmlNode  *node,
                                      const char  *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvXmlNode, ssv_xml_node_free)

G_END_DECLS
