/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-page.c: a movie's or show's billboard: sections over one SsvTitle. The page loads
 * the title (again, a little after the library or a provider changes it) and lays out the
 * hero, the words under it, the follow and wishlist buttons, cast, episodes and files; each
 * section binds to the title in the page's template. A title not owned comes from TMDB
 * through the discovery service, kept for a second visit. */

#include "config.h"

#include <glib/gi18n.h>

#include "dialogs/ssv-edit-details-dialog.h"
#include "dialogs/ssv-release-search-dialog.h"
#include "dialogs/ssv-rematch-dialog.h"
#include "ssv-discovery.h"
#include "ssv-follow-set.h"
#include "ssv-texture-loader.h"
#include "ssv-ui-utils.h"
#include "pages/ssv-title-page-private.h"
#include "pages/title/ssv-cast-row.h"
#include "pages/title/ssv-season-episodes.h"
#include "pages/title/ssv-title-files.h"
#include "pages/title/ssv-title-hero.h"
#include "pages/title/ssv-title-overview.h"
#include "pages/title/ssv-where-to-watch.h"
#include "widgets/ssv-watch-button.h"
#include "widgets/ssv-wish-button.h"
#include "model/ssv-movie.h"
#include "model/ssv-show.h"
#include "ssv-title-actions.h"
#include "stores/ssv-library-store.h"
#include "stores/ssv-title-edit-store.h"
#include "workers/ssv-enrichment-engine.h"
#include "workers/ssv-worker.h"

#define RELOAD_DELAY_MS 500

struct _SsvTitlePage
{
  SsvPage            parent_instance;

  SsvMediaKind       kind;
  gint64             title_id;
  gint64             tmdb_id;          /* a title not owned: built from TMDB */
  SsvTitle          *item;
  GCancellable      *cancellable;
  guint              reload_source;
  gboolean           requested;
  SsvFollowSet      *follow_set;       /* a show's eye button */
  GCancellable      *work_cancellable; /* the title's actions: refresh, watched */
  guint              n_working;
  char              *last_message;     /* the actions' last toast, for tests */
  SsvFollowSet      *people;           /* the cast cards' eyes */

  GtkStack          *state_stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  GtkWidget         *preferences_button;
  GtkWidget         *tmdb_wish_button;
  SsvTitleHero      *hero;
  GtkBox            *actions_box;
  GtkSpinner        *busy_spinner;
  GtkMenuButton     *menu_button;
  GMenuModel        *title_menu;
  GtkWidget         *watch_button;
  SsvWishButton     *wish_button;
  SsvCastRow        *cast_row;
  SsvSeasonEpisodes *season_episodes;
  SsvWhereToWatch   *where_to_watch;
};

G_DEFINE_FINAL_TYPE (SsvTitlePage, ssv_title_page, SSV_TYPE_PAGE)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE_ID,
  PROP_TMDB_ID,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (SsvTitlePage *self,
           const char   *state)
{
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (state, "loading") == 0);
  gtk_stack_set_visible_child_name (self->state_stack, state);
}

static SsvItemKind
item_kind (SsvTitlePage *self)
{
  return self->kind == SSV_MEDIA_KIND_SHOW ? SSV_ITEM_SHOW : SSV_ITEM_MOVIE;
}

static SsvEnrichmentEngine *
get_engine (SsvTitlePage *self)
{
  return ssv_context_get_enrichment_engine (ssv_page_get_context (SSV_PAGE (self)));
}

static SsvTitleActions *
get_title_actions (SsvTitlePage *self)
{
  return ssv_context_get_title_actions (ssv_page_get_context (SSV_PAGE (self)));
}

/* ---- loading --------------------------------------------------------------------- */

/* Opening a title the providers have not finished asks them for it first. */
static void
request_if_unsynced (SsvTitlePage *self)
{
  SsvWorker *tmdb = ssv_enrichment_engine_lookup (get_engine (self), "tmdb");
  SsvWorkerState state = tmdb ? ssv_worker_get_state (tmdb) : SSV_WORKER_STOPPED;
  gboolean will_answer = state == SSV_WORKER_IDLE || state == SSV_WORKER_WORKING ||
                         state == SSV_WORKER_HELD || state == SSV_WORKER_COOLDOWN;

  if (ssv_title_get_synced (self->item) || self->title_id == 0)
    will_answer = FALSE;
  else if (!self->requested)
    {
      self->requested = TRUE;
      ssv_enrichment_engine_request (get_engine (self), item_kind (self), self->title_id);
    }

  g_object_set (self->hero, "looking-up", will_answer, NULL);
}

