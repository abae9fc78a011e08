/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-parse.c: the Parse tool as a person uses it: paste a name, read what it says and
 * what each quality profile decides. */

#include "config.h"

#include "pages/ssv-parse-page.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "downloads/ssv-quality-profile.h"
#include "stores/ssv-profile-store.h"

static char *tmp_dir;

static gboolean
profiles_loaded (gpointer data)
{
  return ssv_parse_page_get_n_profiles (data) == 3;
}

static SsvParsePage *
open_parse_tool (SsvWindow *window)
{
  SsvPage *page;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "parse");
  ssv_ui_test_iterate (150);
  page = ssv_window_get_visible_page (window);
  g_assert_true (SSV_IS_PARSE_PAGE (page));
  /* The default profiles are written and read off the main thread */
  g_assert_true (ssv_test_wait_for (profiles_loaded, page, 10000));
  return SSV_PARSE_PAGE (page);
}

static void
assert_field (SsvParsePage *page,
              const char   *key,
              const char   *value)
{
  g_autofree char *shown = ssv_parse_page_dup_field (page, key);

  g_test_message ("%s: %s", key, shown);
  g_assert_cmpstr (shown, ==, value);
}

/* What the X server shows, window manager decorations and all, when asked with
 * SSV_UI_SCREEN_GRAB=1 and ImageMagick's import is there. */
static void
grab_screen (const char *name)
{
  g_autofree char *import = g_find_program_in_path ("import");
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  if (g_strcmp0 (g_getenv ("SSV_UI_SCREEN_GRAB"), "1") != 0 || import == NULL)
    return;

  dir = g_build_filename (SSV_BUILD_ROOT, "screenshots", NULL);
  file = g_strdup_printf ("%s/%s.png", dir, name);
  g_mkdir_with_parents (dir, 0755);
  ssv_ui_test_iterate (200);
  {
    const char *argv[] = { import, "-window", "root", file, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &wait_status, &error);
  }
  g_assert_no_error (error);
  g_test_message ("screen: %s", file);
}

static void
test_paste_a_name (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "parse.db", NULL);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvParsePage *page = open_parse_tool (window);
  g_autofree char *hd = NULL;
  g_autofree char *uhd = NULL;
  g_autofree char *any = NULL;
  gboolean accepted = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 800);
  ssv_parse_page_set_name (page, "Severance.S02E03.Who.Is.Alive.2160p.ATVP.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX");
  ssv_ui_test_iterate (300);

  assert_field (page, "title", "Severance");
  assert_field (page, "season", "2");
  assert_field (page, "episode", "3");
  assert_field (page, "episode_title", "Who Is Alive");
  assert_field (page, "quality", "2160p WEB-DL");
  assert_field (page, "streaming_service", "Apple TV+");
  assert_field (page, "hdr", "HDR, Dolby Vision");
  assert_field (page, "audio", "eac3 5.1 Atmos");
  assert_field (page, "release_group", "FLUX");
  g_assert_null (ssv_parse_page_dup_field (page, "year"));

  /* Each profile says yes or no, and why */
  hd = ssv_parse_page_dup_decision_summary (page, "HD 1080p", &accepted);
  g_assert_nonnull (hd);
  g_assert_false (accepted);
  uhd = ssv_parse_page_dup_decision_summary (page, "Ultra-HD", &accepted);
  g_assert_true (accepted);
  g_assert_cmpstr (uhd, ==, "Taken · 2160p WEB-DL · score 3000");
  any = ssv_parse_page_dup_decision_summary (page, "Any", &accepted);
  g_assert_true (accepted);

  ssv_ui_test_screenshot (GTK_WIDGET (window), "parse-tool");
  grab_screen ("parse-tool-screen");

  /* No resolution written: what the words imply, and that it is implied */
  ssv_parse_page_set_name (page, "The.Bear.S02E07.XviD-GRP");
  ssv_ui_test_iterate (100);
  assert_field (page, "resolution", "480p (implied by the name)");
  ssv_parse_page_set_name (page, "The.Bear.S02E07.HDTV.x264-GRP");
  ssv_ui_test_iterate (100);
  assert_field (page, "resolution", "480p (a guess)");

  /* Not a release: said so */
  ssv_parse_page_set_name (page, "185d86a343e39f3341e35c4dad3f9959");
  ssv_ui_test_iterate (100);
  g_assert_nonnull (ssv_parse_page_dup_field (page, "parsed"));
  ssv_parse_page_dup_decision_summary (page, "Any", &accepted);
  g_assert_false (accepted);

  /* Clear empties it */
  gtk_widget_activate_action (GTK_WIDGET (page), "parse.clear", NULL);
  ssv_ui_test_iterate (100);
  g_assert_null (ssv_parse_page_dup_field (page, "title"));
  g_assert_null (ssv_parse_page_dup_decision_summary (page, "Any", NULL));

  ssv_ui_test_stop_app (app);
}

static void
test_follows_profile_changes (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "parse-changes.db", NULL);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvParsePage *page = open_parse_tool (window);
  SsvProfileStore *store = ssv_context_get_profile_store (ssv_application_get_context (app));
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(SsvQualityProfile) hd = NULL;
  g_autoptr(GError) error = NULL;
  gboolean accepted = TRUE;
  gint64 deadline;

  ssv_parse_page_set_name (page, "Heat.1995.720p.BluRay.x264-AMIABLE");
  ssv_ui_test_iterate (100);
  g_free (ssv_parse_page_dup_decision_summary (page, "HD 1080p", &accepted));
  g_assert_false (accepted);

  /* Allow 720p in the profile elsewhere: the page decides again */
  profiles = ssv_profile_store_list (store, &error);
  g_assert_no_error (error);
  hd = ssv_quality_profile_copy (g_ptr_array_index (profiles, 0));
  ssv_quality_profile_set_allowed (hd, SSV_QUALITY_BLURAY_720, TRUE);
  g_assert_true (ssv_profile_store_save (store, hd, &error));

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!accepted && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_free (ssv_parse_page_dup_decision_summary (page, "HD 1080p", &accepted));
    }
  g_assert_true (accepted);

  ssv_ui_test_stop_app (app);
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  /* Screenshots show where transitions end, not a frame in between */
  tmp_dir = g_dir_make_tmp ("ssv-ui-parse-XXXXXX", NULL);

  g_test_add_func ("/ui/parse/paste-a-name", test_paste_a_name);
  g_test_add_func ("/ui/parse/follows-profile-changes", test_follows_profile_changes);

  status = g_test_run ();
  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
