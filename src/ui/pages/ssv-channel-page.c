/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-page.c: a YouTube channel's page: banner, avatar, counts, Follow, and its videos
 * in year seasons (Earlier videos for the undated, Shorts apart) in a GtkGridView over one
 * GListStore. Cache-first: a saved channel shows from the database at once while the channel
 * service refreshes it quietly; only a channel never read shows the loading state. A refresh
 * that fails says why in a notice over the videos, which stay. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dialogs/ssv-video-dialog.h"
#include "pages/ssv-channel-page-private.h"
#include "ssv-error.h"
#include "ssv-texture-loader.h"
#include "ssv-ui-utils.h"
#include "widgets/ssv-video-card.h"
#include "widgets/ssv-video-words.h"
#include "ssv-channel-service.h"
#include "stores/ssv-channel-store.h"

#define RELOAD_DELAY_MS 500
#define AVATAR_SIZE     96
#define BANNER_HEIGHT   160
/* Lower than a card with its title and counts: a screen never holds more rows. */
#define CARD_ROW_HEIGHT 160
/* Read first, so the first frame waits for a screenful of cards, not the whole catalog:
 * more than a tall window shows (three columns, as the grid has them, of 160-pixel rows). */
#define FIRST_VIDEOS    48

/* Season keys: a year, or these. */
#define SEASON_EARLIER  0
#define SEASON_SHORTS   (-1)

/* The newest videos are read at once beside the saved channel, not after it. */
typedef enum {
  EARLY_NONE,        /* not asked, or taken */
  EARLY_ASKED,       /* on the way */
  EARLY_CAME,        /* came before the channel: early_videos (NULL: failed) */
} EarlyRead;

struct _SsvChannelPage
{
  SsvPage             parent_instance;

  char               *channel_id;
  SsvChannel         *channel;
  GListStore         *videos;          /* SsvVideo, newest first */
  GtkCustomFilter    *filter;
  GtkFilterListModel *shown;
  GtkSliceListModel  *first_screen;    /* what the grid gets: a screenful until drawn */
  gboolean            drew_cards;      /* a frame showed cards: the grid gets them all */
  GArray             *season_keys;     /* int, in the order of season_names */
  GtkStringList      *season_names;
  GCancellable       *cancellable;
  guint               reload_source;
  gboolean            reload_videos;   /* the coming reload reads the videos too */
  gboolean            busy;            /* following or unfollowing */
  gboolean            opened;          /* the service was told of the visit */
  GPtrArray          *bound;           /* cards showing a video now */
  GdkFrameClock      *frame_clock;
  gulong              after_paint_handler;
  gboolean            thumbnails_due;  /* cards came into view since the last frame */
  gboolean            showed_loading;
  gboolean            dearrow_titles;
  EarlyRead           early;           /* the first screenful, read with the channel */
  GPtrArray          *early_videos;    /* what it gave, while the channel is not read yet */
  GSettings          *settings;

  /* Template widgets */
  GtkStack           *state_stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  GtkPicture         *banner;
  AdwAvatar          *avatar;
  GtkRevealer        *notice_revealer;
  GtkLabel           *notice_label;
  GtkDropDown        *season_dropdown;
  GtkStack           *videos_stack;
  GtkScrolledWindow  *grid_scroller;
  GtkGridView        *grid_view;
};

G_DEFINE_FINAL_TYPE (SsvChannelPage, ssv_channel_page, SSV_TYPE_PAGE)

enum {
  PROP_0,
  PROP_CHANNEL_ID,
  PROP_CHANNEL,
  PROP_DEARROW_TITLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (SsvChannelPage *self);
static void load_videos (SsvChannelPage *self);
static void open_with_service (SsvChannelPage *self);

static SsvContext *
get_context (SsvChannelPage *self)
{
  return ssv_page_get_context (SSV_PAGE (self));
}

static SsvChannelStore *
get_store (SsvChannelPage *self)
{
  return ssv_context_get_channel_store (get_context (self));
}

/* The page is shown once it has something to show (ssv_page_set_ready). Shown blank all
 * the same (a read slower than the window waits), the content comes at once: a cross-fade
 * from the blank page would draw it faint at first, through an offscreen copy of both. */
static void
set_state (SsvChannelPage *self,
           const char     *state)
{
  gboolean from_blank = g_strcmp0 (gtk_stack_get_visible_child_name (self->state_stack), "blank") == 0;

  if (g_str_equal (state, "loading"))
    self->showed_loading = TRUE;
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
  gtk_stack_set_visible_child_full (self->state_stack, state,
                                    from_blank ? GTK_STACK_TRANSITION_TYPE_NONE
                                               : gtk_stack_get_transition_type (self->state_stack));
  /* Something to show: the window, waiting for it, shows the page now. */
  ssv_page_set_ready (SSV_PAGE (self), TRUE);
}

/* ---- words (template closures) ---------------------------------------------------- */

/* "1.2M subscribers · 412 videos"; what is unknown is left out. */
static char *
counts_text (SsvChannelPage *self,
             gint64          subscribers,
             gint64          video_count,
             int             cached_videos)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gint64 videos = video_count >= 0 ? video_count : cached_videos;

