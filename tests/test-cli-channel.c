/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-channel.c: `soulsync-video-cli channel` as issue 13 checks it, against the fake YouTube. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "ssv-test-utils.h"
#include "ssv-fake-youtube.h"

#define SYNTH_ID "UCaaaaaaaaaaaaaaaaaaaaa1"

typedef struct
{
  char           *dir;
  char           *db_path;
  SsvFakeServer  *server;
  SsvFakeYoutube *youtube;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ssv_test_make_temp_dir ();
  f->db_path = g_build_filename (f->dir, "library.db", NULL);
  f->server = ssv_fake_server_new ();
  f->youtube = ssv_fake_youtube_new (f->server);
  ssv_fake_youtube_add_synthetic (f->youtube, SYNTH_ID, "@madeup", "Made Up", 40,
                                  g_get_real_time () / G_USEC_PER_SEC - 86400, 86400);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->youtube, ssv_fake_youtube_free);
  g_clear_pointer (&f->server, ssv_fake_server_free);
  ssv_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static char *
run_cli (Fixture             *f,
         const char * const  *args,
         int                 *exit_status,
         char               **err_out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  char *out = NULL;
  char *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) SSV_BUILD_ROOT "/src/cli/soulsync-video-cli");
  g_ptr_array_add (argv, (gpointer) "channel");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "SSV_DATABASE_PATH", f->db_path, TRUE);
  envp = g_environ_setenv (envp, "TZ", "UTC", TRUE);
  envp = ssv_fake_youtube_environ (f->youtube, envp);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("channel %s\nstdout:\n%s\nstderr:\n%s", args[0], out, err);

  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  if (err_out != NULL)
    *err_out = err;
  else
    g_free (err);
  return out;
}

static JsonArray *
parse_array (const char *text,
             JsonNode  **keep)
{
  g_autoptr(GError) error = NULL;

  *keep = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*keep));
  return json_node_get_array (*keep);
}

static JsonObject *
find (JsonArray  *array,
      const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, "id"), id) == 0)
        return object;
    }

  return NULL;
}

