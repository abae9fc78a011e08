/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-search-provider.c: the library in GNOME Shell's search (org.gnome.Shell.SearchProvider2).
 * Results are the library's own movies and shows ("movie:12", "show:5"); the search runs
 * off the calling thread, and activating a result is a signal the app turns into a page. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-search-provider.h"
#include "ssv-thread.h"

#define MAX_RESULTS 10

struct _SsvSearchProvider
{
  GObject          parent_instance;

  SsvDiscovery    *discovery;
  GDBusConnection *connection;
  guint            registration;
  GHashTable      *found;        /* result id → SsvFoundTitle, of the searches so far */
};

G_DEFINE_FINAL_TYPE (SsvSearchProvider, ssv_search_provider, G_TYPE_OBJECT)

enum
{
  ACTIVATE_RESULT,
  LAUNCH_SEARCH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static char *
result_id (SsvFoundTitle *found)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, ssv_found_title_get_kind (found),
                          ssv_found_title_get_library_id (found));
}

/* ---- searching ---------------------------------------------------------------------- */

typedef struct
{
  char  *query;
  GStrv  previous;     /* a subsearch keeps only these */
} Search;

static void
search_free (gpointer data)
{
  Search *search = data;

  g_free (search->query);
  g_strfreev (search->previous);
  g_free (search);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SsvSearchProvider *self = source_object;
  Search *search = task_data;
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) found = NULL;
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  /* The library alone: the Shell asks on every key press, and expects an answer at once. */
  found = ssv_discovery_find_sync (self->discovery, search->query, TRUE, NULL, cancellable, &error);
  if (found == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < found->len && owned->len < MAX_RESULTS; i++)
    {
      SsvFoundTitle *title = g_ptr_array_index (found, i);
      g_autofree char *id = NULL;

      if (!ssv_found_title_get_owned (title) || ssv_found_title_get_library_id (title) <= 0 ||
          g_str_equal (ssv_found_title_get_kind (title), SSV_FOUND_PERSON))
        continue;
      id = result_id (title);
      if (search->previous != NULL && !g_strv_contains ((const char * const *) search->previous, id))
        continue;
      g_ptr_array_add (owned, g_object_ref (title));
    }

  g_task_return_pointer (task, g_steal_pointer (&owned), (GDestroyNotify) g_ptr_array_unref);
}

static void
on_searched (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SsvSearchProvider *self = SSV_SEARCH_PROVIDER (object);
  g_autoptr(GDBusMethodInvocation) invocation = user_data;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder ids;

  found = g_task_propagate_pointer (G_TASK (result), &error);
  if (found == NULL)
    {
      g_dbus_method_invocation_return_gerror (invocation, error);
      return;
    }

  g_variant_builder_init (&ids, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < found->len; i++)
    {
      SsvFoundTitle *title = g_ptr_array_index (found, i);
      char *id = result_id (title);

      g_variant_builder_add (&ids, "s", id);
      g_hash_table_replace (self->found, id, g_object_ref (title));
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(as)", &ids));
}

static void
start_search (SsvSearchProvider     *self,
              GDBusMethodInvocation *invocation,
              GVariant              *terms,
              GVariant              *previous)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_searched, g_object_ref (invocation));
  g_autofree const char **words = g_variant_get_strv (terms, NULL);
  Search *search = g_new0 (Search, 1);

  search->query = g_strjoinv (" ", (char **) words);
  search->previous = previous ? g_variant_dup_strv (previous, NULL) : NULL;
  g_task_set_task_data (task, search, search_free);
  g_task_set_source_tag (task, start_search);
  g_task_run_in_thread (task, search_thread);
}

/* ---- metas and activation -------------------------------------------------------------- */

static GVariant *
result_meta (const char    *id,
             SsvFoundTitle *title)
{
  GVariantBuilder meta;
  g_autofree char *description = NULL;
  gboolean show = g_str_equal (ssv_found_title_get_kind (title), SSV_FOUND_SHOW);
  int year = ssv_found_title_get_year (title);

  if (year > 0)
    /* Translators: a search result's line under its title: "Show, 2011" */
    description = g_strdup_printf (_("%s, %d"), show ? _("Show") : _("Movie"), year);
  else
    description = g_strdup (show ? _("Show") : _("Movie"));

  g_variant_builder_init (&meta, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (id));
  g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (ssv_found_title_get_title (title)));
  g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
  g_variant_builder_add (&meta, "{sv}", "gicon",
                         g_variant_new_string (show ? "video-display-symbolic" : "video-x-generic-symbolic"));

  return g_variant_builder_end (&meta);
}

