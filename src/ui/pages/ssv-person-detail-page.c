/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-person-detail-page.c: a person's page, from TMDB through the discovery service (kept for a
 * later visit): photo, facts, known for, biography, Follow, and every movie and show they
 * were part of by year, each marked owned, wished or followed and opening its title page. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-discovery.h"
#include "pages/ssv-person-detail-page.h"
#include "ssv-texture-loader.h"
#include "ssv-ui-utils.h"

#define PHOTO_SIZE    160
#define KNOWN_FOR_MAX 4

struct _SsvPersonDetailPage
{
  SsvPage        parent_instance;

  gint64         tmdb_id;
  char          *name;
  char          *photo_url;
  gboolean       followed;
  GListStore    *filmography;     /* SsvFoundTitle */
  GCancellable  *cancellable;

  GtkStack      *state_stack;
  GtkSpinner    *spinner;
  AdwStatusPage *error_page;
  GtkWidget     *preferences_button;
  AdwAvatar     *photo;
  GtkLabel      *name_label;
  GtkLabel      *facts_label;
  GtkLabel      *known_for_label;
  GtkButton     *follow_button;
  GtkLabel      *biography_label;
  GtkListBox    *filmography_list;
};

G_DEFINE_FINAL_TYPE (SsvPersonDetailPage, ssv_person_detail_page, SSV_TYPE_PAGE)

enum {
  PROP_0,
  PROP_TMDB_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (SsvPersonDetailPage *self);

static void
set_state (SsvPersonDetailPage *self,
           const char          *state)
{
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (state, "loading") == 0);
  gtk_stack_set_visible_child_name (self->state_stack, state);
}

/* ---- the filmography ------------------------------------------------------------ */

/* "Movie · as Neil McCauley" */
static char *
describe_part (SsvFoundTitle *found)
{
  gboolean show = g_strcmp0 (ssv_found_title_get_kind (found), SSV_FOUND_SHOW) == 0;
  const char *role = ssv_found_title_get_role (found);

  if (role == NULL || role[0] == '\0')
    return g_strdup (show ? _("Show") : _("Movie"));
  /* Translators: a part in a filmography: "Movie · as Neil McCauley" */
  return g_strdup_printf (show ? _("Show · as %s") : _("Movie · as %s"), role);
}

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

/* A row opens the library's page when owned, else TMDB's: its action and target say which. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SsvFoundTitle *found = item;
  GtkWidget *row = adw_action_row_new ();
  gboolean show = g_strcmp0 (ssv_found_title_get_kind (found), SSV_FOUND_SHOW) == 0;
  gboolean owned = ssv_found_title_get_owned (found);
  g_autofree char *escaped = g_markup_escape_text (ssv_found_title_get_title (found), -1);
  g_autofree char *subtitle = describe_part (found);
  const char *mark = describe_mark (found);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (mark != NULL)
    {
      GtkWidget *label = gtk_label_new (mark);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_set_name (label, "mark");
      gtk_widget_add_css_class (label, owned ? "accent" : "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x",
                                    owned ? ssv_found_title_get_library_id (found) : ssv_found_title_get_tmdb_id (found));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row),
                                  owned ? (show ? "win.show-show" : "win.show-movie")
                                        : (show ? "win.show-tmdb-show" : "win.show-tmdb-movie"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static int
row_year (SsvPersonDetailPage *self,
          GtkListBoxRow       *row)
{
  g_autoptr(SsvFoundTitle) found = g_list_model_get_item (G_LIST_MODEL (self->filmography),
                                                          (guint) gtk_list_box_row_get_index (row));

  return found != NULL ? ssv_found_title_get_year (found) : 0;
}

/* A heading where the year changes: "2024", or "No Date Yet" for announced ones. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  SsvPersonDetailPage *self = user_data;
  int year = row_year (self, row);
  GtkWidget *header;
  g_autofree char *text = NULL;

  if (before != NULL && row_year (self, before) == year)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  text = year > 0 ? g_strdup_printf ("%d", year) : g_strdup (_("No Date Yet"));
  header = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

static int
compare_popularity (gconstpointer a,
                    gconstpointer b)
{
  double x = ssv_found_title_get_popularity (*(SsvFoundTitle * const *) a);
  double y = ssv_found_title_get_popularity (*(SsvFoundTitle * const *) b);

  return (x < y) - (x > y);
}

/* Their best-known titles: the most popular parts, each once. */
static char *
describe_known_for (GPtrArray *filmography)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (filmography->len);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  /* Borrowed: the page keeps the titles. */
  for (guint i = 0; i < filmography->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (filmography, i));
  g_ptr_array_sort (sorted, compare_popularity);
  for (guint i = 0; i < sorted->len && n < KNOWN_FOR_MAX; i++)
    {
      const char *title = ssv_found_title_get_title (g_ptr_array_index (sorted, i));

      if (title == NULL || !g_hash_table_add (seen, (gpointer) title))
        continue;
      g_string_append_printf (text, "%s%s", n > 0 ? ", " : "", title);
      n++;
    }

  /* Translators: "Known for Heat, Ronin, The Irishman" */
  return n > 0 ? g_strdup_printf (_("Known for %s"), text->str) : NULL;
}

