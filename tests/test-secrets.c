/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-secrets.c: tokens and keys go to the real keyring (gnome-keyring in a private session). */

#include "config.h"

#include "ssv-secrets.h"
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

  return g_test_run ();
}
