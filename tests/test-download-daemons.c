/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-download-daemons.c: each download client against the real daemon Debian ships, started on
 * loopback: passwords right and wrong, magnets and torrents, states, files, a restart, removal. */

#include "config.h"

#include <string.h>

#include "downloads/ssv-bencode.h"
#include "downloads/ssv-download-client-factory.h"
#include "ssv-error.h"
#include "ssv-fake-nntp.h"
#include "ssv-fake-server.h"
#include "ssv-secrets.h"
#include "ssv-test-daemon.h"
#include "ssv-test-torrent.h"
#include "ssv-test-utils.h"

#define WRONG_PASSWORD "not-the-password-42"
#define POLL_MS        150

/* Everything logged, to prove no secret is in it. */
static GMutex log_lock;
static GString *log_text;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_mutex_lock (&log_lock);
  for (gsize i = 0; i < n_fields; i++)
    if (fields[i].length < 0)
      g_string_append_printf (log_text, "%s=%s\n", fields[i].key, (const char *) fields[i].value);
  g_mutex_unlock (&log_lock);

  /* Debug and info go to stdout, where TAP is; they are kept here only. */
  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
assert_no_secret_logged (void)
{
  g_mutex_lock (&log_lock);
  g_assert_null (strstr (log_text->str, SSV_TEST_PASSWORD));
  g_assert_null (strstr (log_text->str, WRONG_PASSWORD));
  g_mutex_unlock (&log_lock);
}

static void
assert_message_clean (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, SSV_TEST_PASSWORD));
  g_assert_null (strstr (error->message, WRONG_PASSWORD));
}

typedef struct
{
  char                *dir;
  char                *save_dir;
  SsvHttp             *http;
  SsvTestClientDaemon *daemon;
  SsvDownloadClient   *client;
} Fixture;

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->client);
  g_clear_pointer (&f->daemon, ssv_test_client_daemon_free);
  g_clear_object (&f->http);
  ssv_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->save_dir);
}

/* Starts the daemon and a client of it whose password comes from the keyring. */
static gboolean
fixture_start (Fixture        *f,
               SsvClientKind   kind,
               guint16         news_port)
{
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *key = ssv_secrets_client_key (1);
  SsvClientConfig config = { .username = SSV_TEST_USER };

  f->dir = ssv_test_make_temp_dir ();
  f->save_dir = g_build_filename (f->dir, "save", NULL);
  f->http = ssv_http_new ();
  /* A stopped daemon should say so quickly. */
  ssv_http_set_retry_policy (f->http, 1, 50);
  ssv_http_set_timeout (f->http, 15);

  f->daemon = ssv_test_client_daemon_start (kind, f->save_dir, news_port, &error);
  g_assert_no_error (error);

  ssv_secrets_store_sync (secrets, key, "download client", SSV_TEST_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *stored = ssv_secrets_lookup_sync (secrets, key, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (stored, ==, SSV_TEST_PASSWORD);
  }
  config.url = f->daemon->url;
  f->client = ssv_download_client_new_from_keyring (kind, f->http, secrets, &config, key, NULL, &error);
  g_assert_no_error (error);
  return TRUE;
}

static gboolean
have_programs (const char * const *programs)
{
  for (guint i = 0; programs[i] != NULL; i++)
    if (!ssv_test_have_program (programs[i]))
      {
        g_autofree char *why = g_strdup_printf ("%s is not installed (build-aux/dev test installs it)",
                                                programs[i]);
        g_test_skip (why);
        return FALSE;
      }

  return TRUE;
}

/* ---- waiting on the daemon ------------------------------------------------------ */

typedef gboolean (*TransferCheck) (const SsvTransfer *transfer,
                                   gpointer           data);

/* Polls until the transfer @reference passes @check; returns it. */
static SsvTransfer *
wait_transfer (SsvDownloadClient *client,
               const char        *reference,
               TransferCheck      check,
               gpointer           data,
               guint              timeout_ms,
               const char        *what)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  g_autoptr(SsvTransfer) last = NULL;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SsvTransfer) transfer = ssv_download_client_get (client, reference, NULL, &error);

      if (transfer != NULL && check (transfer, data))
        return g_steal_pointer (&transfer);
      if (transfer != NULL)
        {
          g_clear_pointer (&last, ssv_transfer_free);
          last = g_steal_pointer (&transfer);
        }
      if (g_get_monotonic_time () > deadline)
        g_error ("%s: waited %u ms for %s; last state %s (%s), error: %s", reference, timeout_ms,
                 what, last ? ssv_transfer_state_to_string (last->state) : "none",
                 last && last->client_state ? last->client_state : "-",
                 error ? error->message : "none");
      g_usleep (POLL_MS * 1000);
    }
}

