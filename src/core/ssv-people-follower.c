/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-people-follower.c: following people: their new and upcoming movies join the wishlist,
 * unreleased ones wait as monitored until their home release date. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-people-follower.h"
#include "providers/ssv-tmdb-discover.h"
#include "stores/ssv-settings-store.h"
#include "workers/ssv-worker.h"
#include "ssv-thread.h"

/* A person's credits are read again at most this often. */
#define PERSON_AGE_S (20 * 3600)

struct _SsvPeopleFollower
{
  GObject             parent_instance;

  SsvDatabase        *database;
  SsvHttp            *http;
  SsvSecrets         *secrets;
  SsvWatchlistStore  *watchlist;
  SsvWishlistStore   *wishlist;
  SsvClock           *clock;
};

G_DEFINE_FINAL_TYPE (SsvPeopleFollower, ssv_people_follower, G_TYPE_OBJECT)

typedef struct
{
  char           *key;
  char           *region;
  char           *language;
  char           *image_base;
  SsvTmdbOptions  options;
  char           *today;      /* YYYY-MM-DD, local */
} Session;

static void
session_clear (Session *session)
{
  g_free (session->key);
  g_free (session->region);
  g_free (session->language);
  g_free (session->image_base);
  g_free (session->today);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Session, session_clear)

void
ssv_follow_report_clear (SsvFollowReport *report)
{
  g_clear_pointer (&report->name, g_free);
}

/* "Following Richard Anderson: 3 movies joined the wishlist, 1 waits for its home release." */
char *
ssv_follow_report_dup_summary (const SsvFollowReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (report->name != NULL)
    g_string_append_printf (text, _("Following %s: "), report->name);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u movie joined the wishlist",
                                             "%u movies joined the wishlist", report->wanted), report->wanted);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u waits for its home release",
                                             ", %u wait for their home release", report->monitored),
                          report->monitored);
  if (report->failed > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u could not be read",
                                               ", %u could not be read", report->failed), report->failed);
  g_string_append_c (text, '.');

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
session_init (SsvPeopleFollower  *self,
              Session            *session,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (ssv_clock_get_now (self->clock));
  g_autofree char *region = ssv_settings_store_get (self->database, "metadata.region", NULL);
  g_autofree char *language = ssv_settings_store_get (self->database, "metadata.language", NULL);
  GError *local_error = NULL;

  session->key = ssv_secrets_lookup_sync (self->secrets, "api-key:tmdb", cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (session->key == NULL || session->key[0] == '\0')
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                           _("Add your TMDB API key in Preferences to follow people."));
      return FALSE;
    }

  session->region = region && region[0] ? g_steal_pointer (&region) : g_strdup ("US");
  session->language = language && language[0] ? g_steal_pointer (&language) : g_strdup ("en-US");
  session->image_base = ssv_http_dup_base_url (self->http, "tmdb-images");
  session->options.image_base = session->image_base ? session->image_base : "https://image.tmdb.org/t/p";
  session->options.language = session->language;
  session->options.region = session->region;
  session->today = g_date_time_format (now, "%Y-%m-%d");

  return TRUE;
}

/* A part that makes a movie theirs: a role (not an appearance as themselves),
 * directing it, or a job in what they are known for (a producer's producing). */
static gboolean
credit_counts (const SsvTmdbPerson *person,
               const SsvTmdbCredit *credit)
{
  g_autofree char *character = NULL;

  if (credit->media_type != SSV_TMDB_MOVIE)
    return FALSE;
  if (!credit->cast)
    return g_strcmp0 (credit->job, "Director") == 0 ||
           (person->known_for_department != NULL &&
            g_strcmp0 (credit->department, person->known_for_department) == 0);

  character = credit->character != NULL ? g_utf8_strdown (credit->character, -1) : NULL;
  return character == NULL ||
         (strcmp (character, "self") != 0 && strstr (character, "himself") == NULL &&
          strstr (character, "herself") == NULL && strstr (character, "themselves") == NULL);
}

/* Movies on or after @from (YYYY-MM-DD), and those without a date yet (announced). */
static GPtrArray *
releases_since (const SsvTmdbPerson *person,
                const char          *from)
{
  g_autoptr(GPtrArray) releases = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_followed_release_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < person->credits->len; i++)
    {
      const SsvTmdbCredit *credit = g_ptr_array_index (person->credits, i);
      SsvFollowedRelease *release;

      if (!credit_counts (person, credit) || g_hash_table_contains (seen, &credit->id) ||
          (credit->date != NULL && strcmp (credit->date, from) < 0))
        continue;

      g_hash_table_add (seen, g_memdup2 (&credit->id, sizeof credit->id));
      release = g_new0 (SsvFollowedRelease, 1);
      release->movie_tmdb_id = credit->id;
      release->title = g_strdup (credit->title);
      release->year = credit->year;
      release->poster_url = g_strdup (credit->poster_url);
      release->release_date = g_strdup (credit->date);
      g_ptr_array_add (releases, release);
    }

  return g_steal_pointer (&releases);
}

