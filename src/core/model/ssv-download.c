/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download.c: one download as lists show it; the store fills it, the monitor updates it
 * with ssv_download_update_from() so bound widgets hear only what changed. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/ssv-download-private.h"
#include "model/ssv-model-props.h"

G_DEFINE_FINAL_TYPE (SsvDownload, ssv_download, G_TYPE_OBJECT)

#define WANTED(field) (G_STRUCT_OFFSET (SsvDownload, wanted) + G_STRUCT_OFFSET (SsvDownloadWanted, field))

static const SsvModelProp props[] = {
  { "id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvDownload, id) },
  { "kind", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvDownload, kind_name) },
  { "wishlist-id", SSV_MODEL_INT64, WANTED (wishlist_id) },
  { "tmdb-id", SSV_MODEL_INT64, WANTED (tmdb_id) },
  { "tvdb-id", SSV_MODEL_INT64, WANTED (tvdb_id) },
  { "imdb-id", SSV_MODEL_STRING, WANTED (imdb_id) },
  { "title", SSV_MODEL_STRING, WANTED (title) },
  { "year", SSV_MODEL_INT, WANTED (year) },
  { "season", SSV_MODEL_INT, WANTED (season) },
  { "episode", SSV_MODEL_INT, WANTED (episode) },
  { "air-date", SSV_MODEL_STRING, WANTED (air_date) },
  { "absolute", SSV_MODEL_INT, WANTED (absolute) },
  { "poster-url", SSV_MODEL_STRING, WANTED (poster_url) },
  { "release-title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvDownload, release_title) },
  { "indexer", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvDownload, indexer) },
  { "protocol", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvDownload, protocol) },
  { "client-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvDownload, client_id) },
  { "client-name", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvDownload, client_name) },
  { "reference", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvDownload, reference) },
  { "size", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvDownload, size) },
  { "quality", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvDownload, quality) },
  { "profile-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvDownload, profile_id) },
  /* SsvDownloadStatus, and its word for expressions */
  { "status", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvDownload, status) },
  { "status-name", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvDownload, status_name) },
  { "progress", SSV_MODEL_DOUBLE, G_STRUCT_OFFSET (SsvDownload, progress) },
  { "speed", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvDownload, speed) },
  { "eta", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvDownload, eta) },
  { "error", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvDownload, error) },
  { "content-path", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvDownload, content_path) },
  { "attempts", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvDownload, attempts) },
  { "created-at", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvDownload, created_at) },
  { "updated-at", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvDownload, updated_at) },
  { "completed-at", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvDownload, completed_at) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props) + 1];

static const char * const status_names[] = {
  [SSV_DOWNLOAD_QUEUED] = "queued",
  [SSV_DOWNLOAD_DOWNLOADING] = "downloading",
  [SSV_DOWNLOAD_STALLED] = "stalled",
  [SSV_DOWNLOAD_SEARCHING] = "searching",
  [SSV_DOWNLOAD_IMPORTING] = "importing",
  [SSV_DOWNLOAD_COMPLETED] = "completed",
  [SSV_DOWNLOAD_FAILED] = "failed",
  [SSV_DOWNLOAD_CANCELLED] = "cancelled",
};

static const char * const kind_names[] = { "movie", "episode", "season" };

const char *
ssv_download_status_to_string (SsvDownloadStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
ssv_download_status_from_string (const char        *text,
                                 SsvDownloadStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (SsvDownloadStatus) i;
        return TRUE;
      }

  return FALSE;
}

/* Whether a client holds the transfer and the monitor watches it. */
gboolean
ssv_download_status_is_active (SsvDownloadStatus status)
{
  return status == SSV_DOWNLOAD_QUEUED || status == SSV_DOWNLOAD_DOWNLOADING ||
         status == SSV_DOWNLOAD_STALLED || status == SSV_DOWNLOAD_IMPORTING;
}

const char *
ssv_download_kind_to_string (SsvDownloadKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
ssv_download_kind_from_string (const char      *text,
                               SsvDownloadKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (SsvDownloadKind) i;
        return TRUE;
      }

  return FALSE;
}

static void
ssv_download_finalize (GObject *object)
{
  ssv_model_free_strings (object, props, G_N_ELEMENTS (props));

  G_OBJECT_CLASS (ssv_download_parent_class)->finalize (object);
}

static void
ssv_download_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ssv_model_get_prop (object, props, prop_id, value);
}