  if (subscribers >= 0)
    {
      g_autofree char *count = ssv_video_words_count (subscribers);

      /* Translators: "1.2M subscribers" */
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s subscriber", "%s subscribers",
                                                            (gulong) MIN (subscribers, G_MAXINT)), count));
    }
  if (videos > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d video", "%d videos",
                                                          (gulong) MIN (videos, G_MAXINT)),
                                             (int) MIN (videos, G_MAXINT)));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static char *
follow_label (SsvChannelPage *self,
              gboolean        followed)
{
  return g_strdup (followed ? _("_Unfollow") : _("_Follow"));
}

static char *
follow_tooltip (SsvChannelPage *self,
                gboolean        followed)
{
  return g_strdup (followed ? _("Stop following this channel; its saved videos stay")
                            : _("Follow this channel: its uploads join the watchlist and the calendar"));
}

/* Why a refresh failed, in plain words; the saved videos stay either way. */
static char *
describe_trouble (const char *kind,
                  const char *message)
{
  if (kind == NULL)
    return NULL;
  if (g_str_equal (kind, "changed"))
    return g_strdup (_("YouTube changed its page, so new videos could not be read. The saved ones are shown."));
  if (g_str_equal (kind, "rate-limited"))
    return g_strdup (_("YouTube asked to slow down. The saved videos are shown; the channel is read again later."));
  if (g_str_equal (kind, "unreachable"))
    return g_strdup (_("YouTube could not be reached. You may be offline; the saved videos are shown."));
  if (g_str_equal (kind, "not-found"))
    return g_strdup (_("YouTube no longer knows this channel. The saved videos are shown."));
  /* Translators: %s says what went wrong */
  return g_strdup_printf (_("The channel could not be refreshed: %s"), message ? message : _("unknown error"));
}

static void
show_notice (SsvChannelPage *self,
             const char     *text)
{
  gtk_label_set_text (self->notice_label, text ? text : "");
  gtk_revealer_set_reveal_child (self->notice_revealer, text != NULL);
}

/* ---- seasons ---------------------------------------------------------------------- */

static int
season_of (SsvVideo *video)
{
  if (ssv_video_get_is_short (video))
    return SEASON_SHORTS;
  return MAX (ssv_video_get_year (video), SEASON_EARLIER);
}

static int
compare_seasons (gconstpointer a,
                 gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  /* Newest year first, then the undated, then Shorts. */
  return (y > x) - (y < x);
}

static int
selected_season (SsvChannelPage *self)
{
  guint position = gtk_drop_down_get_selected (self->season_dropdown);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->season_keys->len)
    return G_MININT;
  return g_array_index (self->season_keys, int, position);
}

static gboolean
filter_video (gpointer item,
              gpointer user_data)
{
  SsvChannelPage *self = user_data;

  return season_of (item) == selected_season (self);
}

static char *
season_name (int key)
{
  if (key == SEASON_SHORTS)
    return g_strdup (_("Shorts"));
  if (key == SEASON_EARLIER)
    return g_strdup (_("Earlier videos"));
  return g_strdup_printf ("%d", key);
}