/* ---- the person ----------------------------------------------------------------- */

static void
show_follow_state (SsvPersonDetailPage *self)
{
  GtkActionable *button = GTK_ACTIONABLE (self->follow_button);

  if (self->followed)
    {
      gtk_button_set_label (self->follow_button, _("Following"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Stop following: their new movies no longer join the wishlist"));
      gtk_widget_remove_css_class (GTK_WIDGET (button), "suggested-action");
      gtk_actionable_set_action_name (button, NULL);
      gtk_actionable_set_action_target_value (button, NULL);
      gtk_actionable_set_action_name (button, "person.unfollow");
      return;
    }

  gtk_button_set_label (self->follow_button, _("_Follow…"));
  gtk_button_set_use_underline (self->follow_button, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Their new and upcoming movies join the wishlist"));
  gtk_widget_add_css_class (GTK_WIDGET (button), "suggested-action");
  /* The target before the name: an action never sees a target of the wrong type. */
  gtk_actionable_set_action_name (button, NULL);
  gtk_actionable_set_action_target (button, "(xs)", self->tmdb_id, self->name ? self->name : "");
  gtk_actionable_set_action_name (button, "win.follow-person");
}

static void
photo_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SsvPersonDetailPage) self = user_data;
  g_autoptr(GdkTexture) texture = ssv_texture_loader_load_finish (SSV_TEXTURE_LOADER (source), result, NULL);

  /* Without one, the initials stay. */
  if (texture != NULL)
    adw_avatar_set_custom_image (self->photo, GDK_PAINTABLE (texture));
}

/* "Acting · born 1926-08-08 in Long Beach · died 2017-08-31" */
static char *
describe_facts (const SsvTmdbPerson *person)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (person->known_for_department != NULL)
    g_ptr_array_add (parts, g_strdup (person->known_for_department));
  if (person->birthday != NULL && person->place_of_birth != NULL)
    /* Translators: "born 1926-08-08 in Long Beach, California" */
    g_ptr_array_add (parts, g_strdup_printf (_("born %s in %s"), person->birthday, person->place_of_birth));
  else if (person->birthday != NULL)
    /* Translators: "born 1926-08-08" */
    g_ptr_array_add (parts, g_strdup_printf (_("born %s"), person->birthday));
  if (person->deathday != NULL)
    /* Translators: "died 2017-08-31" */
    g_ptr_array_add (parts, g_strdup_printf (_("died %s"), person->deathday));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_person (SsvPersonDetailPage *self,
             SsvPersonPage       *page)
{
  SsvTmdbPerson *person = page->person;
  g_autofree char *facts = describe_facts (person);
  g_autofree char *known_for = describe_known_for (page->filmography);

  g_free (self->name);
  self->name = g_strdup (person->name);
  self->followed = page->followed;
  ssv_page_set_title (SSV_PAGE (self), person->name);

  gtk_label_set_text (self->name_label, person->name);
  adw_avatar_set_text (self->photo, person->name);
  gtk_label_set_text (self->facts_label, facts);
  gtk_widget_set_visible (GTK_WIDGET (self->facts_label), facts[0] != '\0');
  gtk_label_set_text (self->known_for_label, known_for ? known_for : "");
  gtk_widget_set_visible (GTK_WIDGET (self->known_for_label), known_for != NULL);
  gtk_label_set_text (self->biography_label, person->biography && person->biography[0]
                                             ? person->biography : _("TMDB has no biography of them yet."));
  show_follow_state (self);

  g_list_store_splice (self->filmography, 0, g_list_model_get_n_items (G_LIST_MODEL (self->filmography)),
                       page->filmography->pdata, page->filmography->len);

  if (g_strcmp0 (self->photo_url, person->profile_url) != 0)
    {
      SsvTextureLoader *loader = ssv_texture_loader_get_default (ssv_page_get_context (SSV_PAGE (self)));

      g_free (self->photo_url);
      self->photo_url = g_strdup (person->profile_url);
      if (self->photo_url != NULL)
        ssv_texture_loader_load_async (loader, self->photo_url,
                                       PHOTO_SIZE * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                       self->cancellable, photo_ready_cb, g_object_ref (self));
    }

  set_state (self, "content");
}

static void
show_error (SsvPersonDetailPage *self,
            const GError        *error)
{
  gboolean key = FALSE;

  adw_status_page_set_description (self->error_page, ssv_ui_describe_tmdb_error (error,
    _("People’s pages come from TMDB, which needs an API key (a free one will do). "
      "Add it in Preferences → Metadata."),
    _("TMDB does not know this person (any more)."), &key));
  gtk_widget_set_visible (self->preferences_button, key);
  set_state (self, "error");
}

static void
person_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SsvPersonDetailPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvPersonPage) page = ssv_discovery_person_finish (SSV_DISCOVERY (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (page != NULL)
    show_person (self, page);
  else if (self->name == NULL)
    show_error (self, error);
  else
    ssv_page_show_toast (SSV_PAGE (self), error->message);
}

static void
reload (SsvPersonDetailPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->name == NULL)
    set_state (self, "loading");
  ssv_discovery_person_async (ssv_context_get_discovery (ssv_page_get_context (SSV_PAGE (self))), self->tmdb_id,
                              self->cancellable, person_ready_cb, g_object_ref (self));
}

