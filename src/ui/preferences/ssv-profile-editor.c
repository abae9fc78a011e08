/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-profile-editor.c: edits one quality profile in place, as the person goes: which
 * qualities it takes and in what order (arrows or drag and drop), when upgrades stop, and
 * the scores of custom formats. Each change is announced with "changed"; saving is the
 * Downloads page's. Rows are named after what they edit (a quality's key, a format's name). */

#include "config.h"

#include <glib/gi18n.h>

#include "preferences/ssv-profile-editor.h"
#include "ssv-ui-utils.h"

struct _SsvProfileEditor
{
  GtkBox               parent_instance;

  SsvQualityProfile   *profile;
  GPtrArray           *formats;         /* SsvCustomFormat */
  GArray              *cutoff_choices;  /* SsvQuality, as listed in cutoff_row */
  GPtrArray           *quality_rows;
  gboolean             updating;

  /* Template widgets */
  AdwWindowTitle      *title;
  GtkSwitch           *upgrades_switch;
  AdwComboRow         *cutoff_row;
  GtkSpinButton       *min_score_spin;
  AdwPreferencesGroup *qualities_group;
  AdwPreferencesGroup *formats_group;
};

G_DEFINE_FINAL_TYPE (SsvProfileEditor, ssv_profile_editor, GTK_TYPE_BOX)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_qualities (SsvProfileEditor *self, SsvQuality focus, const char *focus_button);

static void
emit_changed (SsvProfileEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static guint
count_allowed (const SsvQualityProfile *profile)
{
  guint n = 0;

  for (guint i = 0; i < profile->items->len; i++)
    n += g_array_index (profile->items, SsvProfileItem, i).allowed ? 1 : 0;
  return n;
}

static int
item_index (const SsvQualityProfile *profile,
            SsvQuality               quality)
{
  for (guint i = 0; i < profile->items->len; i++)
    if (g_array_index (profile->items, SsvProfileItem, i).quality == quality)
      return (int) i;
  return -1;
}

static GtkWidget *
find_child_named (GtkWidget  *widget,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_child_named (child, name)) != NULL)
        return found;
    }
  return NULL;
}

/* The name of the row @widget sits in: a quality's key, or a custom format's name. */
static const char *
row_name_of (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return row != NULL ? gtk_widget_get_name (row) : NULL;
}

/* ---- upgrades -------------------------------------------------------------------- */

static void
rebuild_cutoff (SsvProfileEditor *self)
{
  SsvQualityProfile *profile = self->profile;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->cutoff_choices, 0);
  for (guint i = profile->items->len; i > 0; i--)
    {
      const SsvProfileItem *item = &g_array_index (profile->items, SsvProfileItem, i - 1);

      if (!item->allowed)
        continue;
      if (item->quality == profile->cutoff)
        selected = self->cutoff_choices->len;
      g_array_append_val (self->cutoff_choices, item->quality);
      gtk_string_list_append (labels, ssv_quality_get_label (item->quality));
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->cutoff_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->cutoff_row, selected);
  self->updating = FALSE;
}

static void
on_cutoff_selected (SsvProfileEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->cutoff_row);

  if (self->updating || selected >= self->cutoff_choices->len)
    return;
  self->profile->cutoff = g_array_index (self->cutoff_choices, SsvQuality, selected);
  emit_changed (self);
}

static void
on_upgrades_toggled (SsvProfileEditor *self)
{
  self->profile->upgrades_allowed = gtk_switch_get_active (self->upgrades_switch);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cutoff_row), self->profile->upgrades_allowed);
  emit_changed (self);
}

static void
on_min_score_changed (SsvProfileEditor *self)
{
  self->profile->min_format_score = gtk_spin_button_get_value_as_int (self->min_score_spin);
  emit_changed (self);
}

/* ---- qualities ------------------------------------------------------------------- */

