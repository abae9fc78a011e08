/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-videos.c: the Wishlist's Videos tab. Wished YouTube videos read from the
 * channel store off the UI thread, grouped under their channel's name, newest first, each
 * saying where its yt-dlp download stands, opening the video's dialog and with Remove. It
 * reads when first shown, and again when the channel store or the video downloader says
 * something changed. The page's search narrows what was read to the videos whose title,
 * DeArrow title (while those are shown) or channel matches, and its sort orders each
 * channel's videos; channels stay grouped, by name. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "widgets/ssv-wishlist-videos.h"
#include "dialogs/ssv-video-dialog.h"
#include "downloads/ssv-video-downloader.h"
#include "ssv-reload-gate.h"
#include "ssv-ui-utils.h"
#include "widgets/ssv-video-words.h"
#include "model/ssv-video.h"
#include "stores/ssv-channel-store.h"

struct _SsvWishlistVideos
{
  GtkWidget      parent_instance;

  SsvContext    *context;
  GSettings     *settings;
  GPtrArray     *all;             /* SsvVideo, every wished one as read */
  GListStore    *videos;          /* SsvVideo, those shown */
  char          *search;          /* casefolded, or NULL */
  SsvWishlistSort sort;
  gboolean       dearrow_titles;
  GCancellable  *cancellable;     /* the running read */
  SsvReloadGate *reload_gate;      /* open once the first read began */
  gboolean       loaded;           /* a read came back: the rows show */

  GtkStack      *stack;
  GtkSpinner    *spinner;
  AdwStatusPage *error_page;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (SsvWishlistVideos, ssv_wishlist_videos, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (SsvWishlistVideos *self);

/* ---- words ------------------------------------------------------------------------- */

/**
 * ssv_wishlist_videos_describe_download:
 *
 * Where the video's download stands, in plain words: "Downloaded", "Downloading…",
 * "Waiting to download", "Download failed, trying again later: …" and so on.
 *
 * Returns: (transfer full): the words
 */
char *
ssv_wishlist_videos_describe_download (SsvVideo *video)
{
  const char *state = ssv_video_get_download_state (video);
  const char *reason = ssv_video_get_download_error (video);
  const char *path = ssv_video_get_downloaded_path (video);

  if ((path != NULL && *path != '\0') || g_strcmp0 (state, "done") == 0)
    return g_strdup (_("Downloaded"));
  if (g_strcmp0 (state, "running") == 0)
    return g_strdup (_("Downloading…"));
  if (g_strcmp0 (state, "queued") == 0)
    return g_strdup (_("Waiting to download"));
  if (g_strcmp0 (state, "failed") == 0)
    {
      int attempts = ssv_video_get_download_attempts (video);

      if (attempts <= SSV_VIDEO_DOWNLOAD_RETRIES)
        /* Translators: %s is why yt-dlp failed */
        return g_strdup_printf (_("Download failed, trying again later: %s"), reason ? reason : _("no reason given"));
      /* Translators: %d tries; %s is why yt-dlp failed */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Download failed after %d try: %s",
                                           "Download failed after %d tries: %s", (gulong) attempts),
                              attempts, reason ? reason : _("no reason given"));
    }
  if (ssv_video_get_upcoming (video))
    return g_strdup (_("Premieres later; downloaded once it is out"));
  return g_strdup (_("Not downloaded yet"));
}

static char *
describe_row (SsvVideo *video)
{
  g_autofree char *download = ssv_wishlist_videos_describe_download (video);
  g_autofree char *date = ssv_video_words_date (ssv_video_get_published (video), ssv_video_get_date_exact (video));

  if (date == NULL || *date == '\0')
    return g_steal_pointer (&download);
  return g_strdup_printf ("%s · %s", date, download);
}

