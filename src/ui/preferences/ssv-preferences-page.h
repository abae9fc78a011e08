/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-preferences-page.h: base of the pages of Preferences: the context, set once, then a load. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_PREFERENCES_PAGE (ssv_preferences_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (SsvPreferencesPage, ssv_preferences_page, SSV, PREFERENCES_PAGE, AdwPreferencesPage)

struct _SsvPreferencesPageClass
{
  AdwPreferencesPageClass parent_class;

  /* Fills the page from @context; called once, when the context arrives. */
  void (*load) (SsvPreferencesPage *self,
                SsvContext         *context);
};

SsvContext   *ssv_preferences_page_get_context     (SsvPreferencesPage *self);
GCancellable *ssv_preferences_page_get_cancellable (SsvPreferencesPage *self);

G_END_DECLS
