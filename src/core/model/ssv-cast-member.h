/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cast-member.h: one person of a title's cast and the part they play (read-only properties). */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SSV_TYPE_CAST_MEMBER (ssv_cast_member_get_type ())

G_DECLARE_FINAL_TYPE (SsvCastMember, ssv_cast_member, SSV, CAST_MEMBER, GObject)

SsvCastMember *ssv_cast_member_new             (const char    *name,
                                                const char    *character,
                                                const char    *profile_url);
const char    *ssv_cast_member_get_name        (SsvCastMember *self);
const char    *ssv_cast_member_get_character   (SsvCastMember *self);
const char    *ssv_cast_member_get_profile_url (SsvCastMember *self);
gint64         ssv_cast_member_get_tmdb_id     (SsvCastMember *self);
void           ssv_cast_member_set_tmdb_id     (SsvCastMember *self,
                                                gint64         tmdb_id);
gboolean       ssv_cast_member_equal           (SsvCastMember *a,
                                                SsvCastMember *b);

G_END_DECLS
