/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-test-daemon.c: starts the download clients Debian ships (qbittorrent-nox, transmission-daemon,
 * deluged + deluge-web, aria2c, nzbget) on 127.0.0.1 with a throwaway profile, for tests. */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <glib/gstdio.h>

#include "ssv-test-daemon.h"
#include "downloads/ssv-download-client-factory.h"
#include "ssv-test-utils.h"

/* PBKDF2-HMAC-SHA512 of SSV_TEST_PASSWORD, salt 00 01 … 0f, 100 000 rounds, as
 * qBittorrent 4.2+ keeps it (computed with Python's hashlib.pbkdf2_hmac). */
#define QBITTORRENT_PASSWORD_HASH \
  "@ByteArray(AAECAwQFBgcICQoLDA0ODw==:rclabNwD8whpFT+2WCYrB32F1e9EwJQDI/c3oYV/zALDbw907SDrrTK3" \
  "yrwcNc6AjLQVP0ww8cNDzs/jFQtTxw==)"

struct _SsvTestDaemon
{
  char         *name;
  char         *log_path;
  GStrv         argv;
  guint16       port;
  GSubprocess  *process;
};

/* ---- ports and programs ---------------------------------------------------------- */

guint16
ssv_test_free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (socket);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

gboolean
ssv_test_have_program (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  return path != NULL;
}

static gboolean
port_answers (guint16 port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  g_socket_client_set_timeout (client, 1);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

/* ---- one process ---------------------------------------------------------------- */

SsvTestDaemon *
ssv_test_daemon_new (const char         *name,
                     const char         *log_path,
                     const char * const *argv,
                     guint16             port)
{
  SsvTestDaemon *self = g_new0 (SsvTestDaemon, 1);

  self->name = g_strdup (name);
  self->log_path = g_strdup (log_path);
  self->argv = g_strdupv ((char **) argv);
  self->port = port;
  return self;
}

static void
child_setup (gpointer data)
{
  /* A test that aborts takes its daemons with it. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

gboolean
ssv_test_daemon_is_running (SsvTestDaemon *self)
{
  return self->process != NULL && g_subprocess_get_identifier (self->process) != NULL;
}

char *
ssv_test_daemon_dup_log (SsvTestDaemon *self)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (self->log_path, &contents, &length, NULL))
    return g_strdup ("(no log)");

  /* The end says most. */
  return g_strdup (length > 3000 ? contents + length - 3000 : contents);
}

/* Waits until the daemon accepts connections on its port (or dies). */
gboolean
ssv_test_daemon_wait_ready (SsvTestDaemon  *self,
                            guint           timeout_ms,
                            GError        **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!port_answers (self->port))
    {
      if (!ssv_test_daemon_is_running (self))
        {
          g_autofree char *log = ssv_test_daemon_dup_log (self);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s exited at start:\n%s", self->name, log);
          return FALSE;
        }
      if (g_get_monotonic_time () > deadline)
        {
          g_autofree char *log = ssv_test_daemon_dup_log (self);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "%s did not answer on port %u:\n%s",
                       self->name, self->port, log);
          return FALSE;
        }
      g_usleep (20 * 1000);
    }

  return TRUE;
}

gboolean
ssv_test_daemon_start (SsvTestDaemon  *self,
                       guint           timeout_ms,
                       GError        **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;

  g_return_val_if_fail (self->process == NULL, FALSE);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_stdin_file_path (launcher, "/dev/null");
  g_subprocess_launcher_set_stdout_file_path (launcher, self->log_path);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  /* Sanitizer settings of the test are not the daemon's business. */
  g_subprocess_launcher_unsetenv (launcher, "LD_PRELOAD");
  g_subprocess_launcher_unsetenv (launcher, "ASAN_OPTIONS");
  g_subprocess_launcher_unsetenv (launcher, "UBSAN_OPTIONS");

  self->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) self->argv, error);
  if (self->process == NULL)
    return FALSE;

  return timeout_ms == 0 || ssv_test_daemon_wait_ready (self, timeout_ms, error);
}

static void
wait_exit (GSubprocess *process,
           guint        timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (g_subprocess_get_identifier (process) != NULL && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);
}

/* SIGTERM, as a person stopping the service would; SIGKILL after 10 s. */
void
ssv_test_daemon_stop (SsvTestDaemon *self)
{
  if (self->process == NULL)
    return;

  g_subprocess_send_signal (self->process, SIGTERM);
  wait_exit (self->process, 10000);
  if (g_subprocess_get_identifier (self->process) != NULL)
    {
      g_test_message ("%s ignored SIGTERM; killing it", self->name);
      g_subprocess_force_exit (self->process);
      g_subprocess_wait (self->process, NULL, NULL);
    }
  g_clear_object (&self->process);
}