/* Followed from the dialog, or unfollowed here: the button follows suit. */
static void
on_follow_changed (SsvPersonDetailPage *self,
                   int                  kind,
                   const char          *source,
                   const char          *source_id,
                   gboolean             followed)
{
  if ((SsvWatchKind) kind != SSV_WATCH_KIND_PERSON || g_strcmp0 (source, "tmdb") != 0 ||
      g_ascii_strtoll (source_id, NULL, 10) != self->tmdb_id || self->name == NULL)
    return;

  self->followed = followed;
  show_follow_state (self);
}

/* A title of theirs wished (from its page above this one) or no longer: the marks follow.
 * TMDB's answer is kept, so this asks TMDB nothing. */
static void
on_wishlist_changed (SsvPersonDetailPage *self,
                     const char          *detail)
{
  if (self->name != NULL)
    reload (self);
}

static void
unfollowed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SsvPersonDetailPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ssv_watchlist_store_set_followed_finish (SSV_WATCHLIST_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ssv_page_show_toast (SSV_PAGE (self), error->message);
      return;
    }

  {
    /* Translators: "No longer following Richard Anderson." */
    g_autofree char *message = g_strdup_printf (_("No longer following %s."), self->name);

    ssv_page_show_toast (SSV_PAGE (self), message);
  }
}

/* person.unfollow: their new movies stop joining; what joined stays on the wishlist. */
static void
unfollow_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SsvPersonDetailPage *self = SSV_PERSON_DETAIL_PAGE (widget);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->tmdb_id);

  ssv_watchlist_store_set_followed_async (ssv_context_get_watchlist_store (ssv_page_get_context (SSV_PAGE (self))),
                                          SSV_WATCH_KIND_PERSON, "tmdb", id, FALSE, self->name, self->photo_url,
                                          self->cancellable, unfollowed_cb, g_object_ref (self));
}

/* ---- public and for tests ----------------------------------------------------------- */

/* "loading", "error" or "content". */
const char *
ssv_person_detail_page_get_state (SsvPersonDetailPage *self)
{
  g_return_val_if_fail (SSV_IS_PERSON_DETAIL_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->state_stack);
}

/* Returns: (transfer none): the SsvFoundTitle rows listed */
GListModel *
ssv_person_detail_page_get_filmography (SsvPersonDetailPage *self)
{
  g_return_val_if_fail (SSV_IS_PERSON_DETAIL_PAGE (self), NULL);

  return G_LIST_MODEL (self->filmography);
}