/* ---- rows ---------------------------------------------------------------------------- */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SsvWishlistVideos *self = user_data;
  SsvVideo *video = SSV_VIDEO (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *subtitle = describe_row (video);

  /* Titles and yt-dlp's reasons are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ssv_video_get_display_title (video, self->dearrow_titles));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "wishlist-videos.open-video");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", ssv_video_get_video_id (video));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, ssv_video_get_video_id (video));

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove from the Wishlist"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this video from the wishlist"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "wishlist-videos.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", ssv_video_get_video_id (video));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static const char *
channel_title_of (SsvVideo *video)
{
  const char *title = ssv_video_get_channel_title (video);

  return title != NULL && *title != '\0' ? title : ssv_video_get_channel_id (video);
}

/* The channel's name above its first video. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  SsvWishlistVideos *self = user_data;
  g_autoptr(SsvVideo) video = g_list_model_get_item (G_LIST_MODEL (self->videos), (guint) gtk_list_box_row_get_index (row));
  g_autoptr(SsvVideo) previous = before != NULL
    ? g_list_model_get_item (G_LIST_MODEL (self->videos), (guint) gtk_list_box_row_get_index (before)) : NULL;
  GtkWidget *header;

  if (video == NULL || (previous != NULL &&
                        g_strcmp0 (ssv_video_get_channel_id (previous), ssv_video_get_channel_id (video)) == 0))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (channel_title_of (video));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "wishlist-videos-channel");
  gtk_widget_set_margin_top (header, before != NULL ? 18 : 0);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 6);
  gtk_list_box_row_set_header (row, header);
}

/* ---- search and sort ----------------------------------------------------------------- */

static void
set_state (SsvWishlistVideos *self,
           const char        *state)
{
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (state, "loading") == 0);
  gtk_stack_set_visible_child_name (self->stack, state);
}

static gboolean
text_matches (const char *text,
              const char *folded_search)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_search) != NULL;
}

static gboolean
video_matches (SsvWishlistVideos *self,
               SsvVideo          *video)
{
  if (self->search == NULL)
    return TRUE;

  return text_matches (ssv_video_get_title (video), self->search) ||
         text_matches (channel_title_of (video), self->search) ||
         (self->dearrow_titles && text_matches (ssv_video_get_dearrow_title (video), self->search));
}

typedef struct
{
  GHashTable        *group_of;   /* channel id → its place in the store's order */
  SsvWishlistVideos *self;
} SortData;

/* Undated videos last in both date orders. */
static int
compare_dates (gint64 a,
               gint64 b,
               int    direction)
{
  if ((a > 0) != (b > 0))
    return a > 0 ? -1 : 1;
  return direction * ((a > b) - (a < b));
}

/* Channels keep the store's order (by name); the sort orders each one's videos. */
static int
compare_videos (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  SortData *data = user_data;
  SsvVideo *x = *(SsvVideo **) a;
  SsvVideo *y = *(SsvVideo **) b;
  guint gx = GPOINTER_TO_UINT (g_hash_table_lookup (data->group_of, ssv_video_get_channel_id (x)));
  guint gy = GPOINTER_TO_UINT (g_hash_table_lookup (data->group_of, ssv_video_get_channel_id (y)));
  int order;

  if (gx != gy)
    return gx < gy ? -1 : 1;

  switch (data->self->sort)
    {
    case SSV_WISHLIST_SORT_OLDEST:
      order = compare_dates (ssv_video_get_published (x), ssv_video_get_published (y), 1);
      break;
    case SSV_WISHLIST_SORT_TITLE:
      order = g_utf8_collate (ssv_video_get_display_title (x, data->self->dearrow_titles),
                              ssv_video_get_display_title (y, data->self->dearrow_titles));
      break;
    case SSV_WISHLIST_SORT_NEWEST:
    case SSV_WISHLIST_SORT_MOST_WANTED:
    default:
      order = compare_dates (ssv_video_get_published (x), ssv_video_get_published (y), -1);
      break;
    }
  if (order != 0)
    return order;
  return (ssv_video_get_id (x) > ssv_video_get_id (y)) - (ssv_video_get_id (x) < ssv_video_get_id (y));
}

/* What was read, narrowed by the search and in the sort's order, into the list. */
static void
show_videos (SsvWishlistVideos *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GHashTable) group_of = g_hash_table_new (g_str_hash, g_str_equal);
  SortData data = { group_of, self };

  if (self->all == NULL)
    return;

  for (guint i = 0; i < self->all->len; i++)
    {
      SsvVideo *video = g_ptr_array_index (self->all, i);
      const char *channel_id = ssv_video_get_channel_id (video);

      if (channel_id != NULL && !g_hash_table_contains (group_of, channel_id))
        g_hash_table_insert (group_of, (gpointer) channel_id, GUINT_TO_POINTER (g_hash_table_size (group_of)));
      if (video_matches (self, video))
        g_ptr_array_add (shown, video);
    }
  g_ptr_array_sort_with_data (shown, compare_videos, &data);

  g_list_store_splice (self->videos, 0, g_list_model_get_n_items (G_LIST_MODEL (self->videos)),
                       shown->pdata, shown->len);
  set_state (self, shown->len > 0 ? "content" : self->all->len > 0 ? "no-match" : "empty");
}