static gboolean
state_is (const SsvTransfer *transfer,
          gpointer           data)
{
  return transfer->state == GPOINTER_TO_UINT (data);
}

static gboolean
state_is_active (const SsvTransfer *transfer,
                 gpointer           data)
{
  return transfer->state == SSV_TRANSFER_DOWNLOADING || transfer->state == SSV_TRANSFER_STALLED;
}

static gboolean
state_is_not_paused (const SsvTransfer *transfer,
                     gpointer           data)
{
  return transfer->state != SSV_TRANSFER_PAUSED && transfer->state != SSV_TRANSFER_COMPLETED;
}

static gboolean
any_state (const SsvTransfer *transfer,
           gpointer           data)
{
  return TRUE;
}

static void
wait_gone (SsvDownloadClient *client,
           const char        *reference)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SsvTransfer) transfer = ssv_download_client_get (client, reference, NULL, &error);

      if (transfer == NULL && g_error_matches (error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (POLL_MS * 1000);
    }
}

static gboolean
list_has (GPtrArray  *transfers,
          const char *reference)
{
  for (guint i = 0; i < transfers->len; i++)
    if (g_strcmp0 (((SsvTransfer *) g_ptr_array_index (transfers, i))->reference, reference) == 0)
      return TRUE;

  return FALSE;
}

/* ---- the torrent clients ----------------------------------------------------------- */

static const SsvTestTorrentFile release_files[] = {
  { "Wanted.Show.S01E01.1080p.WEB-DL.mkv", 262144 },
  { "Sample/sample.mkv", 20000 },
  { "setup.exe", 1500 },
};
#define RELEASE_NAME "Wanted.Show.S01E01.1080p.WEB-DL"
#define RELEASE_SIZE (262144 + 20000 + 1500)

static void
check_connection (Fixture    *f,
                  const char *expected_version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDownloadClient) wrong = ssv_test_client_daemon_client (f->daemon, f->http, WRONG_PASSWORD);
  g_autofree char *version = ssv_download_client_test_connection (f->client, NULL, &error);
  g_autofree char *none = NULL;

  g_assert_no_error (error);
  g_test_message ("%s", version);
  g_assert_nonnull (strstr (version, expected_version));

  none = ssv_download_client_test_connection (wrong, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED);
  g_assert_nonnull (strstr (error->message, "rejected"));
  g_test_message ("wrong password: %s", error->message);
  assert_message_clean (error);
}

static char *
add_magnet (Fixture *f)
{
  g_autofree char *hash = ssv_test_random_infohash ();
  g_autofree char *magnet = g_strdup_printf ("magnet:?xt=urn:btih:%s&dn=Wanted.Movie.2021.1080p.WEB-DL",
                                             hash);
  g_autoptr(SsvAddRequest) request = ssv_add_request_new_magnet (magnet);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTransfer) transfer = NULL;
  char *reference;

  ssv_add_request_set_save_path (request, f->save_dir);
  reference = ssv_download_client_add (f->client, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reference, ==, hash);

  /* Nobody has this torrent: the client waits for its metadata. */
  transfer = wait_transfer (f->client, reference, state_is, GUINT_TO_POINTER (SSV_TRANSFER_METADATA),
                            20000, "metadata");
  if (f->daemon->kind != SSV_CLIENT_ARIA2)   /* aria2 names a magnet only with its metadata */
    g_assert_cmpstr (transfer->name, ==, "Wanted.Movie.2021.1080p.WEB-DL");
  g_assert_cmpint (transfer->size, ==, -1);
  g_assert_cmpfloat (transfer->progress, ==, 0.0);

  /* Adding it again is not an error. */
  g_free (ssv_download_client_add (f->client, request, NULL, &error));
  g_assert_no_error (error);
  return reference;
}