gboolean
ssv_person_detail_page_get_followed (SsvPersonDetailPage *self)
{
  g_return_val_if_fail (SSV_IS_PERSON_DETAIL_PAGE (self), FALSE);

  return self->followed;
}

/* Returns: (transfer none): the template's part named @name ("follow_button", …) */
GtkWidget *
ssv_person_detail_page_get_part (SsvPersonDetailPage *self,
                                 const char          *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SSV_TYPE_PERSON_DETAIL_PAGE, name));
}

/* ---- GObject ------------------------------------------------------------------ */

static void
ssv_person_detail_page_constructed (GObject *object)
{
  SsvPersonDetailPage *self = SSV_PERSON_DETAIL_PAGE (object);
  SsvContext *context;

  G_OBJECT_CLASS (ssv_person_detail_page_parent_class)->constructed (object);

  context = ssv_page_get_context (SSV_PAGE (self));
  g_signal_connect_object (ssv_context_get_watchlist_store (context), "follow-changed",
                           G_CALLBACK (on_follow_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_wishlist_store (context), "changed",
                           G_CALLBACK (on_wishlist_changed), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
ssv_person_detail_page_dispose (GObject *object)
{
  SsvPersonDetailPage *self = SSV_PERSON_DETAIL_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ssv_person_detail_page_parent_class)->dispose (object);

  g_clear_object (&self->filmography);
}

static void
ssv_person_detail_page_finalize (GObject *object)
{
  SsvPersonDetailPage *self = SSV_PERSON_DETAIL_PAGE (object);

  g_free (self->name);
  g_free (self->photo_url);

  G_OBJECT_CLASS (ssv_person_detail_page_parent_class)->finalize (object);
}

static void
ssv_person_detail_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SsvPersonDetailPage *self = SSV_PERSON_DETAIL_PAGE (object);

  switch (prop_id)
    {
    case PROP_TMDB_ID:
      g_value_set_int64 (value, self->tmdb_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_person_detail_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SsvPersonDetailPage *self = SSV_PERSON_DETAIL_PAGE (object);

  switch (prop_id)
    {
    case PROP_TMDB_ID:
      self->tmdb_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_person_detail_page_class_init (SsvPersonDetailPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_person_detail_page_constructed;
  object_class->dispose = ssv_person_detail_page_dispose;
  object_class->finalize = ssv_person_detail_page_finalize;
  object_class->get_property = ssv_person_detail_page_get_property;
  object_class->set_property = ssv_person_detail_page_set_property;

  /* Pushed on top of the sidebar's pages, never in the sidebar itself. */
  ssv_page_class_set_info (SSV_PAGE_CLASS (klass), "person", _("Person"), "avatar-default-symbolic");

  properties[PROP_TMDB_ID] =
    g_param_spec_int64 ("tmdb-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/pages/ssv-person-detail-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvPersonDetailPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvPersonDetailPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvPersonDetailPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SsvPersonDetailPage, preferences_button);
  gtk_widget_class_bind_template_child (widget_class, SsvPersonDetailPage, photo);
  gtk_widget_class_bind_template_child (widget_class, SsvPersonDetailPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, SsvPersonDetailPage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, SsvPersonDetailPage, known_for_label);
  gtk_widget_class_bind_template_child (widget_class, SsvPersonDetailPage, follow_button);
  gtk_widget_class_bind_template_child (widget_class, SsvPersonDetailPage, biography_label);
  gtk_widget_class_bind_template_child (widget_class, SsvPersonDetailPage, filmography_list);

  gtk_widget_class_install_action (widget_class, "person.unfollow", NULL, unfollow_action);
}

static void
ssv_person_detail_page_init (SsvPersonDetailPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filmography = g_list_store_new (SSV_TYPE_FOUND_TITLE);
  gtk_list_box_bind_model (self->filmography_list, G_LIST_MODEL (self->filmography), create_row, NULL, NULL);
  gtk_list_box_set_header_func (self->filmography_list, update_header, self, NULL);
}

/**
 * ssv_person_detail_page_new:
 * @tmdb_id: TMDB's id of the person
 */
SsvPage *
ssv_person_detail_page_new (SsvContext *context,
                            gint64      tmdb_id)
{
  return g_object_new (SSV_TYPE_PERSON_DETAIL_PAGE,
                       "context", context,
                       "tmdb-id", tmdb_id,
                       NULL);
}
