/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-segment-bar.c: a video's timeline, its SponsorBlock segments drawn over it in their
 * category's colour (named colours in data/style.css, "sponsorblock_<category>"); the
 * accessible description and the tooltip list the segments in words. */

#include "config.h"

#include <glib/gi18n.h>

#include "providers/ssv-youtube-types.h"
#include "widgets/ssv-segment-bar.h"
#include "widgets/ssv-video-words.h"

#define BAR_HEIGHT 12

typedef struct
{
  char   *category;
  double  start_s;
  double  end_s;
} Span;

struct _SsvSegmentBar
{
  GtkWidget  parent_instance;

  GArray    *spans;          /* Span */
  double     duration_s;
  char      *description;
  guint      n_drawn;        /* spans that reached the last snapshot */
};

G_DEFINE_FINAL_TYPE (SsvSegmentBar, ssv_segment_bar, GTK_TYPE_WIDGET)

static const struct
{
  const char *category;
  const char *name;
} categories[] = {
  { "sponsor", N_("Sponsor") },
  { "selfpromo", N_("Self-promotion") },
  { "interaction", N_("Interaction reminder") },
  { "intro", N_("Intro") },
  { "outro", N_("Outro") },
  { "preview", N_("Preview") },
  { "music_offtopic", N_("Non-music part") },
  { "filler", N_("Filler") },
  { "poi_highlight", N_("Highlight") },
  { "exclusive_access", N_("Exclusive access") },
  { "chapter", N_("Chapter") },
};

/* The category in words: "Sponsor", "Intro", …; the raw name for one we do not know. */
const char *
ssv_segment_category_name (const char *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (categories[i].category, category) == 0)
      return _(categories[i].name);
  return category ? category : "";
}

static void
span_clear (gpointer data)
{
  Span *span = data;

  g_free (span->category);
}

/* A named colour from the style sheet: the category's, else the one for other segments. */
static GdkRGBA
category_colour (SsvSegmentBar *self,
                 const char    *category)
{
  g_autofree char *name = g_strdup_printf ("sponsorblock_%s", category ? category : "");
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA colour;

  if (gtk_style_context_lookup_color (style, name, &colour) ||
      gtk_style_context_lookup_color (style, "sponsorblock_other", &colour))
    return colour;

  gdk_rgba_parse (&colour, "gray");
  return colour;
}

static void
ssv_segment_bar_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SsvSegmentBar *self = SSV_SEGMENT_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA track;
  GskRoundedRect outline;

  if (!gtk_style_context_lookup_color (style, "sponsorblock_track", &track))
    gdk_rgba_parse (&track, "rgba(127,127,127,0.3)");

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), height / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (0, 0, width, height));

  self->n_drawn = 0;
  for (guint i = 0; self->duration_s > 0 && i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      double start = CLAMP (span->start_s / self->duration_s, 0, 1) * width;
      double end = CLAMP (span->end_s / self->duration_s, 0, 1) * width;
      GdkRGBA colour = category_colour (self, span->category);

      /* A point (a highlight) still shows as a thin mark. */
      gtk_snapshot_append_color (snapshot, &colour,
                                 &GRAPHENE_RECT_INIT (start, 0, MAX (end - start, 2), height));
      self->n_drawn++;
    }

  gtk_snapshot_pop (snapshot);
}

static void
ssv_segment_bar_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
    }
  else
    *minimum = *natural = BAR_HEIGHT;
}

/* "Sponsor from 1:10 to 2:05; Intro from 0:00 to 0:12" */
static char *
describe (SsvSegmentBar *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->spans->len == 0)
    return g_strdup (_("No segments marked by SponsorBlock"));

  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      g_autofree char *from = ssv_video_words_clock (span->start_s);
      g_autofree char *to = ssv_video_words_clock (span->end_s);

      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: a SponsorBlock segment, "Sponsor from 1:10 to 2:05" */
      g_string_append_printf (text, _("%s from %s to %s"), ssv_segment_category_name (span->category), from, to);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ssv_segment_bar_set_segments:
 * @segments: (nullable) (element-type SsvSegment): the video's segments
 * @duration_s: the video's length; unknown (<= 0) leaves the bar empty but still described
 */
void
ssv_segment_bar_set_segments (SsvSegmentBar *self,
                              GPtrArray     *segments,
                              double         duration_s)
{
  g_return_if_fail (SSV_IS_SEGMENT_BAR (self));

  g_array_set_size (self->spans, 0);
  for (guint i = 0; segments != NULL && i < segments->len; i++)
    {
      const SsvSegment *segment = g_ptr_array_index (segments, i);
      Span span = { g_strdup (segment->category), segment->start_s, segment->end_s };

      g_array_append_val (self->spans, span);
    }
  self->duration_s = duration_s;

  g_free (self->description);
  self->description = describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The segments in words, as the accessible description says them. */
const char *
ssv_segment_bar_get_description (SsvSegmentBar *self)
{
  g_return_val_if_fail (SSV_IS_SEGMENT_BAR (self), NULL);

  return self->description;
}

/* How many segments the last frame drew. */
guint
ssv_segment_bar_get_n_drawn (SsvSegmentBar *self)
{
  g_return_val_if_fail (SSV_IS_SEGMENT_BAR (self), 0);

  return self->n_drawn;
}

static void
ssv_segment_bar_finalize (GObject *object)
{
  SsvSegmentBar *self = SSV_SEGMENT_BAR (object);

  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ssv_segment_bar_parent_class)->finalize (object);
}

static void
ssv_segment_bar_class_init (SsvSegmentBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ssv_segment_bar_finalize;
  widget_class->snapshot = ssv_segment_bar_snapshot;
  widget_class->measure = ssv_segment_bar_measure;

  gtk_widget_class_set_css_name (widget_class, "segmentbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ssv_segment_bar_init (SsvSegmentBar *self)
{
  self->spans = g_array_new (FALSE, TRUE, sizeof (Span));
  g_array_set_clear_func (self->spans, span_clear);
  self->description = describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("SponsorBlock segments"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description, -1);
}

GtkWidget *
ssv_segment_bar_new (void)
{
  return g_object_new (SSV_TYPE_SEGMENT_BAR, NULL);
}