/* The seasons the videos fall in; the one chosen stays chosen while it exists. */
static void
update_seasons (SsvChannelPage *self)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->videos));
  int chosen = selected_season (self);
  guint position = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SsvVideo) video = g_list_model_get_item (G_LIST_MODEL (self->videos), i);
      int key = season_of (video);

      if (g_hash_table_add (seen, GINT_TO_POINTER (key)))
        g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_seasons);

  if (keys->len == self->season_keys->len &&
      memcmp (keys->data, self->season_keys->data, keys->len * sizeof (int)) == 0)
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      return;
    }

  for (guint i = 0; i < keys->len; i++)
    {
      int key = g_array_index (keys, int, i);
      g_autofree char *name = season_name (key);

      g_strv_builder_add (names, name);
      if (key == chosen)
        position = i;
    }
  strv = g_strv_builder_end (names);

  g_array_set_size (self->season_keys, 0);
  g_array_append_vals (self->season_keys, keys->data, keys->len);
  gtk_string_list_splice (self->season_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->season_names)),
                          (const char * const *) strv);
  gtk_drop_down_set_selected (self->season_dropdown, keys->len > 0 ? position : GTK_INVALID_LIST_POSITION);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_season_selected (SsvChannelPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ---- showing what was read -------------------------------------------------------- */

static void
show_channel (SsvChannelPage *self,
              SsvChannel     *channel)
{
  g_autofree char *trouble = NULL;
  SsvTextureLoader *loader = ssv_texture_loader_get_default (get_context (self));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  const char *banner_url;

  if (self->channel != NULL)
    ssv_channel_update_from (self->channel, channel);
  else
    {
      self->channel = g_object_ref (channel);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
    }

  ssv_page_set_title (SSV_PAGE (self), ssv_channel_get_title (channel) ? ssv_channel_get_title (channel)
                                                                       : self->channel_id);
  ssv_page_set_subtitle (SSV_PAGE (self), ssv_channel_get_handle (channel));

  banner_url = ssv_channel_get_banner_url (channel);
  gtk_widget_set_visible (GTK_WIDGET (self->banner), banner_url != NULL && *banner_url != '\0');
  ssv_texture_loader_load_picture (loader, self->banner, banner_url, BANNER_HEIGHT * scale, self->cancellable);
  if (ssv_channel_get_avatar_url (channel) != NULL)
    {
      g_autoptr(GdkTexture) known = ssv_texture_loader_dup_texture (loader, ssv_channel_get_avatar_url (channel),
                                                                    AVATAR_SIZE * scale);

      if (known != NULL)
        adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (known));
    }

  trouble = describe_trouble (ssv_channel_get_error_kind (channel), ssv_channel_get_last_error (channel));
  show_notice (self, trouble);
}

static void
avatar_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SsvChannelPage) self = user_data;
  g_autoptr(GdkTexture) texture = ssv_texture_loader_load_finish (SSV_TEXTURE_LOADER (source), result, NULL);

  /* Without one, the initials stay. */
  if (texture != NULL && self->avatar != NULL)
    adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
}

static void
load_avatar (SsvChannelPage *self)
{
  const char *url = self->channel ? ssv_channel_get_avatar_url (self->channel) : NULL;

  if (url == NULL || *url == '\0')
    return;
  ssv_texture_loader_load_async (ssv_texture_loader_get_default (get_context (self)), url,
                                 AVATAR_SIZE * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                 self->cancellable, avatar_ready_cb, g_object_ref (self));
}

/* The videos shown are updated in place and the fresh ones after them added, as long as
 * they begin the fresh list in the same order (the same list refreshed, or the first
 * screenful followed by the whole catalog), so the grid keeps its cards and its scroll;
 * anything else replaces the list. */
static void
merge_videos (SsvChannelPage *self,
              GPtrArray      *fresh)
{
  GListModel *model = G_LIST_MODEL (self->videos);
  guint n = g_list_model_get_n_items (model);
  gboolean prefix = n <= fresh->len;

  for (guint i = 0; prefix && i < n; i++)
    {
      g_autoptr(SsvVideo) known = g_list_model_get_item (model, i);

      prefix = g_strcmp0 (ssv_video_get_video_id (known), ssv_video_get_video_id (g_ptr_array_index (fresh, i))) == 0;
    }

  if (prefix)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SsvVideo) known = g_list_model_get_item (model, i);

          ssv_video_update_from (known, g_ptr_array_index (fresh, i));
        }
      if (fresh->len > n)
        g_list_store_splice (self->videos, n, 0, fresh->pdata + n, fresh->len - n);
    }
  else
    g_list_store_splice (self->videos, 0, n, fresh->pdata, fresh->len);

  update_seasons (self);
  gtk_stack_set_visible_child_name (self->videos_stack, fresh->len > 0 ? "grid" : "empty");
}

