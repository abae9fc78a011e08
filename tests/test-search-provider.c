/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search-provider.c: GNOME Shell's search provider on a private D-Bus: results from
 * the library, subsearches that narrow, metas, and activation. */

#include "config.h"

#include <string.h>

#include "ssv-search-provider.h"
#include "ssv-test-utils.h"

#define IFACE "org.gnome.Shell.SearchProvider2"

typedef struct
{
  char              *dir;
  SsvDatabase       *db;
  GTestDBus         *bus;
  GDBusConnection   *service;     /* the app's end */
  GDBusConnection   *shell;       /* the Shell's end */
  SsvHttp           *http;
  SsvSecrets        *secrets;
  SsvWatchlistStore *watchlist;
  SsvClock          *clock;
  SsvDiscovery      *discovery;
  SsvSearchProvider *provider;
  char              *activated;
} Fixture;

static GDBusConnection *
connect_to (GTestDBus *bus)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection =
    g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION, NULL, NULL, &error);

  g_assert_no_error (error);
  return connection;
}

static void
on_activated (SsvSearchProvider *provider,
              const char        *kind,
              gint64             id,
              guint32            timestamp,
              Fixture           *f)
{
  g_free (f->activated);
  f->activated = g_strdup_printf ("%s %" G_GINT64_FORMAT " %u", kind, id, timestamp);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  ssv_database_exec (f->db,
    "INSERT INTO shows (id, title, year, tmdb_id) VALUES (5, 'Game of Thrones', 2011, 1399);"
    "INSERT INTO movies (id, title, year) VALUES (7, 'Game Night', 2018), (8, 'Heat', 1995);", &error);
  g_assert_no_error (error);

  f->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (f->bus);
  f->service = connect_to (f->bus);
  f->shell = connect_to (f->bus);

  f->http = ssv_http_new ();
  f->secrets = ssv_secrets_new ();
  f->watchlist = ssv_watchlist_store_new (f->db);
  f->clock = ssv_clock_new ();
  f->discovery = ssv_discovery_new (f->db, f->http, f->secrets, f->watchlist, f->clock);
  f->provider = ssv_search_provider_new (f->discovery);
  g_signal_connect (f->provider, "activate-result", G_CALLBACK (on_activated), f);
  g_assert_true (ssv_search_provider_export (f->provider, f->service, SSV_SEARCH_PROVIDER_PATH, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->provider);
  g_clear_object (&f->discovery);
  g_clear_object (&f->clock);
  g_clear_object (&f->watchlist);
  g_clear_object (&f->secrets);
  g_clear_object (&f->http);
  g_dbus_connection_close_sync (f->shell, NULL, NULL);
  g_dbus_connection_close_sync (f->service, NULL, NULL);
  g_clear_object (&f->shell);
  g_clear_object (&f->service);
  g_test_dbus_down (f->bus);
  g_clear_object (&f->bus);
  g_free (f->activated);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

static void
on_reply (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Calls @method as the Shell does; the provider answers on the same main context. */
static GVariant *
call (Fixture      *f,
      const char   *method,
      GVariant     *parameters,
      const char   *reply_type,
      GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *name = g_strdup (g_dbus_connection_get_unique_name (f->service));

  g_dbus_connection_call (f->shell, name, SSV_SEARCH_PROVIDER_PATH, IFACE, method, parameters,
                          G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE, 10000, NULL, on_reply, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_dbus_connection_call_finish (f->shell, result, error);
}

static char *
ids_of (GVariant *reply)
{
  g_autofree const char **ids = NULL;

  g_variant_get (reply, "(^a&s)", &ids);
  return g_strjoinv (" ", (char **) ids);
}

static const char *initial_terms[] = { "game", NULL };
static const char *narrower_terms[] = { "game", "of", NULL };

static void
test_results (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) initial = NULL;
  g_autoptr(GVariant) narrower = NULL;
  g_autoptr(GVariant) nothing = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *none = NULL;
  const char *previous[] = { "show:5", "movie:7", NULL };
  const char *heat[] = { "zzz-nothing", NULL };

  initial = call (f, "GetInitialResultSet", g_variant_new ("(^as)", initial_terms), "(as)", &error);
  g_assert_no_error (error);
  first = ids_of (initial);
  g_assert_nonnull (strstr (first, "show:5"));
  g_assert_nonnull (strstr (first, "movie:7"));
  g_assert_null (strstr (first, "movie:8"));

  /* A subsearch narrows what was found. */
  narrower = call (f, "GetSubsearchResultSet", g_variant_new ("(^as^as)", previous, narrower_terms), "(as)",
                   &error);
  g_assert_no_error (error);
  second = ids_of (narrower);
  g_assert_cmpstr (second, ==, "show:5");

  nothing = call (f, "GetInitialResultSet", g_variant_new ("(^as)", heat), "(as)", &error);
  g_assert_no_error (error);
  none = ids_of (nothing);
  g_assert_cmpstr (none, ==, "");
}

static void
test_metas_and_activate (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bad_error = NULL;
  g_autoptr(GVariant) initial = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) list = NULL;
  g_autoptr(GVariant) meta = NULL;
  g_autoptr(GVariant) done = NULL;
  g_autoptr(GVariant) bad = NULL;
  const char *wanted[] = { "show:5", "movie:404", NULL };
  const char *name = NULL;
  const char *description = NULL;
  const char *id = NULL;

  initial = call (f, "GetInitialResultSet", g_variant_new ("(^as)", initial_terms), "(as)", &error);
  g_assert_no_error (error);

  metas = call (f, "GetResultMetas", g_variant_new ("(^as)", wanted), "(aa{sv})", &error);
  g_assert_no_error (error);
  list = g_variant_get_child_value (metas, 0);
  /* An id never given out has no meta. */
  g_assert_cmpuint (g_variant_n_children (list), ==, 1);
  meta = g_variant_get_child_value (list, 0);
  g_assert_true (g_variant_lookup (meta, "id", "&s", &id));
  g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
  g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
  g_assert_cmpstr (id, ==, "show:5");
  g_assert_cmpstr (name, ==, "Game of Thrones");
  g_assert_cmpstr (description, ==, "Show, 2011");

  done = call (f, "ActivateResult", g_variant_new ("(s^asu)", "show:5", initial_terms, 42u), "()", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->activated, ==, "show 5 42");

  bad = call (f, "ActivateResult", g_variant_new ("(s^asu)", "person:1", initial_terms, 43u), "()", &bad_error);
  g_assert_null (bad);
  g_assert_error (bad_error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS);
  g_assert_cmpstr (f->activated, ==, "show 5 42");
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add ("/search-provider/results", Fixture, NULL, fixture_set_up, test_results, fixture_tear_down);
  g_test_add ("/search-provider/metas-and-activate", Fixture, NULL, fixture_set_up, test_metas_and_activate,
              fixture_tear_down);

  return g_test_run ();
}