void
ssv_test_daemon_free (SsvTestDaemon *self)
{
  if (self == NULL)
    return;

  ssv_test_daemon_stop (self);
  g_free (self->name);
  g_free (self->log_path);
  g_strfreev (self->argv);
  g_free (self);
}

/* ---- profiles of each client ------------------------------------------------------- */

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
log_path (SsvTestClientDaemon *self,
          const char          *name)
{
  g_autofree char *file = g_strconcat (name, ".log", NULL);

  return g_build_filename (self->dir, file, NULL);
}

static SsvTestDaemon *
qbittorrent_daemon (SsvTestClientDaemon *self)
{
  g_autofree char *profile = g_build_filename (self->dir, "qbittorrent", NULL);
  g_autofree char *profile_arg = g_strconcat ("--profile=", profile, NULL);
  g_autofree char *log = log_path (self, "qbittorrent-nox");
  g_autofree char *conf = NULL;
  const char *argv[] = { "qbittorrent-nox", profile_arg, NULL };

  /* Without the accepted legal notice qbittorrent-nox waits for a key press. */
  conf = g_strdup_printf ("[LegalNotice]\nAccepted=true\n\n"
                          "[BitTorrent]\n"
                          "Session\\DHTEnabled=false\nSession\\LSDEnabled=false\nSession\\PeXEnabled=false\n"
                          "Session\\Port=%u\nSession\\Interface=lo\nSession\\InterfaceName=lo\n"
                          "Session\\InterfaceAddress=127.0.0.1\nSession\\MultiConnectionsPerIp=true\n"
                          "Session\\Encryption=0\nSession\\QueueingSystemEnabled=false\n"
                          "Session\\BTProtocol=TCP\nSession\\DefaultSavePath=%s\n\n"
                          "[Network]\nPortForwardingEnabled=false\n\n"
                          "[Preferences]\n"
                          "WebUI\\Address=127.0.0.1\nWebUI\\Port=%u\nWebUI\\Username=" SSV_TEST_USER "\n"
                          "WebUI\\Password_PBKDF2=\"" QBITTORRENT_PASSWORD_HASH "\"\n"
                          "WebUI\\LocalHostAuth=true\nWebUI\\MaxAuthenticationFailCount=1000\n"
                          "WebUI\\UseUPnP=false\nGeneral\\Locale=en\n",
                          self->peer_port, self->save_dir, self->api_port);
  write_file (profile, "qBittorrent/config/qBittorrent.conf", conf);

  return ssv_test_daemon_new ("qbittorrent-nox", log, argv, self->api_port);
}

static SsvTestDaemon *
transmission_daemon (SsvTestClientDaemon *self)
{
  g_autofree char *config = g_build_filename (self->dir, "transmission", NULL);
  g_autofree char *log = log_path (self, "transmission-daemon");
  g_autofree char *api = g_strdup_printf ("%u", self->api_port);
  g_autofree char *peer = g_strdup_printf ("%u", self->peer_port);
  g_autofree char *settings = NULL;
  const char *argv[] = {
    "transmission-daemon", "-f", "-g", config, "-r", "127.0.0.1", "-p", api, "-P", peer,
    "-i", "127.0.0.1", "-t", "-u", SSV_TEST_USER, "-v", SSV_TEST_PASSWORD, "-w", self->save_dir,
    "-O", "-Y", "-M", "--no-utp", "-et", "--log-error", NULL
  };

  settings = g_strdup_printf ("{\"pex-enabled\": false, \"dht-enabled\": false, \"lpd-enabled\": false,"
                              " \"utp-enabled\": false, \"port-forwarding-enabled\": false,"
                              " \"peer-port-random-on-start\": false, \"incomplete-dir-enabled\": false,"
                              " \"rpc-whitelist-enabled\": true, \"rpc-whitelist\": \"127.0.0.1\","
                              " \"rpc-host-whitelist-enabled\": false, \"download-dir\": \"%s\"}",
                              self->save_dir);
  write_file (config, "settings.json", settings);

  return ssv_test_daemon_new ("transmission-daemon", log, argv, self->api_port);
}

