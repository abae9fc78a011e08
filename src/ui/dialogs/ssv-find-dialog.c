/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-find-dialog.c: Find Anything (Ctrl+K): the library and TMDB searched as one types,
 * through the discovery service; a result opens its page in the main window: an owned title's
 * from the library, others' and people's from TMDB. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-discovery.h"
#include "ssv-ui-utils.h"
#include "dialogs/ssv-find-dialog.h"

struct _SsvFindDialog
{
  AdwWindow      parent_instance;

  SsvContext    *context;
  GCancellable  *cancellable;   /* the search under way; replaced by each new query */
  GListStore    *results;       /* SsvFoundTitle */
  char          *note;

  GtkSearchEntry *entry;
  GtkSpinner     *spinner;
  GtkLabel       *note_label;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (SsvFindDialog, ssv_find_dialog, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_CONTEXT, PROP_SEARCHING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char *
describe_kind (const char *kind)
{
  if (g_strcmp0 (kind, SSV_FOUND_SHOW) == 0)
    return _("Show");
  if (g_strcmp0 (kind, SSV_FOUND_PERSON) == 0)
    return _("Person");
  return _("Movie");
}

/* "Show · 2011" or "Person · Game of Thrones, Lost". */
static char *
describe_found (SsvFoundTitle *found)
{
  GString *text = g_string_new (describe_kind (ssv_found_title_get_kind (found)));

  if (ssv_found_title_get_year (found) > 0)
    g_string_append_printf (text, " · %d", ssv_found_title_get_year (found));
  if (ssv_found_title_get_known_for (found) != NULL && ssv_found_title_get_known_for (found)[0] != '\0')
    g_string_append_printf (text, " · %s", ssv_found_title_get_known_for (found));

  return g_string_free (text, FALSE);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SsvFoundTitle *found = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_found (found);
  g_autofree char *escaped = g_markup_escape_text (ssv_found_title_get_title (found), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  if (ssv_found_title_get_owned (found))
    {
      GtkWidget *owned = gtk_label_new (_("In Library"));

      gtk_widget_set_valign (owned, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (owned, "accent");
      gtk_widget_set_name (owned, "in-library");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), owned);
    }
  else if (ssv_found_title_get_wished (found) || ssv_found_title_get_followed (found))
    {
      GtkWidget *mark = gtk_label_new (ssv_found_title_get_followed (found) ? _("Followed") : _("Wished"));

      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (mark, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
    }

  /* Every result has a page: the library's, or TMDB's. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
set_note (SsvFindDialog *self,
          const char    *note)
{
  g_free (self->note);
  self->note = g_strdup (note);
  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
}

static void
set_searching (SsvFindDialog *self,
               gboolean       searching)
{
  if (gtk_spinner_get_spinning (self->spinner) == searching)
    return;
  gtk_spinner_set_spinning (self->spinner, searching);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), searching);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static void
find_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SsvFindDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *note = NULL;

  found = ssv_discovery_find_finish (SSV_DISCOVERY (source), result, &note, &error);
  /* A newer query replaced this one: its answer is the one to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->context == NULL)
    return;

  set_searching (self, FALSE);
  if (found == NULL)
    {
      set_note (self, NULL);
      adw_status_page_set_title (self->empty_page, _("Could Not Search"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (note != NULL)
    {
      /* Translators: the reason follows, e.g. "No TMDB API key is set." */
      g_autofree char *text = g_strdup_printf (_("Only the library was searched: %s"), note);

      set_note (self, text);
    }
  else
    set_note (self, NULL);

  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       found->pdata, found->len);
  if (found->len == 0)
    {
      adw_status_page_set_title (self->empty_page, _("Nothing Found"));
      adw_status_page_set_description (self->empty_page, _("No movie, show or person matches."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
start_search (SsvFindDialog *self)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (query[0] == '\0')
    {
      set_searching (self, FALSE);
      set_note (self, NULL);
      g_list_store_remove_all (self->results);
      gtk_stack_set_visible_child_name (self->stack, "start");
      return;
    }

  self->cancellable = g_cancellable_new ();
  set_searching (self, TRUE);
  ssv_discovery_find_async (ssv_context_get_discovery (self->context), query, self->cancellable, find_done,
                            g_object_ref (self));
}

static void
on_search_changed (SsvFindDialog *self)
{
  start_search (self);
}

/* Enter opens the first result. */
static void
on_entry_activate (SsvFindDialog *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0 && !ssv_find_dialog_is_searching (self))
    ssv_find_dialog_open_result (self, 0);
}

static void
on_row_activated (SsvFindDialog *self,
                  GtkListBoxRow *row)
{
  ssv_find_dialog_open_result (self, (guint) gtk_list_box_row_get_index (row));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
ssv_find_dialog_dispose (GObject *object)
{
  SsvFindDialog *self = SSV_FIND_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_FIND_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ssv_find_dialog_parent_class)->dispose (object);
}

static void
ssv_find_dialog_finalize (GObject *object)
{
  SsvFindDialog *self = SSV_FIND_DIALOG (object);

  g_clear_object (&self->results);
  g_free (self->note);

  G_OBJECT_CLASS (ssv_find_dialog_parent_class)->finalize (object);
}

static void
ssv_find_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SsvFindDialog *self = SSV_FIND_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SEARCHING:
      g_value_set_boolean (value, ssv_find_dialog_is_searching (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_find_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SsvFindDialog *self = SSV_FIND_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_find_dialog_class_init (SsvFindDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_find_dialog_dispose;
  object_class->finalize = ssv_find_dialog_finalize;
  object_class->get_property = ssv_find_dialog_get_property;
  object_class->set_property = ssv_find_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/dialogs/ssv-find-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvFindDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, SsvFindDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvFindDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, SsvFindDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SsvFindDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SsvFindDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "find.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "find.close", NULL);
}

static void
ssv_find_dialog_init (SsvFindDialog *self)
{
  self->results = g_list_store_new (SSV_TYPE_FOUND_TITLE);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->results), create_row, NULL, NULL);
  gtk_search_entry_set_key_capture_widget (self->entry, GTK_WIDGET (self));
}

GtkWidget *
ssv_find_dialog_new (SsvContext *context)
{
  return g_object_new (SSV_TYPE_FIND_DIALOG, "context", context, NULL);
}

/* Types @query into the search field, as a person would; the search starts after the pause. */
void
ssv_find_dialog_set_query (SsvFindDialog *self,
                           const char    *query)
{
  g_return_if_fail (SSV_IS_FIND_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), query);
}

/* Whether TMDB (or the library) is still being asked. */
gboolean
ssv_find_dialog_is_searching (SsvFindDialog *self)
{
  g_return_val_if_fail (SSV_IS_FIND_DIALOG (self), FALSE);

  return gtk_spinner_get_spinning (self->spinner);
}

/* The results shown, SsvFoundTitle each, in order. */
GListModel *
ssv_find_dialog_get_results (SsvFindDialog *self)
{
  g_return_val_if_fail (SSV_IS_FIND_DIALOG (self), NULL);

  return G_LIST_MODEL (self->results);
}

/* Why only the library was searched (no TMDB key, TMDB failed), or NULL. */
const char *
ssv_find_dialog_get_note (SsvFindDialog *self)
{
  g_return_val_if_fail (SSV_IS_FIND_DIALOG (self), NULL);

  return self->note;
}

/**
 * ssv_find_dialog_open_result:
 *
 * Opens the result at @position as activating its row does, in the window the dialog
 * opened over, closing the dialog: an owned title's page from the library, a title not
 * owned from TMDB, a person's page.
 *
 * Returns: whether a page was opened
 */
gboolean
ssv_find_dialog_open_result (SsvFindDialog *self,
                             guint          position)
{
  g_autoptr(SsvFoundTitle) found = NULL;
  GtkWindow *parent;
  const char *kind;
  const char *action;
  gint64 id;

  g_return_val_if_fail (SSV_IS_FIND_DIALOG (self), FALSE);

  found = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  if (found == NULL)
    return FALSE;

  kind = ssv_found_title_get_kind (found);
  if (g_strcmp0 (kind, SSV_FOUND_PERSON) == 0)
    {
      action = "win.show-person";
      id = ssv_found_title_get_tmdb_id (found);
    }
  else if (ssv_found_title_get_owned (found))
    {
      action = g_str_equal (kind, SSV_FOUND_SHOW) ? "win.show-show" : "win.show-movie";
      id = ssv_found_title_get_library_id (found);
    }
  else
    {
      action = g_str_equal (kind, SSV_FOUND_SHOW) ? "win.show-tmdb-show" : "win.show-tmdb-movie";
      id = ssv_found_title_get_tmdb_id (found);
    }

  if (id <= 0)
    {
      g_autofree char *message =
        /* Translators: "TMDB does not know “Heat” from the library, so it has no page of its own." */
        g_strdup_printf (_("TMDB does not know “%s” from the library, so it has no page of its own."),
                         ssv_found_title_get_title (found));

      ssv_ui_toast (GTK_WIDGET (self), message);
      return FALSE;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent == NULL || !gtk_widget_activate_action (GTK_WIDGET (parent), action, "x", id))
    return FALSE;

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