static char *
add_torrent (Fixture *f)
{
  g_autoptr(GBytes) torrent = ssv_test_torrent_new (RELEASE_NAME, release_files,
                                                    G_N_ELEMENTS (release_files), 16384,
                                                    g_random_int (), NULL);
  g_autoptr(SsvTorrentInfo) info = ssv_torrent_info_parse_bytes (torrent, NULL);
  g_autoptr(SsvAddRequest) request = ssv_add_request_new_torrent (torrent);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTransfer) transfer = NULL;
  g_autofree char *content = g_build_filename (f->save_dir, RELEASE_NAME, NULL);
  char *reference;

  ssv_add_request_set_save_path (request, f->save_dir);
  reference = ssv_download_client_add (f->client, request, NULL, &error);
  g_assert_no_error (error);
  /* The client's own infohash is the reader's. */
  g_assert_cmpstr (reference, ==, info->infohash);

  transfer = wait_transfer (f->client, reference, state_is_active, NULL, 20000, "downloading");
  g_test_message ("torrent: %s (%s)", ssv_transfer_state_to_string (transfer->state),
                  transfer->client_state);
  g_assert_cmpstr (transfer->name, ==, RELEASE_NAME);
  g_assert_cmpint (transfer->size, ==, RELEASE_SIZE);
  g_assert_cmpint (transfer->downloaded, ==, 0);
  g_assert_cmpfloat (transfer->progress, ==, 0.0);
  /* Nobody sends, so nobody can say when it ends. */
  g_assert_cmpint (transfer->eta, ==, -1);
  g_assert_cmpint (transfer->seeds, ==, 0);
  g_assert_cmpstr (transfer->content_path, ==, content);
  if (ssv_download_client_get_capabilities (f->client) & SSV_CLIENT_CAN_CATEGORY)
    g_assert_cmpstr (transfer->category, ==, SSV_CLIENT_DEFAULT_CATEGORY);
  g_assert_null (transfer->error);

  return reference;
}

static guint
check_files (Fixture    *f,
             const char *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = ssv_download_client_list_files (f->client, reference, NULL, &error);
  guint setup_index = G_MAXUINT;

  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, G_N_ELEMENTS (release_files));
  for (guint i = 0; i < files->len; i++)
    {
      SsvTransferFile *file = g_ptr_array_index (files, i);
      gboolean found = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (release_files); j++)
        {
          g_autofree char *expected = g_strconcat (RELEASE_NAME "/", release_files[j].path, NULL);

          if (g_strcmp0 (file->path, expected) == 0)
            {
              g_assert_cmpint (file->size, ==, (gint64) release_files[j].size);
              found = TRUE;
            }
        }
      if (!found)
        g_error ("unexpected file %s", file->path);
      g_assert_cmpint (file->priority, ==, SSV_FILE_NORMAL);
      if (g_str_has_suffix (file->path, "/setup.exe"))
        setup_index = file->index;
    }

  return setup_index;
}

static void
skip_file (Fixture    *f,
           const char *reference,
           guint       index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;

  ssv_download_client_set_file_priority (f->client, reference, &index, 1, SSV_FILE_SKIP, NULL, &error);
  g_assert_no_error (error);

  files = ssv_download_client_list_files (f->client, reference, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < files->len; i++)
    {
      SsvTransferFile *file = g_ptr_array_index (files, i);

      g_assert_cmpint (file->priority, ==, file->index == index ? SSV_FILE_SKIP : SSV_FILE_NORMAL);
    }
}

