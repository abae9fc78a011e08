/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-acquire-preferences.c: the Indexers & Clients page of Preferences: the configured indexers
 * and download clients, each with Test and Remove, the Add dialogs, and the default client per
 * protocol, and the blocklist with Unblock per release. Everything is read, tested and written
 * off the UI thread (ssv-acquire-setup, the blocklist store's async calls); the rows are read
 * again whenever the download or blocklist store says they changed. */

#include "config.h"

#include <glib/gi18n.h>

#include "preferences/ssv-acquire-preferences.h"
#include "dialogs/ssv-acquire-dialog.h"
#include "ssv-acquire-setup.h"
#include "ssv-ui-utils.h"
#include "downloads/ssv-download-client.h"
#include "downloads/ssv-retry.h"
#include "stores/ssv-blocklist-store.h"
#include "stores/ssv-download-store.h"

struct _SsvAcquirePreferences
{
  SsvPreferencesPage   parent_instance;

  SsvAcquireSetup     *setup;        /* what the rows show */
  GPtrArray           *rows;         /* GtkWidget: the rows added, with their group as "group" */
  GPtrArray           *blocked;      /* SsvBlockEntry: what the blocklist rows show */
  GPtrArray           *blocked_rows; /* GtkWidget */
  guint                pending;
  char                *last_message;

  /* Template widgets */
  AdwPreferencesGroup *indexers_group;
  AdwPreferencesGroup *clients_group;
  AdwPreferencesGroup *defaults_group;
  GtkWidget           *no_indexers_row;
  GtkWidget           *no_clients_row;
  AdwPreferencesGroup *blocklist_group;
  GtkWidget           *no_blocked_row;
};

G_DEFINE_FINAL_TYPE (SsvAcquirePreferences, ssv_acquire_preferences, SSV_TYPE_PREFERENCES_PAGE)

/* A test, removal or default on its way: the page and what the toast names. */
typedef struct
{
  SsvAcquirePreferences *self;   /* a reference */
  char                  *name;
} Call;

static Call *
call_new (SsvAcquirePreferences *self,
          const char            *name)
{
  Call *call = g_new0 (Call, 1);

  call->self = g_object_ref (self);
  call->name = g_strdup (name);
  self->pending++;
  return call;
}

static void
call_free (Call *call)
{
  call->self->pending--;
  g_object_unref (call->self);
  g_free (call->name);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static void
say (SsvAcquirePreferences *self,
     const char            *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  ssv_ui_toast (GTK_WIDGET (self), message);
}

static const char *
indexer_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "torznab") == 0)
    return "Torznab";
  if (g_strcmp0 (kind, "newznab") == 0)
    return "Newznab";
  if (g_strcmp0 (kind, "prowlarr") == 0)
    return "Prowlarr";
  if (g_strcmp0 (kind, "slskd") == 0)
    return "Soulseek (slskd)";
  return kind;
}

static SsvIndexerRow *
find_indexer (SsvAcquirePreferences *self,
              gint64                 id)
{
  for (guint i = 0; self->setup != NULL && i < self->setup->indexers->len; i++)
    if (((SsvIndexerRow *) g_ptr_array_index (self->setup->indexers, i))->id == id)
      return g_ptr_array_index (self->setup->indexers, i);
  return NULL;
}

static SsvClientRow *
find_client (SsvAcquirePreferences *self,
             gint64                 id)
{
  for (guint i = 0; self->setup != NULL && i < self->setup->clients->len; i++)
    if (((SsvClientRow *) g_ptr_array_index (self->setup->clients, i))->id == id)
      return g_ptr_array_index (self->setup->clients, i);
  return NULL;
}

/* ---- rows ------------------------------------------------------------------------- */