/* A movie not owned is wished by its TMDB id (a show not owned has the wishlist menu). */
static void
show_tmdb_wish (SsvTitlePage *self,
                SsvTitle     *item)
{
  gboolean wished = ssv_title_get_wished (item);

  gtk_widget_set_visible (self->tmdb_wish_button, self->kind == SSV_MEDIA_KIND_MOVIE);
  gtk_button_set_label (GTK_BUTTON (self->tmdb_wish_button), wished ? _("On Wishlist") : _("Add to _Wishlist"));
  gtk_widget_set_tooltip_text (self->tmdb_wish_button,
                               wished ? _("This movie is on the wishlist") : _("Want this movie: it joins the wishlist"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "title.wish-tmdb", !wished);
}

/* Why a title could not be shown, in plain words; a key TMDB refused (or none) leads to
 * Preferences → Metadata. */
static void
show_error (SsvTitlePage *self,
            const GError *error)
{
  gboolean key = FALSE;

  /* The library's own titles: the store's words. */
  if (self->title_id > 0)
    adw_status_page_set_description (self->error_page, error->message);
  else
    adw_status_page_set_description (self->error_page, ssv_ui_describe_tmdb_error (error,
      _("Titles outside the library come from TMDB, which needs an API key (a free one will do). "
        "Add it in Preferences → Metadata."),
      _("TMDB does not know this title (any more)."), &key));
  gtk_widget_set_visible (self->preferences_button, key);
  set_state (self, "error");
}

static void
show_item (SsvTitlePage *self,
           SsvTitle     *item)
{
  g_set_object (&self->item, item);
  ssv_page_set_title (SSV_PAGE (self), ssv_title_get_title (item));
  if (self->watch_button != NULL && self->title_id > 0)
    ssv_watch_button_set_item (SSV_WATCH_BUTTON (self->watch_button), ssv_title_get_item (item));
  else if (self->watch_button != NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->tmdb_id);
      g_autoptr(SsvWatchItem) watch = ssv_watch_item_new_named (SSV_WATCH_KIND_SHOW, "tmdb", id,
                                                                ssv_title_get_title (item),
                                                                ssv_title_get_poster_url (item));

      ssv_watch_button_set_item (SSV_WATCH_BUTTON (self->watch_button), G_OBJECT (watch));
    }
  if (self->title_id == 0)
    show_tmdb_wish (self, item);
  request_if_unsynced (self);
  /* Where to watch needs TMDB's id; a re-match brings a new one. */
  {
    GObject *owned = ssv_title_get_item (item);
    gint64 tmdb_id = 0;

    /* A title known only from TMDB has no library item: its own id is the one. */
    if (owned != NULL)
      g_object_get (owned, "tmdb-id", &tmdb_id, NULL);
    else
      tmdb_id = ssv_title_get_tmdb_id (item);
    ssv_where_to_watch_load (self->where_to_watch, ssv_page_get_context (SSV_PAGE (self)), item_kind (self), tmdb_id);
  }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  set_state (self, "content");
}

/* What a load brought: the title, or why not. Once shown, a title stays until a reload
 * brings it back; a failed reload of a title from TMDB says so in a toast. */
static void
take_loaded (SsvTitlePage *self,
             SsvTitle     *item,
             const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (item != NULL)
    show_item (self, item);
  else if (self->item == NULL)
    show_error (self, error);
  else if (self->title_id == 0)
    ssv_page_show_toast (SSV_PAGE (self), error->message);
}

static void
title_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SsvTitlePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTitle) item = ssv_library_store_load_title_finish (SSV_LIBRARY_STORE (source), result, &error);

  take_loaded (self, item, error);
}

static void
tmdb_title_ready_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SsvTitlePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTitle) item = ssv_discovery_load_title_finish (SSV_DISCOVERY (source), result, &error);

  take_loaded (self, item, error);
}