static void
pause_and_resume (Fixture    *f,
                  const char *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTransfer) paused = NULL;
  g_autoptr(SsvTransfer) resumed = NULL;

  ssv_download_client_set_paused (f->client, reference, TRUE, NULL, &error);
  g_assert_no_error (error);
  paused = wait_transfer (f->client, reference, state_is, GUINT_TO_POINTER (SSV_TRANSFER_PAUSED),
                          10000, "paused");

  ssv_download_client_set_paused (f->client, reference, FALSE, NULL, &error);
  g_assert_no_error (error);
  resumed = wait_transfer (f->client, reference, state_is_not_paused, NULL, 10000, "resumed");
}

/* The daemon goes away mid-way: a plain "not reachable"; it comes back: all there again. */
static void
stop_and_restart (Fixture            *f,
                  const char * const *references)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) down = NULL;
  g_autoptr(GPtrArray) again = NULL;
  gint64 deadline;

  ssv_test_client_daemon_stop (f->daemon);
  down = ssv_download_client_list (f->client, references, NULL, &error);
  g_assert_null (down);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_UNREACHABLE);
  g_test_message ("while stopped: %s", error->message);
  g_assert_true (strstr (error->message, "not reachable") != NULL ||
                 strstr (error->message, "cannot reach") != NULL);
  assert_message_clean (error);
  g_clear_error (&error);

  ssv_test_client_daemon_restart (f->daemon, &error);
  g_assert_no_error (error);

  /* A client loads its torrents a moment after its API answers. */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  for (;;)
    {
      gboolean all = TRUE;

      g_clear_pointer (&again, g_ptr_array_unref);
      again = ssv_download_client_list (f->client, references, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; references[i] != NULL; i++)
        {
          all = all && list_has (again, references[i]);
          if (!list_has (again, references[i]) && g_get_monotonic_time () > deadline)
            g_error ("%s is not listed again after the restart", references[i]);
        }
      if (all)
        break;
      g_usleep (POLL_MS * 1000);
    }
}

static void
run_torrent_client (SsvClientKind       kind,
                    const char * const *programs,
                    const char         *version)
{
  Fixture f = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *magnet = NULL;
  g_autofree char *torrent = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(SsvTransfer) after = NULL;
  gint64 started = g_get_monotonic_time ();
  guint setup_index;

  if (!have_programs (programs))
    return;

  fixture_start (&f, kind, 0);
  g_test_message ("started in %.1f s", (g_get_monotonic_time () - started) / 1e6);
  check_connection (&f, version);

  magnet = add_magnet (&f);
  torrent = add_torrent (&f);

  /* The app's own transfers, by category where the client has them. */
  mine = ssv_download_client_list (f.client, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (list_has (mine, magnet));
  g_assert_true (list_has (mine, torrent));

  setup_index = check_files (&f, torrent);
  g_assert_cmpuint (setup_index, !=, G_MAXUINT);
  skip_file (&f, torrent, setup_index);
  pause_and_resume (&f, torrent);

  {
    const char *references[] = { magnet, torrent, NULL };
    g_autoptr(SsvTransfer) pending = NULL;

    /* Deluge 2.0.3 on Python 3.11 saves a magnet that waits for its metadata
     * but fails to load it at start (its error log itself crashes): only the
     * torrent comes back. */
    stop_and_restart (&f, kind == SSV_CLIENT_DELUGE ? references + 1 : references);
    pending = ssv_download_client_get (f.client, magnet, NULL, NULL);
    g_test_message ("the waiting magnet after the restart: %s",
                    pending ? ssv_transfer_state_to_string (pending->state) : "gone");
  }
  after = wait_transfer (f.client, torrent, any_state, NULL, 1000, "listed");
  g_assert_cmpstr (after->name, ==, RELEASE_NAME);

  ssv_download_client_remove (f.client, magnet, TRUE, NULL, &error);
  g_assert_no_error (error);
  ssv_download_client_remove (f.client, torrent, TRUE, NULL, &error);
  g_assert_no_error (error);
  wait_gone (f.client, magnet);
  wait_gone (f.client, torrent);
  /* Removing what is gone is fine. */
  ssv_download_client_remove (f.client, torrent, TRUE, NULL, &error);
  g_assert_no_error (error);

  assert_no_secret_logged ();
  g_test_message ("%s: %.1f s in all", ssv_client_kind_to_string (kind),
                  (g_get_monotonic_time () - started) / 1e6);
  fixture_clear (&f);
}

static void
test_qbittorrent (void)
{
  const char *programs[] = { "qbittorrent-nox", NULL };

  run_torrent_client (SSV_CLIENT_QBITTORRENT, programs, "v4.");
}

static void
test_transmission (void)
{
  const char *programs[] = { "transmission-daemon", NULL };

  run_torrent_client (SSV_CLIENT_TRANSMISSION, programs, "Transmission 3.");
}

static void
test_deluge (void)
{
  const char *programs[] = { "deluged", "deluge-web", NULL };

  run_torrent_client (SSV_CLIENT_DELUGE, programs, "Deluge 2.");
}

static void
test_aria2 (void)
{
  const char *programs[] = { "aria2c", NULL };

  run_torrent_client (SSV_CLIENT_ARIA2, programs, "aria2 1.");
}

/* ---- NZBGet ---------------------------------------------------------------------------- */

static GBytes *
make_nzb (const char *name)
{
  g_autofree char *text = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE nzb PUBLIC \"-//newzBin//DTD NZB 1.1//EN\" \"http://www.newzbin.com/DTD/nzb/nzb-1.1.dtd\">\n"
    "<nzb xmlns=\"http://www.newzbin.com/DTD/2003/nzb\">\n"
    " <file poster=\"tester@example.invalid\" date=\"1700000000\" subject=\"%s [1/2] - &quot;%s.mkv&quot; yEnc (1/1)\">\n"
    "  <groups><group>alt.binaries.test</group></groups>\n"
    "  <segments><segment bytes=\"4000\" number=\"1\">%s-part1@example.invalid</segment></segments>\n"
    " </file>\n"
    " <file poster=\"tester@example.invalid\" date=\"1700000000\" subject=\"%s [2/2] - &quot;%s.nfo&quot; yEnc (1/1)\">\n"
    "  <groups><group>alt.binaries.test</group></groups>\n"
    "  <segments><segment bytes=\"500\" number=\"1\">%s-part2@example.invalid</segment></segments>\n"
    " </file>\n"
    "</nzb>\n", name, name, name, name, name, name);

  return g_bytes_new (text, strlen (text));
}