static void
on_dearrow_titles_changed (SsvWishlistVideos *self)
{
  gboolean on = g_settings_get_boolean (self->settings, "youtube-dearrow-titles");

  if (on == self->dearrow_titles)
    return;
  self->dearrow_titles = on;
  /* The rows' titles change with it: make them again. */
  g_list_store_remove_all (self->videos);
  show_videos (self);
}

/**
 * ssv_wishlist_videos_set_search:
 * @search: (nullable): words a video's title or channel contains; %NULL or "" shows all
 */
void
ssv_wishlist_videos_set_search (SsvWishlistVideos *self,
                                const char        *search)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (SSV_IS_WISHLIST_VIDEOS (self));

  folded = search != NULL && *search != '\0' ? g_utf8_casefold (search, -1) : NULL;
  if (g_strcmp0 (folded, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  show_videos (self);
}

void
ssv_wishlist_videos_set_sort (SsvWishlistVideos *self,
                              SsvWishlistSort    sort)
{
  g_return_if_fail (SSV_IS_WISHLIST_VIDEOS (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  show_videos (self);
}

SsvWishlistSort
ssv_wishlist_videos_get_sort (SsvWishlistVideos *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_VIDEOS (self), SSV_WISHLIST_SORT_NEWEST);

  return self->sort;
}

/* ---- loading ------------------------------------------------------------------------ */

static void
list_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SsvWishlistVideos) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) videos = ssv_channel_store_list_finish (SSV_CHANNEL_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (videos == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      set_state (self, "error");
      ssv_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  g_clear_pointer (&self->all, g_ptr_array_unref);
  self->all = g_steal_pointer (&videos);
  self->loaded = TRUE;
  show_videos (self);
}

static void
reload (SsvWishlistVideos *self)
{
  ssv_reload_gate_unqueue (self->reload_gate);
  if (self->context == NULL)
    return;

  ssv_reload_gate_open (self->reload_gate);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (!self->loaded)
    set_state (self, "loading");

  ssv_channel_store_list_wished_videos_async (ssv_context_get_channel_store (self->context), self->cancellable,
                                              list_ready_cb, g_object_ref (self));
}

/* Many changes in a row make one read; nothing is read before the tab first shows. */
static void
queue_reload (SsvWishlistVideos *self)
{
  ssv_reload_gate_queue (self->reload_gate);
}

static void
on_channels_changed (SsvWishlistVideos *self,
                     const char        *detail)
{
  queue_reload (self);
}

static SsvVideo *
find_video (SsvWishlistVideos *self,
            const char        *video_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->videos)); i++)
    {
      g_autoptr(SsvVideo) video = g_list_model_get_item (G_LIST_MODEL (self->videos), i);

      if (g_strcmp0 (ssv_video_get_video_id (video), video_id) == 0)
        return video;   /* the list holds it */
    }
  return NULL;
}

/* A download started, finished or failed: the row's words change. */
static void
on_download_progress (SsvWishlistVideos *self,
                      const char        *video_id,
                      double             fraction)
{
  SsvVideo *video = find_video (self, video_id);

  if (video != NULL && g_strcmp0 (ssv_video_get_download_state (video), "running") != 0)
    queue_reload (self);
}

static void
on_download_ended (SsvWishlistVideos *self,
                   const char        *video_id)
{
  if (find_video (self, video_id) != NULL)
    queue_reload (self);
}

/* ---- actions ------------------------------------------------------------------------ */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (SSV_WISHLIST_VIDEOS (widget));
}

/* wishlist-videos.open-video (video id): the video's dialog over the window. */
static void
open_video_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsvWishlistVideos *self = SSV_WISHLIST_VIDEOS (widget);
  SsvVideo *video = find_video (self, g_variant_get_string (parameter, NULL));

  if (video != NULL)
    ssv_ui_present_window (GTK_WINDOW (ssv_video_dialog_new (self->context, video)), widget);
}

static void
removed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkWidget) self = user_data;
  g_autoptr(GError) error = NULL;

  /* The row goes with the store's "changed"; only a failure is told. */
  if (!ssv_channel_store_set_wished_finish (SSV_CHANNEL_STORE (source), result, &error))
    ssv_ui_toast (self, error->message);
}

/* wishlist-videos.remove (video id): off the wishlist; a file already downloaded stays. */
static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsvWishlistVideos *self = SSV_WISHLIST_VIDEOS (widget);

  ssv_channel_store_set_wished_async (ssv_context_get_channel_store (self->context),
                                      g_variant_get_string (parameter, NULL), FALSE, NULL,
                                      removed_cb, g_object_ref (self));
}

/* ---- for tests -------------------------------------------------------------------- */

