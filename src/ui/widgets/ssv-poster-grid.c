/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-poster-grid.c: a GtkGridView whose factory makes poster cards; cards are rebound, not
 * rebuilt, as people scroll, and a card unbound cancels its poster's load.
 *
 * GtkGridView keeps max-columns × 30 rows of cards bound, far more than show. So
 * max-columns follows the width (no more columns than fit), and the cards are lazy:
 * after each frame that moved them, those in view (and a screen either side) are
 * asked for their posters, and those further away let go of theirs.
 *
 * The first frame that shows cards has only those of the first screen: the view is given
 * that many items, and all of them once the frame is drawn (the rest of the 30 rows
 * costs about as much as the window took to start). */

#include "config.h"

#include "widgets/ssv-poster-card.h"
#include "widgets/ssv-poster-grid.h"
#include "ssv-texture-loader.h"

#define MIN_COLUMNS 2
#define MAX_COLUMNS 16

struct _SsvPosterGrid
{
  GtkWidget           parent_instance;

  SsvContext         *context;
  GListModel         *model;
  GtkSingleSelection *selection;
  GtkSliceListModel  *shown;      /* the model, or only its first screen until drawn */
  GPtrArray          *bound;      /* GtkListItem whose card shows an item now */
  GdkFrameClock      *frame_clock;
  gulong              after_paint_handler;
  gboolean            dirty;      /* cards moved: check which are in view */
  gboolean            attached;   /* the model reached the view (once shown) */
  SsvPosterAccessorySetup accessory_setup;
  SsvPosterAccessoryBind  accessory_bind;
  gpointer            accessory_data;

  GtkScrolledWindow  *scroller;
  GtkGridView        *grid_view;
};

G_DEFINE_FINAL_TYPE (SsvPosterGrid, ssv_poster_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_MODEL,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- what is in view ----------------------------------------------------------- */

static void
mark_dirty (SsvPosterGrid *self)
{
  self->dirty = TRUE;
  if (self->frame_clock != NULL)
    gdk_frame_clock_request_phase (self->frame_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
update_max_columns (SsvPosterGrid *self,
                    int            width)
{
  guint wanted;

  if (width <= 0)
    return;

  /* Whole posters only; the cells' padding makes the real count a little lower. */
  wanted = CLAMP ((guint) width / SSV_POSTER_WIDTH, MIN_COLUMNS, MAX_COLUMNS);
  if (wanted != gtk_grid_view_get_max_columns (self->grid_view))
    gtk_grid_view_set_max_columns (self->grid_view, wanted);
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                SsvPosterGrid *self)
{
  guint first = G_MAXUINT;
  guint last = 0;
  guint reach;

  if (self->attached && self->bound->len > 0 &&
      gtk_slice_list_model_get_size (self->shown) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->shown, G_MAXUINT);

  if (!self->dirty || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->dirty = FALSE;

  /* The view maps only the cards at least partly in it (it hides the rest it keeps
   * bound); their positions tell how many items a screen holds. */
  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkListItem *list_item = g_ptr_array_index (self->bound, i);

      if (gtk_widget_get_mapped (gtk_list_item_get_child (list_item)))
        {
          first = MIN (first, gtk_list_item_get_position (list_item));
          last = MAX (last, gtk_list_item_get_position (list_item));
        }
    }
  if (first > last)
    return;
  reach = last - first + 1;

  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkListItem *list_item = g_ptr_array_index (self->bound, i);
      SsvPosterCard *card = SSV_POSTER_CARD (gtk_list_item_get_child (list_item));
      guint position = gtk_list_item_get_position (list_item);

      /* A screen above and below, so scrolling finds them ready. Further away, a card
       * lets go of its texture, which keeps a copy in the GL driver while it lives; the
       * loader keeps the image a while, so it shows again the frame the card is back. */
      if (position + reach >= first && position <= last + reach)
        ssv_poster_card_ensure_poster (card);
      else
        ssv_poster_card_release_poster (card);
    }
}

static void
ssv_poster_grid_realize (GtkWidget *widget)
{
  SsvPosterGrid *self = SSV_POSTER_GRID (widget);

  GTK_WIDGET_CLASS (ssv_poster_grid_parent_class)->realize (widget);

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->after_paint_handler = g_signal_connect (self->frame_clock, "after-paint",
                                                G_CALLBACK (after_paint_cb), self);
  mark_dirty (self);
}

static void
ssv_poster_grid_unrealize (GtkWidget *widget)
{
  SsvPosterGrid *self = SSV_POSTER_GRID (widget);

  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_handler, self->frame_clock);
  g_clear_object (&self->frame_clock);

  GTK_WIDGET_CLASS (ssv_poster_grid_parent_class)->unrealize (widget);
}

/* A grid never shown (the other tab) builds no cards at all; one shown builds them
 * once it knows its width, so for only as many columns as fit. */
static void
attach_model (SsvPosterGrid *self,
              guint          first_screen)
{
  if (!self->attached)
    gtk_slice_list_model_set_size (self->shown, first_screen);
  self->attached = TRUE;
  if (gtk_slice_list_model_get_model (self->shown) != self->model)
    gtk_slice_list_model_set_model (self->shown, self->model);
}

/* How many cards fill a @width × @height view: rows of the shortest card, one more
 * for the row cut at the bottom. */
static guint
cards_in_view (SsvPosterGrid *self,
               int            height)
{
  return gtk_grid_view_get_max_columns (self->grid_view) * ((guint) MAX (height, 0) / SSV_POSTER_HEIGHT + 1);
}

static void
ssv_poster_grid_map (GtkWidget *widget)
{
  SsvPosterGrid *self = SSV_POSTER_GRID (widget);

  GTK_WIDGET_CLASS (ssv_poster_grid_parent_class)->map (widget);
  /* Attached on the first allocation after this. */
  gtk_widget_queue_allocate (widget);
  mark_dirty (self);
}

static void
ssv_poster_grid_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SsvPosterGrid *self = SSV_POSTER_GRID (widget);

  gtk_widget_measure (GTK_WIDGET (self->scroller), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
ssv_poster_grid_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (GTK_WIDGET (SSV_POSTER_GRID (widget)->scroller));
}

/* No layout manager: the size is how the columns are known. */
static void
ssv_poster_grid_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SsvPosterGrid *self = SSV_POSTER_GRID (widget);

  update_max_columns (self, width);
  if (!self->attached && gtk_widget_get_mapped (widget))
    attach_model (self, cards_in_view (self, height));
  gtk_widget_allocate (GTK_WIDGET (self->scroller), width, height, baseline, NULL);
  mark_dirty (self);
}