/* What a read of the videos gave: shown, or a toast saying why not. */
static void
show_videos (SsvChannelPage *self,
             GPtrArray      *videos,
             const GError   *error)
{
  if (videos == NULL)
    {
      ssv_ui_toast (GTK_WIDGET (self), error->message);
      if (g_list_model_get_n_items (G_LIST_MODEL (self->videos)) == 0)
        gtk_stack_set_visible_child_name (self->videos_stack, "empty");
    }
  else
    merge_videos (self, videos);

  set_state (self, "content");
}

/* The first screenful (list_newest_videos) shows, then the rest of the catalog is read;
 * once every video is in, the service is told of the visit, so its work delays none. */
static void
take_videos (SsvChannelPage *self,
             GPtrArray      *videos,
             const GError   *error,
             gboolean        first)
{
  show_videos (self, videos, error);
  if (first && videos != NULL && videos->len >= FIRST_VIDEOS)
    load_videos (self);
  else if (!self->opened)
    open_with_service (self);
}

static void
videos_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SsvChannelPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) videos = ssv_channel_store_list_finish (SSV_CHANNEL_STORE (source), result, &error);
  gboolean first = g_task_get_source_tag (G_TASK (result)) == ssv_channel_store_list_newest_videos_async;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  take_videos (self, videos, error, first);
}

/* The newest videos, asked for with the saved channel: shown once it is. */
static void
early_videos_ready_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SsvChannelPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) videos = ssv_channel_store_list_finish (SSV_CHANNEL_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->early = EARLY_NONE;
  /* A channel never read (it shows the loading state) has none to show. */
  if (self->showed_loading)
    return;
  /* Before the channel: kept until it comes (a failure is asked again then). */
  if (self->channel == NULL)
    {
      self->early = EARLY_CAME;
      self->early_videos = g_steal_pointer (&videos);
      return;
    }
  take_videos (self, videos, error, TRUE);
}

static void
load_videos (SsvChannelPage *self)
{
  ssv_channel_store_list_videos_async (get_store (self), self->channel_id, SSV_VIDEOS_ALL, self->cancellable,
                                       videos_ready_cb, g_object_ref (self));
}

/* A first look at the channel: its newest videos first. */
static void
load_first_videos (SsvChannelPage *self)
{
  ssv_channel_store_list_newest_videos_async (get_store (self), self->channel_id, FIRST_VIDEOS, self->cancellable,
                                              videos_ready_cb, g_object_ref (self));
}

static void
show_error (SsvChannelPage *self,
            const GError   *error)
{
  g_autofree char *text = NULL;

  if (g_error_matches (error, SSV_ERROR, SSV_ERROR_UNREACHABLE) || g_error_matches (error, SSV_ERROR, SSV_ERROR_TIMEOUT))
    text = g_strdup (_("YouTube could not be reached. Check that you are online, then try again."));
  else if (g_error_matches (error, SSV_ERROR, SSV_ERROR_RATE_LIMITED))
    text = g_strdup (_("YouTube asked to slow down. Try again in a few minutes."));
  else if (g_error_matches (error, SSV_ERROR, SSV_ERROR_CHANGED))
    text = g_strdup (_("YouTube changed its page, so this channel could not be read. An update of the app will read it again."));
  else
    text = g_strdup (error->message);

  adw_status_page_set_description (self->error_page, text);
  set_state (self, "error");
}

