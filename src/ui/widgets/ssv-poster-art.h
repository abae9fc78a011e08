/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-poster-art.h: a poster drawn in one widget: the art, else the title's initials on its colour. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SSV_TYPE_POSTER_ART (ssv_poster_art_get_type ())

G_DECLARE_FINAL_TYPE (SsvPosterArt, ssv_poster_art, SSV, POSTER_ART, GtkWidget)

GtkWidget  *ssv_poster_art_new           (void);
void        ssv_poster_art_set_title     (SsvPosterArt *self,
                                          const char   *title);
const char *ssv_poster_art_get_initials  (SsvPosterArt *self);
void        ssv_poster_art_set_texture   (SsvPosterArt *self,
                                          GdkTexture   *texture);
GdkTexture *ssv_poster_art_get_texture   (SsvPosterArt *self);
void        ssv_poster_art_set_watched   (SsvPosterArt *self,
                                          gboolean      watched);
gboolean    ssv_poster_art_get_watched   (SsvPosterArt *self);
void        ssv_poster_art_set_accessory (SsvPosterArt *self,
                                          GtkWidget    *accessory);

char       *ssv_poster_initials              (const char   *title);
void        ssv_poster_set_placeholder_color (GtkWidget    *placeholder,
                                              const char   *title);
void        ssv_snapshot_cover               (GdkPaintable *paintable,
                                              GtkSnapshot  *snapshot,
                                              double        width,
                                              double        height);

G_END_DECLS