/* The first day that counts: today for "only upcoming", else @years back. */
static char *
cutoff (const Session *session,
        int            years)
{
  int year, month, day;

  if (years <= 0 || sscanf (session->today, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (session->today);

  return g_strdup_printf ("%04d-%02d-%02d", year - years, month, MIN (day, 28));
}

/* A person and their combined credits, fresh from TMDB. */
static SsvTmdbPerson *
fetch_person (SsvPeopleFollower  *self,
              Session            *session,
              gint64              person_tmdb_id,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autofree char *path = g_strdup_printf ("/person/%" G_GINT64_FORMAT, person_tmdb_id);
  const char *params[] = { "language", session->language, "append_to_response", "combined_credits", NULL };
  g_autoptr(JsonNode) root = ssv_tmdb_get (self->http, session->key, path, params, cancellable, error);

  if (root == NULL)
    return NULL;

  return ssv_tmdb_parse_person (root, &session->options, error);
}

/* Lists the person's movies that count (since the look-back) as monitored. */
static gboolean
record_releases (SsvPeopleFollower    *self,
                 Session              *session,
                 const SsvTmdbPerson  *person,
                 int                   lookback_years,
                 guint                *added,
                 GError              **error)
{
  g_autofree char *from = cutoff (session, lookback_years);
  g_autoptr(GPtrArray) releases = releases_since (person, from);

  return ssv_followed_release_store_add (self->database, person->id, releases, ssv_clock_get_now (self->clock),
                                         added, error);
}

/* Asks TMDB when each waiting movie comes home; those whose day came join the
 * wishlist. FALSE only for errors that stop the run. */
static gboolean
check_waiting (SsvPeopleFollower  *self,
               Session            *session,
               gint64              person_tmdb_id,
               SsvFollowReport    *report,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(GPtrArray) waiting = ssv_followed_release_store_list (self->database, person_tmdb_id, TRUE, error);
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (waiting == NULL)
    return FALSE;

  for (guint i = 0; i < waiting->len; i++)
    {
      SsvFollowedRelease *release = g_ptr_array_index (waiting, i);
      g_autofree char *path = g_strdup_printf ("/movie/%" G_GINT64_FORMAT "/release_dates", release->movie_tmdb_id);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *home = NULL;
      g_autofree char *cinema = NULL;

      /* Two followed people in one movie: it is asked about once. */
      if (g_hash_table_contains (done, &release->movie_tmdb_id))
        continue;
      g_hash_table_add (done, g_memdup2 (&release->movie_tmdb_id, sizeof (gint64)));

      root = ssv_tmdb_get (self->http, session->key, path, NULL, cancellable, &local_error);
      if (root == NULL)
        {
          if (ssv_worker_error_stops_item (local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          report->failed++;
          continue;
        }

      home = ssv_tmdb_home_release_date (root, session->region, &cinema);
      if (!ssv_followed_release_store_set_dates (self->database, release->id,
                                                 release->release_date ? NULL : cinema, home, error))
        return FALSE;

      if (home == NULL || strcmp (home, session->today) > 0)
        {
          report->monitored++;
          continue;
        }

      if (!ssv_followed_release_store_want (self->database, self->wishlist, release,
                                            ssv_clock_get_now (self->clock), error))
        return FALSE;
      report->wanted++;
    }

  return TRUE;
}

/**
 * ssv_people_follower_follow_sync:
 * @lookback_years: their movies of the last years that join; 0 for only upcoming ones
 * @report: (out caller-allocates): what happened
 *
 * Follows a person by their TMDB id: their movies released since the
 * look-back join the wishlist once they can be had at home; unreleased ones
 * wait as monitored. Blocks.
 */
gboolean
ssv_people_follower_follow_sync (SsvPeopleFollower  *self,
                                 gint64              person_tmdb_id,
                                 int                 lookback_years,
                                 SsvFollowReport    *report,
                                 GCancellable       *cancellable,
                                 GError            **error)
{
  g_auto(Session) session = { 0, };
  g_autoptr(SsvTmdbPerson) person = NULL;
  g_autofree char *source_id = g_strdup_printf ("%" G_GINT64_FORMAT, person_tmdb_id);
  guint added = 0;

  g_return_val_if_fail (SSV_IS_PEOPLE_FOLLOWER (self), FALSE);

  memset (report, 0, sizeof *report);
  if (person_tmdb_id <= 0)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("A person is followed by their TMDB id."));
      return FALSE;
    }
  if (!session_init (self, &session, cancellable, error))
    return FALSE;

  person = fetch_person (self, &session, person_tmdb_id, cancellable, error);
  if (person == NULL)
    return FALSE;

  /* Followed first: the waiting list counts only people who are followed. */
  if (!ssv_watchlist_store_set_followed (self->watchlist, SSV_WATCH_KIND_PERSON, "tmdb", source_id, TRUE,
                                         person->name, person->profile_url, error) ||
      !ssv_followed_release_store_set_lookback (self->database, person_tmdb_id, lookback_years, error) ||
      !record_releases (self, &session, person, lookback_years, &added, error))
    return FALSE;

  report->name = g_strdup (person->name);
  report->found = added;
  return check_waiting (self, &session, person_tmdb_id, report, cancellable, error);
}

/**
 * ssv_people_follower_sync_sync:
 * @force: read every followed person's credits, even ones read today
 *
 * The daily look: new movies of the people followed join the list, and the
 * waiting ones whose home release came join the wishlist. A person TMDB
 * cannot tell about this time is tried again next time. Blocks.
 */
gboolean
ssv_people_follower_sync_sync (SsvPeopleFollower  *self,
                               gboolean            force,
                               SsvFollowReport    *report,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_auto(Session) session = { 0, };
  g_autoptr(GPtrArray) people = NULL;
  gint64 now = ssv_clock_get_now (self->clock);

  g_return_val_if_fail (SSV_IS_PEOPLE_FOLLOWER (self), FALSE);

  memset (report, 0, sizeof *report);
  people = ssv_followed_release_store_list_people (self->database, error);
  if (people == NULL)
    return FALSE;
  if (people->len == 0)
    return TRUE;
  if (!session_init (self, &session, cancellable, error))
    return FALSE;

  for (guint i = 0; i < people->len; i++)
    {
      SsvFollowedPerson *person = g_ptr_array_index (people, i);
      g_autoptr(SsvTmdbPerson) read = NULL;
      g_autoptr(GError) local_error = NULL;
      guint added = 0;

      if (!force && person->synced_at > now - PERSON_AGE_S)
        continue;

      read = fetch_person (self, &session, person->tmdb_id, cancellable, &local_error);
      if (read == NULL || !record_releases (self, &session, read, person->lookback_years, &added, &local_error))
        {
          if (ssv_worker_error_stops_item (local_error) ||
              g_error_matches (local_error, SSV_ERROR, SSV_ERROR_DATABASE))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          report->failed++;
          continue;
        }
      report->found += added;
    }

  return check_waiting (self, &session, 0, report, cancellable, error);
}

/* ---- async ------------------------------------------------------------------------------ */

typedef struct
{
  gint64 person;       /* 0: the daily look */
  int    lookback;
} Args;

static void
follow_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Args *args = task_data;
  g_auto(SsvFollowReport) report = { 0, };
  GError *error = NULL;
  gboolean ok = args->person > 0
    ? ssv_people_follower_follow_sync (source_object, args->person, args->lookback, &report, cancellable, &error)
    : ssv_people_follower_sync_sync (source_object, FALSE, &report, cancellable, &error);

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ssv_follow_report_dup_summary (&report), g_free);
}