/* ---- the factory ------------------------------------------------------------------ */

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          SsvPosterGrid            *self)
{
  SsvTextureLoader *loader = self->context ? ssv_texture_loader_get_default (self->context) : NULL;
  GtkWidget *card = ssv_poster_card_new (loader);

  ssv_poster_card_set_lazy (SSV_POSTER_CARD (card), TRUE);
  if (self->accessory_setup != NULL)
    ssv_poster_card_set_accessory (SSV_POSTER_CARD (card), self->accessory_setup (self->accessory_data));
  gtk_list_item_set_child (list_item, card);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         SsvPosterGrid            *self)
{
  GtkWidget *card = gtk_list_item_get_child (list_item);

  GtkWidget *accessory = ssv_poster_card_get_accessory (SSV_POSTER_CARD (card));

  ssv_poster_card_set_item (SSV_POSTER_CARD (card), gtk_list_item_get_item (list_item));
  if (accessory != NULL && self->accessory_bind != NULL)
    self->accessory_bind (accessory, gtk_list_item_get_item (list_item), self->accessory_data);
  g_ptr_array_add (self->bound, list_item);
  mark_dirty (self);
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           SsvPosterGrid            *self)
{
  GtkWidget *card = gtk_list_item_get_child (list_item);

  GtkWidget *accessory = ssv_poster_card_get_accessory (SSV_POSTER_CARD (card));

  ssv_poster_card_set_item (SSV_POSTER_CARD (card), NULL);
  if (accessory != NULL && self->accessory_bind != NULL)
    self->accessory_bind (accessory, NULL, self->accessory_data);
  g_ptr_array_remove_fast (self->bound, list_item);
}

static void
on_activate (SsvPosterGrid *self,
             guint          position,
             GtkGridView   *grid_view)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

/**
 * ssv_poster_grid_set_model:
 * @model: (nullable): objects with "title" and "poster-url" properties
 */
