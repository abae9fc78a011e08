/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-profile-preferences.c: the Quality Profiles rows of Preferences, and a page to edit each.
 * Every change is saved at once, off the UI thread, one save per profile at a time. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-profile-preferences.h"

#define SSV_TYPE_PROFILE_PREFERENCES (ssv_profile_preferences_get_type ())

G_DECLARE_FINAL_TYPE (SsvProfilePreferences, ssv_profile_preferences, SSV, PROFILE_PREFERENCES, GObject)

typedef struct
{
  SsvProfilePreferences *self;
  SsvQualityProfile     *profile;
  GtkWidget             *row;        /* in the Quality Profiles group */
  gboolean               saving;
  gboolean               dirty;      /* changed again while saving */
} ProfileEntry;

struct _SsvProfilePreferences
{
  GObject               parent_instance;

  SsvPreferencesWindow *window;      /* weak: it owns us */
  SsvProfileStore      *store;
  GCancellable         *cancellable; /* loading only: saves always finish */
  GPtrArray            *formats;     /* SsvCustomFormat */
  GPtrArray            *entries;     /* ProfileEntry */
};

G_DEFINE_FINAL_TYPE (SsvProfilePreferences, ssv_profile_preferences, G_TYPE_OBJECT)

/* The page that edits one profile; lives as long as its widgets. */
typedef struct
{
  SsvProfilePreferences *self;
  ProfileEntry          *entry;
  AdwComboRow           *cutoff_row;
  GArray                *cutoff_choices; /* SsvQuality, as listed in cutoff_row */
  AdwPreferencesGroup   *qualities_group;
  GPtrArray             *quality_rows;
  gboolean               updating;
} Editor;

static void
editor_free (gpointer data)
{
  Editor *editor = data;

  g_clear_pointer (&editor->cutoff_choices, g_array_unref);
  g_clear_pointer (&editor->quality_rows, g_ptr_array_unref);
  g_clear_object (&editor->self);
  g_free (editor);
}

static void
entry_free (gpointer data)
{
  ProfileEntry *entry = data;

  g_clear_pointer (&entry->profile, ssv_quality_profile_unref);
  g_free (entry);
}

static void
show_toast (SsvProfilePreferences *self,
            const char            *message)
{
  if (self->window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self->window), adw_toast_new (message));
}

static guint
count_allowed (const SsvQualityProfile *profile)
{
  guint n = 0;

  for (guint i = 0; i < profile->items->len; i++)
    n += g_array_index (profile->items, SsvProfileItem, i).allowed ? 1 : 0;
  return n;
}

static char *
profile_summary (const SsvQualityProfile *profile)
{
  guint n = count_allowed (profile);
  g_autofree char *qualities = g_strdup_printf (ngettext ("%u quality", "%u qualities", n), n);

  if (!profile->upgrades_allowed)
    /* Translators: e.g. "4 qualities · no upgrades" */
    return g_strdup_printf (_("%s · no upgrades"), qualities);
  /* Translators: e.g. "4 qualities · upgrades until 1080p WEB-DL" */
  return g_strdup_printf (_("%s · upgrades until %s"), qualities, ssv_quality_get_label (profile->cutoff));
}

/* ---------------------------------------------------------------------- */
/* Saving */

static void save_entry (ProfileEntry *entry);

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ProfileEntry *entry = user_data;
  g_autoptr(SsvProfilePreferences) self = entry->self; /* the ref taken in save_entry */
  g_autoptr(GError) error = NULL;

  entry->saving = FALSE;
  if (!ssv_profile_store_save_finish (SSV_PROFILE_STORE (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save “%s”: %s"),
                                                  entry->profile->name, error->message);

      g_warning ("%s", message);
      show_toast (self, message);
      return;
    }
  if (entry->dirty)
    save_entry (entry);
}

static void
save_entry (ProfileEntry *entry)
{
  g_autoptr(SsvQualityProfile) copy = NULL;

  if (entry->saving)
    {
      entry->dirty = TRUE;
      return;
    }

  /* The store works on a copy in another thread while editing goes on here */
  entry->saving = TRUE;
  entry->dirty = FALSE;
  copy = ssv_quality_profile_copy (entry->profile);
  g_object_ref (entry->self);
  ssv_profile_store_save_async (entry->self->store, copy, NULL, save_done_cb, entry);
}

static void
entry_changed (ProfileEntry *entry)
{
  g_autofree char *summary = profile_summary (entry->profile);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (entry->row), summary);
  save_entry (entry);
}

/* ---------------------------------------------------------------------- */
/* The page for one profile */

static void rebuild_qualities (Editor *editor, SsvQuality focus, const char *focus_button);