static GtkWidget *
row_button (const char *label,
            const char *icon_name,
            const char *action_name,
            gint64      id)
{
  GtkWidget *button = icon_name != NULL ? gtk_button_new_from_icon_name (icon_name)
                                        : gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (icon_name != NULL)
    {
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_add_css_class (button, "flat");
    }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

static void
add_row (SsvAcquirePreferences *self,
         AdwPreferencesGroup   *group,
         GtkWidget             *row)
{
  g_ptr_array_add (self->rows, row);
  adw_preferences_group_add (group, row);
}

static GtkWidget *
item_row (const char *name,
          const char *subtitle,
          const char *test_action,
          const char *remove_action,
          const char *remove_label,
          gint64      id)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("_Test"), NULL, test_action, id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (remove_label, "user-trash-symbolic", remove_action, id));
  return row;
}

typedef struct
{
  char   *protocol;
  GArray *ids;   /* gint64, in the order of the drop-down */
} DefaultChoice;

static void
default_choice_free (gpointer  data,
                     GClosure *closure)
{
  DefaultChoice *choice = data;

  g_free (choice->protocol);
  g_array_unref (choice->ids);
  g_free (choice);
}

static void
default_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;

  if (!ssv_acquire_finish (result, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not make “%s” the default: %s"), call->name, error->message);

      say (call->self, message);
    }
}

static void
on_default_selected (AdwComboRow   *combo,
                     GParamSpec    *pspec,
                     DefaultChoice *choice)
{
  SsvAcquirePreferences *self = SSV_ACQUIRE_PREFERENCES (gtk_widget_get_ancestor (GTK_WIDGET (combo),
                                                                                   SSV_TYPE_ACQUIRE_PREFERENCES));
  guint selected = adw_combo_row_get_selected (combo);
  GtkStringObject *item;
  SsvPreferencesPage *page = SSV_PREFERENCES_PAGE (self);

  if (self == NULL || selected >= choice->ids->len)
    return;
  item = adw_combo_row_get_selected_item (combo);
  ssv_acquire_set_default_client_async (ssv_preferences_page_get_context (page), choice->protocol,
                                        g_array_index (choice->ids, gint64, selected),
                                        ssv_preferences_page_get_cancellable (page), default_done_cb,
                                        call_new (self, gtk_string_object_get_string (item)));
}

static void
add_default_row (SsvAcquirePreferences *self,
                 const char            *protocol,
                 const char            *title)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  DefaultChoice *choice = g_new0 (DefaultChoice, 1);
  guint selected = GTK_INVALID_LIST_POSITION;
  GtkWidget *row;

  choice->protocol = g_strdup (protocol);
  choice->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->setup->clients->len; i++)
    {
      SsvClientRow *client = g_ptr_array_index (self->setup->clients, i);

      if (g_strcmp0 (ssv_download_protocol_of_client (client->kind), protocol) != 0)
        continue;
      if (client->is_default)
        selected = choice->ids->len;
      g_array_append_val (choice->ids, client->id);
      gtk_string_list_append (names, client->name);
    }
  if (choice->ids->len == 0)
    {
      default_choice_free (choice, NULL);
      return;
    }

  row = adw_combo_row_new ();
  gtk_widget_set_name (row, protocol);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  /* Connected once the stored default shows, so that showing it saves nothing. */
  g_signal_connect_data (row, "notify::selected", G_CALLBACK (on_default_selected), choice, default_choice_free, 0);
  add_row (self, self->defaults_group, row);
  gtk_widget_set_visible (GTK_WIDGET (self->defaults_group), TRUE);
}

static void
show_rows (SsvAcquirePreferences *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->defaults_group), FALSE);

  for (guint i = 0; i < self->setup->indexers->len; i++)
    {
      SsvIndexerRow *indexer = g_ptr_array_index (self->setup->indexers, i);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s", indexer_kind_label (indexer->kind), indexer->url,
                                                   indexer->enabled ? "" : _(" · off"));

      add_row (self, self->indexers_group,
               item_row (indexer->name, subtitle, "acquire.test-indexer", "acquire.remove-indexer",
                         _("Remove Indexer"), indexer->id));
    }
  for (guint i = 0; i < self->setup->clients->len; i++)
    {
      SsvClientRow *client = g_ptr_array_index (self->setup->clients, i);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", ssv_client_kind_display_name (client->kind), client->url);

      add_row (self, self->clients_group,
               item_row (client->name, subtitle, "acquire.test-client", "acquire.remove-client",
                         _("Remove Download Client"), client->id));
    }
  gtk_widget_set_visible (self->no_indexers_row, self->setup->indexers->len == 0);
  gtk_widget_set_visible (self->no_clients_row, self->setup->clients->len == 0);

  add_default_row (self, "torrent", _("Torrents"));
  add_default_row (self, "usenet", _("Usenet"));
  add_default_row (self, "slskd", _("Soulseek"));
}

