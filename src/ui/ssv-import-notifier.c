/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-import-notifier.c: one notification per download the importer put in the library,
 * "Ready: Heat (1995)" or "Ready: Severance S01E02", with Open (the title's page) and Play
 * (the file with the default player). Failures are not notified: the Downloads page and its
 * toasts say those. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-import-notifier.h"
#include "downloads/ssv-importer.h"

struct _SsvImportNotifier
{
  GObject       parent_instance;

  GApplication *application;   /* not owned: the application owns us */
  SsvImporter  *importer;
};

G_DEFINE_FINAL_TYPE (SsvImportNotifier, ssv_import_notifier, G_TYPE_OBJECT)

/* "Heat (1995)", "Severance S01E02", "Severance Season 1" */
static char *
dup_heading (SsvDownload *download)
{
  g_autofree char *kind = NULL;
  g_autofree char *title = NULL;
  int year = 0, season = -1, episode = -1;

  g_object_get (download, "kind", &kind, "title", &title, "year", &year, "season", &season,
                "episode", &episode, NULL);
  if (g_strcmp0 (kind, "episode") == 0 && season >= 0 && episode >= 0)
    return g_strdup_printf ("%s S%02dE%02d", title, season, episode);
  if (g_strcmp0 (kind, "season") == 0 && season >= 0)
    /* Translators: a show and a season number */
    return g_strdup_printf (_("%s Season %d"), title, season);
  if (g_strcmp0 (kind, "movie") == 0 && year > 0)
    return g_strdup_printf ("%s (%d)", title, year);
  return g_steal_pointer (&title);
}

/* Open: the library's page of the title; a title the app's library does not show
 * (it went to a Plex library) opens from TMDB; neither, no Open. */
static void
add_open (GNotification *notification,
          SsvDownload   *download,
          gint64         title_id)
{
  g_autofree char *kind = NULL;
  gint64 tmdb_id = 0;
  gboolean movie;
  const char *action = NULL;
  gint64 target = 0;

  g_object_get (download, "kind", &kind, "tmdb-id", &tmdb_id, NULL);
  movie = g_strcmp0 (kind, "movie") == 0;
  if (title_id > 0)
    {
      action = movie ? "app.open-movie" : "app.open-show";
      target = title_id;
    }
  else if (tmdb_id > 0)
    {
      action = movie ? "app.open-tmdb-movie" : "app.open-tmdb-show";
      target = tmdb_id;
    }
  if (action == NULL)
    return;

  g_notification_set_default_action_and_target (notification, action, "x", target);
  g_notification_add_button_with_target (notification, _("Open"), action, "x", target);
}

/**
 * ssv_import_notifier_notify:
 * @library_path: the imported video
 * @title_id: the library's film or show with it; 0 when the app's library does not have it
 */
void
ssv_import_notifier_notify (SsvImportNotifier *self,
                            SsvDownload       *download,
                            const char        *library_path,
                            gint64             title_id)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (SSV_IS_IMPORT_NOTIFIER (self));

  if (download == NULL || library_path == NULL)
    return;

  heading = dup_heading (download);
  /* Translators: a notification's title, %s is a film ("Heat (1995)") or an episode ("Severance S01E02") */
  title = g_strdup_printf (_("Ready: %s"), heading);
  name = g_path_get_basename (library_path);
  /* Translators: %s is a file name */
  body = g_strdup_printf (_("In your library as “%s”."), name);
  uri = g_filename_to_uri (library_path, NULL, NULL);
  id = g_strdup_printf ("imported-%" G_GINT64_FORMAT, ssv_download_get_id (download));

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_category (notification, "transfer.complete");
  add_open (notification, download, title_id);
  if (uri != NULL)
    g_notification_add_button_with_target (notification, _("Play"), "app.play-file", "s", uri);
  g_application_send_notification (self->application, id, notification);
}

static void
on_imported (SsvImportNotifier *self,
             SsvDownload       *download,
             const char        *library_path,
             gint64             title_id)
{
  ssv_import_notifier_notify (self, download, library_path, title_id);
}

static void
ssv_import_notifier_dispose (GObject *object)
{
  SsvImportNotifier *self = SSV_IMPORT_NOTIFIER (object);

  if (self->importer != NULL)
    g_signal_handlers_disconnect_by_data (self->importer, self);
  g_clear_object (&self->importer);

  G_OBJECT_CLASS (ssv_import_notifier_parent_class)->dispose (object);
}

static void
ssv_import_notifier_class_init (SsvImportNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ssv_import_notifier_dispose;
}

static void
ssv_import_notifier_init (SsvImportNotifier *self)
{
}

SsvImportNotifier *
ssv_import_notifier_new (GApplication *application,
                         SsvImporter  *importer)
{
  SsvImportNotifier *self = g_object_new (SSV_TYPE_IMPORT_NOTIFIER, NULL);

  self->application = application;
  self->importer = g_object_ref (importer);
  g_signal_connect_swapped (importer, "imported", G_CALLBACK (on_imported), self);

  return self;
}
