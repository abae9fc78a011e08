/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-closures.h: the small functions templates use in <closure> bindings, bound once per class. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ssv_widget_class_bind_closures (GtkWidgetClass *widget_class);

G_END_DECLS