/* ---- blocklist -------------------------------------------------------------------- */

static void
show_blocked (SsvAcquirePreferences *self)
{
  for (guint i = 0; i < self->blocked_rows->len; i++)
    adw_preferences_group_remove (self->blocklist_group, g_ptr_array_index (self->blocked_rows, i));
  g_ptr_array_set_size (self->blocked_rows, 0);

  for (guint i = 0; i < self->blocked->len; i++)
    {
      SsvBlockEntry *entry = g_ptr_array_index (self->blocked, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (entry->created_at);
      g_autofree char *date = when != NULL ? g_date_time_format (when, "%x") : g_strdup ("");
      g_autofree char *id_name = g_strdup_printf ("blocked-%" G_GINT64_FORMAT, entry->id);
      /* Translators: why a release is blocklisted · the indexer it came from · when */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"),
                                                   entry->reason != NULL ? entry->reason : "",
                                                   entry->indexer != NULL ? entry->indexer : "",
                                                   date);
      GtkWidget *row = adw_action_row_new ();

      gtk_widget_set_name (row, id_name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->release_title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (_("Unblock"), "edit-undo-symbolic", "acquire.unblock", entry->id));
      g_ptr_array_add (self->blocked_rows, row);
      adw_preferences_group_add (self->blocklist_group, row);
    }
  gtk_widget_set_visible (self->no_blocked_row, self->blocked->len == 0);
}

static void
blocked_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  SsvAcquirePreferences *self = call->self;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = ssv_blocklist_store_list_finish (SSV_BLOCKLIST_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (entries == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the blocklist: %s"), error->message);

      g_warning ("%s", message);
      say (self, message);
      return;
    }
  g_clear_pointer (&self->blocked, g_ptr_array_unref);
  self->blocked = entries;
  show_blocked (self);
}

static void
reload_blocked (SsvAcquirePreferences *self)
{
  SsvPreferencesPage *page = SSV_PREFERENCES_PAGE (self);

  ssv_blocklist_store_list_async (ssv_context_get_blocklist_store (ssv_preferences_page_get_context (page)),
                                  ssv_preferences_page_get_cancellable (page), blocked_ready_cb, call_new (self, NULL));
}

static void
unblock_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ssv_blocklist_store_remove_finish (SSV_BLOCKLIST_STORE (source), result, &error))
    /* Translators: %s is a release name */
    message = g_strdup_printf (_("Unblocked “%s”."), call->name);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup_printf (_("Could not unblock “%s”: %s"), call->name, error->message);
  if (message != NULL)
    say (call->self, message);
}

static void
unblock_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SsvAcquirePreferences *self = SSV_ACQUIRE_PREFERENCES (widget);
  SsvPreferencesPage *page = SSV_PREFERENCES_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  SsvBlockEntry *entry = NULL;

  for (guint i = 0; self->blocked != NULL && i < self->blocked->len; i++)
    if (((SsvBlockEntry *) g_ptr_array_index (self->blocked, i))->id == id)
      entry = g_ptr_array_index (self->blocked, i);
  if (entry == NULL)
    return;
  ssv_blocklist_store_remove_async (ssv_context_get_blocklist_store (ssv_preferences_page_get_context (page)), id,
                                    ssv_preferences_page_get_cancellable (page), unblock_done_cb,
                                    call_new (self, entry->release_title));
}

/* ---- loading ---------------------------------------------------------------------- */

static void
list_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  SsvAcquirePreferences *self = call->self;
  g_autoptr(GError) error = NULL;
  SsvAcquireSetup *setup = ssv_acquire_list_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (setup == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the indexers and clients: %s"), error->message);

      g_warning ("%s", message);
      say (self, message);
      return;
    }

  g_clear_pointer (&self->setup, ssv_acquire_setup_free);
  self->setup = setup;
  show_rows (self);
}