static void
deluge_daemons (SsvTestClientDaemon *self)
{
  g_autofree char *config = g_build_filename (self->dir, "deluge", NULL);
  g_autofree char *web_log = log_path (self, "deluge-web");
  g_autofree char *core_log = log_path (self, "deluged");
  guint16 daemon_port = ssv_test_free_port ();
  g_autofree char *daemon_port_text = g_strdup_printf ("%u", daemon_port);
  g_autofree char *web_port = g_strdup_printf ("%u", self->api_port);
  const char *salt = "0123456789abcdef";
  g_autofree char *salted = g_strconcat (salt, SSV_TEST_PASSWORD, NULL);
  g_autofree char *sha1 = g_compute_checksum_for_string (G_CHECKSUM_SHA1, salted, -1);
  g_autofree char *web_conf = NULL;
  g_autofree char *core_conf = NULL;
  g_autofree char *hosts = NULL;
  const char *daemon_argv[] = {
    "deluged", "-c", config, "-d", "-p", daemon_port_text, "-u", "127.0.0.1", "-i", "127.0.0.1",
    "-L", "warning", NULL
  };
  const char *web_argv[] = {
    "deluge-web", "-c", config, "-d", "-p", web_port, "-i", "127.0.0.1", "-L", "warning", NULL
  };

  /* deluge-web keeps sha1(salt + password); deluged the local client's password. */
  web_conf = g_strdup_printf ("{\"file\": 2, \"format\": 1}{\"pwd_salt\": \"%s\", \"pwd_sha1\": \"%s\","
                              " \"first_login\": false, \"default_daemon\": \"\", \"port\": %u,"
                              " \"interface\": \"127.0.0.1\", \"https\": false}",
                              salt, sha1, self->api_port);
  hosts = g_strdup_printf ("{\"file\": 3, \"format\": 1}{\"hosts\": [[\"5a5b5c5d5e5f\", \"127.0.0.1\", %u,"
                           " \"localclient\", \"local-daemon-password\"]]}", daemon_port);
  core_conf = g_strdup_printf ("{\"file\": 1, \"format\": 1}{\"download_location\": \"%s\","
                               " \"listen_ports\": [%u, %u], \"random_port\": false,"
                               " \"listen_interface\": \"127.0.0.1\", \"dht\": false, \"lsd\": false,"
                               " \"upnp\": false, \"natpmp\": false, \"utpex\": false,"
                               " \"new_release_check\": false, \"enabled_plugins\": [\"Label\"]}",
                               self->save_dir, self->peer_port, self->peer_port);
  write_file (config, "web.conf", web_conf);
  write_file (config, "hostlist.conf", hosts);
  write_file (config, "core.conf", core_conf);
  write_file (config, "auth", "localclient:local-daemon-password:10\n");

  self->backend = ssv_test_daemon_new ("deluged", core_log, daemon_argv, daemon_port);
  self->main = ssv_test_daemon_new ("deluge-web", web_log, web_argv, self->api_port);
}

static SsvTestDaemon *
aria2_daemon (SsvTestClientDaemon *self)
{
  g_autofree char *log = log_path (self, "aria2c");
  g_autofree char *session = g_build_filename (self->dir, "aria2.session", NULL);
  g_autofree char *rpc_port = g_strdup_printf ("--rpc-listen-port=%u", self->api_port);
  g_autofree char *listen = g_strdup_printf ("--listen-port=%u", self->peer_port);
  g_autofree char *dir = g_strconcat ("--dir=", self->save_dir, NULL);
  g_autofree char *input = g_strconcat ("--input-file=", session, NULL);
  g_autofree char *save = g_strconcat ("--save-session=", session, NULL);
  const char *argv[] = {
    "aria2c", "--no-conf", "--enable-rpc", "--rpc-listen-all=false", rpc_port,
    "--rpc-secret=" SSV_TEST_PASSWORD, dir, listen, "--enable-dht=false", "--enable-dht6=false",
    "--bt-enable-lpd=false", "--enable-peer-exchange=false", "--console-log-level=warn",
    "--summary-interval=0", input, save, "--save-session-interval=1", "--force-save=true",
    "--disable-ipv6=true", NULL
  };

  /* aria2c refuses an --input-file that does not exist. */
  write_file (self->dir, "aria2.session", "");
  return ssv_test_daemon_new ("aria2c", log, argv, self->api_port);
}