/* A channel never read: the service reads it first, this once with the loading state. */
static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SsvChannelPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvChannel) channel = ssv_channel_service_open_finish (SSV_CHANNEL_SERVICE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (channel == NULL)
    {
      /* Shown already from the database: the notice says it, the page stays. */
      if (self->channel == NULL)
        show_error (self, error);
      else
        ssv_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  /* A saved channel is on screen with its videos already; what the refresh
   * saves comes through the store's changed signal. */
  if (self->channel == NULL)
    {
      show_channel (self, channel);
      load_avatar (self);
      load_first_videos (self);
    }
  else
    show_channel (self, channel);
}

static void
open_with_service (SsvChannelPage *self)
{
  self->opened = TRUE;
  ssv_channel_service_open_async (ssv_context_get_channel_service (get_context (self)), self->channel_id,
                                  self->cancellable, opened_cb, g_object_ref (self));
}

static void
saved_channel_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SsvChannelPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvChannel) channel = ssv_channel_store_get_channel_finish (SSV_CHANNEL_STORE (source), result, &error);
  gboolean first = self->channel == NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (channel == NULL)
    {
      if (!first)
        ssv_ui_toast (GTK_WIDGET (self), error->message);
      else if (g_error_matches (error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
        {
          g_clear_pointer (&self->early_videos, g_ptr_array_unref);
          set_state (self, "loading");
          open_with_service (self);
        }
      else
        show_error (self, error);
      return;
    }

  show_channel (self, channel);
  if (first)
    {
      g_autoptr(GPtrArray) early = g_steal_pointer (&self->early_videos);

      /* Saved: shown now; then the service notes the visit and refreshes what is stale. */
      load_avatar (self);
      if (early != NULL)
        take_videos (self, early, NULL, TRUE);
      else if (self->early != EARLY_ASKED)
        load_first_videos (self);
      if (self->early == EARLY_CAME)
        self->early = EARLY_NONE;
    }
}

static void
reload (SsvChannelPage *self)
{
  ssv_channel_store_get_channel_async (get_store (self), self->channel_id, self->cancellable,
                                       saved_channel_cb, g_object_ref (self));
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  SsvChannelPage *self = user_data;

  self->reload_source = 0;
  reload (self);
  if (self->reload_videos)
    load_videos (self);
  self->reload_videos = FALSE;
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (a refresh saves page after page): one reload after them. */
static void
reload_soon (SsvChannelPage *self,
             gboolean        videos)
{
  self->reload_videos |= videos;
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

/* changed::video reads the videos again; anything else (the visit noted, a follow) only
 * the channel: thousands of videos are not read for a changed date of a visit. */
static void
on_store_changed (SsvChannelPage *self,
                  const char     *detail)
{
  if (self->channel != NULL)
    reload_soon (self, g_strcmp0 (detail, "video") == 0);
}

/* The quiet refresh ended: what it saved shows, and a failure says why in the notice. */
static void
on_refreshed (SsvChannelPage *self,
              const char     *channel_id,
              const GError   *error)
{
  if (g_strcmp0 (channel_id, self->channel_id) != 0 || self->channel == NULL)
    return;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_videos = FALSE;
  reload (self);
  load_videos (self);
}

static void
on_dearrow_titles_changed (SsvChannelPage *self)
{
  gboolean on = g_settings_get_boolean (self->settings, "youtube-dearrow-titles");

  if (on == self->dearrow_titles)
    return;
  self->dearrow_titles = on;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEARROW_TITLES]);
}

/* ---- the grid ----------------------------------------------------------------------- */

static void
thumbnails_due (SsvChannelPage *self)
{
  self->thumbnails_due = TRUE;
  if (self->frame_clock != NULL)
    gdk_frame_clock_request_phase (self->frame_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

/* After a frame: the cards within a screen of the view get their thumbnails. */
static void
after_paint_cb (GdkFrameClock  *frame_clock,
                SsvChannelPage *self)
{
  GtkWidget *scroller = GTK_WIDGET (self->grid_scroller);
  int height = gtk_widget_get_height (scroller);

  /* The first screen is drawn: the rest of the cards are built for the next frame. */
  if (!self->drew_cards && self->bound->len > 0 && gtk_widget_get_mapped (scroller))
    {
      self->drew_cards = TRUE;
      gtk_slice_list_model_set_size (self->first_screen, G_MAXUINT);
    }

  if (!self->thumbnails_due || !gtk_widget_get_mapped (scroller))
    return;

  self->thumbnails_due = FALSE;
  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (self->bound, i);
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (card, scroller, &bounds) &&
          bounds.origin.y + bounds.size.height >= -height && bounds.origin.y <= 2 * height)
        ssv_video_card_ensure_thumbnail (SSV_VIDEO_CARD (card));
    }
}

static void
ssv_channel_page_realize (GtkWidget *widget)
{
  SsvChannelPage *self = SSV_CHANNEL_PAGE (widget);

  GTK_WIDGET_CLASS (ssv_channel_page_parent_class)->realize (widget);

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->after_paint_handler = g_signal_connect (self->frame_clock, "after-paint", G_CALLBACK (after_paint_cb), self);
  thumbnails_due (self);

  /* Until a frame has shown cards, the grid gets those of a screen (rows of the window's
   * height): GTK 4.8's grid builds thirty rows of cards whatever it shows. */
  if (!self->drew_cards)
    {
      int rows = gtk_widget_get_height (GTK_WIDGET (gtk_widget_get_root (widget))) / CARD_ROW_HEIGHT + 1;

      gtk_slice_list_model_set_size (self->first_screen, gtk_grid_view_get_max_columns (self->grid_view) * rows);
    }
}

static void
ssv_channel_page_unrealize (GtkWidget *widget)
{
  SsvChannelPage *self = SSV_CHANNEL_PAGE (widget);

  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_handler, self->frame_clock);
  g_clear_object (&self->frame_clock);

  GTK_WIDGET_CLASS (ssv_channel_page_parent_class)->unrealize (widget);
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          SsvChannelPage           *self)
{
  GtkWidget *card = ssv_video_card_new (ssv_texture_loader_get_default (get_context (self)));

  g_object_bind_property (self, "dearrow-titles", card, "prefer-dearrow", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (list_item, card);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         SsvChannelPage           *self)
{
  GtkWidget *card = gtk_list_item_get_child (list_item);

  ssv_video_card_set_video (SSV_VIDEO_CARD (card), gtk_list_item_get_item (list_item));
  g_ptr_array_add (self->bound, card);
  thumbnails_due (self);
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           SsvChannelPage           *self)
{
  GtkWidget *card = gtk_list_item_get_child (list_item);

  ssv_video_card_set_video (SSV_VIDEO_CARD (card), NULL);
  g_ptr_array_remove_fast (self->bound, card);
}

static void
on_grid_activate (SsvChannelPage *self,
                  guint           position)
{
  g_autoptr(SsvVideo) video = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (video != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "channel.open-video", "s", ssv_video_get_video_id (video));
}

/* ---- actions ------------------------------------------------------------------------ */

static SsvVideo *
find_video (SsvChannelPage *self,
            const char     *video_id)
{
  GListModel *model = G_LIST_MODEL (self->videos);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SsvVideo) video = g_list_model_get_item (model, i);

      if (g_strcmp0 (ssv_video_get_video_id (video), video_id) == 0)
        return video;
    }
  return NULL;
}