static void
reload (SsvAcquirePreferences *self)
{
  SsvPreferencesPage *page = SSV_PREFERENCES_PAGE (self);

  ssv_acquire_list_async (ssv_preferences_page_get_context (page), ssv_preferences_page_get_cancellable (page),
                          list_ready_cb, call_new (self, NULL));
}

static void
on_store_changed (SsvAcquirePreferences *self)
{
  reload (self);
}

static void
ssv_acquire_preferences_load (SsvPreferencesPage *page,
                              SsvContext         *context)
{
  SsvAcquirePreferences *self = SSV_ACQUIRE_PREFERENCES (page);
  SsvDownloadStore *store = ssv_context_get_download_store (context);

  g_signal_connect_object (store, "changed::indexer", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::client", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_blocklist_store (context), "changed::blocklist",
                           G_CALLBACK (reload_blocked), self, G_CONNECT_SWAPPED);
  reload (self);
  reload_blocked (self);
}

/* ---- actions ---------------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SsvContext *context = ssv_preferences_page_get_context (SSV_PREFERENCES_PAGE (widget));

  if (context == NULL)
    return;
  ssv_ui_present_window (GTK_WINDOW (ssv_acquire_dialog_new (context, g_str_equal (action_name, "acquire.add-client"))),
                         widget);
}

static void
test_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *said = ssv_acquire_test_finish (result, &error);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (said != NULL)
    message = g_steal_pointer (&said);
  else
    /* Translators: the first %s is an indexer or client, the second why the test failed */
    message = g_strdup_printf (_("“%s” did not pass the test: %s"), call->name, error->message);
  say (call->self, message);
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsvAcquirePreferences *self = SSV_ACQUIRE_PREFERENCES (widget);
  SsvPreferencesPage *page = SSV_PREFERENCES_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  gboolean client = g_str_equal (action_name, "acquire.test-client");
  SsvIndexerRow *indexer = client ? NULL : find_indexer (self, id);
  SsvClientRow *row = client ? find_client (self, id) : NULL;

  if (indexer == NULL && row == NULL)
    return;
  if (client)
    ssv_acquire_test_client_async (ssv_preferences_page_get_context (page), id,
                                   ssv_preferences_page_get_cancellable (page), test_done_cb,
                                   call_new (self, row->name));
  else
    ssv_acquire_test_indexer_async (ssv_preferences_page_get_context (page), id,
                                    ssv_preferences_page_get_cancellable (page), test_done_cb,
                                    call_new (self, indexer->name));
}

static void
remove_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ssv_acquire_finish (result, &error))
    message = g_strdup_printf (_("Removed “%s”."), call->name);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup_printf (_("Could not remove “%s”: %s"), call->name, error->message);
  if (message != NULL)
    say (call->self, message);
}

/* What the question asks about; it holds no reference to the page. */
typedef struct
{
  GWeakRef  page;
  gint64    id;
  gboolean  client;
  char     *name;
} Removal;

