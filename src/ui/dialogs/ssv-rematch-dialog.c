/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-rematch-dialog.c: pick the right TMDB title for a movie or show (or TheTVDB entry for a
 * show) by hand. */

#include "config.h"

#include <glib/gi18n.h>

#include "dialogs/ssv-rematch-dialog.h"
#include "ssv-ui-utils.h"
#include "providers/ssv-meta.h"
#include "ssv-title-actions.h"

struct _SsvRematchDialog
{
  AdwWindow         parent_instance;

  SsvContext       *context;
  SsvItemKind       kind;
  gint64            id;
  char             *title;
  int               year;
  const char       *provider;             /* "tmdb" or "tvdb" (shows) */
  GCancellable     *cancellable;          /* the search; a new search cancels the last */
  GCancellable     *rematch_cancellable;  /* the pick; only closing cancels it */
  GPtrArray        *found;
  char             *searched;             /* the text of the last search started */
  guint             search_source;
  gboolean          busy;

  AdwWindowTitle   *window_title;
  GtkSearchEntry   *query_entry;
  GtkStack         *state_stack;
  GtkSpinner       *spinner;
  GtkListBox       *results;
  AdwStatusPage    *error_page;
  GtkWidget        *provider_box;
  GtkToggleButton  *tvdb_button;
};

G_DEFINE_FINAL_TYPE (SsvRematchDialog, ssv_rematch_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_KIND,
  PROP_ID,
  PROP_TITLE,
  PROP_YEAR,
  N_PROPS
};

enum {
  REMATCHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_state (SsvRematchDialog *self,
           const char       *state)
{
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (state, "loading") == 0);
  gtk_stack_set_visible_child_name (self->state_stack, state);
}

/* "loading", "results", "empty" or "error". */
const char *
ssv_rematch_dialog_get_state (SsvRematchDialog *self)
{
  return gtk_stack_get_visible_child_name (self->state_stack);
}

GtkListBox *
ssv_rematch_dialog_get_results (SsvRematchDialog *self)
{
  return self->results;
}

static GtkWidget *
result_row (const SsvSearchResult *result)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *title = result->year > 0
                           ? g_strdup_printf ("%s (%d)", result->title ? result->title : "", result->year)
                           : g_strdup (result->title ? result->title : "");
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_overview = g_markup_escape_text (result->overview ? result->overview : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_overview);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

static void
search_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SsvRematchDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ssv_title_actions_search_finish (SSV_TITLE_ACTIONS (source), result, &error);
  GtkWidget *child;

  /* A search that a newer one replaced says nothing, however it ended. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  g_clear_pointer (&self->found, g_ptr_array_unref);

  if (found == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      set_state (self, "error");
      return;
    }

  for (guint i = 0; i < found->len; i++)
    gtk_list_box_append (self->results, result_row (g_ptr_array_index (found, i)));
  self->found = g_steal_pointer (&found);

  set_state (self, self->found->len > 0 ? "results" : "empty");
}

static void
search_now (SsvRematchDialog *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->query_entry));

  g_clear_handle_id (&self->search_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_free (self->searched);
  self->searched = g_strdup (query);
  set_state (self, "loading");
  /* The year narrows only the first search a person did not type. */
  ssv_title_actions_search_async (ssv_context_get_title_actions (self->context), self->provider, self->kind, query,
                                  g_strcmp0 (query, self->title) == 0 ? self->year : 0,
                                  self->cancellable, search_cb, g_object_ref (self));
}

static gboolean
search_later_cb (gpointer data)
{
  SsvRematchDialog *self = data;

  self->search_source = 0;
  search_now (self);

  return G_SOURCE_REMOVE;
}

static void
on_query_changed (SsvRematchDialog *self)
{
  /* TMDB is not asked on every key press, nor twice for the same text: Enter searches at once,
   * and the entry's own delayed "search-changed" follows it. */
  g_clear_handle_id (&self->search_source, g_source_remove);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->query_entry)), self->searched) == 0)
    return;
  self->search_source = g_timeout_add (400, search_later_cb, self);
}

static void
on_query_activate (SsvRematchDialog *self)
{
  search_now (self);
}