static void
rebuild_cutoff (Editor *editor)
{
  SsvQualityProfile *profile = editor->entry->profile;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (editor->cutoff_choices, 0);
  for (guint i = profile->items->len; i > 0; i--)
    {
      const SsvProfileItem *item = &g_array_index (profile->items, SsvProfileItem, i - 1);

      if (!item->allowed)
        continue;
      if (item->quality == profile->cutoff)
        selected = editor->cutoff_choices->len;
      g_array_append_val (editor->cutoff_choices, item->quality);
      gtk_string_list_append (labels, ssv_quality_get_label (item->quality));
    }

  editor->updating = TRUE;
  adw_combo_row_set_model (editor->cutoff_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (editor->cutoff_row, selected);
  editor->updating = FALSE;
}

static void
on_cutoff_selected (AdwComboRow *row,
                    GParamSpec  *pspec,
                    Editor      *editor)
{
  guint selected = adw_combo_row_get_selected (row);

  if (editor->updating || selected >= editor->cutoff_choices->len)
    return;
  editor->entry->profile->cutoff = g_array_index (editor->cutoff_choices, SsvQuality, selected);
  entry_changed (editor->entry);
}

static void
on_upgrades_toggled (GtkSwitch  *toggle,
                     GParamSpec *pspec,
                     Editor     *editor)
{
  editor->entry->profile->upgrades_allowed = gtk_switch_get_active (toggle);
  gtk_widget_set_sensitive (GTK_WIDGET (editor->cutoff_row), editor->entry->profile->upgrades_allowed);
  entry_changed (editor->entry);
}

static void
on_min_score_changed (GtkSpinButton *spin,
                      Editor        *editor)
{
  editor->entry->profile->min_format_score = gtk_spin_button_get_value_as_int (spin);
  entry_changed (editor->entry);
}

static void
on_format_score_changed (GtkSpinButton *spin,
                         Editor        *editor)
{
  SsvCustomFormat *format = g_object_get_data (G_OBJECT (spin), "format");

  ssv_quality_profile_set_format_score (editor->entry->profile, format,
                                        gtk_spin_button_get_value_as_int (spin));
  entry_changed (editor->entry);
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

/* Moves @quality to where @target is now; the order is what upgrades follow. */
static void
move_quality (Editor     *editor,
              SsvQuality  quality,
              SsvQuality  target,
              const char *focus_button)
{
  SsvQualityProfile *profile = editor->entry->profile;
  int from = item_index (profile, quality);
  int to = item_index (profile, target);

  if (from < 0 || to < 0 || from == to)
    return;
  ssv_quality_profile_move_item (profile, from, to);
  rebuild_qualities (editor, quality, focus_button);
  rebuild_cutoff (editor);
  entry_changed (editor->entry);
}

static void
on_move_clicked (GtkButton *button,
                 Editor    *editor)
{
  SsvQualityProfile *profile = editor->entry->profile;
  SsvQuality quality = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "quality"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  int from = item_index (profile, quality);
  int to = from + delta;

  if (from < 0 || to < 0 || to >= (int) profile->items->len)
    return;
  move_quality (editor, quality, g_array_index (profile->items, SsvProfileItem, to).quality,
                gtk_widget_get_name (GTK_WIDGET (button)));
}

static void
on_allowed_toggled (GtkCheckButton *check,
                    GParamSpec     *pspec,
                    Editor         *editor)
{
  SsvQualityProfile *profile = editor->entry->profile;
  SsvQuality quality = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "quality"));
  gboolean allowed = gtk_check_button_get_active (check);

  if (editor->updating)
    return;

  if (!allowed && count_allowed (profile) <= 1)
    {
      editor->updating = TRUE;
      gtk_check_button_set_active (check, TRUE);
      editor->updating = FALSE;
      show_toast (editor->self, _("A profile has to take at least one quality"));
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
  rebuild_cutoff (editor);
  entry_changed (editor->entry);
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
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         Editor        *editor)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  SsvQuality dragged;

  if (!G_VALUE_HOLDS_STRING (value))
    return FALSE;
  dragged = ssv_quality_from_key (g_value_get_string (value));
  if (dragged == SSV_QUALITY_UNKNOWN)
    return FALSE;
  move_quality (editor, dragged, ssv_quality_from_key (gtk_widget_get_name (row)), NULL);
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
move_button (Editor     *editor,
             SsvQuality  quality,
             int         delta,
             gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (delta > 0 ? "go-up-symbolic" : "go-down-symbolic");
  g_autofree char *label = g_strdup_printf (delta > 0 ? _("Want %s more") : _("Want %s less"),
                                            ssv_quality_get_label (quality));

  gtk_widget_set_name (button, delta > 0 ? "up" : "down");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, delta > 0 ? _("Want More") : _("Want Less"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "quality", GINT_TO_POINTER (quality));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked), editor);
  return button;
}