static void
removal_free (gpointer  data,
              GClosure *closure)
{
  Removal *removal = data;

  g_weak_ref_clear (&removal->page);
  g_free (removal->name);
  g_free (removal);
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Removal          *removal)
{
  g_autoptr(SsvAcquirePreferences) self = g_weak_ref_get (&removal->page);
  SsvPreferencesPage *page;

  /* The page went while the question was open: nothing is removed. */
  if (g_strcmp0 (response, "remove") != 0 || self == NULL)
    return;
  page = SSV_PREFERENCES_PAGE (self);
  if (removal->client)
    ssv_acquire_remove_client_async (ssv_preferences_page_get_context (page), removal->id,
                                     ssv_preferences_page_get_cancellable (page), remove_done_cb,
                                     call_new (self, removal->name));
  else
    ssv_acquire_remove_indexer_async (ssv_preferences_page_get_context (page), removal->id,
                                      ssv_preferences_page_get_cancellable (page), remove_done_cb,
                                      call_new (self, removal->name));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsvAcquirePreferences *self = SSV_ACQUIRE_PREFERENCES (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gint64 id = g_variant_get_int64 (parameter);
  gboolean client = g_str_equal (action_name, "acquire.remove-client");
  SsvIndexerRow *indexer = client ? NULL : find_indexer (self, id);
  SsvClientRow *row = client ? find_client (self, id) : NULL;
  Removal *removal;
  GtkWidget *dialog;

  if (indexer == NULL && row == NULL)
    return;

  removal = g_new0 (Removal, 1);
  g_weak_ref_init (&removal->page, self);
  removal->id = id;
  removal->client = client;
  removal->name = g_strdup (client ? row->name : indexer->name);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   client ? _("Remove the Download Client?") : _("Remove the Indexer?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  client ? _("“%s” is no longer sent downloads and its password leaves the keyring. "
                                             "What it has downloaded stays where it is.")
                                         : _("“%s” is no longer searched and its key leaves the keyring."),
                                  removal->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_remove_response), removal, removal_free, 0);
  ssv_ui_present_window (GTK_WINDOW (dialog), widget);
}

/* ---- public ----------------------------------------------------------------------- */

guint
ssv_acquire_preferences_get_pending (SsvAcquirePreferences *self)
{
  g_return_val_if_fail (SSV_IS_ACQUIRE_PREFERENCES (self), 0);

  return self->pending;
}

const char *
ssv_acquire_preferences_get_last_message (SsvAcquirePreferences *self)
{
  g_return_val_if_fail (SSV_IS_ACQUIRE_PREFERENCES (self), NULL);

  return self->last_message;
}

/* ---- object ----------------------------------------------------------------------- */

static void
ssv_acquire_preferences_dispose (GObject *object)
{
  SsvAcquirePreferences *self = SSV_ACQUIRE_PREFERENCES (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->blocked_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_ACQUIRE_PREFERENCES);

  G_OBJECT_CLASS (ssv_acquire_preferences_parent_class)->dispose (object);
}

static void
ssv_acquire_preferences_finalize (GObject *object)
{
  SsvAcquirePreferences *self = SSV_ACQUIRE_PREFERENCES (object);

  g_clear_pointer (&self->setup, ssv_acquire_setup_free);
  g_clear_pointer (&self->blocked, g_ptr_array_unref);
  g_free (self->last_message);

  G_OBJECT_CLASS (ssv_acquire_preferences_parent_class)->finalize (object);
}

static void
ssv_acquire_preferences_class_init (SsvAcquirePreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsvPreferencesPageClass *page_class = SSV_PREFERENCES_PAGE_CLASS (klass);

  object_class->dispose = ssv_acquire_preferences_dispose;
  object_class->finalize = ssv_acquire_preferences_finalize;
  page_class->load = ssv_acquire_preferences_load;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/preferences/ssv-acquire-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvAcquirePreferences, indexers_group);
  gtk_widget_class_bind_template_child (widget_class, SsvAcquirePreferences, clients_group);
  gtk_widget_class_bind_template_child (widget_class, SsvAcquirePreferences, defaults_group);
  gtk_widget_class_bind_template_child (widget_class, SsvAcquirePreferences, no_indexers_row);
  gtk_widget_class_bind_template_child (widget_class, SsvAcquirePreferences, no_clients_row);
  gtk_widget_class_bind_template_child (widget_class, SsvAcquirePreferences, blocklist_group);
  gtk_widget_class_bind_template_child (widget_class, SsvAcquirePreferences, no_blocked_row);

  gtk_widget_class_install_action (widget_class, "acquire.add-indexer", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "acquire.add-client", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "acquire.test-indexer", "x", test_action);
  gtk_widget_class_install_action (widget_class, "acquire.test-client", "x", test_action);
  gtk_widget_class_install_action (widget_class, "acquire.remove-indexer", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "acquire.remove-client", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "acquire.unblock", "x", unblock_action);
}

static void
ssv_acquire_preferences_init (SsvAcquirePreferences *self)
{
  self->rows = g_ptr_array_new ();
  self->blocked_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