static void
start (SsvPeopleFollower   *self,
       gint64               person,
       int                  lookback,
       gpointer             tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Args *args = g_new0 (Args, 1);

  args->person = person;
  args->lookback = lookback;
  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, args, g_free);
  g_task_run_in_thread (task, follow_thread);
}

void
ssv_people_follower_follow_async (SsvPeopleFollower   *self,
                                  gint64               person_tmdb_id,
                                  int                  lookback_years,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  start (self, MAX (person_tmdb_id, 0), lookback_years, ssv_people_follower_follow_async,
         cancellable, callback, user_data);
}

/* Returns: (transfer full): what happened, for people */
char *
ssv_people_follower_follow_finish (SsvPeopleFollower  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ssv_people_follower_sync_async (SsvPeopleFollower   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  start (self, 0, 0, ssv_people_follower_sync_async, cancellable, callback, user_data);
}

char *
ssv_people_follower_sync_finish (SsvPeopleFollower  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- object -------------------------------------------------------------------------------- */

static void
ssv_people_follower_dispose (GObject *object)
{
  SsvPeopleFollower *self = SSV_PEOPLE_FOLLOWER (object);

  g_clear_object (&self->clock);
  g_clear_object (&self->wishlist);
  g_clear_object (&self->watchlist);
  g_clear_object (&self->secrets);
  g_clear_object (&self->http);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ssv_people_follower_parent_class)->dispose (object);
}

static void
ssv_people_follower_class_init (SsvPeopleFollowerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ssv_people_follower_dispose;
}

static void
ssv_people_follower_init (SsvPeopleFollower *self)
{
}

SsvPeopleFollower *
ssv_people_follower_new (SsvDatabase       *database,
                         SsvHttp           *http,
                         SsvSecrets        *secrets,
                         SsvWatchlistStore *watchlist,
                         SsvWishlistStore  *wishlist,
                         SsvClock          *clock)
{
  SsvPeopleFollower *self = g_object_new (SSV_TYPE_PEOPLE_FOLLOWER, NULL);

  self->database = g_object_ref (database);
  self->http = g_object_ref (http);
  self->secrets = g_object_ref (secrets);
  self->watchlist = g_object_ref (watchlist);
  self->wishlist = g_object_ref (wishlist);
  self->clock = g_object_ref (clock);

  return self;
}
