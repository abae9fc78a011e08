/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-client.h: the interface every download client (torrent, usenet, Soulseek) implements. */

#pragma once

#include <gio/gio.h>

#include "net/ssv-http.h"
#include "ssv-secrets.h"

G_BEGIN_DECLS

#define SSV_TYPE_DOWNLOAD_CLIENT (ssv_download_client_get_type ())
#define SSV_TYPE_TRANSFER (ssv_transfer_get_type ())
#define SSV_TYPE_TRANSFER_FILE (ssv_transfer_file_get_type ())
#define SSV_TYPE_ADD_REQUEST (ssv_add_request_get_type ())

G_DECLARE_INTERFACE (SsvDownloadClient, ssv_download_client, SSV, DOWNLOAD_CLIENT, GObject)

typedef enum
{
  SSV_CLIENT_QBITTORRENT,
  SSV_CLIENT_TRANSMISSION,
  SSV_CLIENT_DELUGE,
  SSV_CLIENT_ARIA2,
  SSV_CLIENT_NZBGET,
  SSV_CLIENT_SABNZBD,
  SSV_CLIENT_SLSKD,
  SSV_CLIENT_N_KINDS,
} SsvClientKind;

/* What a client can do beyond test, add, list and remove. */
typedef enum
{
  SSV_CLIENT_CAN_MAGNET        = 1 << 0,
  SSV_CLIENT_CAN_TORRENT       = 1 << 1,
  SSV_CLIENT_CAN_NZB           = 1 << 2,
  SSV_CLIENT_CAN_SLSKD         = 1 << 3,
  SSV_CLIENT_CAN_CATEGORY      = 1 << 4,   /* lists only the app's own transfers */
  SSV_CLIENT_CAN_SAVE_PATH     = 1 << 5,
  SSV_CLIENT_CAN_DELETE_DATA   = 1 << 6,
  SSV_CLIENT_CAN_PAUSE         = 1 << 7,
  SSV_CLIENT_CAN_FILE_PRIORITY = 1 << 8,
} SsvClientCaps;

/* One state for every client; each client maps its own words onto these. */
typedef enum
{
  SSV_TRANSFER_QUEUED,
  SSV_TRANSFER_CHECKING,      /* hashing, verifying, repairing, unpacking, moving */
  SSV_TRANSFER_METADATA,      /* a magnet waiting for the torrent's metadata */
  SSV_TRANSFER_DOWNLOADING,
  SSV_TRANSFER_STALLED,       /* the client itself says nothing arrives */
  SSV_TRANSFER_SEEDING,       /* complete and still shared */
  SSV_TRANSFER_COMPLETED,     /* complete, not shared (usenet, Soulseek, stopped torrents) */
  SSV_TRANSFER_PAUSED,
  SSV_TRANSFER_ERROR,
} SsvTransferState;

/* A transfer as its client reports it. Unknown numbers are -1 (NAN for the
 * doubles that may be unknown); unknown strings NULL. */
typedef struct
{
  char             *reference;     /* infohash, NZBGet id, nzo_id, slskd user/file */
  char             *name;
  SsvTransferState  state;
  char             *client_state;  /* the client's own word for it ("stalledDL") */
  double            progress;      /* 0 … 1 of what is wanted */
  gint64            size;          /* bytes wanted */
  gint64            downloaded;    /* bytes of it done */
  gint64            down_speed;    /* bytes per second */
  gint64            eta;           /* seconds */
  int               seeds;         /* connected peers that send, or are complete */
  int               peers;         /* other connected peers */
  double            availability;  /* how much of what is wanted peers and we have: 1 and more
                                    * is a whole copy; < 1: it cannot complete now */
  double            ratio;
  gint64            seeding_time;  /* seconds */
  char             *category;
  char             *save_path;
  char             *content_path;  /* the file or folder this transfer writes */
  char             *error;         /* plain words; set when state is ERROR, or a warning */
} SsvTransfer;

typedef enum
{
  SSV_FILE_SKIP,
  SSV_FILE_NORMAL,
  SSV_FILE_HIGH,
} SsvFilePriority;

typedef struct
{
  guint            index;          /* position in the client's list; what set_file_priority takes */
  char            *id;             /* the client's own id of the file, or NULL */
  char            *path;           /* relative to the save path, '/' separated (a folder
                                    * torrent's files begin with its folder) */
  gint64           size;
  double           progress;       /* 0 … 1, or -1 */
  SsvFilePriority  priority;
} SsvTransferFile;