static void
reload (SsvTitlePage *self)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->item == NULL)
    set_state (self, "loading");
  if (self->follow_set != NULL)
    ssv_follow_set_load (self->follow_set);
  ssv_follow_set_load (self->people);

  if (self->title_id == 0)
    ssv_discovery_load_title_async (ssv_context_get_discovery (context), item_kind (self), self->tmdb_id,
                                    self->cancellable, tmdb_title_ready_cb, g_object_ref (self));
  else
    ssv_library_store_load_title_async (ssv_context_get_library_store (context), self->kind, self->title_id,
                                        self->cancellable, title_ready_cb, g_object_ref (self));
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  SsvTitlePage *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
reload_soon (SsvTitlePage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

static void
on_library_changed (SsvTitlePage *self,
                    const char   *detail)
{
  reload_soon (self);
}

/* A provider finished this title (or one of its episodes): show what it brought. */
static void
on_item_done (SsvTitlePage *self,
              SsvWorker    *worker,
              guint         kind,
              gint64        id,
              guint         outcome,
              const char   *label)
{
  if (kind != item_kind (self) || id != self->title_id)
    return;

  if (outcome != SSV_OUTCOME_MATCHED && g_strcmp0 (ssv_worker_get_name (worker), "tmdb") == 0)
    g_object_set (self->hero, "looking-up", FALSE, NULL);
  reload_soon (self);
}

/* ---- the wishlist ---------------------------------------------------------------- */

static void
wish_changed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SsvTitlePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = ssv_wish_button_change_finish (SSV_WISH_BUTTON (source), result, &error);

  ssv_page_show_toast (SSV_PAGE (self), message != NULL ? message : error->message);
}

/* title.wish and title.unwish, for the wishlist button and the episode rows alike. */
static void
wish_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (widget);

  ssv_wish_button_change_async (self->wish_button, g_str_equal (action_name, "title.wish"), parameter, NULL,
                                wish_changed_cb, g_object_ref (self));
}

static void
tmdb_wished_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SsvTitlePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!ssv_wishlist_store_change_finish (SSV_WISHLIST_STORE (source), result, &error))
    {
      ssv_page_show_toast (SSV_PAGE (self), error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "title.wish-tmdb", TRUE);
      return;
    }

  /* Translators: "“Heat” is on the wishlist." */
  message = g_strdup_printf (_("“%s” is on the wishlist."), ssv_title_get_title (self->item));
  ssv_page_show_toast (SSV_PAGE (self), message);
  reload (self);
}

/* title.wish-tmdb: a movie not owned joins the wishlist by its TMDB id. */
static void
wish_tmdb_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (widget);
  g_autofree char *id = NULL;
  SsvWishlistTitle title = { 0, };

  if (self->item == NULL || self->title_id != 0)
    return;

  id = g_strdup_printf ("%" G_GINT64_FORMAT, self->tmdb_id);
  title.source = "tmdb";
  title.source_id = id;
  title.title = ssv_title_get_title (self->item);
  title.year = ssv_title_get_year (self->item);
  title.overview = ssv_title_get_overview (self->item);
  title.poster_url = ssv_title_get_poster_url (self->item);
  title.backdrop_url = ssv_title_get_backdrop_url (self->item);
  gtk_widget_action_set_enabled (widget, "title.wish-tmdb", FALSE);
  ssv_wishlist_store_add_title_async (ssv_context_get_wishlist_store (ssv_page_get_context (SSV_PAGE (self))),
                                      &title, self->cancellable, tmdb_wished_cb, g_object_ref (self));
}

/* title.search-releases (season, episode): the film, a season (episode -1) or an episode;
 * (-1, -1) on a show searches its first season. */
static void
search_releases_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (widget);
  g_autoptr(SsvSearchItem) item = NULL;
  const char *title;
  int season = -1;
  int episode = -1;

  if (self->item == NULL)
    return;
  g_variant_get (parameter, "(ii)", &season, &episode);
  title = ssv_title_get_title (self->item);
  if (self->kind == SSV_MEDIA_KIND_MOVIE)
    item = ssv_search_item_new_movie (title, (guint) MAX (ssv_title_get_year (self->item), 0));
  else if (episode > 0)
    item = ssv_search_item_new_episode (title, (guint) MAX (season, 0), (guint) episode);
  else
    item = ssv_search_item_new_season (title, (guint) MAX (season, 1));
  if (self->kind == SSV_MEDIA_KIND_SHOW)
    item->year = (guint) MAX (ssv_title_get_year (self->item), 0);
  /* the ids, so indexers whose caps take them search by id */
  if (SSV_IS_MOVIE (ssv_title_get_item (self->item)))
    {
      SsvMovie *movie = SSV_MOVIE (ssv_title_get_item (self->item));

      ssv_search_item_set_ids (item, ssv_movie_get_tmdb_id (movie), ssv_movie_get_tvdb_id (movie),
                               ssv_movie_get_imdb_id (movie));
    }
  else if (SSV_IS_SHOW (ssv_title_get_item (self->item)))
    {
      SsvShow *show = SSV_SHOW (ssv_title_get_item (self->item));

      ssv_search_item_set_ids (item, ssv_show_get_tmdb_id (show), ssv_show_get_tvdb_id (show),
                               ssv_show_get_imdb_id (show));
    }

  ssv_release_search_dialog_present (widget, ssv_page_get_context (SSV_PAGE (self)), item,
                                     ssv_title_get_poster_url (self->item), 0);
}