/* channel.open-video (video id): the video's dialog over the window. */
static void
open_video_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsvChannelPage *self = SSV_CHANNEL_PAGE (widget);
  SsvVideo *video = find_video (self, g_variant_get_string (parameter, NULL));

  if (video == NULL)
    return;
  ssv_ui_present_window (GTK_WINDOW (ssv_video_dialog_new (get_context (self), video)), widget);
}

static void
set_busy (SsvChannelPage *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "channel.follow", !busy);
}

static void
follow_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SsvChannelPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = ssv_channel_service_follow_finish (SSV_CHANNEL_SERVICE (source), result, &error);

  if (self->cancellable == NULL)
    return;
  set_busy (self, FALSE);
  if (id == NULL)
    ssv_ui_toast (GTK_WIDGET (self), error->message);
  reload (self);
}

static void
unfollow_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SsvChannelPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ssv_channel_service_unfollow_finish (SSV_CHANNEL_SERVICE (source), result, &error) &&
      self->cancellable != NULL)
    ssv_ui_toast (GTK_WIDGET (self), error->message);
  if (self->cancellable == NULL)
    return;
  set_busy (self, FALSE);
  reload (self);
}

/* channel.follow: follows, or stops following, the channel shown. */
static void
follow_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsvChannelPage *self = SSV_CHANNEL_PAGE (widget);
  SsvChannelService *service = ssv_context_get_channel_service (get_context (self));

  if (self->busy || self->channel == NULL)
    return;

  set_busy (self, TRUE);
  if (ssv_channel_get_followed (self->channel))
    ssv_channel_service_unfollow_async (service, self->channel_id, NULL, unfollow_done_cb, g_object_ref (self));
  else
    ssv_channel_service_follow_async (service, self->channel_id, NULL, follow_done_cb, g_object_ref (self));
}

static void
wish_new_uploads_done_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(SsvChannelPage) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Done: the store's changed::channel brings the channel again. */
  if (ssv_channel_store_set_wish_new_uploads_finish (SSV_CHANNEL_STORE (source), result, &error))
    return;

  ssv_ui_toast (GTK_WIDGET (self), error->message);
  /* The toggle goes back to what is stored. */
  if (self->channel != NULL)
    g_object_notify (G_OBJECT (self->channel), "wish-new-uploads");
}

