/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-discover-page.c: the Discover page: what is trending on TMDB this week, and the most
 * popular movies and shows, as rows of posters marked owned, wished or followed. Each card
 * opens its page (the library's when owned). The popular rows can be narrowed to a genre.
 * The lists come through the discovery service, kept for a while, and are read again when
 * the wishlist or the watchlist changes. */

#include "config.h"

#include <glib/gi18n.h>

#include "pages/ssv-discover-page.h"
#include "ssv-discovery.h"
#include "ssv-texture-loader.h"
#include "ssv-ui-utils.h"

#define POSTER_WIDTH  120
#define POSTER_HEIGHT 180

typedef struct
{
  const char *name;         /* the row's, for tests */
  const char *list;         /* the discovery service's list */
  GtkBox     *box;
  GtkLabel   *note;
} Row;

enum { ROW_TRENDING, ROW_MOVIES, ROW_SHOWS, N_ROWS };

/* TMDB's genres that movies and shows share (by name; a few have their own id for shows). */
static const struct
{
  const char *key;
  const char *name;
  int         movie_id;
  int         tv_id;
} genres[] = {
  { "all", N_("All Genres"), 0, 0 },
  { "action", N_("Action"), 28, 10759 },
  { "animation", N_("Animation"), 16, 16 },
  { "comedy", N_("Comedy"), 35, 35 },
  { "crime", N_("Crime"), 80, 80 },
  { "documentary", N_("Documentary"), 99, 99 },
  { "drama", N_("Drama"), 18, 18 },
  { "family", N_("Family"), 10751, 10751 },
  { "mystery", N_("Mystery"), 9648, 9648 },
  { "science-fiction", N_("Science Fiction"), 878, 10765 },
  { "western", N_("Western"), 37, 37 },
};

enum {
  PROP_0,
  PROP_GENRE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

struct _SsvDiscoverPage
{
  SsvPage        parent_instance;

  Row            rows[N_ROWS];
  GCancellable  *cancellable;
  guint          pending;
  guint          failed;
  GError        *first_error;
  gboolean       shown_once;
  guint          genre;         /* index in genres[] */

  GtkStack      *state_stack;
  GtkSpinner    *spinner;
  AdwStatusPage *error_page;
  GtkWidget     *preferences_button;
  GtkBox        *trending_box;
  GtkBox        *movies_box;
  GtkBox        *shows_box;
  GtkLabel      *trending_note;
  GtkLabel      *movies_note;
  GtkLabel      *shows_note;
  GtkMenuButton *genre_button;
};

G_DEFINE_FINAL_TYPE (SsvDiscoverPage, ssv_discover_page, SSV_TYPE_PAGE)

typedef struct
{
  SsvDiscoverPage *self;
  guint            row;
} RowCall;

static void
set_state (SsvDiscoverPage *self,
           const char      *state)
{
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (state, "loading") == 0);
  gtk_stack_set_visible_child_name (self->state_stack, state);
}

/* ---- cards --------------------------------------------------------------------- */

static const char *
describe_mark (SsvFoundTitle *found)
{
  if (ssv_found_title_get_owned (found))
    return _("In Library");
  if (ssv_found_title_get_followed (found))
    return _("Followed");
  if (ssv_found_title_get_wished (found))
    return _("Wished");
  return NULL;
}

/* Where the card leads: the library's page when owned, else TMDB's; a person's page. */
static void
set_card_action (GtkActionable *card,
                 SsvFoundTitle *found)
{
  const char *kind = ssv_found_title_get_kind (found);
  gboolean owned = ssv_found_title_get_owned (found);
  gboolean show = g_strcmp0 (kind, SSV_FOUND_SHOW) == 0;
  const char *action;

  if (g_strcmp0 (kind, SSV_FOUND_PERSON) == 0)
    action = "win.show-person";
  else if (owned)
    action = show ? "win.show-show" : "win.show-movie";
  else
    action = show ? "win.show-tmdb-show" : "win.show-tmdb-movie";

  /* The target before the name: an action never sees a target of the wrong type. */
  gtk_actionable_set_action_target (card, "x", owned && g_strcmp0 (kind, SSV_FOUND_PERSON) != 0
                                               ? ssv_found_title_get_library_id (found)
                                               : ssv_found_title_get_tmdb_id (found));
  gtk_actionable_set_action_name (card, action);
}

static GtkWidget *
create_card (SsvDiscoverPage *self,
             SsvFoundTitle   *found)
{
  GtkWidget *card = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *title = gtk_label_new (ssv_found_title_get_title (found));
  const char *mark = describe_mark (found);
  const char *url = ssv_found_title_get_image_url (found);
  g_autofree char *spoken = NULL;

  gtk_widget_add_css_class (card, "flat");
  gtk_widget_add_css_class (card, "discover-card");
  gtk_widget_set_valign (card, GTK_ALIGN_START);

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
  gtk_widget_set_size_request (picture, POSTER_WIDTH, POSTER_HEIGHT);
  gtk_widget_add_css_class (picture, "card");
  gtk_box_append (GTK_BOX (box), picture);
  if (url != NULL)
    ssv_texture_loader_load_picture (ssv_texture_loader_get_default (ssv_page_get_context (SSV_PAGE (self))),
                                     GTK_PICTURE (picture), url,
                                     POSTER_HEIGHT * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                     self->cancellable);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 14);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), title);

  if (mark != NULL)
    {
      GtkWidget *label = gtk_label_new (mark);

      gtk_widget_set_name (label, "mark");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, ssv_found_title_get_owned (found) ? "accent" : "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_button_set_child (GTK_BUTTON (card), box);
  spoken = ssv_found_title_get_year (found) > 0
           ? g_strdup_printf ("%s (%d)", ssv_found_title_get_title (found), ssv_found_title_get_year (found))
           : g_strdup (ssv_found_title_get_title (found));
  gtk_widget_set_tooltip_text (card, spoken);
  set_card_action (GTK_ACTIONABLE (card), found);

  return card;
}