static void
ssv_download_class_init (SsvDownloadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_download_finalize;
  object_class->get_property = ssv_download_get_property;

  ssv_model_install_read_only_props (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
ssv_download_init (SsvDownload *self)
{
  self->wanted.season = -1;
  self->wanted.episode = -1;
  self->size = -1;
  self->speed = -1;
  self->eta = -1;
}

SsvDownload *
ssv_download_new (void)
{
  return g_object_new (SSV_TYPE_DOWNLOAD, NULL);
}

gint64
ssv_download_get_id (SsvDownload *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD (self), 0);
  return self->id;
}

SsvDownloadStatus
ssv_download_get_status (SsvDownload *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD (self), SSV_DOWNLOAD_FAILED);
  return self->status;
}

const char *
ssv_download_get_title (SsvDownload *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD (self), NULL);
  return self->wanted.title;
}

const char *
ssv_download_get_release_title (SsvDownload *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD (self), NULL);
  return self->release_title;
}

const char *
ssv_download_get_error (SsvDownload *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD (self), NULL);
  return self->error;
}

const char *
ssv_download_get_content_path (SsvDownload *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD (self), NULL);
  return self->content_path;
}

const char *
ssv_download_get_reference (SsvDownload *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD (self), NULL);
  return self->reference;
}

const char *
ssv_download_get_protocol (SsvDownload *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD (self), NULL);
  return self->protocol;
}

gint64
ssv_download_get_client_id (SsvDownload *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD (self), 0);
  return self->client_id;
}

double
ssv_download_get_progress (SsvDownload *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD (self), 0.0);
  return self->progress;
}

int
ssv_download_get_attempts (SsvDownload *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD (self), 0);
  return self->attempts;
}

/* "Heat (1995)", "Game of Thrones · S01E02", "Game of Thrones · Season 1". */
char *
ssv_download_dup_label (SsvDownload *self)
{
  const SsvDownloadWanted *w;

  g_return_val_if_fail (SSV_IS_DOWNLOAD (self), NULL);

  w = &self->wanted;
  switch (w->kind)
    {
    case SSV_DOWNLOAD_KIND_EPISODE:
      return g_strdup_printf ("%s · S%02dE%02d", w->title, w->season, w->episode);
    case SSV_DOWNLOAD_KIND_SEASON:
      return g_strdup_printf (_("%s · Season %d"), w->title, w->season);
    case SSV_DOWNLOAD_KIND_MOVIE:
    default:
      return w->year > 0 ? g_strdup_printf ("%s (%d)", w->title, w->year) : g_strdup (w->title);
    }
}

/* Takes @other's values (a fresh read of the same row) and notifies what changed. */
gboolean
ssv_download_update_from (SsvDownload *self,
                          SsvDownload *other)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD (self), FALSE);
  g_return_val_if_fail (SSV_IS_DOWNLOAD (other), FALSE);

  self->wanted.kind = other->wanted.kind;
  return ssv_model_update_from (G_OBJECT (self), G_OBJECT (other), props, G_N_ELEMENTS (props), pspecs);
}

void
ssv_download_wanted_clear (SsvDownloadWanted *wanted)
{
  g_clear_pointer (&wanted->imdb_id, g_free);
  g_clear_pointer (&wanted->title, g_free);
  g_clear_pointer (&wanted->air_date, g_free);
  g_clear_pointer (&wanted->poster_url, g_free);
}

static void
candidate_file_free (gpointer data)
{
  SsvCandidateFile *file = data;

  g_free (file->path);
  g_free (file);
}

SsvDownloadCandidate *
ssv_download_candidate_new (const char *protocol,
                            const char *release_title)
{
  SsvDownloadCandidate *candidate = g_new0 (SsvDownloadCandidate, 1);

  candidate->protocol = g_strdup (protocol);
  candidate->release_title = g_strdup (release_title);
  candidate->size = -1;
  candidate->seeders = -1;
  candidate->files = g_ptr_array_new_with_free_func (candidate_file_free);

  return candidate;
}

void
ssv_download_candidate_add_file (SsvDownloadCandidate *candidate,
                                 const char           *path,
                                 gint64                size)
{
  SsvCandidateFile *file = g_new0 (SsvCandidateFile, 1);

  file->path = g_strdup (path);
  file->size = size;
  g_ptr_array_add (candidate->files, file);
}

void
ssv_download_candidate_free (SsvDownloadCandidate *candidate)
{
  if (candidate == NULL)
    return;

  g_free (candidate->release_title);
  g_free (candidate->indexer);
  g_free (candidate->protocol);
  g_free (candidate->guid);
  g_free (candidate->download_url);
  g_free (candidate->magnet_url);
  g_free (candidate->infohash);
  g_free (candidate->quality);
  g_free (candidate->slskd_user);
  g_clear_pointer (&candidate->files, g_ptr_array_unref);
  g_free (candidate);
}

void
ssv_download_event_free (SsvDownloadEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->kind);
  g_free (event->message);
  g_free (event);
}
