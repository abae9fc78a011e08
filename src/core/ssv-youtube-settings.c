/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-settings.c: the YouTube preferences, read where core needs them. */

#include "config.h"

#include <gio/gio.h>

#include "ssv-youtube-settings.h"

SsvYoutubeSettings *
ssv_youtube_settings_defaults (void)
{
  SsvYoutubeSettings *settings = g_new0 (SsvYoutubeSettings, 1);

  settings->sponsorblock = TRUE;
  settings->dearrow = TRUE;
  settings->ryd = FALSE;
  settings->sponsorblock_chapters = FALSE;
  settings->proxies = g_new0 (char *, 1);
  settings->max_height = 1080;
  settings->codec = g_strdup ("any");
  return settings;
}

SsvYoutubeSettings *
ssv_youtube_settings_load (void)
{
  SsvYoutubeSettings *settings = ssv_youtube_settings_defaults ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)
                                             : NULL;
  g_autoptr(GSettings) gsettings = NULL;
  g_autofree char *dir = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "youtube-proxy-instances"))
    return settings;

  gsettings = g_settings_new_full (schema, NULL, NULL);
  settings->sponsorblock = g_settings_get_boolean (gsettings, "youtube-sponsorblock");
  settings->dearrow = g_settings_get_boolean (gsettings, "youtube-dearrow");
  settings->ryd = g_settings_get_boolean (gsettings, "youtube-return-dislikes");
  settings->sponsorblock_chapters = g_settings_get_boolean (gsettings, "youtube-sponsorblock-chapters");
  g_strfreev (settings->proxies);
  settings->proxies = g_settings_get_strv (gsettings, "youtube-proxy-instances");
  settings->max_height = g_settings_get_int (gsettings, "youtube-max-height");
  g_free (settings->codec);
  settings->codec = g_settings_get_string (gsettings, "youtube-codec");
  dir = g_settings_get_string (gsettings, "youtube-download-folder");
  settings->download_dir = dir[0] ? g_steal_pointer (&dir) : NULL;
  return settings;
}

void
ssv_youtube_settings_free (SsvYoutubeSettings *settings)
{
  if (settings == NULL)
    return;

  g_strfreev (settings->proxies);
  g_free (settings->codec);
  g_free (settings->download_dir);
  g_free (settings);
}

/* The download root: the setting, else the person's Videos folder's YouTube. */
char *
ssv_youtube_settings_dup_download_dir (const SsvYoutubeSettings *settings)
{
  const char *videos = g_get_user_special_dir (G_USER_DIRECTORY_VIDEOS);

  if (settings->download_dir != NULL)
    return g_strdup (settings->download_dir);

  return g_build_filename (videos ? videos : g_get_home_dir (), "YouTube", NULL);
}