/* ---- loading ------------------------------------------------------------------- */

static void
fill_row (SsvDiscoverPage *self,
          Row             *row,
          GPtrArray       *found,
          const GError    *error)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (row->box))) != NULL)
    gtk_box_remove (row->box, child);

  if (found != NULL)
    for (guint i = 0; i < found->len; i++)
      gtk_box_append (row->box, create_card (self, g_ptr_array_index (found, i)));

  if (error != NULL)
    gtk_label_set_text (row->note, error->message);
  else if (found->len == 0)
    gtk_label_set_text (row->note, _("TMDB lists nothing here right now."));
  gtk_widget_set_visible (GTK_WIDGET (row->note), error != NULL || found->len == 0);
}

/* Every row answered: content when any has cards, else the first reason in plain words. */
static void
finish_load (SsvDiscoverPage *self)
{
  const GError *error = self->first_error;
  gboolean key = FALSE;

  if (self->failed < N_ROWS)
    {
      self->shown_once = TRUE;
      set_state (self, "content");
      return;
    }

  adw_status_page_set_description (self->error_page, ssv_ui_describe_tmdb_error (error,
    _("Discover shows what is trending on TMDB, which needs an API key (a free one will do). "
      "Add it in Preferences → Metadata."),
    NULL, &key));
  gtk_widget_set_visible (self->preferences_button, key);
  if (!self->shown_once)
    set_state (self, "error");
}

static void
list_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  RowCall *call = user_data;
  g_autoptr(SsvDiscoverPage) self = call->self;
  guint index = call->row;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ssv_discovery_list_finish (SSV_DISCOVERY (source), result, &error);

  g_free (call);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  fill_row (self, &self->rows[index], found, error);
  if (found == NULL)
    {
      self->failed++;
      if (self->first_error == NULL)
        self->first_error = g_error_copy (error);
    }

  if (--self->pending == 0)
    finish_load (self);
}

static void
ssv_discover_page_load (SsvPage *page)
{
  SsvDiscoverPage *self = SSV_DISCOVER_PAGE (page);
  SsvDiscovery *discovery = ssv_context_get_discovery (ssv_page_get_context (page));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_error (&self->first_error);
  self->failed = 0;
  self->pending = N_ROWS;

  if (!self->shown_once)
    set_state (self, "loading");

  for (guint i = 0; i < N_ROWS; i++)
    {
      RowCall *call = g_new0 (RowCall, 1);

      call->self = g_object_ref (self);
      call->row = i;
      ssv_discovery_list_async (discovery, self->rows[i].list,
                                i == ROW_MOVIES ? genres[self->genre].movie_id
                                : i == ROW_SHOWS ? genres[self->genre].tv_id : 0,
                                self->cancellable, list_ready_cb, call);
    }
}

/* Marks follow the wishlist and the watchlist: the kept lists are read again. */
static void
on_marks_changed (SsvDiscoverPage *self)
{
  ssv_page_queue_reload (SSV_PAGE (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ssv_discover_page_load (SSV_PAGE (widget));
}

/* ---- for tests ----------------------------------------------------------------- */

/* "loading", "error" or "content". */
const char *
ssv_discover_page_get_state (SsvDiscoverPage *self)
{
  g_return_val_if_fail (SSV_IS_DISCOVER_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->state_stack);
}

/* Whether some list is still on its way. */
gboolean
ssv_discover_page_is_busy (SsvDiscoverPage *self)
{
  g_return_val_if_fail (SSV_IS_DISCOVER_PAGE (self), FALSE);

  return self->pending > 0;
}

static Row *
find_row (SsvDiscoverPage *self,
          const char      *name)
{
  for (guint i = 0; i < N_ROWS; i++)
    if (g_strcmp0 (self->rows[i].name, name) == 0)
      return &self->rows[i];
  return NULL;
}

/* Returns: (transfer none) (nullable): the box of cards of "trending", "movies" or "shows" */
GtkWidget *
ssv_discover_page_get_row (SsvDiscoverPage *self,
                           const char      *name)
{
  Row *row = find_row (self, name);

  return row != NULL ? GTK_WIDGET (row->box) : NULL;
}

/* Returns: (nullable): the words under a row's heading when it has no cards to show */
const char *
ssv_discover_page_get_note (SsvDiscoverPage *self,
                            const char      *name)
{
  Row *row = find_row (self, name);

  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (row->note)))
    return NULL;
  return gtk_label_get_text (row->note);
}