typedef enum
{
  SSV_ADD_MAGNET,
  SSV_ADD_TORRENT,
  SSV_ADD_NZB_URL,
  SSV_ADD_NZB,
  SSV_ADD_SLSKD,
} SsvAddKind;

/* What to add. Build it with one of the constructors, then set the fields
 * that apply (category and save path are optional). */
typedef struct
{
  SsvAddKind  kind;
  char       *uri;          /* magnet or NZB URL */
  GBytes     *data;         /* .torrent or .nzb bytes */
  char       *name;         /* an NZB's file name, or a display name */
  char       *category;     /* NULL: the client's category */
  char       *save_path;    /* NULL: the client's own default */
  gboolean    paused;
  char       *slskd_user;
  GPtrArray  *slskd_files;  /* SsvSlskdFile; the first one is the main file */
} SsvAddRequest;

typedef struct
{
  char   *filename;   /* as the peer shares it: "@@share\\Folder\\File.mkv" */
  gint64  size;
} SsvSlskdFile;

/* Where a client is and who the app is to it. The secret is held in memory
 * only; it never goes to logs, files or the database. */
typedef struct
{
  const char *url;        /* NULL: SSV_<KIND>_URL from the environment */
  const char *username;
  const char *secret;     /* password, API key, RPC secret */
  const char *category;   /* the label the app's transfers carry; NULL: "soulsync-video" */
} SsvClientConfig;

#define SSV_CLIENT_DEFAULT_CATEGORY "soulsync-video"

/* Every method blocks (the monitor and the CLI call them from their own
 * threads); the _async variants run them in a GTask thread. A client must
 * allow calls from several threads at once. */
struct _SsvDownloadClientInterface
{
  GTypeInterface parent_iface;

  SsvClientKind (*get_kind)          (SsvDownloadClient    *self);
  SsvClientCaps (*get_capabilities)  (SsvDownloadClient    *self);
  char        *(*test_connection)    (SsvDownloadClient    *self,
                                      GCancellable         *cancellable,
                                      GError              **error);
  char        *(*add)                (SsvDownloadClient    *self,
                                      const SsvAddRequest  *request,
                                      GCancellable         *cancellable,
                                      GError              **error);
  GPtrArray   *(*list)               (SsvDownloadClient    *self,
                                      const char * const   *references,
                                      GCancellable         *cancellable,
                                      GError              **error);
  GPtrArray   *(*list_files)         (SsvDownloadClient    *self,
                                      const char           *reference,
                                      GCancellable         *cancellable,
                                      GError              **error);
  gboolean     (*set_file_priority)  (SsvDownloadClient    *self,
                                      const char           *reference,
                                      const guint          *indices,
                                      guint                 n_indices,
                                      SsvFilePriority       priority,
                                      GCancellable         *cancellable,
                                      GError              **error);
  gboolean     (*remove)             (SsvDownloadClient    *self,
                                      const char           *reference,
                                      gboolean              delete_data,
                                      GCancellable         *cancellable,
                                      GError              **error);
  gboolean     (*set_paused)         (SsvDownloadClient    *self,
                                      const char           *reference,
                                      gboolean              paused,
                                      GCancellable         *cancellable,
                                      GError              **error);
};

char              *ssv_secrets_client_key               (gint64                 client_id);

const char    *ssv_client_kind_to_string       (SsvClientKind     kind);
gboolean       ssv_client_kind_from_string     (const char       *text,
                                                SsvClientKind    *kind);
const char    *ssv_client_kind_display_name    (SsvClientKind     kind);
const char    *ssv_transfer_state_to_string    (SsvTransferState  state);
gboolean       ssv_transfer_state_is_done      (SsvTransferState  state);

