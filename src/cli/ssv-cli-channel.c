/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-channel.c: `soulsync-video-cli channel`: follow, list, refresh YouTube channels, list their videos. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <glib/gi18n.h>

#include "ssv-cli.h"
#include "providers/ssv-youtube-types.h"
#include "model/ssv-channel.h"
#include "model/ssv-video.h"
#include "ssv-channel-service.h"
#include "stores/ssv-channel-store.h"

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* Prints @items as one JSON array, each item written by @add. */
static void
print_json_array (GPtrArray  *items,
                  void      (*add) (JsonBuilder *builder, gpointer item))
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    add (builder, g_ptr_array_index (items, i));
  json_builder_end_array (builder);
  print_json (builder);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_count_or_null (JsonBuilder *builder,
                   const char  *name,
                   gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value >= 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) when = unix_time > 0 ? g_date_time_new_from_unix_local (unix_time) : NULL;

  return when ? g_date_time_format_iso8601 (when) : NULL;
}

/* A UC… id as it is; anything else (an address, an @handle) resolved. */
static char *
resolve (SsvContext  *context,
         const char  *text,
         GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (ssv_yt_is_channel_id (trimmed))
    return g_steal_pointer (&trimmed);

  return ssv_channel_service_resolve (ssv_context_get_channel_service (context), trimmed, NULL, error);
}

/* The start of a command on one channel (ID|URL): its options parsed, the
 * context opened and the channel resolved. FALSE with *status set to the exit
 * status when one of these failed. */
static gboolean
open_channel_argument (const char          *command,
                       const char          *summary,
                       const GOptionEntry  *entries,
                       int                  argc,
                       char               **argv,
                       SsvContext         **context,
                       char               **id,
                       int                 *status)
{
  g_autoptr(GError) error = NULL;

  *status = 2;
  if (!ssv_cli_parse_options (command, N_("ID|URL"), summary, entries, &argc, &argv))
    return FALSE;
  if (argc != 2)
    {
      /* Translators: %s is the command, like "channel videos". */
      g_printerr (_("soulsync-video-cli channel: give one channel: %s ID|URL\n"), command);
      return FALSE;
    }

  *context = ssv_cli_open_context (&error);
  if (*context != NULL)
    *id = resolve (*context, argv[1], &error);
  if (*context == NULL || *id == NULL)
    {
      *status = ssv_cli_fail (error);
      return FALSE;
    }
  return TRUE;
}

static const char *
describe_enrichment (SsvChannel *channel)
{
  const char *by = ssv_channel_get_enriched_by (channel);

  if (by == NULL)
    return _("not read yet");
  if (g_str_equal (by, "innertube"))
    return ssv_channel_get_complete (channel) ? _("whole catalog") : _("part of the catalog");
  if (g_str_equal (by, "rss"))
    return _("newest uploads only (feed)");
  return _("from a Piped or Invidious instance");
}

static int
follow (int    argc,
        char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(SsvChannel) channel = NULL;
  g_autofree char *id = NULL;

  if (argc != 2)
    {
      g_printerr ("soulsync-video-cli channel: %s\n", _("Give one channel address: channel follow URL"));
      return 2;
    }

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);

  id = ssv_channel_service_follow (ssv_context_get_channel_service (context), argv[1], NULL, &error);
  if (id == NULL)
    return ssv_cli_fail (error);

  channel = ssv_channel_store_get_channel (ssv_context_get_channel_store (context), id, &error);
  if (channel == NULL)
    return ssv_cli_fail (error);

  /* Translators: "Following Kurzgesagt (UCsX…): 337 videos saved, whole catalog." */
  g_print (_("Following %s (%s): %d videos saved, %s.\n"),
           ssv_channel_get_title (channel) ? ssv_channel_get_title (channel) : id, id,
           ssv_channel_get_cached_videos (channel), describe_enrichment (channel));
  return 0;
}

static void
add_channel_json (JsonBuilder *builder,
                  gpointer     item)
{
  SsvChannel *channel = item;
  g_autofree char *followed_at = format_time (ssv_channel_get_followed_at (channel));
  g_autofree char *refreshed_at = format_time (ssv_channel_get_refreshed_at (channel));

  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", ssv_channel_get_channel_id (channel));
  add_string_or_null (builder, "handle", ssv_channel_get_handle (channel));
  add_string_or_null (builder, "title", ssv_channel_get_title (channel));
  add_count_or_null (builder, "subscribers", ssv_channel_get_subscribers (channel));
  add_count_or_null (builder, "video_count", ssv_channel_get_video_count (channel));
  json_builder_set_member_name (builder, "cached_videos");
  json_builder_add_int_value (builder, ssv_channel_get_cached_videos (channel));
  json_builder_set_member_name (builder, "new_uploads");
  json_builder_add_int_value (builder, ssv_channel_get_new_count (channel));
  add_string_or_null (builder, "followed_at", followed_at);
  json_builder_set_member_name (builder, "wish_new_uploads");
  json_builder_add_boolean_value (builder, ssv_channel_get_wish_new_uploads (channel));
  add_string_or_null (builder, "enriched_by", ssv_channel_get_enriched_by (channel));
  json_builder_set_member_name (builder, "complete");
  json_builder_add_boolean_value (builder, ssv_channel_get_complete (channel));
  add_string_or_null (builder, "refreshed_at", refreshed_at);
  add_string_or_null (builder, "error", ssv_channel_get_error_kind (channel));
  add_string_or_null (builder, "error_message", ssv_channel_get_last_error (channel));
  json_builder_end_object (builder);
}