/* Moves @quality to where @target is now; the order is what upgrades follow. */
static void
move_quality (SsvProfileEditor *self,
              SsvQuality        quality,
              SsvQuality        target,
              const char       *focus_button)
{
  int from = item_index (self->profile, quality);
  int to = item_index (self->profile, target);

  if (from < 0 || to < 0 || from == to)
    return;
  ssv_quality_profile_move_item (self->profile, from, to);
  rebuild_qualities (self, quality, focus_button);
  rebuild_cutoff (self);
  emit_changed (self);
}

/* An arrow of a quality's row: "up" wants it more, "down" less. Not an action: the
 * arrows at either end are insensitive, which an action's state would override. */
static void
on_move_clicked (GtkButton        *button,
                 SsvProfileEditor *self)
{
  const char *direction = gtk_widget_get_name (GTK_WIDGET (button));
  SsvQuality quality = ssv_quality_from_key (row_name_of (GTK_WIDGET (button)));
  /* Items are stored least wanted first: wanting more moves towards the end */
  int from = item_index (self->profile, quality);
  int to = from + (g_str_equal (direction, "up") ? 1 : -1);

  if (from < 0 || to < 0 || to >= (int) self->profile->items->len)
    return;

  move_quality (self, quality, g_array_index (self->profile->items, SsvProfileItem, to).quality, direction);
}

static void
on_allowed_toggled (GtkCheckButton   *check,
                    GParamSpec       *pspec,
                    SsvProfileEditor *self)
{
  SsvQualityProfile *profile = self->profile;
  SsvQuality quality = ssv_quality_from_key (row_name_of (GTK_WIDGET (check)));
  gboolean allowed = gtk_check_button_get_active (check);

  if (self->updating || quality == SSV_QUALITY_UNKNOWN)
    return;

  if (!allowed && count_allowed (profile) <= 1)
    {
      self->updating = TRUE;
      gtk_check_button_set_active (check, TRUE);
      self->updating = FALSE;
      ssv_ui_toast (GTK_WIDGET (self), _("A profile has to take at least one quality"));
      return;
    }

  ssv_quality_profile_set_allowed (profile, quality, allowed);

  /* Upgrades stop at a quality the profile takes: the most wanted one left */
  if (!ssv_quality_profile_allows (profile, profile->cutoff))
    {
      for (guint i = profile->items->len; i > 0; i--)
        {
          const SsvProfileItem *item = &g_array_index (profile->items, SsvProfileItem, i - 1);

          if (item->allowed)
            {
              profile->cutoff = item->quality;
              break;
            }
        }
    }
  rebuild_cutoff (self);
  emit_changed (self);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, gtk_widget_get_name (row));
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         SsvProfileEditor *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  SsvQuality dragged;

  if (!G_VALUE_HOLDS_STRING (value))
    return FALSE;
  dragged = ssv_quality_from_key (g_value_get_string (value));
  if (dragged == SSV_QUALITY_UNKNOWN)
    return FALSE;
  move_quality (self, dragged, ssv_quality_from_key (gtk_widget_get_name (row)), NULL);
  return TRUE;
}

static char *
size_limits (const SsvProfileItem *item)
{
  if (item->min_mb_per_min > 0 && item->max_mb_per_min > 0)
    return g_strdup_printf (_("%g to %g MB a minute"), item->min_mb_per_min, item->max_mb_per_min);
  if (item->min_mb_per_min > 0)
    return g_strdup_printf (_("At least %g MB a minute"), item->min_mb_per_min);
  if (item->max_mb_per_min > 0)
    return g_strdup_printf (_("At most %g MB a minute"), item->max_mb_per_min);
  return NULL;
}

static GtkWidget *
move_button (SsvProfileEditor *self,
             SsvQuality        quality,
             int               delta,
             gboolean          sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (delta > 0 ? "go-up-symbolic" : "go-down-symbolic");
  /* Translators: what an arrow does, for screen readers, e.g. "Want 1080p WEB-DL more" */
  g_autofree char *label = g_strdup_printf (delta > 0 ? _("Want %s more") : _("Want %s less"),
                                            ssv_quality_get_label (quality));

  gtk_widget_set_name (button, delta > 0 ? "up" : "down");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, delta > 0 ? _("Want More") : _("Want Less"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, sensitive);
  g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked), self);
  return button;
}

