/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-ui-utils.c: a toast through app.toast, secondary windows that belong to the app, menus
 * built when first opened, and plain words for why TMDB gave a page nothing. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-error.h"
#include "ssv-ui-utils.h"

/**
 * ssv_ui_toast:
 * @widget: the widget that has something to say, in any window of the app
 * @message: what to say, in plain words
 *
 * The one way to show a toast: the app puts it in the window the person looks at.
 */
void
ssv_ui_toast (GtkWidget  *widget,
              const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  /* A widget no longer in a window of the app still has its say in the log. */
  if (!gtk_widget_activate_action (widget, "app.toast", "s", message))
    g_message ("%s", message);
}

/**
 * ssv_ui_present_window:
 * @window: a dialog or other secondary window
 * @parent: (nullable): a widget of the window it opens from
 *
 * Opens @window over @parent's window, as part of the same app: app actions (toasts,
 * scans, Ctrl+Q) reach it, and it closes with its parent.
 */
void
ssv_ui_present_window (GtkWindow *window,
                       GtkWidget *parent)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (GTK_IS_WINDOW (root))
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (root));

      gtk_window_set_transient_for (window, GTK_WINDOW (root));
      gtk_window_set_destroy_with_parent (window, TRUE);
      if (application != NULL && gtk_window_get_application (window) == NULL)
        gtk_window_set_application (window, application);
    }

  gtk_window_present (window);
}

static void
set_menu_on_first_open (GtkMenuButton *button,
                        gpointer       menu)
{
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

/**
 * ssv_ui_set_menu_when_opened:
 * @button: a menu button
 * @menu: the menu it opens
 *
 * Gives @button its popover menu the first time it opens (a click, or F10 on a primary
 * menu) rather than now: a popover menu takes a millisecond or more to build, and most
 * are never opened. Use in place of its "menu-model".
 */
void
ssv_ui_set_menu_when_opened (GtkMenuButton *button,
                             GMenuModel    *menu)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  gtk_menu_button_set_create_popup_func (button, set_menu_on_first_open, g_object_ref (menu), g_object_unref);
}

/**
 * ssv_ui_describe_tmdb_error:
 * @error: why a page beyond the library got nothing from the discovery service
 * @without_key: what the page says when no TMDB key is set (what the key would bring)
 * @not_found: what it says when TMDB does not know the id, or %NULL
 * @key_problem: (out): whether Preferences → Metadata is where to fix it
 *
 * Returns: plain words for a status page, never TMDB's or libsoup's
 */
const char *
ssv_ui_describe_tmdb_error (const GError *error,
                            const char   *without_key,
                            const char   *not_found,
                            gboolean     *key_problem)
{
  *key_problem = g_error_matches (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED) ||
                 g_error_matches (error, SSV_ERROR, SSV_ERROR_INVALID);

  if (g_error_matches (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED))
    return _("TMDB did not accept the API key. Check it in Preferences → Metadata.");
  if (*key_problem)
    return without_key;
  if (not_found != NULL && g_error_matches (error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
    return not_found;
  /* The library file itself: its own words say more than ours. */
  if (g_error_matches (error, SSV_ERROR, SSV_ERROR_DATABASE))
    return error->message;

  return _("TMDB could not be reached, and this was not kept from an earlier visit. "
           "Check the connection and try again.");
}
