/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-catalog.h: the items a fake media server holds (by id, in insertion order), shared by
 * the fake Jellyfin and Plex servers. Not locked: callers hold their own lock. */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char       *library;   /* Jellyfin library id, Plex section key */
  JsonObject *object;
} SsvFakeEntry;

/* How a server names the members the catalog reads. */
typedef struct
{
  const char *id;             /* "Id", "ratingKey" */
  const char *type;           /* "Type", "type" */
  const char *episode_type;   /* "Episode", "episode" */
  const char *show;           /* an episode's show: "SeriesId", "grandparentRatingKey" */
  const char *season;         /* "ParentIndexNumber", "parentIndex" */
  const char *episode;        /* "IndexNumber", "index" */
} SsvFakeMembers;

typedef struct _SsvFakeCatalog SsvFakeCatalog;

SsvFakeCatalog *ssv_fake_catalog_new          (const SsvFakeMembers *members);
void            ssv_fake_catalog_free         (SsvFakeCatalog  *self);
GPtrArray      *ssv_fake_catalog_entries      (SsvFakeCatalog  *self);
void            ssv_fake_catalog_add          (SsvFakeCatalog  *self,
                                               const char      *library,
                                               JsonObject      *object);
SsvFakeEntry   *ssv_fake_catalog_lookup       (SsvFakeCatalog  *self,
                                               const char      *id);
void            ssv_fake_catalog_remove       (SsvFakeCatalog  *self,
                                               const char      *id);
GPtrArray      *ssv_fake_catalog_episodes_of  (SsvFakeCatalog  *self,
                                               const char      *show_id);

GBytes         *ssv_fake_json_bytes           (JsonNode        *node);
void            ssv_fake_json_add_objects     (JsonBuilder     *builder,
                                               GPtrArray       *objects,
                                               guint            start,
                                               guint            end);
JsonArray      *ssv_fake_fixture_array        (const char      *fixture,
                                               const char      *container_member,
                                               const char      *array_member,
                                               JsonParser     **parser_out);

G_END_DECLS
