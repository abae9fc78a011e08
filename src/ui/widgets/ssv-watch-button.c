/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-watch-button.c: the eye button. Its state comes from the page's follow set (one
 * query for all of a page's buttons) and changes only when the store says so, so every
 * button showing the same item agrees; a failed change ends in a toast. */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "ssv-ui-utils.h"
#include "widgets/ssv-watch-button.h"
#include "model/ssv-calendar-entry.h"
#include "model/ssv-show.h"
#include "model/ssv-watch-item.h"
#include "stores/ssv-watchlist-store.h"

struct _SsvWatchButton
{
  GtkButton      parent_instance;

  SsvFollowSet  *follow_set;
  GObject       *item;
  GStrv          keys;         /* every key the item is known by */
  SsvWatchKind   kind;
  char          *source;       /* the key a change is made by */
  char          *source_id;
  char          *title;
  char          *image_url;
  gboolean       followed;
  gboolean       show_label;
  GCancellable  *cancellable;  /* a change on its way */
  AdwButtonContent *content;
};

G_DEFINE_FINAL_TYPE (SsvWatchButton, ssv_watch_button, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_FOLLOW_SET,
  PROP_FOLLOWED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_look (SsvWatchButton *self)
{
  const char *icon = self->followed ? "view-reveal-symbolic" : "view-conceal-symbolic";
  /* What a click does, which is what people (and screen readers) need to know. */
  const char *action = self->followed ? _("Unfollow") : _("Follow");
  g_autofree char *tooltip = NULL;

  if (self->show_label)
    {
      adw_button_content_set_icon_name (self->content, icon);
      adw_button_content_set_label (self->content, self->followed ? _("Following") : _("Follow"));
    }
  else
    gtk_button_set_icon_name (GTK_BUTTON (self), icon);

  if (self->title != NULL)
    /* Translators: a tooltip: "Follow Severance" or "Unfollow Severance" */
    tooltip = g_strdup_printf (self->followed ? _("Unfollow %s") : _("Follow %s"), self->title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip ? tooltip : action);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, action,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->title ? self->title : "",
                                  -1);

  if (self->followed)
    gtk_widget_add_css_class (GTK_WIDGET (self), "followed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "followed");

  gtk_widget_set_sensitive (GTK_WIDGET (self),
                            self->keys != NULL && self->cancellable == NULL &&
                            ssv_follow_set_get_loaded (self->follow_set));
}

static void
refresh (SsvWatchButton *self)
{
  gboolean followed = ssv_follow_set_contains_any (self->follow_set, (const char * const *) self->keys);

  if (followed != self->followed)
    {
      self->followed = followed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOWED]);
    }

  update_look (self);
}

static void
add_key (GStrvBuilder *builder,
         const char   *source,
         const char   *source_id)
{
  g_autofree char *key = NULL;

  if (source == NULL || source_id == NULL || source_id[0] == '\0')
    return;

  key = ssv_watchlist_key (source, source_id);
  g_strv_builder_add (builder, key);
}

static void
add_id_key (GStrvBuilder *builder,
            const char   *source,
            gint64        id)
{
  char text[32];

  if (id <= 0)
    return;

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, id);
  add_key (builder, source, text);
}

static void
clear_target (SsvWatchButton *self)
{
  g_clear_object (&self->item);
  g_clear_pointer (&self->keys, g_strfreev);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->image_url, g_free);
}

/**
 * ssv_watch_button_set_item:
 * @item: (nullable): an #SsvShow, an #SsvWatchItem or an #SsvCalendarEntry (its show)
 *
 * What the button follows. Recycled cards call it on every bind.
 */
void
ssv_watch_button_set_item (SsvWatchButton *self,
                           GObject        *item)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();

  g_return_if_fail (SSV_IS_WATCH_BUTTON (self));

  if (item == self->item)
    return;

  /* A change on its way finishes for the old item; this button just stops waiting. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_target (self);

  if (SSV_IS_SHOW (item))
    {
      SsvShow *show = SSV_SHOW (item);

      self->kind = SSV_WATCH_KIND_SHOW;
      self->source = g_strdup ("library");
      self->source_id = g_strdup_printf ("%" G_GINT64_FORMAT, ssv_show_get_id (show));
      self->title = g_strdup (ssv_show_get_title (show));
      self->image_url = g_strdup (ssv_show_get_poster_url (show));
      add_id_key (keys, "library", ssv_show_get_id (show));
      add_id_key (keys, "tmdb", ssv_show_get_tmdb_id (show));
      add_id_key (keys, "tvdb", ssv_show_get_tvdb_id (show));
    }
  else if (SSV_IS_WATCH_ITEM (item))
    {
      SsvWatchItem *watch = SSV_WATCH_ITEM (item);

      self->kind = ssv_watch_item_get_kind (watch);
      self->source = g_strdup (ssv_watch_item_get_source (watch));
      self->source_id = g_strdup (ssv_watch_item_get_source_id (watch));
      self->title = g_strdup (ssv_watch_item_get_title (watch));
      self->image_url = g_strdup (ssv_watch_item_get_image_url (watch));
      add_key (keys, self->source, self->source_id);
      add_id_key (keys, "library", ssv_watch_item_get_show_id (watch));
    }
  else if (SSV_IS_CALENDAR_ENTRY (item))
    {
      SsvCalendarEntry *entry = SSV_CALENDAR_ENTRY (item);

      self->kind = SSV_WATCH_KIND_SHOW;
      self->source = g_strdup (ssv_calendar_entry_get_show_source (entry));
      self->source_id = g_strdup (ssv_calendar_entry_get_show_source_id (entry));
      self->title = g_strdup (ssv_calendar_entry_get_show_title (entry));
      self->image_url = g_strdup (ssv_calendar_entry_get_poster_url (entry));
      add_key (keys, self->source, self->source_id);
      add_id_key (keys, "library", ssv_calendar_entry_get_show_id (entry));
    }
  else if (item != NULL)
    g_critical ("An eye button cannot follow a %s", G_OBJECT_TYPE_NAME (item));

  if (item != NULL && self->source != NULL)
    {
      self->item = g_object_ref (item);
      self->keys = g_strv_builder_end (keys);
      /* A set of another kind would answer wrongly. */
      g_warn_if_fail (self->kind == ssv_follow_set_get_kind (self->follow_set));
    }

  refresh (self);
}