/* ---- the title's actions: refresh, re-match, edit, watched ------------------------- */

static const char *
shown_title (SsvTitlePage *self)
{
  return self->item != NULL ? ssv_title_get_title (self->item) : "";
}

/* The spinner beside the menu turns while anything asked of the title is under way. */
static void
work_started (SsvTitlePage *self)
{
  if (self->n_working++ == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), TRUE);
      gtk_spinner_set_spinning (self->busy_spinner, TRUE);
    }
}

static void
work_done (SsvTitlePage *self)
{
  g_return_if_fail (self->n_working > 0);

  if (--self->n_working == 0)
    {
      gtk_spinner_set_spinning (self->busy_spinner, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), FALSE);
    }
}

/* A page closed while its action ran drops the answer: the library has it anyway. */
static gboolean
page_gone (SsvTitlePage *self)
{
  return self->work_cancellable == NULL || g_cancellable_is_cancelled (self->work_cancellable);
}

/* Every outcome of an action reaches the person in words. */
static void
tell (SsvTitlePage *self,
      const char   *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  ssv_page_show_toast (SSV_PAGE (self), message);
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SsvTitlePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvRefreshReport) report = ssv_title_actions_refresh_finish (SSV_TITLE_ACTIONS (source), result, &error);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || page_gone (self))
    return;

  work_done (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "title.refresh", TRUE);

  if (report == NULL)
    /* Translators: "“Heat” could not be refreshed: Add your TMDB API key in Preferences" */
    message = g_strdup_printf (_("“%s” could not be refreshed: %s"), shown_title (self), error->message);
  else if (report->failed > 0 && report->messages != NULL && report->messages->len > 0)
    message = g_strdup_printf (_("“%s” could not be refreshed: %s"), shown_title (self),
                               (const char *) g_ptr_array_index (report->messages, 0));
  else if (report->changed > 0)
    message = g_strdup_printf (_("“%s” now has what TMDB knows today"), shown_title (self));
  else
    message = g_strdup_printf (_("“%s” was already up to date"), shown_title (self));

  tell (self, message);
  reload_soon (self);
}

/* title.refresh (F5; Ctrl+R stays the window's library scan): read the title again from TMDB now. */
static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (widget);

  gtk_widget_action_set_enabled (widget, "title.refresh", FALSE);
  work_started (self);
  ssv_title_actions_refresh_async (get_title_actions (self), item_kind (self), self->title_id,
                                   self->work_cancellable, refresh_cb, g_object_ref (self));
}

/* title.rematch: search TMDB (or TheTVDB for a show) and pick; the page reloads when the
 * library hears of the new match. */
static void
rematch_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (widget);
  SsvRematchDialog *dialog;

  if (self->item == NULL)
    return;

  dialog = ssv_rematch_dialog_new (ssv_page_get_context (SSV_PAGE (self)), item_kind (self), self->title_id,
                                   ssv_title_get_title (self->item), MAX (ssv_title_get_year (self->item), 0));
  ssv_ui_present_window (GTK_WINDOW (dialog), widget);
}

/* title.edit (Ctrl+E): title, sort title, year, overview and ids, a lock for each. */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (widget);
  SsvEditDetailsDialog *dialog;

  if (self->item == NULL)
    return;

  dialog = ssv_edit_details_dialog_new (ssv_page_get_context (SSV_PAGE (self)), self->item);
  ssv_ui_present_window (GTK_WINDOW (dialog), widget);
}

typedef struct
{
  SsvTitlePage *page;
  char         *done;     /* the toast when it went well */
} WatchedCall;