static void
test_follow_list_videos (Fixture       *f,
                         gconstpointer  data)
{
  const char *follow_args[] = { "follow", "https://www.youtube.com/@kurzgesagt", NULL };
  const char *list_args[] = { "list", "--json", NULL };
  const char *videos_args[] = { "videos", "@kurzgesagt", "--json", NULL };
  const char *refresh_args[] = { "refresh", SSV_FAKE_KURZGESAGT_ID, NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) list_root = NULL;
  g_autoptr(JsonNode) videos_root = NULL;
  JsonArray *channels, *videos;
  JsonObject *channel, *video;
  guint browse_before;
  int status;

  out = run_cli (f, follow_args, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Following Kurzgesagt – In a Nutshell"));
  /* The catalog was fetched before follow returned. */
  g_assert_cmpuint (ssv_fake_youtube_get_browse_count (f->youtube), >=, 1);
  g_clear_pointer (&out, g_free);

  out = run_cli (f, list_args, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  channels = parse_array (out, &list_root);
  g_assert_cmpuint (json_array_get_length (channels), ==, 1);
  channel = json_array_get_object_element (channels, 0);
  g_assert_cmpstr (json_object_get_string_member (channel, "id"), ==, SSV_FAKE_KURZGESAGT_ID);
  g_assert_cmpstr (json_object_get_string_member (channel, "handle"), ==, "@kurzgesagt");
  g_assert_cmpstr (json_object_get_string_member (channel, "enriched_by"), ==, "innertube");
  g_assert_true (json_object_get_boolean_member (channel, "complete"));
  g_assert_cmpint (json_object_get_int_member (channel, "subscribers"), ==, 25000000);
  g_clear_pointer (&out, g_free);

  /* Every cached video, by the handle, with exactly the fields the issue names;
   * reading them needs no network. */
  browse_before = ssv_fake_server_get_total_hits (f->server);
  out = run_cli (f, videos_args, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, browse_before);
  videos = parse_array (out, &videos_root);
  g_assert_cmpuint (json_array_get_length (videos), >=, 30);
  for (guint i = 0; i < json_array_get_length (videos); i++)
    {
      JsonObject *object = json_array_get_object_element (videos, i);
      g_autoptr(GList) members = json_object_get_members (object);
      const char *date = json_object_get_string_member_with_default (object, "date", NULL);

      g_assert_cmpuint (g_list_length (members), ==, 7);
      for (const char * const *key = (const char * const[]) { "id", "title", "date", "date_exact", "duration_s",
                                                               "views", "short", NULL }; *key; key++)
        g_assert_true (json_object_has_member (object, *key));
      g_assert_true (date == NULL || (strlen (date) == 10 && date[4] == '-' && date[7] == '-'));
    }

  /* In the catalog and the feed: the feed's exact date won. */
  video = find (videos, "D0WQK7cMJn8");
  g_assert_nonnull (video);
  g_assert_cmpstr (json_object_get_string_member (video, "title"), ==, "We Made A New Channel!");
  g_assert_true (json_object_get_boolean_member (video, "date_exact"));
  g_assert_cmpint (json_object_get_int_member (video, "duration_s"), ==, 183);
  g_assert_false (json_object_get_boolean_member (video, "short"));

  /* Only in the catalog: "2 months ago" is an approximate date. */
  video = find (videos, "sOsqXKr4l30");
  g_assert_nonnull (video);
  g_assert_false (json_object_get_boolean_member (video, "date_exact"));
  g_assert_nonnull (json_object_get_string_member (video, "date"));
  g_assert_cmpint (json_object_get_int_member (video, "duration_s"), ==, 696);
  g_assert_cmpint (json_object_get_int_member (video, "views"), ==, 3560021);

  /* From the feed: a Short with its exact date, no duration. */
  video = find (videos, "zg40FHOAqC0");
  g_assert_nonnull (video);
  g_assert_cmpstr (json_object_get_string_member (video, "date"), ==, "2026-01-22");
  g_assert_true (json_object_get_boolean_member (video, "date_exact"));
  g_assert_true (json_object_get_boolean_member (video, "short"));
  g_assert_true (json_object_get_null_member (video, "duration_s"));
  g_clear_pointer (&out, g_free);

  out = run_cli (f, refresh_args, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "videos saved"));
}

static void
test_refused_and_missing (Fixture       *f,
                          gconstpointer  data)
{
  const char *watch_args[] = { "follow", "https://www.youtube.com/watch?v=D0WQK7cMJn8", NULL };
  const char *missing_args[] = { "follow", "https://www.youtube.com/@nosuchchannel", NULL };
  const char *list_args[] = { "list", "--json", NULL };
  const char *bad_args[] = { "frobnicate", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = run_cli (f, watch_args, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "address of a video"));
  g_assert_nonnull (strstr (err, "youtube.com/@name"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_cli (f, missing_args, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "no channel"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_cli (f, list_args, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, "[]");
  g_clear_pointer (&out, g_free);

  out = run_cli (f, bad_args, &status, &err);
  g_assert_cmpint (status, ==, 2);
}

static void
test_changed_shape_keeps_cache (Fixture       *f,
                                gconstpointer  data)
{
  const char *follow_args[] = { "follow", "@madeup", NULL };
  const char *refresh_args[] = { "refresh", "@madeup", NULL };
  const char *videos_args[] = { "videos", SYNTH_ID, "--json", NULL };
  const char *list_args[] = { "list", "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) list_root = NULL;
  JsonObject *channel;
  int status;

  out = run_cli (f, follow_args, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);

  ssv_fake_youtube_set_changed_shape (f->youtube, SYNTH_ID, TRUE);
  out = run_cli (f, refresh_args, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "YouTube changed its page"));
  g_clear_pointer (&out, g_free);

  out = run_cli (f, videos_args, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (json_array_get_length (parse_array (out, &root)), ==, 40);
  g_clear_pointer (&out, g_free);

  out = run_cli (f, list_args, &status, NULL);
  channel = json_array_get_object_element (parse_array (out, &list_root), 0);
  g_assert_cmpstr (json_object_get_string_member (channel, "error"), ==, "changed");
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add ("/cli/channel/follow-list-videos", Fixture, NULL, fixture_set_up, test_follow_list_videos,
              fixture_tear_down);
  g_test_add ("/cli/channel/refused-and-missing", Fixture, NULL, fixture_set_up, test_refused_and_missing,
              fixture_tear_down);
  g_test_add ("/cli/channel/changed-shape-keeps-cache", Fixture, NULL, fixture_set_up,
              test_changed_shape_keeps_cache, fixture_tear_down);

  return g_test_run ();
}