GObject *
ssv_watch_button_get_item (SsvWatchButton *self)
{
  g_return_val_if_fail (SSV_IS_WATCH_BUTTON (self), NULL);

  return self->item;
}

gboolean
ssv_watch_button_get_followed (SsvWatchButton *self)
{
  g_return_val_if_fail (SSV_IS_WATCH_BUTTON (self), FALSE);

  return self->followed;
}

/* Whether a change it asked for is still on its way. */
gboolean
ssv_watch_button_get_busy (SsvWatchButton *self)
{
  g_return_val_if_fail (SSV_IS_WATCH_BUTTON (self), FALSE);

  return self->cancellable != NULL;
}

/* "Follow" / "Following" beside the eye, for detail pages; cards show the eye alone. */
void
ssv_watch_button_set_show_label (SsvWatchButton *self,
                                 gboolean        show_label)
{
  g_return_if_fail (SSV_IS_WATCH_BUTTON (self));

  show_label = !!show_label;
  if (show_label == self->show_label)
    return;

  self->show_label = show_label;
  if (show_label)
    {
      self->content = ADW_BUTTON_CONTENT (adw_button_content_new ());
      gtk_button_set_child (GTK_BUTTON (self), GTK_WIDGET (self->content));
      gtk_widget_remove_css_class (GTK_WIDGET (self), "circular");
    }
  else
    {
      self->content = NULL;
      gtk_button_set_child (GTK_BUTTON (self), NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self), "circular");
    }

  update_look (self);
}

static void
changed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SsvWatchButton) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ssv_watchlist_store_set_followed_finish (SSV_WATCHLIST_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      ssv_ui_toast (GTK_WIDGET (self), error->message);
    }

  g_clear_object (&self->cancellable);
  refresh (self);
}

static void
ssv_watch_button_clicked (GtkButton *button)
{
  SsvWatchButton *self = SSV_WATCH_BUTTON (button);

  if (self->keys == NULL || self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  update_look (self);
  ssv_watchlist_store_set_followed_async (ssv_follow_set_get_store (self->follow_set), self->kind,
                                          self->source, self->source_id, !self->followed,
                                          self->title, self->image_url, self->cancellable,
                                          changed_cb, g_object_ref (self));
}

static void
ssv_watch_button_constructed (GObject *object)
{
  SsvWatchButton *self = SSV_WATCH_BUTTON (object);

  G_OBJECT_CLASS (ssv_watch_button_parent_class)->constructed (object);

  g_return_if_fail (SSV_IS_FOLLOW_SET (self->follow_set));
  g_signal_connect_object (self->follow_set, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  update_look (self);
}

static void
ssv_watch_button_dispose (GObject *object)
{
  SsvWatchButton *self = SSV_WATCH_BUTTON (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_target (self);
  g_clear_object (&self->follow_set);

  G_OBJECT_CLASS (ssv_watch_button_parent_class)->dispose (object);
}

static void
ssv_watch_button_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SsvWatchButton *self = SSV_WATCH_BUTTON (object);

  switch (prop_id)
    {
    case PROP_FOLLOW_SET:
      g_value_set_object (value, self->follow_set);
      break;
    case PROP_FOLLOWED:
      g_value_set_boolean (value, self->followed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_watch_button_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SsvWatchButton *self = SSV_WATCH_BUTTON (object);

  switch (prop_id)
    {
    case PROP_FOLLOW_SET:
      self->follow_set = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_watch_button_class_init (SsvWatchButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkButtonClass *button_class = GTK_BUTTON_CLASS (klass);

  object_class->constructed = ssv_watch_button_constructed;
  object_class->dispose = ssv_watch_button_dispose;
  object_class->get_property = ssv_watch_button_get_property;
  object_class->set_property = ssv_watch_button_set_property;
  button_class->clicked = ssv_watch_button_clicked;

  properties[PROP_FOLLOW_SET] =
    g_param_spec_object ("follow-set", NULL, NULL, SSV_TYPE_FOLLOW_SET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLLOWED] =
    g_param_spec_boolean ("followed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssv_watch_button_init (SsvWatchButton *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "watch-button");
  gtk_widget_add_css_class (GTK_WIDGET (self), "circular");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

/**
 * ssv_watch_button_new:
 * @follow_set: the page's follow set, of the kind of items the button will show
 */
GtkWidget *
ssv_watch_button_new (SsvFollowSet *follow_set)
{
  return g_object_new (SSV_TYPE_WATCH_BUTTON, "follow-set", follow_set, NULL);
}