/* channel.wish-new-uploads: new uploads of the followed channel join the wishlist, or stop to. */
static void
wish_new_uploads_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SsvChannelPage *self = SSV_CHANNEL_PAGE (widget);

  if (self->channel == NULL)
    return;

  ssv_channel_store_set_wish_new_uploads_async (ssv_context_get_channel_store (get_context (self)), self->channel_id,
                                                !ssv_channel_get_wish_new_uploads (self->channel), NULL,
                                                wish_new_uploads_done_cb, g_object_ref (self));
}

/* channel.reload: after a first open failed. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (SSV_CHANNEL_PAGE (widget));
}

/* ---- public and for tests ------------------------------------------------------------ */

const char *
ssv_channel_page_get_channel_id (SsvChannelPage *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_PAGE (self), NULL);

  return self->channel_id;
}

/* Returns: (transfer none) (nullable): the channel shown, once read */
SsvChannel *
ssv_channel_page_get_channel (SsvChannelPage *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_PAGE (self), NULL);

  return self->channel;
}

/* "loading", "error" or "content". */
const char *
ssv_channel_page_get_state (SsvChannelPage *self)
{
  return gtk_stack_get_visible_child_name (self->state_stack);
}

/* Every saved video (Shorts too), newest first. */
GListModel *
ssv_channel_page_get_videos (SsvChannelPage *self)
{
  return G_LIST_MODEL (self->videos);
}

/* The videos of the chosen season, as the grid shows them. */
GListModel *
ssv_channel_page_get_shown (SsvChannelPage *self)
{
  return G_LIST_MODEL (self->shown);
}

/* The seasons' names ("2024", …, "Earlier videos", "Shorts"), as the season menu lists them. */
GListModel *
ssv_channel_page_get_seasons (SsvChannelPage *self)
{
  return G_LIST_MODEL (self->season_names);
}

void
ssv_channel_page_select_season (SsvChannelPage *self,
                                guint           position)
{
  gtk_drop_down_set_selected (self->season_dropdown, position);
}

/* Returns: (nullable): the notice over the videos, when one shows */
const char *
ssv_channel_page_get_notice (SsvChannelPage *self)
{
  return gtk_revealer_get_reveal_child (self->notice_revealer) ? gtk_label_get_text (self->notice_label) : NULL;
}

GtkWidget *
ssv_channel_page_get_grid (SsvChannelPage *self)
{
  return GTK_WIDGET (self->grid_view);
}