static SsvTestDaemon *
nzbget_daemon (SsvTestClientDaemon *self)
{
  g_autofree char *log = log_path (self, "nzbget");
  g_autofree char *conf_path = g_build_filename (self->dir, "nzbget.conf", NULL);
  g_autofree char *main_dir = g_build_filename (self->dir, "nzbget", NULL);
  g_autofree char *conf = NULL;
  const char *argv[] = { "nzbget", "-c", conf_path, "-s", NULL };

  /* One news server: the test's, which has no article at all. */
  conf = g_strdup_printf ("MainDir=%s\nDestDir=%s\nInterDir=${MainDir}/inter\nNzbDir=${MainDir}/nzb\n"
                          "QueueDir=${MainDir}/queue\nTempDir=${MainDir}/tmp\nScriptDir=${MainDir}/scripts\n"
                          "LockFile=${MainDir}/nzbget.lock\nLogFile=${MainDir}/nzbget.log\nWebDir=\n"
                          "ConfigTemplate=\nControlIP=127.0.0.1\nControlPort=%u\n"
                          "ControlUsername=" SSV_TEST_USER "\nControlPassword=" SSV_TEST_PASSWORD "\n"
                          "RestrictedUsername=\nAddUsername=\nSecureControl=no\nFormAuth=no\n"
                          "AuthorizedIP=\nUpdateCheck=none\nOutputMode=loggable\nWriteLog=append\n"
                          "DaemonUsername=\nUMask=022\nCategory1.Name=" SSV_CLIENT_DEFAULT_CATEGORY "\n"
                          "Server1.Active=yes\nServer1.Name=test\nServer1.Host=127.0.0.1\nServer1.Port=%u\n"
                          "Server1.Connections=1\nServer1.Level=0\nArticleRetries=0\nArticleInterval=1\n"
                          "HealthCheck=none\nParCheck=auto\nUnpack=no\n",
                          main_dir, self->save_dir, self->api_port, self->news_port);
  write_file (self->dir, "nzbget.conf", conf);

  return ssv_test_daemon_new ("nzbget", log, argv, self->api_port);
}

static gboolean
start_all (SsvTestClientDaemon  *self,
           GError              **error)
{
  /* Both of Deluge's start together: it is Python, and slow to start. */
  if (self->backend != NULL && !ssv_test_daemon_start (self->backend, 0, error))
    return FALSE;
  if (!ssv_test_daemon_start (self->main, 0, error))
    return FALSE;
  if (self->backend != NULL && !ssv_test_daemon_wait_ready (self->backend, 60000, error))
    return FALSE;

  return ssv_test_daemon_wait_ready (self->main, 60000, error);
}

/**
 * ssv_test_client_daemon_start:
 * @save_dir: where downloads go unless a test says otherwise
 * @news_port: NZBGet only: the port of the news server
 *
 * Returns: (transfer full): the running client, or %NULL with @error set
 */
SsvTestClientDaemon *
ssv_test_client_daemon_start (SsvClientKind   kind,
                              const char     *save_dir,
                              guint16         news_port,
                              GError        **error)
{
  g_autoptr(SsvTestClientDaemon) self = g_new0 (SsvTestClientDaemon, 1);

  self->kind = kind;
  self->dir = ssv_test_make_temp_dir ();
  self->save_dir = g_strdup (save_dir);
  self->api_port = ssv_test_free_port ();
  self->peer_port = ssv_test_free_port ();
  self->news_port = news_port;
  self->url = g_strdup_printf ("http://127.0.0.1:%u", self->api_port);
  g_mkdir_with_parents (save_dir, 0755);

  switch (kind)
    {
    case SSV_CLIENT_QBITTORRENT:
      self->main = qbittorrent_daemon (self);
      break;
    case SSV_CLIENT_TRANSMISSION:
      self->main = transmission_daemon (self);
      break;
    case SSV_CLIENT_DELUGE:
      deluge_daemons (self);
      break;
    case SSV_CLIENT_ARIA2:
      self->main = aria2_daemon (self);
      break;
    case SSV_CLIENT_NZBGET:
      self->main = nzbget_daemon (self);
      break;
    case SSV_CLIENT_SABNZBD:
    case SSV_CLIENT_SLSKD:
    case SSV_CLIENT_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (!start_all (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Stops the client as a person would (SIGTERM); Deluge's daemon only, so
 * its web interface stays and loses the daemon behind it. */
void
ssv_test_client_daemon_stop (SsvTestClientDaemon *self)
{
  ssv_test_daemon_stop (self->backend != NULL ? self->backend : self->main);
}

gboolean
ssv_test_client_daemon_restart (SsvTestClientDaemon  *self,
                                GError              **error)
{
  SsvTestDaemon *daemon = self->backend != NULL ? self->backend : self->main;

  ssv_test_daemon_stop (daemon);
  return ssv_test_daemon_start (daemon, 60000, error);
}

void
ssv_test_client_daemon_free (SsvTestClientDaemon *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->main, ssv_test_daemon_free);
  g_clear_pointer (&self->backend, ssv_test_daemon_free);
  ssv_test_remove_tree (self->dir);
  g_free (self->dir);
  g_free (self->save_dir);
  g_free (self->url);
  g_free (self);
}

/* A client of the kind, at the daemon's address, with @secret (NULL: the right one). */
SsvDownloadClient *
ssv_test_client_daemon_client (SsvTestClientDaemon *self,
                               SsvHttp             *http,
                               const char          *secret)
{
  SsvClientConfig config = {
    .url = self->url,
    .username = SSV_TEST_USER,
    .secret = secret ? secret : SSV_TEST_PASSWORD,
  };

  return ssv_download_client_new (self->kind, http, &config);
}