static GtkWidget *
quality_row (SsvProfileEditor     *self,
             const SsvProfileItem *item,
             gboolean              first,
             gboolean              last)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *limits = size_limits (item);
  /* Translators: a check box's label for screen readers, e.g. "Take 1080p WEB-DL" */
  g_autofree char *take = g_strdup_printf (_("Take %s"), ssv_quality_get_label (item->quality));
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_widget_set_name (row, ssv_quality_to_key (item->quality));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ssv_quality_get_label (item->quality));
  if (limits != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), limits);

  gtk_widget_set_name (check, "allowed");
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), item->allowed);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, take, -1);
  g_signal_connect (check, "notify::active", G_CALLBACK (on_allowed_toggled), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* Prefixes stack leftwards: the handle ends up first, at the row's edge */
  gtk_widget_add_css_class (handle, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), handle);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), move_button (self, item->quality, +1, !first));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), move_button (self, item->quality, -1, !last));

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), row);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));

  return row;
}

/* Most wanted first, as people read a ranking */
static void
rebuild_qualities (SsvProfileEditor *self,
                   SsvQuality        focus,
                   const char       *focus_button)
{
  SsvQualityProfile *profile = self->profile;

  for (guint i = 0; i < self->quality_rows->len; i++)
    adw_preferences_group_remove (self->qualities_group, g_ptr_array_index (self->quality_rows, i));
  g_ptr_array_set_size (self->quality_rows, 0);

  self->updating = TRUE;
  for (guint i = profile->items->len; i > 0; i--)
    {
      const SsvProfileItem *item = &g_array_index (profile->items, SsvProfileItem, i - 1);
      GtkWidget *row = quality_row (self, item, i == profile->items->len, i == 1);

      adw_preferences_group_add (self->qualities_group, row);
      g_ptr_array_add (self->quality_rows, row);

      /* Keyboard users keep their place after moving a quality */
      if (item->quality == focus && focus_button != NULL)
        {
          GtkWidget *button = find_child_named (row, focus_button);

          if (button == NULL || !gtk_widget_get_sensitive (button))
            button = find_child_named (row, g_str_equal (focus_button, "up") ? "down" : "up");
          if (button != NULL)
            gtk_widget_grab_focus (button);
        }
    }
  self->updating = FALSE;
}

/* ---- custom formats ---------------------------------------------------------------- */

static char *
format_summary (const SsvCustomFormat *format)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < format->conditions->len; i++)
    {
      const SsvCondition *c = &g_array_index (format->conditions, SsvCondition, i);

      if (i == 3)
        {
          g_string_append (text, " …");
          break;
        }
      if (text->len > 0)
        g_string_append (text, ", ");
      if (c->kind == SSV_CONDITION_SIZE)
        g_string_append_printf (text, _("size %g to %g GB"), c->min_gb, c->max_gb);
      else if (c->negate)
        /* Translators: a custom format's condition, e.g. "not resolution 2160" */
        g_string_append_printf (text, _("not %s %s"), ssv_condition_kind_get_label (c->kind), c->value);
      else
        /* Translators: a custom format's condition, e.g. "codec h265" */
        g_string_append_printf (text, _("%s %s"), ssv_condition_kind_get_label (c->kind), c->value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_format_score_changed (GtkSpinButton    *spin,
                         SsvProfileEditor *self)
{
  const char *name = row_name_of (GTK_WIDGET (spin));

  for (guint i = 0; i < self->formats->len; i++)
    {
      SsvCustomFormat *format = g_ptr_array_index (self->formats, i);

      if (g_strcmp0 (format->name, name) != 0)
        continue;
      ssv_quality_profile_set_format_score (self->profile, format, gtk_spin_button_get_value_as_int (spin));
      emit_changed (self);
      return;
    }
}

static GtkWidget *
format_row (SsvProfileEditor *self,
            SsvCustomFormat  *format)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (-100000, 100000, 50);
  g_autofree char *summary = format_summary (format);

  gtk_widget_set_name (row, format->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), format->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  gtk_widget_set_name (spin, "score");
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), ssv_quality_profile_get_format_score (self->profile, format->name));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, format->name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_format_score_changed), self);
  return row;
}

