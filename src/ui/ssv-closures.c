/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-closures.c: the small functions templates use in <closure> bindings: whether there is
 * text to show, whether a count is above or at zero. Each takes the template's object
 * first, as GtkBuilder closures do. */

#include "config.h"

#include "ssv-closures.h"

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

/**
 * ssv_widget_class_bind_closures:
 *
 * Lets @widget_class's template name has_text, is_positive and is_zero in its
 * <closure> elements.
 */
void
ssv_widget_class_bind_closures (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, has_text);
  gtk_widget_class_bind_template_callback (widget_class, is_positive);
  gtk_widget_class_bind_template_callback (widget_class, is_zero);
}