SsvClientKind  ssv_download_client_get_kind         (SsvDownloadClient   *self);
const char    *ssv_download_client_get_name         (SsvDownloadClient   *self);
SsvClientCaps  ssv_download_client_get_capabilities (SsvDownloadClient   *self);
char          *ssv_download_client_test_connection  (SsvDownloadClient   *self,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
char          *ssv_download_client_add              (SsvDownloadClient   *self,
                                                     const SsvAddRequest *request,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
GPtrArray     *ssv_download_client_list             (SsvDownloadClient   *self,
                                                     const char * const  *references,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
SsvTransfer   *ssv_download_client_get              (SsvDownloadClient   *self,
                                                     const char          *reference,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
GPtrArray     *ssv_download_client_list_files       (SsvDownloadClient   *self,
                                                     const char          *reference,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
gboolean       ssv_download_client_set_file_priority (SsvDownloadClient  *self,
                                                     const char          *reference,
                                                     const guint         *indices,
                                                     guint                n_indices,
                                                     SsvFilePriority      priority,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
gboolean       ssv_download_client_remove           (SsvDownloadClient   *self,
                                                     const char          *reference,
                                                     gboolean             delete_data,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
gboolean       ssv_download_client_set_paused       (SsvDownloadClient   *self,
                                                     const char          *reference,
                                                     gboolean             paused,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

void           ssv_download_client_test_connection_async (SsvDownloadClient   *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
char          *ssv_download_client_test_connection_finish (SsvDownloadClient  *self,
                                                           GAsyncResult       *result,
                                                           GError            **error);
void           ssv_download_client_add_async        (SsvDownloadClient   *self,
                                                     const SsvAddRequest *request,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
char          *ssv_download_client_add_finish       (SsvDownloadClient   *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void           ssv_download_client_list_async       (SsvDownloadClient   *self,
                                                     const char * const  *references,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray     *ssv_download_client_list_finish      (SsvDownloadClient   *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void           ssv_download_client_list_files_async (SsvDownloadClient   *self,
                                                     const char          *reference,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray     *ssv_download_client_list_files_finish (SsvDownloadClient  *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);
void           ssv_download_client_set_file_priority_async (SsvDownloadClient   *self,
                                                            const char          *reference,
                                                            const guint         *indices,
                                                            guint                n_indices,
                                                            SsvFilePriority      priority,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean       ssv_download_client_set_file_priority_finish (SsvDownloadClient  *self,
                                                             GAsyncResult       *result,
                                                             GError            **error);
void           ssv_download_client_remove_async     (SsvDownloadClient   *self,
                                                     const char          *reference,
                                                     gboolean             delete_data,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean       ssv_download_client_remove_finish    (SsvDownloadClient   *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void           ssv_download_client_set_paused_async (SsvDownloadClient   *self,
                                                     const char          *reference,
                                                     gboolean             paused,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean       ssv_download_client_set_paused_finish (SsvDownloadClient  *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);

GType            ssv_transfer_get_type        (void) G_GNUC_CONST;
SsvTransfer     *ssv_transfer_new             (void);
SsvTransfer     *ssv_transfer_copy            (const SsvTransfer     *transfer);
void             ssv_transfer_free            (SsvTransfer           *transfer);
gint64           ssv_transfer_compute_eta     (gint64                 size,
                                               gint64                 downloaded,
                                               gint64                 down_speed);

GType            ssv_transfer_file_get_type   (void) G_GNUC_CONST;
SsvTransferFile *ssv_transfer_file_new        (guint                  index,
                                               const char            *path,
                                               gint64                 size);
SsvTransferFile *ssv_transfer_file_copy       (const SsvTransferFile *file);
void             ssv_transfer_file_free       (SsvTransferFile       *file);

GType            ssv_add_request_get_type     (void) G_GNUC_CONST;
SsvAddRequest   *ssv_add_request_new_magnet   (const char            *magnet);
SsvAddRequest   *ssv_add_request_new_torrent  (GBytes                *torrent);
SsvAddRequest   *ssv_add_request_new_nzb_url  (const char            *url,
                                               const char            *name);
SsvAddRequest   *ssv_add_request_new_nzb      (GBytes                *nzb,
                                               const char            *name);
SsvAddRequest   *ssv_add_request_new_slskd    (const char            *user);
void             ssv_add_request_add_slskd_file (SsvAddRequest       *request,
                                                 const char          *filename,
                                                 gint64               size);
void             ssv_add_request_set_category (SsvAddRequest         *request,
                                               const char            *category);
void             ssv_add_request_set_save_path (SsvAddRequest        *request,
                                                const char           *save_path);
SsvAddRequest   *ssv_add_request_copy         (const SsvAddRequest   *request);
void             ssv_add_request_free         (SsvAddRequest         *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvTransfer, ssv_transfer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvTransferFile, ssv_transfer_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvAddRequest, ssv_add_request_free)

G_END_DECLS