static GtkWidget *
quality_row (Editor               *editor,
             const SsvProfileItem *item,
             gboolean              first,
             gboolean              last)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *limits = size_limits (item);
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
  g_object_set_data (G_OBJECT (check), "quality", GINT_TO_POINTER (item->quality));
  g_signal_connect (check, "notify::active", G_CALLBACK (on_allowed_toggled), editor);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* Prefixes stack leftwards: the handle ends up first, at the row's edge */
  gtk_widget_add_css_class (handle, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), handle);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), move_button (editor, item->quality, +1, !first));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), move_button (editor, item->quality, -1, !last));

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), row);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), editor);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));

  return row;
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

/* Most wanted first, as people read a ranking */
static void
rebuild_qualities (Editor     *editor,
                   SsvQuality  focus,
                   const char *focus_button)
{
  SsvQualityProfile *profile = editor->entry->profile;

  for (guint i = 0; i < editor->quality_rows->len; i++)
    adw_preferences_group_remove (editor->qualities_group, g_ptr_array_index (editor->quality_rows, i));
  g_ptr_array_set_size (editor->quality_rows, 0);

  editor->updating = TRUE;
  for (guint i = profile->items->len; i > 0; i--)
    {
      const SsvProfileItem *item = &g_array_index (profile->items, SsvProfileItem, i - 1);
      GtkWidget *row = quality_row (editor, item, i == profile->items->len, i == 1);

      adw_preferences_group_add (editor->qualities_group, row);
      g_ptr_array_add (editor->quality_rows, row);

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
  editor->updating = FALSE;
}

static GtkWidget *
spin_row (const char *title,
          const char *subtitle,
          int         value,
          int         step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (-100000, 100000, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (spin, "score");
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  return row;
}

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
on_back_clicked (GtkButton             *button,
                 SsvProfilePreferences *self)
{
  if (self->window != NULL)
    adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self->window));
}

static void
show_profile (ProfileEntry *entry)
{
  SsvProfilePreferences *self = entry->self;
  SsvQualityProfile *profile = entry->profile;
  Editor *editor;
  GtkWidget *box, *header, *back, *page, *upgrades, *qualities, *formats;
  GtkWidget *upgrades_row, *upgrades_switch, *min_score_row;

  if (self->window == NULL)
    return;

  editor = g_new0 (Editor, 1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  page = adw_preferences_page_new ();
  upgrades = adw_preferences_group_new ();
  qualities = adw_preferences_group_new ();
  formats = adw_preferences_group_new ();
  upgrades_row = adw_action_row_new ();
  upgrades_switch = gtk_switch_new ();

  editor->self = g_object_ref (self);
  editor->entry = entry;
  editor->cutoff_choices = g_array_new (FALSE, FALSE, sizeof (SsvQuality));
  editor->quality_rows = g_ptr_array_new ();
  editor->qualities_group = ADW_PREFERENCES_GROUP (qualities);
  g_object_set_data_full (G_OBJECT (box), "ssv-editor", editor, editor_free);
  gtk_widget_set_name (box, "profile-editor");

  gtk_widget_set_tooltip_text (back, _("Back"));
  g_signal_connect (back, "clicked", G_CALLBACK (on_back_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (profile->name, _("Quality Profile")));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  /* Upgrades */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (upgrades), _("Upgrades"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (upgrades_row), _("Upgrade Downloads"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (upgrades_row),
                               _("Replace a download with a better one until the quality below is reached"));
  gtk_widget_set_name (upgrades_switch, "upgrades");
  gtk_widget_set_valign (upgrades_switch, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (upgrades_switch), profile->upgrades_allowed);
  adw_action_row_add_suffix (ADW_ACTION_ROW (upgrades_row), upgrades_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (upgrades_row), upgrades_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (upgrades), upgrades_row);

  editor->cutoff_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (editor->cutoff_row), "cutoff");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->cutoff_row), _("Stop Upgrading At"));
  gtk_widget_set_sensitive (GTK_WIDGET (editor->cutoff_row), profile->upgrades_allowed);
  rebuild_cutoff (editor);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (upgrades), GTK_WIDGET (editor->cutoff_row));

  min_score_row = spin_row (_("Minimum Custom Format Score"),
                            _("Releases scoring less are not taken"), profile->min_format_score, 10);
  gtk_widget_set_name (min_score_row, "min-score");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (upgrades), min_score_row);

  /* Qualities */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (qualities), _("Qualities"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (qualities),
                                         _("Most wanted first. Only ticked qualities are taken; drag a quality or use its arrows to change the order."));
  rebuild_qualities (editor, SSV_QUALITY_UNKNOWN, NULL);

  /* Custom formats */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (formats), _("Custom Formats"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (formats),
                                         _("The scores of the formats a release matches add up; among releases of the same quality the higher score wins."));
  for (guint i = 0; self->formats != NULL && i < self->formats->len; i++)
    {
      SsvCustomFormat *format = g_ptr_array_index (self->formats, i);
      g_autofree char *summary = format_summary (format);
      GtkWidget *row = spin_row (format->name, summary,
                                 ssv_quality_profile_get_format_score (profile, format->name), 50);
      GtkWidget *spin = find_child_named (row, "score");

      gtk_widget_set_name (row, format->name);
      g_object_set_data_full (G_OBJECT (spin), "format", ssv_custom_format_ref (format),
                              (GDestroyNotify) ssv_custom_format_unref);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_format_score_changed), editor);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (formats), row);
    }

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (upgrades));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (qualities));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (formats));

  /* Connected last, so building the page saves nothing */
  g_signal_connect (upgrades_switch, "notify::active", G_CALLBACK (on_upgrades_toggled), editor);
  g_signal_connect (editor->cutoff_row, "notify::selected", G_CALLBACK (on_cutoff_selected), editor);
  g_signal_connect (find_child_named (min_score_row, "score"), "value-changed",
                    G_CALLBACK (on_min_score_changed), editor);

  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self->window), box);
}

