/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-secrets.c: tokens and keys go to the real keyring (gnome-keyring in a private session). */

#include "config.h"

#include <string.h>

#include "ssv-database-private.h"
#include "ssv-secrets.h"
#include "ssv-server-token.h"
#include "ssv-test-utils.h"

static void
test_store_lookup_clear (void)
{
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *other = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *gone = NULL;

  g_assert_true (ssv_secrets_store_sync (secrets, "api-key:tmdb", "TMDB API key",
                                         "abc123", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ssv_secrets_store_sync (secrets, "server:7", "Plex token", "plex-token",
                                         NULL, &error));
  g_assert_no_error (error);

  found = ssv_secrets_lookup_sync (secrets, "api-key:tmdb", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "abc123");
  other = ssv_secrets_lookup_sync (secrets, "server:7", NULL, &error);
  g_assert_cmpstr (other, ==, "plex-token");

  /* Storing again replaces, it does not add a second item. */
  g_assert_true (ssv_secrets_store_sync (secrets, "api-key:tmdb", NULL, "new-key", NULL, &error));
  replaced = ssv_secrets_lookup_sync (secrets, "api-key:tmdb", NULL, &error);
  g_assert_cmpstr (replaced, ==, "new-key");

  /* An empty key means "forget it". */
  g_assert_true (ssv_secrets_store_sync (secrets, "api-key:tmdb", NULL, "", NULL, &error));
  gone = ssv_secrets_lookup_sync (secrets, "api-key:tmdb", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gone);

  g_assert_true (ssv_secrets_clear_sync (secrets, "server:7", NULL, &error));
  g_assert_no_error (error);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ssv_secrets_lookup_finish (SSV_SECRETS (source), result, &error);
  g_assert_no_error (error);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_secrets_store_finish (SSV_SECRETS (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static gboolean
string_arrived (gpointer data)
{
  return *(char **) data != NULL;
}

static void
test_async (void)
{
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autofree char *found = NULL;
  gboolean stored = FALSE;

  ssv_secrets_store_async (secrets, "api-key:omdb", "OMDb key", "omdb-async", NULL, store_cb, &stored);
  ssv_test_wait_for_flag (&stored, 10000);

  ssv_secrets_lookup_async (secrets, "api-key:omdb", NULL, lookup_cb, &found);
  g_assert_true (ssv_test_wait_for (string_arrived, &found, 10000));
  g_assert_cmpstr (found, ==, "omdb-async");
}

/* ---- server tokens: one entry per server of one library file -------------------- */

static gint64
add_server (SsvDatabase *db,
            const char  *url)
{
  g_autoptr(GError) error = NULL;
  gint64 row = 0;

  g_assert_true (ssv_server_store_add (db, "jellyfin", "Home", url, NULL, &row, &error));
  g_assert_no_error (error);
  return row;
}

static char *
lookup_token (SsvSecrets  *secrets,
              SsvDatabase *db,
              gint64       row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvServerInfo) server = ssv_server_store_get (db, row, &error);
  char *token;

  g_assert_no_error (error);
  token = ssv_server_token_lookup_sync (secrets, db, server, NULL, &error);
  g_assert_no_error (error);
  return token;
}

/* Two library files (a test profile, a second user's) each have a server
 * number 1. Each keeps its own token: saving one does not replace the other. */
static void
test_server_tokens_per_library (void)
{
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir_a = NULL;
  g_autofree char *dir_b = NULL;
  g_autoptr(SsvDatabase) a = ssv_test_open_temp_database (&dir_a, NULL);
  g_autoptr(SsvDatabase) b = ssv_test_open_temp_database (&dir_b, NULL);
  g_autofree char *token_a = NULL;
  g_autofree char *token_b = NULL;
  g_autofree char *key_a = NULL;
  gint64 row_a = add_server (a, "http://nas:8096");
  gint64 row_b = add_server (b, "http://office:8096");

  g_assert_cmpint (row_a, ==, row_b);

  g_assert_true (ssv_server_token_store_sync (secrets, a, row_a, "token A", "token-of-the-nas", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ssv_server_token_store_sync (secrets, b, row_b, "token B", "token-of-the-office", NULL, &error));
  g_assert_no_error (error);

  token_a = lookup_token (secrets, a, row_a);
  token_b = lookup_token (secrets, b, row_b);
  g_assert_cmpstr (token_a, ==, "token-of-the-nas");
  g_assert_cmpstr (token_b, ==, "token-of-the-office");

  /* Removing one server's token leaves the other's. */
  key_a = ssv_server_token_dup_key (a, row_a, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_secrets_clear_sync (secrets, key_a, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&token_a, g_free);
  g_clear_pointer (&token_b, g_free);
  token_a = lookup_token (secrets, a, row_a);
  token_b = lookup_token (secrets, b, row_b);
  g_assert_null (token_a);
  g_assert_cmpstr (token_b, ==, "token-of-the-office");

  ssv_server_token_store_sync (secrets, b, row_b, NULL, NULL, NULL, NULL);
  ssv_test_close_temp_database (&a, &dir_a);
  ssv_test_close_temp_database (&b, &dir_b);
}

/* A library from before schema 6, whose token is under "server:1": the
 * upgrade opens it, the first scan finds the token, and from then on it lives
 * under the server's UUID. The old entry stays for another library file that
 * has not read it yet; a token the person removes does not come back from it. */
static void
test_legacy_token_moves_once (void)
{
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.db", NULL);
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(SsvDatabase) other = NULL;
  g_autofree char *token = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *key = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other_token = NULL;
  guint n_steps;
  const SsvMigration *steps = ssv_database_get_migrations (&n_steps);

  /* Both files as schema 5 left them, each with its server number 1. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SsvDatabase) old = ssv_database_open_with_steps (i == 0 ? path : other_path, steps, 5, &error);

      g_assert_no_error (error);
      ssv_database_exec (old, "INSERT INTO servers (id, kind, name, url) VALUES (1, 'jellyfin', 'Home', 'http://nas')",
                         &error);
      g_assert_no_error (error);
    }
  g_assert_true (ssv_secrets_store_sync (secrets, "server:1", "old token", "token-from-before", NULL, &error));
  g_assert_no_error (error);

  db = ssv_database_open (path, &error);
  g_assert_no_error (error);
  token = lookup_token (secrets, db, 1);
  g_assert_cmpstr (token, ==, "token-from-before");

  key = ssv_server_token_dup_key (db, 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (key, "server:"));
  g_assert_cmpuint (strlen (key), ==, strlen ("server:") + 36);
  moved = ssv_secrets_lookup_sync (secrets, key, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (moved, ==, "token-from-before");
  kept = ssv_secrets_lookup_sync (secrets, "server:1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, "token-from-before");

  /* The person removes the token: it stays removed. */
  g_assert_true (ssv_server_token_store_sync (secrets, db, 1, NULL, "", NULL, &error));
  g_assert_no_error (error);
  again = lookup_token (secrets, db, 1);
  g_assert_null (again);

  /* The other file still finds the token its server had. */
  other = ssv_database_open (other_path, &error);
  g_assert_no_error (error);
  other_token = lookup_token (secrets, other, 1);
  g_assert_cmpstr (other_token, ==, "token-from-before");

  ssv_server_token_store_sync (secrets, other, 1, NULL, NULL, NULL, NULL);
  ssv_secrets_clear_sync (secrets, "server:1", NULL, NULL);
  g_clear_object (&other);
  ssv_test_close_temp_database (&db, &dir);
}

int
main (int    argc,
      char **argv)
{
  /* Not isolated: the keyring daemon of this private session lives in its XDG dirs. */
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("SSV_IN_SESSION") == NULL)
    {
      g_test_skip ("run through tests/run-in-session.sh (needs a private keyring)");
      return g_test_run ();
    }

  g_test_add_func ("/core/secrets/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/core/secrets/async", test_async);
  g_test_add_func ("/core/secrets/server-tokens-per-library", test_server_tokens_per_library);
  g_test_add_func ("/core/secrets/legacy-token-moves-once", test_legacy_token_moves_once);

  return g_test_run ();
}