static void
watched_call_free (WatchedCall *call)
{
  g_object_unref (call->page);
  g_free (call->done);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WatchedCall, watched_call_free)

static void
watched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WatchedCall) call = user_data;
  g_autoptr(GError) error = NULL;

  if ((!ssv_title_actions_finish (SSV_TITLE_ACTIONS (source), result, &error)
       && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) || page_gone (call->page))
    return;

  work_done (call->page);
  /* The error names the server that could not be told. */
  tell (call->page, error != NULL ? error->message : call->done);
}

/* Tells the library and the servers; @done (transfer full) is the toast once done. */
static void
set_watched (SsvTitlePage   *self,
             SsvWatchTarget  target,
             gint64          id,
             int             season,
             gboolean        watched,
             char           *done)
{
  WatchedCall *call = g_new0 (WatchedCall, 1);

  call->page = g_object_ref (self);
  call->done = done;
  work_started (self);
  ssv_title_actions_set_watched_async (get_title_actions (self), target, id, season, watched,
                                       self->work_cancellable, watched_cb, call);
}

/* title.mark-watched (b): the movie, or every episode of the show. */
static void
mark_watched_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (widget);
  gboolean watched = g_variant_get_boolean (parameter);
  char *done = watched ? g_strdup_printf (_("“%s” marked as watched"), shown_title (self))
                       : g_strdup_printf (_("“%s” marked as unwatched"), shown_title (self));

  set_watched (self, self->kind == SSV_MEDIA_KIND_SHOW ? SSV_WATCH_TARGET_SHOW : SSV_WATCH_TARGET_MOVIE,
               self->title_id, 0, watched, done);
}

/* title.mark-season (b): the season the episode list shows. */
static void
mark_season_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (widget);
  gboolean watched = g_variant_get_boolean (parameter);
  int season = ssv_season_episodes_get_season (self->season_episodes);
  char *done;

  if (season == G_MININT || ssv_season_episodes_count_rows (self->season_episodes) == 0)
    {
      tell (self, _("This show has no episodes to mark yet"));
      return;
    }

  /* Translators: "Season 2 of “Lost” marked as watched" */
  done = watched ? g_strdup_printf (_("Season %d of “%s” marked as watched"), season, shown_title (self))
                 : g_strdup_printf (_("Season %d of “%s” marked as unwatched"), season, shown_title (self));
  set_watched (self, SSV_WATCH_TARGET_SEASON, self->title_id, season, watched, done);
}

/* title.set-episode-watched (xb): an episode row's check. */
static void
set_episode_watched_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (widget);
  const char *title = NULL;
  gint64 episode_id = 0;
  gboolean watched = FALSE;
  char *done;

  g_variant_get (parameter, "(xb)", &episode_id, &watched);
  if (self->item != NULL)
    title = ssv_title_find_episode_title (self->item, episode_id);
  if (title == NULL)
    title = shown_title (self);

  done = watched ? g_strdup_printf (_("“%s” marked as watched"), title)
                 : g_strdup_printf (_("“%s” marked as unwatched"), title);
  set_watched (self, SSV_WATCH_TARGET_EPISODE, episode_id, 0, watched, done);
}

/* ---- public and for tests ----------------------------------------------------------- */

/* Returns: (transfer none) (nullable): what the page shows, once loaded */
SsvTitle *
ssv_title_page_get_item (SsvTitlePage *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_PAGE (self), NULL);

  return self->item;
}

/* "movie:42" or "show:7": what the window remembers to reopen. */
char *
ssv_title_page_dup_restore_key (SsvTitlePage *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_PAGE (self), NULL);

  /* A title not owned is not reopened at start: that would ask TMDB before anything shows. */
  if (self->title_id == 0)
    return g_strdup_printf ("tmdb-%s:%" G_GINT64_FORMAT, self->kind == SSV_MEDIA_KIND_SHOW ? "show" : "movie",
                            self->tmdb_id);
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, self->kind == SSV_MEDIA_KIND_SHOW ? "show" : "movie",
                          self->title_id);
}

/* "loading", "error" or "content". */
const char *
ssv_title_page_get_state (SsvTitlePage *self)
{
  return gtk_stack_get_visible_child_name (self->state_stack);
}

/* Returns: (transfer none): the section of the template named @name ("hero", "cast_row", …) */
GtkWidget *
ssv_title_page_get_section (SsvTitlePage *self,
                            const char   *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SSV_TYPE_TITLE_PAGE, name));
}