static void
rematch_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SsvRematchDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->results), TRUE);

  if (!ssv_title_actions_finish (SSV_TITLE_ACTIONS (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ssv_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  g_signal_emit (self, signals[REMATCHED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_result_activated (SsvRematchDialog *self,
                     GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);
  SsvSearchResult *picked;

  if (self->busy || self->found == NULL || index < 0 || (guint) index >= self->found->len)
    return;

  picked = g_ptr_array_index (self->found, index);
  self->busy = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->results), FALSE);

  /* The old match's data goes; every worker starts again from this title. */
  ssv_title_actions_rematch_async (ssv_context_get_title_actions (self->context), self->provider,
                                   self->kind, self->id, picked->id, self->rematch_cancellable,
                                   rematch_cb, g_object_ref (self));
}

/* TMDB or TheTVDB: the same words searched again where the person asked. */
static void
on_provider_toggled (SsvRematchDialog *self)
{
  const char *provider = gtk_toggle_button_get_active (self->tvdb_button) ? "tvdb" : "tmdb";
  const char *words;

  if (g_str_equal (provider, self->provider))
    return;

  self->provider = provider;
  words = g_str_equal (provider, "tvdb") ? _("Search TheTVDB") : _("Search TMDB");
  g_object_set (self->query_entry, "placeholder-text", words, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->query_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
  search_now (self);
}

/* "tmdb" or "tvdb": where the results come from. */
const char *
ssv_rematch_dialog_get_provider (SsvRematchDialog *self)
{
  return self->provider;
}

/* Picks where to search, as the switch at the top does. */
void
ssv_rematch_dialog_set_provider (SsvRematchDialog *self,
                                 const char       *provider)
{
  gtk_toggle_button_set_active (self->tvdb_button, g_strcmp0 (provider, "tvdb") == 0);
}

static void
ssv_rematch_dialog_constructed (GObject *object)
{
  SsvRematchDialog *self = SSV_REMATCH_DIALOG (object);
  g_autofree char *subtitle = self->year > 0 ? g_strdup_printf ("%s (%d)", self->title, self->year)
                                             : g_strdup (self->title);

  G_OBJECT_CLASS (ssv_rematch_dialog_parent_class)->constructed (object);

  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* TheTVDB knows shows only. */
  gtk_widget_set_visible (self->provider_box, self->kind == SSV_ITEM_SHOW);
  g_signal_handlers_block_by_func (self->query_entry, on_query_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->query_entry), self->title ? self->title : "");
  g_signal_handlers_unblock_by_func (self->query_entry, on_query_changed, self);
  search_now (self);
}

static void
ssv_rematch_dialog_dispose (GObject *object)
{
  SsvRematchDialog *self = SSV_REMATCH_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->rematch_cancellable);
  g_clear_handle_id (&self->search_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_REMATCH_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->rematch_cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_clear_pointer (&self->searched, g_free);

  G_OBJECT_CLASS (ssv_rematch_dialog_parent_class)->dispose (object);
}

static void
ssv_rematch_dialog_finalize (GObject *object)
{
  SsvRematchDialog *self = SSV_REMATCH_DIALOG (object);

  g_free (self->title);

  G_OBJECT_CLASS (ssv_rematch_dialog_parent_class)->finalize (object);
}

static void
ssv_rematch_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SsvRematchDialog *self = SSV_REMATCH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_rematch_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SsvRematchDialog *self = SSV_REMATCH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_YEAR:
      self->year = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_rematch_dialog_class_init (SsvRematchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = ssv_rematch_dialog_constructed;
  object_class->dispose = ssv_rematch_dialog_dispose;
  object_class->finalize = ssv_rematch_dialog_finalize;
  object_class->get_property = ssv_rematch_dialog_get_property;
  object_class->set_property = ssv_rematch_dialog_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT, flags);
  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, SSV_ITEM_SHOW, SSV_ITEM_MOVIE, flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title-query", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 10000, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsvRematchDialog::rematched:
   *
   * The title was matched to the one the person picked; its workers start over.
   */
  signals[REMATCHED] = g_signal_new ("rematched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dialogs/ssv-rematch-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvRematchDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SsvRematchDialog, query_entry);
  gtk_widget_class_bind_template_child (widget_class, SsvRematchDialog, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvRematchDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvRematchDialog, results);
  gtk_widget_class_bind_template_child (widget_class, SsvRematchDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, SsvRematchDialog, provider_box);
  gtk_widget_class_bind_template_child (widget_class, SsvRematchDialog, tvdb_button);
  gtk_widget_class_bind_template_callback (widget_class, on_query_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_query_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_provider_toggled);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ssv_rematch_dialog_init (SsvRematchDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->rematch_cancellable = g_cancellable_new ();
  self->provider = "tmdb";
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_rematch_dialog_new:
 * @kind: %SSV_ITEM_MOVIE or %SSV_ITEM_SHOW
 * @title: what to search for first
 * @year: the library's year, or 0
 */
SsvRematchDialog *
ssv_rematch_dialog_new (SsvContext  *context,
                        SsvItemKind  kind,
                        gint64       id,
                        const char  *title,
                        int          year)
{
  return g_object_new (SSV_TYPE_REMATCH_DIALOG,
                       "context", context,
                       "kind", (guint) kind,
                       "id", id,
                       "title-query", title,
                       "year", year,
                       NULL);
}