static gboolean
failed_missing (const SsvTransfer *transfer,
                gpointer           data)
{
  return transfer->state == SSV_TRANSFER_ERROR;
}

static void
test_nzbget (void)
{
  const char *programs[] = { "nzbget", NULL };
  Fixture f = { NULL };
  g_autoptr(SsvFakeNntp) news = NULL;
  g_autoptr(SsvFakeServer) indexer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) nzb = make_nzb ("Wanted.Movie.2019.1080p.BluRay.x264");
  g_autoptr(GBytes) held_nzb = make_nzb ("Held.Movie.2018.720p.WEB");
  g_autoptr(SsvAddRequest) by_bytes = ssv_add_request_new_nzb (nzb, "Wanted.Movie.2019.1080p.BluRay.x264");
  g_autoptr(SsvAddRequest) held = ssv_add_request_new_nzb (held_nzb, "Held.Movie.2018.720p.WEB");
  g_autoptr(SsvAddRequest) by_url = NULL;
  g_autoptr(SsvTransfer) failed = NULL;
  g_autoptr(SsvTransfer) fetched = NULL;
  g_autoptr(SsvTransfer) waiting = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *url = NULL;
  gint64 started = g_get_monotonic_time ();
  guint nfo_index = G_MAXUINT;

  if (!have_programs (programs))
    return;

  news = ssv_fake_nntp_new ();
  fixture_start (&f, SSV_CLIENT_NZBGET, ssv_fake_nntp_get_port (news));
  check_connection (&f, "NZBGet 2");

  /* An NZB as a file: the news server has none of its articles, so it fails. */
  first = ssv_download_client_add (f.client, by_bytes, NULL, &error);
  g_assert_no_error (error);
  failed = wait_transfer (f.client, first, failed_missing, NULL, 30000, "the failure");
  g_test_message ("failed: %s (%s)", failed->error, failed->client_state);
  g_assert_cmpstr (failed->client_state, ==, "FAILURE/HEALTH");
  g_assert_nonnull (strstr (failed->error, "articles are missing from the news server"));
  g_assert_cmpstr (failed->name, ==, "Wanted.Movie.2019.1080p.BluRay.x264");
  g_assert_cmpstr (failed->category, ==, SSV_CLIENT_DEFAULT_CATEGORY);
  g_assert_cmpfloat (failed->availability, <, 1.0);
  g_assert_cmpuint (ssv_fake_nntp_get_requests (news), >, 0);

  /* An NZB by URL: NZBGet fetches it from the indexer itself. */
  indexer = ssv_fake_server_new ();
  ssv_fake_server_add_bytes (indexer, "GET /getnzb/42.nzb", 200, "application/x-nzb", nzb);
  url = g_strdup_printf ("%s/getnzb/42.nzb", ssv_fake_server_get_url (indexer));
  by_url = ssv_add_request_new_nzb_url (url, "Fetched.Movie.2019.1080p");
  second = ssv_download_client_add (f.client, by_url, NULL, &error);
  g_assert_no_error (error);
  fetched = wait_transfer (f.client, second, failed_missing, NULL, 30000, "the fetched one's failure");
  g_assert_cmpuint (ssv_fake_server_get_hits (indexer, "/getnzb/42.nzb"), ==, 1);

  /* A paused one stays in the queue: its files, one skipped, then paused no more. */
  held->paused = TRUE;
  third = ssv_download_client_add (f.client, held, NULL, &error);
  g_assert_no_error (error);
  waiting = wait_transfer (f.client, third, state_is, GUINT_TO_POINTER (SSV_TRANSFER_PAUSED), 10000,
                           "paused");
  g_assert_cmpint (waiting->size, ==, 4500);
  files = ssv_download_client_list_files (f.client, third, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 2);
  for (guint i = 0; i < files->len; i++)
    if (g_str_has_suffix (((SsvTransferFile *) g_ptr_array_index (files, i))->path, ".nfo"))
      nfo_index = ((SsvTransferFile *) g_ptr_array_index (files, i))->index;
  g_assert_cmpuint (nfo_index, !=, G_MAXUINT);
  /* Skipping a file of an NZB deletes it from the queue. */
  ssv_download_client_set_file_priority (f.client, third, &nfo_index, 1, SSV_FILE_SKIP, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&files, g_ptr_array_unref);
  files = ssv_download_client_list_files (f.client, third, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_true (g_str_has_suffix (((SsvTransferFile *) g_ptr_array_index (files, 0))->path, ".mkv"));

  {
    const char *references[] = { first, second, third, NULL };
    stop_and_restart (&f, references);
  }
  g_clear_pointer (&failed, ssv_transfer_free);
  failed = wait_transfer (f.client, first, any_state, NULL, 1000, "listed");
  g_assert_cmpint (failed->state, ==, SSV_TRANSFER_ERROR);

  ssv_download_client_set_paused (f.client, third, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&waiting, ssv_transfer_free);
  waiting = wait_transfer (f.client, third, state_is_not_paused, NULL, 10000, "resumed");

  for (guint i = 0; i < 3; i++)
    {
      const char *reference = i == 0 ? first : i == 1 ? second : third;

      ssv_download_client_remove (f.client, reference, TRUE, NULL, &error);
      g_assert_no_error (error);
      wait_gone (f.client, reference);
    }

  assert_no_secret_logged ();
  g_test_message ("nzbget: %.1f s in all", (g_get_monotonic_time () - started) / 1e6);
  fixture_clear (&f);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  ssv_test_init (&argc, &argv);
  log_text = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_add_func ("/daemons/qbittorrent", test_qbittorrent);
  g_test_add_func ("/daemons/transmission", test_transmission);
  g_test_add_func ("/daemons/deluge", test_deluge);
  g_test_add_func ("/daemons/aria2", test_aria2);
  g_test_add_func ("/daemons/nzbget", test_nzbget);

  return g_test_run ();
}