static void
on_profile_activated (AdwActionRow *row,
                      ProfileEntry *entry)
{
  show_profile (entry);
}

/* ---------------------------------------------------------------------- */
/* Loading */

static void
add_profile_rows (SsvProfilePreferences *self,
                  GPtrArray             *profiles)
{
  for (guint i = 0; i < profiles->len; i++)
    {
      ProfileEntry *entry = g_new0 (ProfileEntry, 1);
      g_autofree char *summary = NULL;
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      entry->self = self;
      entry->profile = ssv_quality_profile_ref (g_ptr_array_index (profiles, i));
      entry->row = adw_action_row_new ();
      summary = profile_summary (entry->profile);

      gtk_widget_set_name (entry->row, entry->profile->name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry->row), entry->profile->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry->row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (entry->row), summary);
      adw_action_row_add_suffix (ADW_ACTION_ROW (entry->row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (entry->row), TRUE);
      g_signal_connect (entry->row, "activated", G_CALLBACK (on_profile_activated), entry);
      g_ptr_array_add (self->entries, entry);

      ssv_preferences_window_add_row (self->window, "downloads", "profiles", entry->row);
    }
}

static void
profiles_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SsvProfilePreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = ssv_profile_store_list_finish (SSV_PROFILE_STORE (source), result, &error);

  if (profiles == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not list quality profiles: %s", error->message);
          show_toast (self, error->message);
        }
      return;
    }
  if (self->window != NULL)
    add_profile_rows (self, profiles);
}

static void
formats_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SsvProfilePreferences) self = user_data;
  g_autoptr(GError) error = NULL;

  self->formats = ssv_profile_store_list_formats_finish (SSV_PROFILE_STORE (source), result, &error);
  if (self->formats == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not list custom formats: %s", error->message);
          show_toast (self, error->message);
        }
      return;
    }

  /* One after the other: the first listing of a library writes the defaults */
  ssv_profile_store_list_async (self->store, self->cancellable, profiles_ready_cb, g_object_ref (self));
}

static void
ssv_profile_preferences_dispose (GObject *object)
{
  SsvProfilePreferences *self = SSV_PROFILE_PREFERENCES (object);

  g_cancellable_cancel (self->cancellable);
  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;

  G_OBJECT_CLASS (ssv_profile_preferences_parent_class)->dispose (object);
}

static void
ssv_profile_preferences_finalize (GObject *object)
{
  SsvProfilePreferences *self = SSV_PROFILE_PREFERENCES (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->formats, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (ssv_profile_preferences_parent_class)->finalize (object);
}

static void
ssv_profile_preferences_class_init (SsvProfilePreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_profile_preferences_dispose;
  object_class->finalize = ssv_profile_preferences_finalize;
}

static void
ssv_profile_preferences_init (SsvProfilePreferences *self)
{
  self->cancellable = g_cancellable_new ();
  self->entries = g_ptr_array_new_with_free_func (entry_free);
}

/**
 * ssv_profile_preferences_add:
 * @window: the Preferences window
 *
 * Lists the quality profiles under Downloads once they are read, off the UI
 * thread; each opens a page to order its qualities, set its cutoff and score
 * custom formats.
 */
void
ssv_profile_preferences_add (SsvPreferencesWindow *window)
{
  SsvProfilePreferences *self = g_object_new (SSV_TYPE_PROFILE_PREFERENCES, NULL);
  SsvContext *context = ssv_preferences_window_get_context (window);

  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->store = g_object_ref (ssv_context_get_profile_store (context));
  g_object_set_data_full (G_OBJECT (window), "ssv-profile-preferences", self, g_object_unref);

  ssv_profile_store_list_formats_async (self->store, self->cancellable, formats_ready_cb, g_object_ref (self));
}
