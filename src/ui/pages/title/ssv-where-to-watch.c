/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-where-to-watch.c: a title page's Where to Watch: the services that stream, rent or sell
 * the title in the region chosen in Preferences → Metadata, asked of TMDB (through discovery,
 * off the UI thread); a row each, its ways to watch under its name. Without a TMDB match it
 * stays hidden. */

#include "config.h"

#include <glib/gi18n.h>

#include "pages/title/ssv-where-to-watch.h"
#include "providers/ssv-meta.h"
#include "providers/ssv-tmdb-discover.h"
#include "ssv-discovery.h"
#include "workers/ssv-enrichment-engine.h"

struct _SsvWhereToWatch
{
  AdwPreferencesGroup  parent_instance;

  SsvContext          *context;
  GCancellable        *cancellable;
  gint64               tmdb_id;
  SsvItemKind          kind;

  GtkStack            *state_stack;
  GtkSpinner          *spinner;
  GtkListBox          *list;
  GtkLabel            *message_label;
};

G_DEFINE_FINAL_TYPE (SsvWhereToWatch, ssv_where_to_watch, ADW_TYPE_PREFERENCES_GROUP)

static void
set_state (SsvWhereToWatch *self,
           const char      *state)
{
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (state, "loading") == 0);
  gtk_stack_set_visible_child_name (self->state_stack, state);
}

static const char *
kind_words (const char *kind)
{
  if (g_strcmp0 (kind, "flatrate") == 0)
    return _("Stream");
  if (g_strcmp0 (kind, "free") == 0)
    return _("Free");
  if (g_strcmp0 (kind, "ads") == 0)
    return _("Free with ads");
  if (g_strcmp0 (kind, "rent") == 0)
    return _("Rent");

  return _("Buy");
}

/* A row per service, streaming ones first, its ways to watch under its name: "Rent · Buy". */
static void
fill (SsvWhereToWatch *self,
      GPtrArray       *providers)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < providers->len; i++)
    {
      SsvWatchProvider *provider = g_ptr_array_index (providers, i);
      GtkWidget *row = g_hash_table_lookup (rows, &provider->id);

      if (row == NULL)
        {
          g_autofree char *name = g_markup_escape_text (provider->name, -1);

          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind_words (provider->kind));
          gtk_list_box_append (self->list, row);
          g_hash_table_insert (rows, &provider->id, row);
        }
      else
        {
          g_autofree char *words = g_strdup_printf ("%s · %s", adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                                    kind_words (provider->kind));

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), words);
        }
    }
}

static void
show_message (SsvWhereToWatch *self,
              const char      *message)
{
  gtk_label_set_text (self->message_label, message);
  set_state (self, "message");
}

static void
providers_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SsvWhereToWatch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) providers = ssv_discovery_watch_providers_finish (SSV_DISCOVERY (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (providers == NULL)
    {
      /* Translators: "Where to watch could not be found out: TMDB rejected the API key…" */
      g_autofree char *message = g_strdup_printf (_("Where to watch could not be found out: %s"), error->message);

      show_message (self, message);
    }
  else if (providers->len == 0)
    show_message (self, _("No streaming service, shop or rental has this title in your region."));
  else
    {
      fill (self, providers);
      set_state (self, "list");
    }
}

/* The region chosen in Preferences → Metadata, then TMDB's answer for it. */
static void
region_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SsvWhereToWatch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  g_autofree char *region = NULL;

  if (!ssv_enrichment_engine_load_language_finish (SSV_ENRICHMENT_ENGINE (source), result, &language, &region,
                                                   &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message);
      return;
    }

  ssv_discovery_watch_providers_async (ssv_context_get_discovery (self->context), self->kind, self->tmdb_id,
                                       region, self->cancellable, providers_cb, g_object_ref (self));
}

/**
 * ssv_where_to_watch_load:
 * @tmdb_id: the title's TMDB id; 0 hides the section
 *
 * Asks TMDB (through the discovery cache) unless it is the title already shown.
 */
void
ssv_where_to_watch_load (SsvWhereToWatch *self,
                         SsvContext      *context,
                         SsvItemKind      kind,
                         gint64           tmdb_id)
{
  g_return_if_fail (SSV_IS_WHERE_TO_WATCH (self));

  if (tmdb_id == self->tmdb_id && kind == self->kind)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->context, context);
  self->tmdb_id = tmdb_id;
  self->kind = kind;
  gtk_widget_set_visible (GTK_WIDGET (self), tmdb_id > 0);
  if (tmdb_id <= 0)
    return;

  self->cancellable = g_cancellable_new ();
  set_state (self, "loading");
  ssv_enrichment_engine_load_language_async (ssv_context_get_enrichment_engine (context), self->cancellable,
                                             region_cb, g_object_ref (self));
}

/* "loading", "list" or "message". */
const char *
ssv_where_to_watch_get_state (SsvWhereToWatch *self)
{
  return gtk_stack_get_visible_child_name (self->state_stack);
}

const char *
ssv_where_to_watch_get_message (SsvWhereToWatch *self)
{
  return gtk_label_get_text (self->message_label);
}

GtkListBox *
ssv_where_to_watch_get_list (SsvWhereToWatch *self)
{
  return self->list;
}

static void
ssv_where_to_watch_dispose (GObject *object)
{
  SsvWhereToWatch *self = SSV_WHERE_TO_WATCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_WHERE_TO_WATCH);

  G_OBJECT_CLASS (ssv_where_to_watch_parent_class)->dispose (object);
}

static void
ssv_where_to_watch_class_init (SsvWhereToWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_where_to_watch_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/pages/title/ssv-where-to-watch.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvWhereToWatch, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvWhereToWatch, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvWhereToWatch, list);
  gtk_widget_class_bind_template_child (widget_class, SsvWhereToWatch, message_label);
}

static void
ssv_where_to_watch_init (SsvWhereToWatch *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