/* ---- the editor ------------------------------------------------------------------ */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (root));
}

static void
ssv_profile_editor_dispose (GObject *object)
{
  SsvProfileEditor *self = SSV_PROFILE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_PROFILE_EDITOR);

  G_OBJECT_CLASS (ssv_profile_editor_parent_class)->dispose (object);
}

static void
ssv_profile_editor_finalize (GObject *object)
{
  SsvProfileEditor *self = SSV_PROFILE_EDITOR (object);

  g_clear_pointer (&self->profile, ssv_quality_profile_unref);
  g_clear_pointer (&self->formats, g_ptr_array_unref);
  g_clear_pointer (&self->cutoff_choices, g_array_unref);
  g_clear_pointer (&self->quality_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ssv_profile_editor_parent_class)->finalize (object);
}

static void
ssv_profile_editor_class_init (SsvProfileEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_profile_editor_dispose;
  object_class->finalize = ssv_profile_editor_finalize;

  /**
   * SsvProfileEditor::changed:
   *
   * The profile was edited; it is the caller's, edited in place.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/preferences/ssv-profile-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvProfileEditor, title);
  gtk_widget_class_bind_template_child (widget_class, SsvProfileEditor, upgrades_switch);
  gtk_widget_class_bind_template_child (widget_class, SsvProfileEditor, cutoff_row);
  gtk_widget_class_bind_template_child (widget_class, SsvProfileEditor, min_score_spin);
  gtk_widget_class_bind_template_child (widget_class, SsvProfileEditor, qualities_group);
  gtk_widget_class_bind_template_child (widget_class, SsvProfileEditor, formats_group);

  gtk_widget_class_install_action (widget_class, "profile-editor.back", NULL, back_action);
}

static void
ssv_profile_editor_init (SsvProfileEditor *self)
{
  self->cutoff_choices = g_array_new (FALSE, FALSE, sizeof (SsvQuality));
  self->quality_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_profile_editor_new:
 * @profile: the profile to edit, in place
 * @formats: (element-type SsvCustomFormat) (nullable): the custom formats to score
 */
GtkWidget *
ssv_profile_editor_new (SsvQualityProfile *profile,
                        GPtrArray         *formats)
{
  SsvProfileEditor *self = g_object_new (SSV_TYPE_PROFILE_EDITOR, NULL);

  self->profile = ssv_quality_profile_ref (profile);
  self->formats = formats != NULL ? g_ptr_array_ref (formats)
                                  : g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_custom_format_unref);

  adw_window_title_set_title (self->title, profile->name);
  gtk_switch_set_active (self->upgrades_switch, profile->upgrades_allowed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cutoff_row), profile->upgrades_allowed);
  gtk_spin_button_set_value (self->min_score_spin, profile->min_format_score);
  rebuild_cutoff (self);
  rebuild_qualities (self, SSV_QUALITY_UNKNOWN, NULL);
  for (guint i = 0; i < self->formats->len; i++)
    adw_preferences_group_add (self->formats_group, format_row (self, g_ptr_array_index (self->formats, i)));

  /* Connected last, so that showing the profile changes nothing */
  g_signal_connect_object (self->upgrades_switch, "notify::active", G_CALLBACK (on_upgrades_toggled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cutoff_row, "notify::selected", G_CALLBACK (on_cutoff_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->min_score_spin, "value-changed", G_CALLBACK (on_min_score_changed), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