/* Returns: (transfer none): the SsvVideo items shown, in their order */
GListModel *
ssv_wishlist_videos_get_videos (SsvWishlistVideos *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_VIDEOS (self), NULL);

  return G_LIST_MODEL (self->videos);
}

/* "loading", "empty", "error" or "content". */
const char *
ssv_wishlist_videos_get_state (SsvWishlistVideos *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_VIDEOS (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns: (transfer none) (nullable): the row of the video */
GtkWidget *
ssv_wishlist_videos_find_row (SsvWishlistVideos *self,
                              const char        *video_id)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_VIDEOS (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), video_id) == 0)
      return child;

  return NULL;
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
ssv_wishlist_videos_map (GtkWidget *widget)
{
  SsvWishlistVideos *self = SSV_WISHLIST_VIDEOS (widget);

  GTK_WIDGET_CLASS (ssv_wishlist_videos_parent_class)->map (widget);

  /* Read when first shown, as pages are. */
  if (!self->loaded && self->cancellable == NULL)
    reload (self);
}

static void
ssv_wishlist_videos_constructed (GObject *object)
{
  SsvWishlistVideos *self = SSV_WISHLIST_VIDEOS (object);

  G_OBJECT_CLASS (ssv_wishlist_videos_parent_class)->constructed (object);

  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->videos), create_row, self, NULL);
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);

  if (self->context == NULL)
    {
      set_state (self, "empty");
      return;
    }

  g_signal_connect_object (ssv_context_get_channel_store (self->context), "changed",
                           G_CALLBACK (on_channels_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_video_downloader (self->context), "progress",
                           G_CALLBACK (on_download_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_video_downloader (self->context), "finished",
                           G_CALLBACK (on_download_ended), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_video_downloader (self->context), "failed",
                           G_CALLBACK (on_download_ended), self, G_CONNECT_SWAPPED);
}

static void
ssv_wishlist_videos_dispose (GObject *object)
{
  SsvWishlistVideos *self = SSV_WISHLIST_VIDEOS (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  ssv_reload_gate_unqueue (self->reload_gate);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_WISHLIST_VIDEOS);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ssv_wishlist_videos_parent_class)->dispose (object);
}

static void
ssv_wishlist_videos_finalize (GObject *object)
{
  SsvWishlistVideos *self = SSV_WISHLIST_VIDEOS (object);

  g_clear_object (&self->videos);
  g_clear_object (&self->reload_gate);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_free (self->search);

  G_OBJECT_CLASS (ssv_wishlist_videos_parent_class)->finalize (object);
}

static void
ssv_wishlist_videos_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SsvWishlistVideos *self = SSV_WISHLIST_VIDEOS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_wishlist_videos_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SsvWishlistVideos *self = SSV_WISHLIST_VIDEOS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_wishlist_videos_class_init (SsvWishlistVideosClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_wishlist_videos_constructed;
  object_class->dispose = ssv_wishlist_videos_dispose;
  object_class->finalize = ssv_wishlist_videos_finalize;
  object_class->get_property = ssv_wishlist_videos_get_property;
  object_class->set_property = ssv_wishlist_videos_set_property;
  widget_class->map = ssv_wishlist_videos_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-wishlist-videos.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistVideos, stack);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistVideos, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistVideos, error_page);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistVideos, list);

  gtk_widget_class_install_action (widget_class, "wishlist-videos.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "wishlist-videos.open-video", "s", open_video_action);
  gtk_widget_class_install_action (widget_class, "wishlist-videos.remove", "s", remove_action);
}

static void
ssv_wishlist_videos_init (SsvWishlistVideos *self)
{
  self->videos = g_list_store_new (SSV_TYPE_VIDEO);
  self->reload_gate = ssv_reload_gate_new (SSV_RELOAD_GATE_DELAY_MS);
  g_signal_connect_swapped (self->reload_gate, "reload", G_CALLBACK (reload), self);
  self->sort = SSV_WISHLIST_SORT_NEWEST;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->dearrow_titles = g_settings_get_boolean (self->settings, "youtube-dearrow-titles");
  g_signal_connect_object (self->settings, "changed::youtube-dearrow-titles",
                           G_CALLBACK (on_dearrow_titles_changed), self, G_CONNECT_SWAPPED);
}

/**
 * ssv_wishlist_videos_new:
 * @context: (nullable): where the videos are read; without one the tab stays empty
 */
GtkWidget *
ssv_wishlist_videos_new (SsvContext *context)
{
  return g_object_new (SSV_TYPE_WISHLIST_VIDEOS, "context", context, NULL);
}
