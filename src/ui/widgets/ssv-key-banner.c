/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-key-banner.c: a banner over the library while the TMDB worker waits for a key: what a
 * (free) key brings when none is stored, the plain fact when TMDB refused the stored one;
 * its button opens Preferences → Metadata at the key's row. It follows the worker's state. */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/ssv-key-banner.h"

struct _SsvKeyBanner
{
  GtkWidget     parent_instance;

  SsvWorker    *worker;
  SsvSecrets   *secrets;
  GCancellable *cancellable;

  GtkRevealer  *revealer;
  GtkLabel     *label;
};

G_DEFINE_FINAL_TYPE (SsvKeyBanner, ssv_key_banner, GTK_TYPE_WIDGET)

static void
key_looked_up_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SsvKeyBanner) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = ssv_secrets_lookup_finish (SSV_SECRETS (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    /* The keyring itself failed: say so rather than guess. */
    gtk_label_set_text (self->label, error->message);
  else if (key == NULL || key[0] == '\0')
    gtk_label_set_text (self->label, _("Add a free TMDB API key to bring posters, overviews, cast, ratings and "
                                       "air dates to your library."));
  else
    gtk_label_set_text (self->label, _("TMDB refused the API key, so titles get no new posters or overviews. "
                                       "Check the key in Preferences."));
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
on_state_changed (SsvKeyBanner *self)
{
  g_autofree char *secret_key = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (ssv_worker_get_state (self->worker) != SSV_WORKER_NEEDS_KEY)
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      return;
    }

  /* No key, or a refused one: the keyring tells which, off the UI thread. */
  self->cancellable = g_cancellable_new ();
  secret_key = ssv_worker_dup_secret_key (self->worker);
  ssv_secrets_lookup_async (self->secrets, secret_key, self->cancellable, key_looked_up_cb, g_object_ref (self));
}

/**
 * ssv_key_banner_watch:
 * @worker: the TMDB worker
 *
 * Shows the banner while @worker needs a key.
 */
void
ssv_key_banner_watch (SsvKeyBanner *self,
                      SsvWorker    *worker,
                      SsvSecrets   *secrets)
{
  g_return_if_fail (SSV_IS_KEY_BANNER (self));
  g_return_if_fail (self->worker == NULL);

  self->worker = g_object_ref (worker);
  self->secrets = g_object_ref (secrets);
  g_signal_connect_object (worker, "state-changed", G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
  on_state_changed (self);
}

gboolean
ssv_key_banner_is_shown (SsvKeyBanner *self)
{
  g_return_val_if_fail (SSV_IS_KEY_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
ssv_key_banner_get_text (SsvKeyBanner *self)
{
  g_return_val_if_fail (SSV_IS_KEY_BANNER (self), NULL);

  return gtk_label_get_text (self->label);
}

static void
ssv_key_banner_dispose (GObject *object)
{
  SsvKeyBanner *self = SSV_KEY_BANNER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_KEY_BANNER);
  g_clear_object (&self->worker);
  g_clear_object (&self->secrets);

  G_OBJECT_CLASS (ssv_key_banner_parent_class)->dispose (object);
}

static void
ssv_key_banner_class_init (SsvKeyBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_key_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-key-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvKeyBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, SsvKeyBanner, label);
}

static void
ssv_key_banner_init (SsvKeyBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