void
ssv_poster_grid_set_model (SsvPosterGrid *self,
                           GListModel    *model)
{
  g_return_if_fail (SSV_IS_POSTER_GRID (self));

  if (!g_set_object (&self->model, model))
    return;

  if (self->attached)
    attach_model (self, G_MAXUINT);
  else
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
ssv_poster_grid_get_model (SsvPosterGrid *self)
{
  g_return_val_if_fail (SSV_IS_POSTER_GRID (self), NULL);

  return self->model;
}

GtkGridView *
ssv_poster_grid_get_grid_view (SsvPosterGrid *self)
{
  g_return_val_if_fail (SSV_IS_POSTER_GRID (self), NULL);

  return self->grid_view;
}

GtkAdjustment *
ssv_poster_grid_get_vadjustment (SsvPosterGrid *self)
{
  g_return_val_if_fail (SSV_IS_POSTER_GRID (self), NULL);

  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

/**
 * ssv_poster_grid_dup_bound_cards:
 *
 * Returns: (transfer container) (element-type SsvPosterCard): the cards that
 *   show an item now (the recycled pool, not the whole model)
 */
GPtrArray *
ssv_poster_grid_dup_bound_cards (SsvPosterGrid *self)
{
  GPtrArray *cards = g_ptr_array_sized_new (self->bound->len);

  for (guint i = 0; i < self->bound->len; i++)
    g_ptr_array_add (cards, gtk_list_item_get_child (g_ptr_array_index (self->bound, i)));

  return cards;
}

void
ssv_poster_grid_scroll_to_top (SsvPosterGrid *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/**
 * ssv_poster_grid_set_accessory:
 * @setup: makes one accessory for a new card
 * @bind: shows a card's item (or %NULL) on its accessory
 * @user_data: for both; must outlive the grid (the page that owns it)
 *
 * Call before the grid has a model: cards made earlier have no accessory.
 */
void
ssv_poster_grid_set_accessory (SsvPosterGrid           *self,
                               SsvPosterAccessorySetup  setup,
                               SsvPosterAccessoryBind   bind,
                               gpointer                 user_data)
{
  g_return_if_fail (SSV_IS_POSTER_GRID (self));
  g_return_if_fail (self->bound->len == 0);

  self->accessory_setup = setup;
  self->accessory_bind = bind;
  self->accessory_data = user_data;
}

static gboolean
ssv_poster_grid_grab_focus (GtkWidget *widget)
{
  SsvPosterGrid *self = SSV_POSTER_GRID (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->grid_view));
}

static void
ssv_poster_grid_dispose (GObject *object)
{
  SsvPosterGrid *self = SSV_POSTER_GRID (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_POSTER_GRID);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->model);
  g_clear_object (&self->context);
  g_clear_pointer (&self->bound, g_ptr_array_unref);

  G_OBJECT_CLASS (ssv_poster_grid_parent_class)->dispose (object);
}

static void
ssv_poster_grid_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SsvPosterGrid *self = SSV_POSTER_GRID (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_poster_grid_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SsvPosterGrid *self = SSV_POSTER_GRID (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_MODEL:
      ssv_poster_grid_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_poster_grid_class_init (SsvPosterGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_poster_grid_dispose;
  object_class->get_property = ssv_poster_grid_get_property;
  object_class->set_property = ssv_poster_grid_set_property;
  widget_class->grab_focus = ssv_poster_grid_grab_focus;
  widget_class->realize = ssv_poster_grid_realize;
  widget_class->unrealize = ssv_poster_grid_unrealize;
  widget_class->map = ssv_poster_grid_map;
  widget_class->measure = ssv_poster_grid_measure;
  widget_class->get_request_mode = ssv_poster_grid_get_request_mode;
  widget_class->size_allocate = ssv_poster_grid_size_allocate;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsvPosterGrid::item-activated:
   * @item: the object of the card clicked (or chosen with Enter)
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/widgets/ssv-poster-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvPosterGrid, scroller);
  gtk_widget_class_bind_template_child (widget_class, SsvPosterGrid, grid_view);
  gtk_widget_class_set_css_name (widget_class, "postergrid");

  g_type_ensure (SSV_TYPE_POSTER_CARD);
}

static void
ssv_poster_grid_init (SsvPosterGrid *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound = g_ptr_array_new ();
  self->shown = gtk_slice_list_model_new (NULL, 0, G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), self);
  gtk_grid_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);
  /* Scrolling moves cards in and out of view without binding any. */
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);

  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->grid_view, "activate", G_CALLBACK (on_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ssv_poster_grid_new (SsvContext *context)
{
  return g_object_new (SSV_TYPE_POSTER_GRID, "context", context, NULL);
}