/* ---- genre -------------------------------------------------------------------- */

static void
set_genre (SsvDiscoverPage *self,
           const char      *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (genres); i++)
    {
      if (g_strcmp0 (genres[i].key, key) != 0)
        continue;
      gtk_menu_button_set_label (self->genre_button, _(genres[i].name));
      if (self->genre == i)
        return;
      self->genre = i;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENRE]);
      /* the popular rows of that genre */
      ssv_page_queue_reload (SSV_PAGE (self));
      return;
    }
}

static GMenuModel *
genre_menu (void)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (genres); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(genres[i].name), NULL);

      g_menu_item_set_action_and_target (item, "discover.genre", "s", genres[i].key);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
ssv_discover_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SsvDiscoverPage *self = SSV_DISCOVER_PAGE (object);

  switch (prop_id)
    {
    case PROP_GENRE:
      g_value_set_string (value, genres[self->genre].key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_discover_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SsvDiscoverPage *self = SSV_DISCOVER_PAGE (object);

  switch (prop_id)
    {
    case PROP_GENRE:
      set_genre (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_discover_page_constructed (GObject *object)
{
  SsvDiscoverPage *self = SSV_DISCOVER_PAGE (object);
  SsvContext *context;

  G_OBJECT_CLASS (ssv_discover_page_parent_class)->constructed (object);

  context = ssv_page_get_context (SSV_PAGE (self));
  g_signal_connect_object (ssv_context_get_wishlist_store (context), "changed",
                           G_CALLBACK (on_marks_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_watchlist_store (context), "follow-changed",
                           G_CALLBACK (on_marks_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_library_store (context), "changed",
                           G_CALLBACK (on_marks_changed), self, G_CONNECT_SWAPPED);
}

static void
ssv_discover_page_dispose (GObject *object)
{
  SsvDiscoverPage *self = SSV_DISCOVER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->first_error);

  G_OBJECT_CLASS (ssv_discover_page_parent_class)->dispose (object);
}

static void
ssv_discover_page_class_init (SsvDiscoverPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsvPageClass *page_class = SSV_PAGE_CLASS (klass);

  object_class->constructed = ssv_discover_page_constructed;
  object_class->dispose = ssv_discover_page_dispose;
  object_class->get_property = ssv_discover_page_get_property;
  object_class->set_property = ssv_discover_page_set_property;
  page_class->load = ssv_discover_page_load;

  /**
   * SsvDiscoverPage:genre:
   *
   * The genre the popular rows show ("all", "comedy", …), also the stateful
   * action `discover.genre`.
   */
  properties[PROP_GENRE] =
    g_param_spec_string ("genre", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  ssv_page_class_set_info (page_class, "discover", _("Discover"), "find-location-symbolic");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/pages/ssv-discover-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvDiscoverPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvDiscoverPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvDiscoverPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SsvDiscoverPage, preferences_button);
  gtk_widget_class_bind_template_child (widget_class, SsvDiscoverPage, trending_box);
  gtk_widget_class_bind_template_child (widget_class, SsvDiscoverPage, movies_box);
  gtk_widget_class_bind_template_child (widget_class, SsvDiscoverPage, shows_box);
  gtk_widget_class_bind_template_child (widget_class, SsvDiscoverPage, trending_note);
  gtk_widget_class_bind_template_child (widget_class, SsvDiscoverPage, movies_note);
  gtk_widget_class_bind_template_child (widget_class, SsvDiscoverPage, shows_note);
  gtk_widget_class_bind_template_child (widget_class, SsvDiscoverPage, genre_button);

  gtk_widget_class_install_action (widget_class, "discover.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "discover.reload", NULL);
  gtk_widget_class_install_property_action (widget_class, "discover.genre", "genre");
}

static void
ssv_discover_page_init (SsvDiscoverPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows[ROW_TRENDING] = (Row) { "trending", "trending", self->trending_box, self->trending_note };
  self->rows[ROW_MOVIES] = (Row) { "movies", "discover-movie", self->movies_box, self->movies_note };
  self->rows[ROW_SHOWS] = (Row) { "shows", "discover-tv", self->shows_box, self->shows_note };
  {
    g_autoptr(GMenuModel) menu = genre_menu ();

    gtk_menu_button_set_menu_model (self->genre_button, menu);
    gtk_menu_button_set_label (self->genre_button, _(genres[0].name));
  }
}
