/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-files.c: a movie's files as a boxed list bound to the title's files. */

#include "config.h"

#include "model/ssv-library-file.h"
#include "pages/title/ssv-title-files.h"
#include "ssv-utils.h"

struct _SsvTitleFiles
{
  AdwPreferencesGroup  parent_instance;

  GListModel          *files;

  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (SsvTitleFiles, ssv_title_files, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_FILES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "2160p · DV · hevc · 5.1 eac3 · mkv · 4.0 GB · 2 h 19 min" */
char *
ssv_title_files_describe (const SsvMediaFile *file)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (file->video_height > 0)
    g_ptr_array_add (parts, g_strdup_printf ("%dp", file->video_height));
  if (file->video_range != NULL && g_strcmp0 (file->video_range, "SDR") != 0)
    g_ptr_array_add (parts, g_strdup (file->video_range));
  if (file->video_codec != NULL)
    g_ptr_array_add (parts, g_strdup (file->video_codec));
  if (file->audio_channels > 0 || file->audio_codec != NULL)
    {
      const char *layout = file->audio_channels == 8 ? "7.1" : file->audio_channels == 6 ? "5.1" :
                           file->audio_channels == 2 ? "2.0" : file->audio_channels == 1 ? "1.0" : NULL;

      g_ptr_array_add (parts, g_strjoin (" ", layout ? layout : "", file->audio_codec ? file->audio_codec : "",
                                         NULL));
      g_strstrip (g_ptr_array_index (parts, parts->len - 1));
    }
  if (file->container != NULL)
    g_ptr_array_add (parts, g_strdup (file->container));
  if (file->size_bytes >= 0)
    g_ptr_array_add (parts, g_format_size ((guint64) file->size_bytes));
  if (file->duration_s > 0)
    g_ptr_array_add (parts, ssv_format_duration (file->duration_s));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  const SsvMediaFile *file = ssv_library_file_get_file (item);
  g_autofree char *name = g_path_get_basename (file->path ? file->path : "");
  g_autofree char *facts = ssv_title_files_describe (file);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), facts);
  gtk_widget_set_tooltip_text (row, file->path);

  return row;
}

/* Returns: (transfer none) (nullable): the SsvLibraryFile list shown */
GListModel *
ssv_title_files_get_files (SsvTitleFiles *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_FILES (self), NULL);

  return self->files;
}

/**
 * ssv_title_files_set_files:
 * @files: (nullable): SsvLibraryFile items
 */
void
ssv_title_files_set_files (SsvTitleFiles *self,
                           GListModel    *files)
{
  g_return_if_fail (SSV_IS_TITLE_FILES (self));

  if (!g_set_object (&self->files, files))
    return;

  gtk_list_box_bind_model (self->list, files, create_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), files != NULL && g_list_model_get_n_items (files) > 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILES]);
}

GtkListBox *
ssv_title_files_get_list (SsvTitleFiles *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_FILES (self), NULL);

  return self->list;
}

static void
ssv_title_files_dispose (GObject *object)
{
  SsvTitleFiles *self = SSV_TITLE_FILES (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_TITLE_FILES);
  g_clear_object (&self->files);

  G_OBJECT_CLASS (ssv_title_files_parent_class)->dispose (object);
}

static void
ssv_title_files_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FILES:
      g_value_set_object (value, SSV_TITLE_FILES (object)->files);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_title_files_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_FILES:
      ssv_title_files_set_files (SSV_TITLE_FILES (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_title_files_class_init (SsvTitleFilesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_title_files_dispose;
  object_class->get_property = ssv_title_files_get_property;
  object_class->set_property = ssv_title_files_set_property;

  properties[PROP_FILES] =
    g_param_spec_object ("files", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/pages/title/ssv-title-files.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvTitleFiles, list);
}

static void
ssv_title_files_init (SsvTitleFiles *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ssv_title_files_new (void)
{
  return g_object_new (SSV_TYPE_TITLE_FILES, NULL);
}
