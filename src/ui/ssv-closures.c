/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-closures.c: the small functions templates use in <closure> bindings: whether there is
 * text to show, whether a count is above or at zero, a title's initials. Each takes the
 * template's object first, as GtkBuilder closures do. */

#include "config.h"

#include "ssv-closures.h"
#include "widgets/ssv-poster-card.h"

static gboolean
has_text (gpointer    unused,
          const char *text)
{
  return text != NULL && text[0] != '\0';
}

static gboolean
is_positive (gpointer unused,
             int      value)
{
  return value > 0;
}

static gboolean
is_zero (gpointer unused,
         int      value)
{
  return value == 0;
}

/* "Breaking Bad" → "BB": what a placeholder shows until the art arrives. */
static char *
initials_text (gpointer    unused,
               const char *title)
{
  return ssv_poster_initials (title);
}

/**
 * ssv_widget_class_bind_closures:
 *
 * Lets @widget_class's template name has_text, is_positive, is_zero and initials_text
 * in its <closure> elements.
 */
void
ssv_widget_class_bind_closures (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, has_text);
  gtk_widget_class_bind_template_callback (widget_class, is_positive);
  gtk_widget_class_bind_template_callback (widget_class, is_zero);
  gtk_widget_class_bind_template_callback (widget_class, initials_text);
}
