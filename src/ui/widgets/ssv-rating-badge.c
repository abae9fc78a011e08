/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-rating-badge.c: one rating (IMDb, Rotten Tomatoes, Metacritic, TMDB), coloured by its score. */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/ssv-rating-badge.h"

struct _SsvRatingBadge
{
  GtkWidget        parent_instance;

  SsvRatingSource  source;
  double           value;
  const char      *look;
  char            *text;

  GtkWidget       *box;
  GtkLabel        *source_label;
  GtkLabel        *value_label;
};

G_DEFINE_FINAL_TYPE (SsvRatingBadge, ssv_rating_badge, GTK_TYPE_WIDGET)

/**
 * ssv_rating_look_for:
 *
 * The style class for a score: Rotten Tomatoes is fresh from 60 %, Metacritic
 * is favourable from 61 and unfavourable under 40, as the sites themselves colour them.
 */
const char *
ssv_rating_look_for (SsvRatingSource source,
                     double          value)
{
  switch (source)
    {
    case SSV_RATING_IMDB:
      return "imdb";
    case SSV_RATING_ROTTEN_TOMATOES:
      return value >= 60 ? "rt-fresh" : "rt-rotten";
    case SSV_RATING_METACRITIC:
      return value >= 61 ? "metacritic-good" : value >= 40 ? "metacritic-mixed" : "metacritic-bad";
    case SSV_RATING_TMDB:
    default:
      return "tmdb";
    }
}

static void
ssv_rating_badge_dispose (GObject *object)
{
  SsvRatingBadge *self = SSV_RATING_BADGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_RATING_BADGE);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (ssv_rating_badge_parent_class)->dispose (object);
}

static void
ssv_rating_badge_class_init (SsvRatingBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_rating_badge_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ratingbadge");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-rating-badge.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvRatingBadge, box);
  gtk_widget_class_bind_template_child (widget_class, SsvRatingBadge, source_label);
  gtk_widget_class_bind_template_child (widget_class, SsvRatingBadge, value_label);
}

static void
ssv_rating_badge_init (SsvRatingBadge *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_rating (SsvRatingBadge  *self,
            SsvRatingSource  source,
            double           value)
{
  g_autofree char *shown = NULL;
  const char *mark;

  self->source = source;
  self->value = value;
  self->look = ssv_rating_look_for (source, value);
  gtk_widget_add_css_class (GTK_WIDGET (self), self->look);

  switch (source)
    {
    case SSV_RATING_IMDB:
      mark = "IMDb";
      shown = g_strdup_printf ("%.1f", value);
      /* Translators: read aloud for a rating badge, e.g. "IMDb rating 8.8 out of 10" */
      self->text = g_strdup_printf (_("IMDb rating %.1f out of 10"), value);
      break;
    case SSV_RATING_ROTTEN_TOMATOES:
      mark = "RT";
      shown = g_strdup_printf ("%.0f%%", value);
      self->text = value >= 60 ? g_strdup_printf (_("Rotten Tomatoes %.0f%%, fresh"), value)
                               : g_strdup_printf (_("Rotten Tomatoes %.0f%%, rotten"), value);
      break;
    case SSV_RATING_METACRITIC:
      mark = "MC";
      shown = g_strdup_printf ("%.0f", value);
      self->text = g_strdup_printf (_("Metascore %.0f out of 100"), value);
      break;
    case SSV_RATING_TMDB:
    default:
      mark = "TMDB";
      shown = g_strdup_printf ("%.1f", value);
      self->text = g_strdup_printf (_("TMDB rating %.1f out of 10"), value);
      break;
    }

  gtk_label_set_label (self->source_label, mark);
  gtk_label_set_label (self->value_label, shown);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
}

/* @value: 0–10 for IMDb and TMDB, 0–100 for Rotten Tomatoes and Metacritic */
GtkWidget *
ssv_rating_badge_new (SsvRatingSource source,
                      double          value)
{
  SsvRatingBadge *self = g_object_new (SSV_TYPE_RATING_BADGE, NULL);

  set_rating (self, source, value);
  return GTK_WIDGET (self);
}

/* The style class of its score: "imdb", "rt-fresh", "metacritic-mixed", … */
const char *
ssv_rating_badge_get_look (SsvRatingBadge *self)
{
  g_return_val_if_fail (SSV_IS_RATING_BADGE (self), NULL);

  return self->look;
}

/* What a screen reader says: "Rotten Tomatoes 79%, fresh". */
const char *
ssv_rating_badge_get_text (SsvRatingBadge *self)
{
  g_return_val_if_fail (SSV_IS_RATING_BADGE (self), NULL);

  return self->text;
}
