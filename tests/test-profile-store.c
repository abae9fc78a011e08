/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-profile-store.c: quality profiles and custom formats kept in the library file. */

#include "config.h"

#include <string.h>

#include "downloads/ssv-decision.h"
#include "ssv-error.h"
#include "stores/ssv-profile-store.h"
#include "ssv-test-utils.h"

typedef struct
{
  char            *dir;
  SsvDatabase     *db;
  SsvProfileStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->store = ssv_profile_store_new (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

static GPtrArray *
list (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *profiles = ssv_profile_store_list (f->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (profiles);
  return profiles;
}

static void
test_defaults_once (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GPtrArray) after_delete = NULL;
  SsvQualityProfile *uhd;

  g_assert_true (ssv_profile_store_ensure_defaults (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (ssv_profile_store_ensure_defaults (f->store, &error));
  profiles = list (f);
  g_assert_cmpuint (profiles->len, ==, 3);
  g_assert_cmpstr (((SsvQualityProfile *) g_ptr_array_index (profiles, 0))->name, ==, "HD 1080p");
  uhd = g_ptr_array_index (profiles, 1);
  g_assert_cmpstr (uhd->name, ==, "Ultra-HD");
  g_assert_cmpint (uhd->cutoff, ==, SSV_QUALITY_REMUX_2160);
  g_assert_true (ssv_quality_profile_allows (uhd, SSV_QUALITY_REMUX_2160));
  g_assert_cmpint (ssv_quality_profile_get_format_score (uhd, "HDR"), ==, 1500);

  /* Deleting a default keeps it deleted */
  g_assert_true (ssv_profile_store_delete (f->store, uhd->id, &error));
  g_assert_no_error (error);
  g_assert_true (ssv_profile_store_ensure_defaults (f->store, &error));
  after_delete = list (f);
  g_assert_cmpuint (after_delete->len, ==, 2);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM quality_profile_items WHERE profile_id NOT IN"
                                       " (SELECT id FROM quality_profiles)"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM quality_profile_formats WHERE profile_id NOT IN"
                                       " (SELECT id FROM quality_profiles)"), ==, 0);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvQualityProfile) p = ssv_quality_profile_new ("Film nights");
  g_autoptr(SsvCustomFormat) hybrid = ssv_custom_format_new ("Hybrid");
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(SsvDecision) d = NULL;
  SsvQualityProfile *back;
  SsvWantedItem w = { 0 };
  SsvCandidate c = { "Heat.1995.HYBRID.1080p.BluRay.x264-AMIABLE", NULL, 0, 0 };

  ssv_quality_profile_add_item (p, SSV_QUALITY_WEBDL_1080, TRUE);
  ssv_quality_profile_add_item (p, SSV_QUALITY_BLURAY_720, FALSE);
  ssv_quality_profile_add_item (p, SSV_QUALITY_BLURAY_1080, TRUE);
  ssv_quality_profile_set_size_limits (p, SSV_QUALITY_BLURAY_1080, 10, 250.5);
  p->cutoff = SSV_QUALITY_BLURAY_1080;
  p->upgrades_allowed = FALSE;
  p->min_format_score = -100;
  g_ptr_array_add (p->required_words, g_strdup ("1080p"));
  g_ptr_array_add (p->rejected_words, g_strdup ("HC"));
  ssv_quality_profile_add_preferred_word (p, "AMIABLE", 30);
  g_assert_true (ssv_custom_format_add_condition (hybrid, SSV_CONDITION_TITLE, "\\bhybrid\\b", 0, 0, FALSE,
                                                  FALSE, &error));
  ssv_custom_format_add_condition (hybrid, SSV_CONDITION_SIZE, NULL, 1.5, 80, TRUE, FALSE, &error);
  ssv_quality_profile_set_format_score (p, hybrid, 250);

  g_assert_true (ssv_profile_store_save (f->store, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p->id, >, 0);
  g_assert_cmpint (hybrid->id, >, 0);

  profiles = list (f);
  g_assert_cmpuint (profiles->len, ==, 1);
  back = g_ptr_array_index (profiles, 0);
  g_assert_cmpstr (back->name, ==, "Film nights");
  g_assert_cmpuint (back->items->len, ==, 3);
  g_assert_cmpint (g_array_index (back->items, SsvProfileItem, 0).quality, ==, SSV_QUALITY_WEBDL_1080);
  g_assert_cmpint (g_array_index (back->items, SsvProfileItem, 2).quality, ==, SSV_QUALITY_BLURAY_1080);
  g_assert_false (ssv_quality_profile_allows (back, SSV_QUALITY_BLURAY_720));
  g_assert_cmpfloat_with_epsilon (ssv_quality_profile_get_item (back, SSV_QUALITY_BLURAY_1080)->max_mb_per_min,
                                  250.5, 0.001);
  g_assert_cmpint (back->cutoff, ==, SSV_QUALITY_BLURAY_1080);
  g_assert_false (back->upgrades_allowed);
  g_assert_cmpint (back->min_format_score, ==, -100);
  g_assert_cmpstr (g_ptr_array_index (back->required_words, 0), ==, "1080p");
  g_assert_cmpstr (g_ptr_array_index (back->rejected_words, 0), ==, "HC");
  g_assert_cmpint (g_array_index (back->preferred_words, SsvPreferredWord, 0).score, ==, 30);
  g_assert_cmpint (ssv_quality_profile_get_format_score (back, "Hybrid"), ==, 250);

  /* The reloaded formats still work */
  w.kind = SSV_WANTED_MOVIE;
  w.title = "Heat";
  w.year = 1995;
  d = ssv_decide (back, &c, &w, NULL);
  g_assert_true (d->accepted);
  g_assert_cmpint (d->score, ==, 280);
}

static void
test_reorder_and_edit (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(SsvQualityProfile) edited = NULL;
  SsvQualityProfile *hd;
  int web_rank;
  int bluray_rank;

  g_assert_true (ssv_profile_store_ensure_defaults (f->store, &error));
  profiles = list (f);
  hd = g_ptr_array_index (profiles, 0);
  web_rank = ssv_quality_profile_get_rank (hd, SSV_QUALITY_WEBDL_1080);
  bluray_rank = ssv_quality_profile_get_rank (hd, SSV_QUALITY_BLURAY_1080);
  g_assert_cmpint (bluray_rank, >, web_rank);

  /* Drag Bluray 1080p under WEB-DL 1080p, move the cutoff, change a score */
  edited = ssv_quality_profile_copy (hd);
  ssv_quality_profile_move_item (edited, bluray_rank, web_rank);
  edited->cutoff = SSV_QUALITY_BLURAY_1080;
  ssv_quality_profile_set_format_score (edited, g_array_index (hd->format_scores, SsvFormatScore, 0).format, 7);
  g_assert_true (ssv_profile_store_save (f->store, edited, &error));
  g_assert_no_error (error);

  again = list (f);
  hd = g_ptr_array_index (again, 0);
  g_assert_cmpint (hd->id, ==, edited->id);
  g_assert_cmpint (ssv_quality_profile_get_rank (hd, SSV_QUALITY_BLURAY_1080), <,
                   ssv_quality_profile_get_rank (hd, SSV_QUALITY_WEBDL_1080));
  g_assert_cmpint (hd->cutoff, ==, SSV_QUALITY_BLURAY_1080);
  g_assert_cmpint (g_array_index (hd->format_scores, SsvFormatScore, 0).score, ==, 7);
  g_assert_cmpuint (again->len, ==, 3);
}

static void
test_unique_name_rolls_back (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvQualityProfile) dup = ssv_quality_profile_new ("Any");
  gint64 items_before;

  g_assert_true (ssv_profile_store_ensure_defaults (f->store, &error));
  items_before = ssv_test_query_int (f->db, "SELECT count(*) FROM quality_profile_items");
  ssv_quality_profile_add_item (dup, SSV_QUALITY_SDTV, TRUE);

  g_assert_false (ssv_profile_store_save (f->store, dup, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already a quality profile called “Any”"));
  g_assert_cmpint (dup->id, ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM quality_profile_items"), ==, items_before);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM quality_profiles"), ==, 3);
}

static void
test_queries_use_indexes (Fixture       *f,
                          gconstpointer  data)
{
  const char *const queries[] = {
    ssv_profile_store_profiles_sql, ssv_profile_store_items_sql, ssv_profile_store_words_sql,
    ssv_profile_store_formats_sql, ssv_profile_store_conditions_sql,
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *plan = NULL;
      gboolean indexed = ssv_database_explain_uses_index (f->db, queries[i], &plan, &error);

      g_assert_no_error (error);
      g_test_message ("%s\n%s", queries[i], plan);
      g_assert_true (indexed);
    }
}

typedef struct
{
  gboolean   done;
  GPtrArray *profiles;
} ListResult;

static void
list_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ListResult *out = user_data;
  g_autoptr(GError) error = NULL;

  out->profiles = ssv_profile_store_list_finish (SSV_PROFILE_STORE (source), result, &error);
  g_assert_no_error (error);
  out->done = TRUE;
}

static void
test_list_async (Fixture       *f,
                 gconstpointer  data)
{
  ListResult result = { FALSE, NULL };

  /* The first listing of a new library writes the defaults, off the main thread */
  ssv_profile_store_list_async (f->store, NULL, list_done, &result);
  ssv_test_wait_for_flag (&result.done, 5000);
  g_assert_nonnull (result.profiles);
  g_assert_cmpuint (result.profiles->len, ==, 3);
  g_ptr_array_unref (result.profiles);
}

static void
formats_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ListResult *out = user_data;
  g_autoptr(GError) error = NULL;

  out->profiles = ssv_profile_store_list_formats_finish (SSV_PROFILE_STORE (source), result, &error);
  g_assert_no_error (error);
  out->done = TRUE;
}