/* Returns: (nullable): the last toast of the title's actions */
const char *
ssv_title_page_get_last_message (SsvTitlePage *self)
{
  return self->last_message;
}

/* Whether anything asked of the title (refresh, watched) is still under way. */
gboolean
ssv_title_page_is_working (SsvTitlePage *self)
{
  return self->n_working > 0;
}

/* Returns: (nullable): a show's eye button */
GtkWidget *
ssv_title_page_get_watch_button (SsvTitlePage *self)
{
  return self->watch_button;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
ssv_title_page_constructed (GObject *object)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (object);
  SsvContext *context;
  SsvTextureLoader *loader;
  gboolean wishable;

  G_OBJECT_CLASS (ssv_title_page_parent_class)->constructed (object);

  context = ssv_page_get_context (SSV_PAGE (self));
  loader = ssv_texture_loader_get_default (context);
  ssv_title_hero_set_loader (self->hero, loader);
  ssv_cast_row_set_loader (self->cast_row, loader);
  self->people = ssv_follow_set_new (ssv_context_get_watchlist_store (context), SSV_WATCH_KIND_PERSON);
  ssv_cast_row_set_follow_set (self->cast_row, self->people);
  ssv_season_episodes_set_loader (self->season_episodes, loader);
  ssv_wish_button_set_store (self->wish_button, ssv_context_get_wishlist_store (context));
  ssv_wish_button_set_discovery (self->wish_button, ssv_context_get_discovery (context));
  ssv_wish_button_set_profile_store (self->wish_button, ssv_context_get_profile_store (context));
  /* A movie not owned has its own button; a show not owned is wished by TMDB's ids with
   * the same menu and episode stars as an owned one. */
  wishable = self->title_id > 0 || self->kind == SSV_MEDIA_KIND_SHOW;
  gtk_widget_set_visible (GTK_WIDGET (self->wish_button), wishable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "title.wish", wishable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "title.unwish", wishable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "title.wish-tmdb", FALSE);

  /* Shows are followed; the eye goes before the wishlist button. */
  if (self->kind == SSV_MEDIA_KIND_SHOW)
    {
      self->follow_set = ssv_follow_set_new (ssv_context_get_watchlist_store (context), SSV_WATCH_KIND_SHOW);
      self->watch_button = ssv_watch_button_new (self->follow_set);
      ssv_watch_button_set_show_label (SSV_WATCH_BUTTON (self->watch_button), TRUE);
      gtk_box_prepend (self->actions_box, self->watch_button);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "title.mark-season", self->kind == SSV_MEDIA_KIND_SHOW);
  /* Refreshing, re-matching, editing and marking watched act on the library's row:
   * a title known only from TMDB has none. */
  if (self->title_id <= 0)
    {
      static const char * const library_actions[] = {
        "title.refresh", "title.rematch", "title.edit", "title.mark-watched", "title.mark-season",
        "title.set-episode-watched",
      };

      for (guint i = 0; i < G_N_ELEMENTS (library_actions); i++)
        gtk_widget_action_set_enabled (GTK_WIDGET (self), library_actions[i], FALSE);
    }

  if (self->title_id > 0)
    g_signal_connect_object (ssv_context_get_library_store (context), "changed",
                             G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (get_engine (self), "item-done", G_CALLBACK (on_item_done), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
ssv_title_page_dispose (GObject *object)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->work_cancellable);
  g_clear_object (&self->work_cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);

  G_OBJECT_CLASS (ssv_title_page_parent_class)->dispose (object);

  /* After the template's bindings and the eye button are gone. */
  g_clear_object (&self->item);
  g_clear_object (&self->follow_set);
  g_clear_pointer (&self->last_message, g_free);
  g_clear_object (&self->people);
}

static void
ssv_title_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind == SSV_MEDIA_KIND_SHOW ? "show" : "movie");
      break;
    case PROP_TITLE_ID:
      g_value_set_int64 (value, self->title_id);
      break;
    case PROP_TMDB_ID:
      g_value_set_int64 (value, self->tmdb_id);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_title_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SsvTitlePage *self = SSV_TITLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_strcmp0 (g_value_get_string (value), "show") == 0 ? SSV_MEDIA_KIND_SHOW : SSV_MEDIA_KIND_MOVIE;
      break;
    case PROP_TITLE_ID:
      self->title_id = g_value_get_int64 (value);
      break;
    case PROP_TMDB_ID:
      self->tmdb_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_title_page_class_init (SsvTitlePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_title_page_constructed;
  object_class->dispose = ssv_title_page_dispose;
  object_class->get_property = ssv_title_page_get_property;
  object_class->set_property = ssv_title_page_set_property;

  /* Pushed on top of the sidebar's pages, never in the sidebar itself. */
  ssv_page_class_set_info (SSV_PAGE_CLASS (klass), "title", _("Title"), "video-x-generic-symbolic");

  /**
   * SsvTitlePage:kind:
   *
   * "movie" or "show".
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "movie",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE_ID] =
    g_param_spec_int64 ("title-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SsvTitlePage:tmdb-id:
   *
   * With no title-id: the page of a title not owned, built from TMDB.
   */
  properties[PROP_TMDB_ID] =
    g_param_spec_int64 ("tmdb-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SsvTitlePage:item:
   *
   * The SsvTitle shown, once loaded; a reload replaces it.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SSV_TYPE_TITLE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SSV_TYPE_TITLE_HERO);
  g_type_ensure (SSV_TYPE_CAST_ROW);
  g_type_ensure (SSV_TYPE_SEASON_EPISODES);
  g_type_ensure (SSV_TYPE_TITLE_FILES);
  g_type_ensure (SSV_TYPE_TITLE_OVERVIEW);
  g_type_ensure (SSV_TYPE_WISH_BUTTON);
  g_type_ensure (SSV_TYPE_WHERE_TO_WATCH);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/pages/ssv-title-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, preferences_button);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, tmdb_wish_button);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, hero);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, title_menu);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, wish_button);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, cast_row);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, season_episodes);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, where_to_watch);

  /* (target, library id, season number): an SsvWishTarget and what it names. */
  gtk_widget_class_install_action (widget_class, "title.wish", "(uxi)", wish_action);
  gtk_widget_class_install_action (widget_class, "title.unwish", "(uxi)", wish_action);
  gtk_widget_class_install_action (widget_class, "title.wish-tmdb", NULL, wish_tmdb_action);
  gtk_widget_class_install_action (widget_class, "title.search-releases", "(ii)", search_releases_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "title.search-releases", "(ii)", -1, -1);

  gtk_widget_class_install_action (widget_class, "title.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "title.rematch", NULL, rematch_action);
  gtk_widget_class_install_action (widget_class, "title.edit", NULL, edit_action);
  /* Watched or not: the whole title, the season shown, one episode (id). */
  gtk_widget_class_install_action (widget_class, "title.mark-watched", "b", mark_watched_action);
  gtk_widget_class_install_action (widget_class, "title.mark-season", "b", mark_season_action);
  gtk_widget_class_install_action (widget_class, "title.set-episode-watched", "(xb)", set_episode_watched_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "title.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "title.edit", NULL);
}

static void
ssv_title_page_init (SsvTitlePage *self)
{
  self->work_cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  ssv_ui_set_menu_when_opened (self->menu_button, self->title_menu);
}

/**
 * ssv_title_page_new:
 * @kind: %SSV_MEDIA_KIND_MOVIE or %SSV_MEDIA_KIND_SHOW
 * @id: the title's library row
 */
SsvPage *
ssv_title_page_new (SsvContext   *context,
                    SsvMediaKind  kind,
                    gint64        id)
{
  return g_object_new (SSV_TYPE_TITLE_PAGE,
                       "context", context,
                       "kind", kind == SSV_MEDIA_KIND_SHOW ? "show" : "movie",
                       "title-id", id,
                       NULL);
}

/**
 * ssv_title_page_new_from_tmdb:
 * @kind: %SSV_MEDIA_KIND_MOVIE or %SSV_MEDIA_KIND_SHOW
 * @tmdb_id: TMDB's id of a title that need not be in the library
 */
SsvPage *
ssv_title_page_new_from_tmdb (SsvContext   *context,
                              SsvMediaKind  kind,
                              gint64        tmdb_id)
{
  return g_object_new (SSV_TYPE_TITLE_PAGE,
                       "context", context,
                       "kind", kind == SSV_MEDIA_KIND_SHOW ? "show" : "movie",
                       "tmdb-id", tmdb_id,
                       NULL);
}
