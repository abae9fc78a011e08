/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-test-daemon.h: real download clients for tests: start on loopback with a temporary profile,
 * wait until the API answers, stop (or kill), start again. */

#pragma once

#include <gio/gio.h>

#include "downloads/ssv-download-client.h"

G_BEGIN_DECLS

#define SSV_TEST_USER     "ssv"
#define SSV_TEST_PASSWORD "ssv-test-secret"

typedef struct _SsvTestDaemon SsvTestDaemon;

/* One daemon (or two: deluge-web and deluged) of a download client. */
typedef struct
{
  SsvClientKind   kind;
  char           *dir;          /* the temporary profile, logs and downloads */
  char           *save_dir;     /* where the test asks for data to go */
  char           *url;          /* of the API */
  guint16         api_port;
  guint16         peer_port;    /* BitTorrent listening port */
  guint16         news_port;    /* NZBGet: the news server to use */
  SsvTestDaemon  *main;
  SsvTestDaemon  *backend;      /* deluged behind deluge-web */
} SsvTestClientDaemon;

guint16              ssv_test_free_port             (void);
gboolean             ssv_test_have_program          (const char           *program);

SsvTestDaemon       *ssv_test_daemon_new            (const char           *name,
                                                     const char           *log_path,
                                                     const char * const   *argv,
                                                     guint16               port);
gboolean             ssv_test_daemon_start          (SsvTestDaemon        *self,
                                                     guint                 timeout_ms,
                                                     GError              **error);
gboolean             ssv_test_daemon_wait_ready     (SsvTestDaemon        *self,
                                                     guint                 timeout_ms,
                                                     GError              **error);
void                 ssv_test_daemon_stop           (SsvTestDaemon        *self);
gboolean             ssv_test_daemon_is_running     (SsvTestDaemon        *self);
char                *ssv_test_daemon_dup_log        (SsvTestDaemon        *self);
void                 ssv_test_daemon_free           (SsvTestDaemon        *self);

SsvTestClientDaemon *ssv_test_client_daemon_start   (SsvClientKind         kind,
                                                     const char           *save_dir,
                                                     guint16               news_port,
                                                     GError              **error);
gboolean             ssv_test_client_daemon_restart (SsvTestClientDaemon  *self,
                                                     GError              **error);
void                 ssv_test_client_daemon_stop    (SsvTestClientDaemon  *self);
void                 ssv_test_client_daemon_free    (SsvTestClientDaemon  *self);
SsvDownloadClient   *ssv_test_client_daemon_client  (SsvTestClientDaemon  *self,
                                                     SsvHttp              *http,
                                                     const char           *secret);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvTestDaemon, ssv_test_daemon_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvTestClientDaemon, ssv_test_client_daemon_free)

G_END_DECLS