static void
test_list_formats_async (Fixture       *f,
                         gconstpointer  data)
{
  ListResult result = { FALSE, NULL };
  gboolean has_hdr = FALSE;

  /* Preferences list every format to score, even on a library never listed before */
  ssv_profile_store_list_formats_async (f->store, NULL, formats_done, &result);
  ssv_test_wait_for_flag (&result.done, 5000);
  g_assert_nonnull (result.profiles);
  for (guint i = 0; i < result.profiles->len; i++)
    {
      SsvCustomFormat *format = g_ptr_array_index (result.profiles, i);

      g_assert_cmpint (format->id, >, 0);
      has_hdr |= g_strcmp0 (format->name, "HDR") == 0;
    }
  g_assert_true (has_hdr);
  g_ptr_array_unref (result.profiles);
}

typedef struct
{
  SsvProfileStore *store;
  gint            *waiting;  /* threads not yet at the start line */
} FirstRead;

static gpointer
first_read_thread (gpointer data)
{
  FirstRead *read = data;
  GError *error = NULL;

  g_atomic_int_dec_and_test (read->waiting);
  while (g_atomic_int_get (read->waiting) > 0)
    g_thread_yield ();
  if (!ssv_profile_store_ensure_defaults (read->store, &error))
    return error;
  return NULL;
}