static int
list (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!ssv_cli_parse_options ("channel list", NULL, _("The YouTube channels you follow."), entries, &argc, &argv))
    return 2;

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);

  channels = ssv_channel_store_list_channels (ssv_context_get_channel_store (context), TRUE, &error);
  if (channels == NULL)
    return ssv_cli_fail (error);

  if (json)
    {
      print_json_array (channels, add_channel_json);
      return 0;
    }

  if (channels->len == 0)
    g_print ("%s\n", _("You follow no channels. Follow one with: soulsync-video-cli channel follow URL"));
  for (guint i = 0; i < channels->len; i++)
    {
      SsvChannel *channel = g_ptr_array_index (channels, i);

      g_print ("%s  %s  %s  %d videos  %s%s%s\n", ssv_channel_get_channel_id (channel),
               ssv_channel_get_title (channel) ? ssv_channel_get_title (channel) : "?",
               ssv_channel_get_handle (channel) ? ssv_channel_get_handle (channel) : "",
               ssv_channel_get_cached_videos (channel), describe_enrichment (channel),
               ssv_channel_get_last_error (channel) ? "; " : "",
               ssv_channel_get_last_error (channel) ? ssv_channel_get_last_error (channel) : "");
    }
  return 0;
}

static int
refresh (int    argc,
         char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(SsvChannel) before = NULL;
  g_autoptr(SsvChannel) channel = NULL;
  g_autofree char *id = NULL;
  gboolean full = FALSE;
  SsvRefreshDepth depth;
  int status;
  GOptionEntry entries[] = {
    { "full", 0, 0, G_OPTION_ARG_NONE, &full, N_("Read the whole catalog, not only the newest page"), NULL },
    { NULL }
  };

  if (!open_channel_argument ("channel refresh", _("Read a channel again from YouTube."), entries, argc, argv,
                              &context, &id, &status))
    return status;

  before = ssv_channel_store_get_channel (ssv_context_get_channel_store (context), id, NULL);
  depth = full || before == NULL || !ssv_channel_get_complete (before) ? SSV_REFRESH_FULL : SSV_REFRESH_QUICK;
  if (!ssv_channel_service_refresh (ssv_context_get_channel_service (context), id, depth, NULL, &error))
    return ssv_cli_fail (error);

  channel = ssv_channel_store_get_channel (ssv_context_get_channel_store (context), id, &error);
  if (channel == NULL)
    return ssv_cli_fail (error);

  g_print (_("%s (%s): %d videos saved, %s.\n"),
           ssv_channel_get_title (channel) ? ssv_channel_get_title (channel) : id, id,
           ssv_channel_get_cached_videos (channel), describe_enrichment (channel));
  return 0;
}

static void
add_video_json (JsonBuilder *builder,
                gpointer     item)
{
  SsvVideo *video = item;
  g_autofree char *date = ssv_video_dup_date (video);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", ssv_video_get_video_id (video));
  add_string_or_null (builder, "title", ssv_video_get_title (video));
  add_string_or_null (builder, "date", date);
  json_builder_set_member_name (builder, "date_exact");
  json_builder_add_boolean_value (builder, date != NULL && ssv_video_get_date_exact (video));
  add_count_or_null (builder, "duration_s", ssv_video_get_duration (video));
  add_count_or_null (builder, "views", ssv_video_get_views (video));
  json_builder_set_member_name (builder, "short");
  json_builder_add_boolean_value (builder, ssv_video_get_is_short (video));
  json_builder_end_object (builder);
}

static int
videos (int    argc,
        char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *id = NULL;
  gboolean json = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!open_channel_argument ("channel videos", _("Every saved video of a channel, newest first."), entries, argc,
                              argv, &context, &id, &status))
    return status;

  list = ssv_channel_store_list_videos (ssv_context_get_channel_store (context), id, SSV_VIDEOS_ALL, &error);
  if (list == NULL)
    return ssv_cli_fail (error);

  if (json)
    {
      print_json_array (list, add_video_json);
      return 0;
    }

  for (guint i = 0; i < list->len; i++)
    {
      SsvVideo *video = g_ptr_array_index (list, i);
      g_autofree char *date = ssv_video_dup_date (video);

      g_print ("%s  %-10s%s  %s%s\n", ssv_video_get_video_id (video), date ? date : "?",
               date && !ssv_video_get_date_exact (video) ? "~" : " ",
               ssv_video_get_title (video) ? ssv_video_get_title (video) : "",
               ssv_video_get_is_short (video) ? _(" (Short)") : "");
    }
  return 0;
}

static void
print_channel_usage (void)
{
  g_printerr ("%s\n", _("Usage: soulsync-video-cli channel follow URL\n"
                        "       soulsync-video-cli channel list [--json]\n"
                        "       soulsync-video-cli channel refresh [--full] ID|URL\n"
                        "       soulsync-video-cli channel videos ID|URL [--json]"));
}

int
ssv_cli_channel (int    argc,
                 char **argv)
{
  static const struct { const char *name; int (*run) (int, char **); } subcommands[] = {
    { "follow", follow }, { "list", list }, { "refresh", refresh }, { "videos", videos },
  };

  if (argc < 2)
    {
      print_channel_usage ();
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (strcmp (argv[1], subcommands[i].name) == 0)
      return subcommands[i].run (argc - 1, argv + 1);

  g_printerr (_("soulsync-video-cli channel: unknown subcommand “%s”\n"), argv[1]);
  print_channel_usage ();
  return 2;
}
