/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-page.c: a movie's or show's billboard: sections over one SsvTitle. The page loads
 * the title (again, a little after the library or a provider changes it) and lays out the
 * hero, the words under it, the follow and wishlist buttons, cast, episodes and files; each
 * section binds to the title in the page's template. */

#include "config.h"

#include <glib/gi18n.h>

#include "dialogs/ssv-release-search-dialog.h"
#include "ssv-follow-set.h"
#include "ssv-texture-loader.h"
#include "ssv-title-page-private.h"
#include "title/ssv-cast-row.h"
#include "title/ssv-season-episodes.h"
#include "title/ssv-title-files.h"
#include "title/ssv-title-hero.h"
#include "title/ssv-title-overview.h"
#include "widgets/ssv-watch-button.h"
#include "widgets/ssv-wish-button.h"

#define RELOAD_DELAY_MS 500

struct _SsvTitlePage
{
  SsvPage            parent_instance;

  SsvMediaKind       kind;
  gint64             title_id;
  SsvTitle          *item;
  GCancellable      *cancellable;
  guint              reload_source;
  gboolean           requested;
  SsvFollowSet      *follow_set;       /* a show's eye button */

  GtkStack          *state_stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  SsvTitleHero      *hero;
  GtkBox            *actions_box;
  GtkWidget         *watch_button;
  SsvWishButton     *wish_button;
  SsvCastRow        *cast_row;
  SsvSeasonEpisodes *season_episodes;
};

G_DEFINE_FINAL_TYPE (SsvTitlePage, ssv_title_page, SSV_TYPE_PAGE)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE_ID,
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

/* ---- loading --------------------------------------------------------------------- */

/* Opening a title the providers have not finished asks them for it first. */
static void
request_if_unsynced (SsvTitlePage *self)
{
  SsvWorker *tmdb = ssv_enrichment_engine_lookup (get_engine (self), "tmdb");
  SsvWorkerState state = tmdb ? ssv_worker_get_state (tmdb) : SSV_WORKER_STOPPED;
  gboolean will_answer = state == SSV_WORKER_IDLE || state == SSV_WORKER_WORKING ||
                         state == SSV_WORKER_HELD || state == SSV_WORKER_COOLDOWN;

  if (ssv_title_get_synced (self->item))
    will_answer = FALSE;
  else if (!self->requested)
    {
      self->requested = TRUE;
      ssv_enrichment_engine_request (get_engine (self), item_kind (self), self->title_id);
    }

  g_object_set (self->hero, "looking-up", will_answer, NULL);
}

static void
show_item (SsvTitlePage *self,
           SsvTitle     *item)
{
  g_set_object (&self->item, item);
  ssv_page_set_title (SSV_PAGE (self), ssv_title_get_title (item));
  if (self->watch_button != NULL)
    ssv_watch_button_set_item (SSV_WATCH_BUTTON (self->watch_button), ssv_title_get_item (item));
  request_if_unsynced (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  set_state (self, "content");
}

static void
title_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SsvTitlePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTitle) item = ssv_library_store_load_title_finish (SSV_LIBRARY_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (item != NULL)
    show_item (self, item);
  else if (self->item == NULL)
    {
      /* Once shown, a title stays until a reload brings it back. */
      adw_status_page_set_description (self->error_page, error->message);
      set_state (self, "error");
    }
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
                                     ssv_title_get_poster_url (self->item));
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

  G_OBJECT_CLASS (ssv_title_page_parent_class)->constructed (object);

  context = ssv_page_get_context (SSV_PAGE (self));
  loader = ssv_texture_loader_get_default (context);
  ssv_title_hero_set_loader (self->hero, loader);
  ssv_cast_row_set_loader (self->cast_row, loader);
  ssv_season_episodes_set_loader (self->season_episodes, loader);
  ssv_wish_button_set_store (self->wish_button, ssv_context_get_wishlist_store (context));

  /* Shows are followed; the eye goes before the wishlist button. */
  if (self->kind == SSV_MEDIA_KIND_SHOW)
    {
      self->follow_set = ssv_follow_set_new (ssv_context_get_watchlist_store (context), SSV_WATCH_KIND_SHOW);
      self->watch_button = ssv_watch_button_new (self->follow_set);
      ssv_watch_button_set_show_label (SSV_WATCH_BUTTON (self->watch_button), TRUE);
      gtk_box_prepend (self->actions_box, self->watch_button);
    }

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
  g_clear_handle_id (&self->reload_source, g_source_remove);

  G_OBJECT_CLASS (ssv_title_page_parent_class)->dispose (object);

  /* After the template's bindings and the eye button are gone. */
  g_clear_object (&self->item);
  g_clear_object (&self->follow_set);
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
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/pages/ssv-title-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, hero);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, wish_button);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, cast_row);
  gtk_widget_class_bind_template_child (widget_class, SsvTitlePage, season_episodes);

  /* (target, library id, season number): an SsvWishTarget and what it names. */
  gtk_widget_class_install_action (widget_class, "title.wish", "(uxi)", wish_action);
  gtk_widget_class_install_action (widget_class, "title.unwish", "(uxi)", wish_action);
  gtk_widget_class_install_action (widget_class, "title.search-releases", "(ii)", search_releases_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "title.search-releases", "(ii)", -1, -1);
}

static void
ssv_title_page_init (SsvTitlePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