/* Two first reads of the profiles at once (the title page's wish menu and a release
 * search did it): both find no defaults, and both must come back with the defaults
 * written once, not one of them with "There is already a quality profile called …". */
static void
test_defaults_first_reads_at_once (void)
{
  for (guint round = 0; round < 10; round++)
    {
      g_autofree char *dir = NULL;
      g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
      g_autoptr(SsvProfileStore) store = ssv_profile_store_new (db);
      gint waiting = 4;
      FirstRead read = { store, &waiting };
      GThread *threads[4];

      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("first-read", first_read_thread, &read);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        {
          g_autoptr(GError) error = g_thread_join (threads[i]);

          g_assert_no_error (error);
        }
      g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM quality_profiles"), ==, 3);
      g_clear_object (&store);
      ssv_test_close_temp_database (&db, &dir);
    }
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/profile-store/defaults-once", test_defaults_once);
  ADD ("/core/profile-store/round-trip", test_round_trip);
  ADD ("/core/profile-store/reorder-and-edit", test_reorder_and_edit);
  ADD ("/core/profile-store/unique-name-rolls-back", test_unique_name_rolls_back);
  ADD ("/core/profile-store/queries-use-indexes", test_queries_use_indexes);
  ADD ("/core/profile-store/list-async", test_list_async);
  ADD ("/core/profile-store/list-formats-async", test_list_formats_async);
#undef ADD
  g_test_add_func ("/core/profile-store/defaults-first-reads-at-once", test_defaults_first_reads_at_once);

  return g_test_run ();
}