/* Whether the loading state ever showed (only a channel never read shows it). */
gboolean
ssv_channel_page_get_showed_loading (SsvChannelPage *self)
{
  return self->showed_loading;
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
ssv_channel_page_constructed (GObject *object)
{
  SsvChannelPage *self = SSV_CHANNEL_PAGE (object);
  SsvContext *context;

  G_OBJECT_CLASS (ssv_channel_page_parent_class)->constructed (object);

  context = get_context (self);
  g_signal_connect_object (ssv_context_get_channel_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_channel_service (context), "refreshed",
                           G_CALLBACK (on_refreshed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_watchlist_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  reload (self);
  self->early = EARLY_ASKED;
  ssv_channel_store_list_newest_videos_async (ssv_context_get_channel_store (context), self->channel_id, FIRST_VIDEOS,
                                              self->cancellable, early_videos_ready_cb, g_object_ref (self));
}

static void
ssv_channel_page_dispose (GObject *object)
{
  SsvChannelPage *self = SSV_CHANNEL_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->grid_view != NULL)
    gtk_grid_view_set_model (self->grid_view, NULL);

  G_OBJECT_CLASS (ssv_channel_page_parent_class)->dispose (object);

  g_clear_object (&self->first_screen);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->videos);
  g_clear_object (&self->season_names);
  g_clear_object (&self->settings);
  g_clear_object (&self->channel);
}

static void
ssv_channel_page_finalize (GObject *object)
{
  SsvChannelPage *self = SSV_CHANNEL_PAGE (object);

  g_clear_pointer (&self->season_keys, g_array_unref);
  g_clear_pointer (&self->bound, g_ptr_array_unref);
  g_clear_pointer (&self->early_videos, g_ptr_array_unref);
  g_free (self->channel_id);

  G_OBJECT_CLASS (ssv_channel_page_parent_class)->finalize (object);
}

static void
ssv_channel_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SsvChannelPage *self = SSV_CHANNEL_PAGE (object);

  switch (prop_id)
    {
    case PROP_CHANNEL_ID:
      g_value_set_string (value, self->channel_id);
      break;
    case PROP_CHANNEL:
      g_value_set_object (value, self->channel);
      break;
    case PROP_DEARROW_TITLES:
      g_value_set_boolean (value, self->dearrow_titles);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_channel_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SsvChannelPage *self = SSV_CHANNEL_PAGE (object);

  switch (prop_id)
    {
    case PROP_CHANNEL_ID:
      self->channel_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_channel_page_class_init (SsvChannelPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_channel_page_constructed;
  object_class->dispose = ssv_channel_page_dispose;
  object_class->finalize = ssv_channel_page_finalize;
  object_class->get_property = ssv_channel_page_get_property;
  object_class->set_property = ssv_channel_page_set_property;
  widget_class->realize = ssv_channel_page_realize;
  widget_class->unrealize = ssv_channel_page_unrealize;

  /* Pushed on top of the sidebar's pages, never in the sidebar itself. */
  ssv_page_class_set_info (SSV_PAGE_CLASS (klass), "channel", _("Channel"), "camera-web-symbolic");

  properties[PROP_CHANNEL_ID] =
    g_param_spec_string ("channel-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SsvChannelPage:channel:
   *
   * The SsvChannel shown, once read; reloads update it in place.
   */
  properties[PROP_CHANNEL] =
    g_param_spec_object ("channel", NULL, NULL, SSV_TYPE_CHANNEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SsvChannelPage:dearrow-titles:
   *
   * Whether cards show DeArrow's titles (the youtube-dearrow-titles setting).
   */
  properties[PROP_DEARROW_TITLES] =
    g_param_spec_boolean ("dearrow-titles", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/pages/ssv-channel-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvChannelPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelPage, banner);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelPage, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelPage, season_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelPage, videos_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelPage, grid_scroller);
  gtk_widget_class_bind_template_child (widget_class, SsvChannelPage, grid_view);
  gtk_widget_class_bind_template_callback (widget_class, counts_text);
  gtk_widget_class_bind_template_callback (widget_class, follow_label);
  gtk_widget_class_bind_template_callback (widget_class, follow_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, on_season_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate);

  gtk_widget_class_install_action (widget_class, "channel.open-video", "s", open_video_action);
  gtk_widget_class_install_action (widget_class, "channel.wish-new-uploads", NULL, wish_new_uploads_action);
  gtk_widget_class_install_action (widget_class, "channel.follow", NULL, follow_action);
  gtk_widget_class_install_action (widget_class, "channel.reload", NULL, reload_action);
}

static void
ssv_channel_page_init (SsvChannelPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  /* Shown with its first screenful (or its loading state), not blank before it. */
  ssv_page_set_ready (SSV_PAGE (self), FALSE);
  self->cancellable = g_cancellable_new ();
  self->bound = g_ptr_array_new ();
  self->season_keys = g_array_new (FALSE, FALSE, sizeof (int));
  self->season_names = gtk_string_list_new (NULL);
  self->videos = g_list_store_new (SSV_TYPE_VIDEO);
  self->filter = gtk_custom_filter_new (filter_video, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->videos)),
                                           GTK_FILTER (g_object_ref (self->filter)));
  self->settings = g_settings_new (APPLICATION_ID);
  self->dearrow_titles = g_settings_get_boolean (self->settings, "youtube-dearrow-titles");
  g_signal_connect_object (self->settings, "changed::youtube-dearrow-titles",
                           G_CALLBACK (on_dearrow_titles_changed), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->season_dropdown, G_LIST_MODEL (self->season_names));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), self);
  gtk_grid_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);
  self->first_screen = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->shown)), 0, 0);
  gtk_grid_view_set_model (self->grid_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->first_screen)))));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->grid_scroller), "value-changed",
                           G_CALLBACK (thumbnails_due), self, G_CONNECT_SWAPPED);
}

SsvPage *
ssv_channel_page_new (SsvContext *context,
                      const char *channel_id)
{
  return g_object_new (SSV_TYPE_CHANNEL_PAGE, "context", context, "channel-id", channel_id, NULL);
}
