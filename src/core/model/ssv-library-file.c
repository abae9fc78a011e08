/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-file.c: one file of a movie or an episode as the library has it. */

#include "config.h"

#include "model/ssv-library-file.h"
#include "model/ssv-model-props.h"

struct _SsvLibraryFile
{
  GObject       parent_instance;

  SsvMediaFile  file;
};

G_DEFINE_FINAL_TYPE (SsvLibraryFile, ssv_library_file, G_TYPE_OBJECT)

#define FILE_FIELD(field) (G_STRUCT_OFFSET (SsvLibraryFile, file) + G_STRUCT_OFFSET (SsvMediaFile, field))

static const SsvModelProp props[] = {
  { "path", SSV_MODEL_STRING, FILE_FIELD (path) },
  { "size-bytes", SSV_MODEL_INT64, FILE_FIELD (size_bytes) },
  { "container", SSV_MODEL_STRING, FILE_FIELD (container) },
  { "video-codec", SSV_MODEL_STRING, FILE_FIELD (video_codec) },
  { "video-height", SSV_MODEL_INT, FILE_FIELD (video_height) },
  { "video-range", SSV_MODEL_STRING, FILE_FIELD (video_range) },
  { "audio-codec", SSV_MODEL_STRING, FILE_FIELD (audio_codec) },
  { "audio-channels", SSV_MODEL_INT, FILE_FIELD (audio_channels) },
  { "duration-s", SSV_MODEL_INT64, FILE_FIELD (duration_s) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props) + 1];

static void
ssv_library_file_finalize (GObject *object)
{
  SsvLibraryFile *self = SSV_LIBRARY_FILE (object);

  ssv_model_free_strings (object, props, G_N_ELEMENTS (props));
  g_free (self->file.server_id);

  G_OBJECT_CLASS (ssv_library_file_parent_class)->finalize (object);
}

static void
ssv_library_file_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ssv_model_get_prop (object, props, prop_id, value);
}

static void
ssv_library_file_class_init (SsvLibraryFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_library_file_finalize;
  object_class->get_property = ssv_library_file_get_property;

  ssv_model_install_read_only_props (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
ssv_library_file_init (SsvLibraryFile *self)
{
  self->file.size_bytes = -1;
  self->file.duration_s = -1;
}

/* A copy of @file, as a list model item. */
SsvLibraryFile *
ssv_library_file_new (const SsvMediaFile *file)
{
  SsvLibraryFile *self = g_object_new (SSV_TYPE_LIBRARY_FILE, NULL);

  g_return_val_if_fail (file != NULL, self);

  self->file = *file;
  self->file.server_id = g_strdup (file->server_id);
  self->file.path = g_strdup (file->path);
  self->file.container = g_strdup (file->container);
  self->file.video_codec = g_strdup (file->video_codec);
  self->file.video_range = g_strdup (file->video_range);
  self->file.audio_codec = g_strdup (file->audio_codec);

  return self;
}

/* Returns: (transfer none): the file's facts */
const SsvMediaFile *
ssv_library_file_get_file (SsvLibraryFile *self)
{
  g_return_val_if_fail (SSV_IS_LIBRARY_FILE (self), NULL);

  return &self->file;
}

const char *
ssv_library_file_get_path (SsvLibraryFile *self)
{
  g_return_val_if_fail (SSV_IS_LIBRARY_FILE (self), NULL);

  return self->file.path;
}