static void
return_metas (SsvSearchProvider     *self,
              GDBusMethodInvocation *invocation,
              GVariant              *identifiers)
{
  g_autofree const char **ids = g_variant_get_strv (identifiers, NULL);
  GVariantBuilder metas;

  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      SsvFoundTitle *title = g_hash_table_lookup (self->found, ids[i]);

      /* An id the provider never gave out has no meta: the Shell leaves it out. */
      if (title != NULL)
        g_variant_builder_add_value (&metas, result_meta (ids[i], title));
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(aa{sv})", &metas));
}

static void
activate (SsvSearchProvider     *self,
          GDBusMethodInvocation *invocation,
          const char            *id,
          guint32                timestamp)
{
  const char *colon = strchr (id, ':');
  g_autofree char *kind = colon ? g_strndup (id, (gsize) (colon - id)) : NULL;
  char *end = NULL;
  gint64 row = colon ? g_ascii_strtoll (colon + 1, &end, 10) : 0;

  if (kind == NULL || end == colon + 1 || *end != '\0' || row <= 0 ||
      (!g_str_equal (kind, SSV_FOUND_MOVIE) && !g_str_equal (kind, SSV_FOUND_SHOW)))
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                             "“%s” is not a result of this provider", id);
      return;
    }

  g_signal_emit (self, signals[ACTIVATE_RESULT], 0, kind, row, timestamp);
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  SsvSearchProvider *self = user_data;

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);
      start_search (self, invocation, terms, NULL);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autoptr(GVariant) previous = g_variant_get_child_value (parameters, 0);
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 1);
      start_search (self, invocation, terms, previous);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autoptr(GVariant) identifiers = g_variant_get_child_value (parameters, 0);
      return_metas (self, invocation, identifiers);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;
      guint32 timestamp;

      g_variant_get (parameters, "(&s@asu)", &id, NULL, &timestamp);
      activate (self, invocation, id, timestamp);
    }
  else
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);
      g_autofree const char **words = g_variant_get_strv (terms, NULL);
      g_autofree char *query = g_strjoinv (" ", (char **) words);
      guint32 timestamp;

      g_variant_get_child (parameters, 1, "u", &timestamp);
      g_signal_emit (self, signals[LAUNCH_SEARCH], 0, query, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

/* ---- object --------------------------------------------------------------------------- */

/**
 * ssv_search_provider_export:
 * @object_path: %SSV_SEARCH_PROVIDER_PATH, as the .ini installed for the Shell says
 *
 * Answers the Shell on @connection until unexported.
 */
gboolean
ssv_search_provider_export (SsvSearchProvider  *self,
                            GDBusConnection    *connection,
                            const char         *object_path,
                            GError            **error)
{
  static const GDBusInterfaceVTable vtable = { method_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = NULL;

  g_return_val_if_fail (SSV_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (self->registration == 0, FALSE);

  info = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (info == NULL)
    return FALSE;
  self->registration = g_dbus_connection_register_object (connection, object_path, info->interfaces[0],
                                                          &vtable, self, NULL, error);
  if (self->registration == 0)
    return FALSE;
  self->connection = g_object_ref (connection);

  return TRUE;
}

void
ssv_search_provider_unexport (SsvSearchProvider *self)
{
  g_return_if_fail (SSV_IS_SEARCH_PROVIDER (self));

  if (self->registration != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration);
  self->registration = 0;
  g_clear_object (&self->connection);
}

static void
ssv_search_provider_dispose (GObject *object)
{
  SsvSearchProvider *self = SSV_SEARCH_PROVIDER (object);

  ssv_search_provider_unexport (self);
  g_clear_object (&self->discovery);
  g_clear_pointer (&self->found, g_hash_table_unref);

  G_OBJECT_CLASS (ssv_search_provider_parent_class)->dispose (object);
}

static void
ssv_search_provider_class_init (SsvSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ssv_search_provider_dispose;

  /**
   * SsvSearchProvider::activate-result:
   * @kind: "movie" or "show"
   * @id: the library's row
   *
   * The person picked a result in the Shell: open its page.
   */
  signals[ACTIVATE_RESULT] = g_signal_new ("activate-result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                           G_TYPE_STRING, G_TYPE_INT64, G_TYPE_UINT);
  /* The person asked for more than the Shell shows: search in the app. */
  signals[LAUNCH_SEARCH] = g_signal_new ("launch-search", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
}

static void
ssv_search_provider_init (SsvSearchProvider *self)
{
  self->found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

SsvSearchProvider *
ssv_search_provider_new (SsvDiscovery *discovery)
{
  SsvSearchProvider *self = g_object_new (SSV_TYPE_SEARCH_PROVIDER, NULL);

  self->discovery = g_object_ref (discovery);

  return self;
}
