/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-parse-page.c: the Parse tool. Parsing and deciding are pure and take
 * microseconds, so they run as the name is typed; profiles load off the UI thread. */

#include "config.h"

#include <glib/gi18n.h>

#include "downloads/ssv-decision.h"
#include "pages/ssv-parse-page.h"
#include "stores/ssv-profile-store.h"

struct _SsvParsePage
{
  SsvPage              parent_instance;

  GCancellable        *cancellable;
  GPtrArray           *profiles;     /* SsvQualityProfile */
  GPtrArray           *field_rows;
  GPtrArray           *decision_rows;
  GArray              *decision_accepted;  /* gboolean, one per decision row */

  AdwEntryRow         *name_row;
  GtkStack            *result_stack;
  AdwPreferencesGroup *fields_group;
  AdwPreferencesGroup *decisions_group;
};

G_DEFINE_FINAL_TYPE (SsvParsePage, ssv_parse_page, SSV_TYPE_PAGE)

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
clear_decisions (SsvParsePage *self)
{
  clear_rows (self->decisions_group, self->decision_rows);
  g_array_set_size (self->decision_accepted, 0);
}

static void
add_field (SsvParsePage *self,
           const char   *key,
           const char   *label,
           const char   *value)
{
  GtkWidget *row;

  if (value == NULL || value[0] == '\0')
    return;

  row = adw_action_row_new ();
  gtk_widget_set_name (row, key);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (self->fields_group, row);
  g_ptr_array_add (self->field_rows, row);
}

static char *
join_numbers (const guint16 *values,
              guint          n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%u", i ? ", " : "", values[i]);
  return g_string_free (s, FALSE);
}

static char *
join_bits (guint64       bits,
           guint         n,
           const char *(*name) (guint))
{
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < n; k++)
    if (bits & (G_GUINT64_CONSTANT (1) << k))
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", name (k));
  return g_string_free (s, FALSE);
}

static const char *
language_name (guint k)
{
  return ssv_release_language_to_string (k);
}

static const char *
edition_name (guint k)
{
  return ssv_release_edition_to_string (1u << k);
}

static const char *
hdr_name (guint k)
{
  static const char *const names[] = { "HDR", "HDR10", "HDR10+", "Dolby Vision", "HLG" };

  return k < G_N_ELEMENTS (names) ? names[k] : "";
}

/* What the "Also" field lists, in this order. */
static const struct
{
  SsvReleaseFlags  flag;
  const char      *label;
} also_flags[] = {
  { SSV_RELEASE_FLAG_FULL_SEASON, N_("a whole season") },
  { SSV_RELEASE_FLAG_MULTI_SEASON, N_("several seasons") },
  { SSV_RELEASE_FLAG_SAMPLE, N_("a sample") },
  { SSV_RELEASE_FLAG_EXTRAS, N_("extras") },
  { SSV_RELEASE_FLAG_HARDCODED_SUBS, N_("subtitles burnt in") },
  { SSV_RELEASE_FLAG_MULTI_LANGUAGE, N_("several languages") },
  { SSV_RELEASE_FLAG_INTERNAL, N_("internal") },
  { SSV_RELEASE_FLAG_COMPLETE, N_("complete") },
};

static void
show_fields (SsvParsePage     *self,
             const SsvRelease *r)
{
  g_autofree char *year = r->year ? g_strdup_printf ("%u", r->year) : NULL;
  g_autofree char *seasons = join_numbers (r->seasons, r->n_seasons);
  g_autofree char *episodes = join_numbers (r->episodes, r->n_episodes);
  g_autofree char *absolute = join_numbers (r->absolute, r->n_absolute);
  g_autofree char *aired = r->air_year ? g_strdup_printf ("%04u-%02u-%02u", r->air_year, r->air_month,
                                                         r->air_day) : NULL;
  g_autofree char *resolution = NULL;
  g_autofree char *source = NULL;
  g_autofree char *bits = r->bit_depth ? g_strdup_printf (_("%u bit"), r->bit_depth) : NULL;
  g_autofree char *hdr = join_bits (r->hdr, 5, hdr_name);
  g_autoptr(GString) audio = g_string_new (NULL);
  g_autofree char *editions = join_bits (r->editions, SSV_RELEASE_N_EDITIONS, edition_name);
  g_autofree char *languages = join_bits (r->languages, SSV_RELEASE_LANG_LAST, language_name);
  g_autofree char *subtitles = join_bits (r->subtitle_languages, SSV_RELEASE_LANG_LAST, language_name);
  g_autoptr(GString) revision = g_string_new (NULL);
  g_autoptr(GString) flags = g_string_new (NULL);
  const char *type = r->type == SSV_RELEASE_TYPE_EPISODE ? _("An episode or a season of a show") : _("A film");

  clear_rows (self->fields_group, self->field_rows);

  if (!r->parsed)
    add_field (self, "parsed", _("Not a Release"), _("The name looks like a hash or plain words, not a release"));

  if (r->resolution)
    resolution = g_strdup_printf ("%u%c%s", r->resolution, (r->flags & SSV_RELEASE_FLAG_INTERLACED) ? 'i' : 'p',
                                  (r->flags & SSV_RELEASE_FLAG_RES_GUESSED) ? _(" (a guess)") :
                                  (r->flags & SSV_RELEASE_FLAG_RES_IMPLIED) ? _(" (implied by the name)") : "");
  if (r->source != SSV_RELEASE_SOURCE_UNKNOWN)
    source = g_strdup_printf ("%s%s%s%s", ssv_release_source_label (r->source),
                              r->modifier ? " " : "",
                              r->modifier ? ssv_release_modifier_to_string (r->modifier) : "",
                              (r->flags & SSV_RELEASE_FLAG_SOURCE_GUESSED) ? _(" (a guess)") : "");

  for (guint i = 0; i < r->n_audio; i++)
    g_string_append_printf (audio, "%s%s", i ? ", " : "", ssv_release_audio_to_string (r->audio[i]));
  if (r->channels)
    g_string_append_printf (audio, "%s%u.%u", audio->len ? " " : "", r->channels / 10, r->channels % 10);
  if (r->flags & SSV_RELEASE_FLAG_ATMOS)
    g_string_append_printf (audio, "%sAtmos", audio->len ? " " : "");

  if (r->flags & SSV_RELEASE_FLAG_PROPER)
    g_string_append (revision, "PROPER ");
  if (r->flags & SSV_RELEASE_FLAG_REPACK)
    g_string_append (revision, "REPACK ");
  if (r->revision_real)
    g_string_append_printf (revision, "REAL×%u ", r->revision_real);
  if (r->revision_version > 1)
    g_string_append_printf (revision, _("version %u"), r->revision_version);

  for (guint i = 0; i < G_N_ELEMENTS (also_flags); i++)
    if (r->flags & also_flags[i].flag)
      g_string_append_printf (flags, "%s%s", flags->len ? ", " : "", _(also_flags[i].label));

  add_field (self, "title", _("Title"), r->title);
  add_field (self, "alt_title", _("Also Called"), r->alt_title);
  add_field (self, "country", _("Country"), r->country);
  add_field (self, "year", _("Year"), year);
  add_field (self, "type", _("What It Is"), r->parsed || r->title[0] ? type : NULL);
  add_field (self, "season", ngettext ("Season", "Seasons", r->n_seasons), seasons);
  add_field (self, "episode", ngettext ("Episode", "Episodes", r->n_episodes), episodes);
  add_field (self, "absolute_episode", _("Counted from the First Episode"), r->n_seasons ? NULL : absolute);
  add_field (self, "air_date", _("Aired"), aired);
  add_field (self, "episode_title", _("Episode Title"), r->episode_title);
  add_field (self, "quality", _("Quality"), r->parsed ? ssv_quality_get_label (ssv_quality_from_release (r)) : NULL);
  add_field (self, "resolution", _("Resolution"), resolution);
  add_field (self, "source", _("Source"), source);
  add_field (self, "streaming_service", _("Streaming Service"), ssv_release_service_name (r->service));
  add_field (self, "video_codec", _("Video"), ssv_release_codec_to_string (r->video_codec));
  add_field (self, "bit_depth", _("Colour Depth"), bits);
  add_field (self, "hdr", _("HDR"), hdr);
  add_field (self, "audio", _("Audio"), audio->str);
  add_field (self, "edition", _("Edition"), editions);
  add_field (self, "languages", _("Languages"), languages);
  add_field (self, "subtitles", _("Subtitles"), subtitles);
  add_field (self, "revision", _("Revision"), revision->str);
  add_field (self, "release_group", _("Release Group"), r->release_group);
  add_field (self, "container", _("Container"), r->container);
  add_field (self, "flags", _("Also"), flags->str);
}

static const char *
reason_icon (SsvReasonKind kind,
             int           score,
             const char  **css)
{
  switch (kind)
    {
    case SSV_REASON_REJECT:
      *css = "error";
      return "window-close-symbolic";
    case SSV_REASON_UPGRADE:
      *css = "success";
      return "go-up-symbolic";
    case SSV_REASON_SCORE:
      *css = score < 0 ? "warning" : "success";
      return score < 0 ? "list-remove-symbolic" : "list-add-symbolic";
    case SSV_REASON_NOTE:
    default:
      *css = "dim-label";
      return "dialog-information-symbolic";
    }
}

static void
show_decisions (SsvParsePage     *self,
                const char       *name,
                const SsvRelease *r)
{
  SsvWantedItem wanted = { 0 };
  SsvCandidate candidate = { name, r, 0, 0 };

  clear_decisions (self);
  if (self->profiles == NULL)
    return;

  /* The film or episode the name names, so the profile judges its quality */
  wanted.kind = r->type == SSV_RELEASE_TYPE_EPISODE ? SSV_WANTED_EPISODE : SSV_WANTED_MOVIE;
  wanted.title = r->title;
  wanted.year = r->year;
  wanted.season = r->n_seasons > 0 ? r->seasons[0] : 0;
  wanted.episode = r->n_episodes > 0 ? r->episodes[0] : 0;
  wanted.absolute = r->n_absolute > 0 ? r->absolute[0] : 0;
  wanted.accept_season_pack = TRUE;

  for (guint i = 0; i < self->profiles->len; i++)
    {
      SsvQualityProfile *profile = g_ptr_array_index (self->profiles, i);
      g_autoptr(SsvDecision) d = ssv_decide (profile, &candidate, &wanted, NULL);
      g_autofree char *summary = NULL;
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (d->accepted ? "object-select-symbolic"
                                                                  : "window-close-symbolic");

      if (d->accepted)
        summary = g_strdup_printf (_("Taken · %s · score %d"), ssv_quality_get_label (d->quality), d->score);
      else
        summary = g_strdup_printf (_("Not taken · %s · score %d"), ssv_quality_get_label (d->quality), d->score);

      gtk_widget_set_name (row, profile->name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), profile->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary);
      gtk_widget_add_css_class (icon, d->accepted ? "success" : "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      d->accepted ? _("Taken") : _("Not taken"), -1);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

      for (guint k = 0; k < d->reasons->len; k++)
        {
          const SsvReason *reason = g_ptr_array_index (d->reasons, k);
          GtkWidget *reason_row = adw_action_row_new ();
          const char *css = NULL;
          GtkWidget *reason_icon_widget = gtk_image_new_from_icon_name (reason_icon (reason->kind, reason->score, &css));

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason_row), reason->text);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (reason_row), FALSE);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (reason_row), 0);
          gtk_widget_add_css_class (reason_icon_widget, css);
          adw_action_row_add_prefix (ADW_ACTION_ROW (reason_row), reason_icon_widget);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), reason_row);
        }
      if (d->reasons->len == 0)
        {
          GtkWidget *reason_row = adw_action_row_new ();
          GtkWidget *ok_icon = gtk_image_new_from_icon_name ("object-select-symbolic");

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason_row), _("Nothing against it"));
          gtk_widget_add_css_class (ok_icon, "success");
          adw_action_row_add_prefix (ADW_ACTION_ROW (reason_row), ok_icon);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), reason_row);
        }

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      adw_preferences_group_add (self->decisions_group, row);
      g_ptr_array_add (self->decision_rows, row);
      g_array_append_val (self->decision_accepted, d->accepted);
    }
}

static void
refresh (SsvParsePage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  SsvRelease r;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "parse.clear", trimmed[0] != '\0');

  if (trimmed[0] == '\0')
    {
      clear_rows (self->fields_group, self->field_rows);
      clear_decisions (self);
      gtk_stack_set_visible_child_name (self->result_stack, "empty");
      return;
    }

  ssv_release_parse (trimmed, &r);
  show_fields (self, &r);
  show_decisions (self, trimmed, &r);
  gtk_stack_set_visible_child_name (self->result_stack, "result");
}

static void
on_name_changed (SsvParsePage *self)
{
  refresh (self);
}

static void
profiles_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SsvParsePage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *profiles = ssv_profile_store_list_finish (SSV_PROFILE_STORE (source), result, &error);

  if (profiles == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ssv_page_show_toast (SSV_PAGE (self), error->message);
      return;
    }

  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  self->profiles = profiles;
  refresh (self);
}

static void
load_profiles (SsvParsePage *self)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  ssv_profile_store_list_async (ssv_context_get_profile_store (context), self->cancellable,
                                profiles_ready_cb, g_object_ref (self));
}

static void
on_profiles_changed (SsvParsePage *self,
                     const char   *detail)
{
  load_profiles (self);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SsvParsePage *self = SSV_PARSE_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
ssv_parse_page_shown (SsvPage *page)
{
  SsvParsePage *self = SSV_PARSE_PAGE (page);

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
ssv_parse_page_constructed (GObject *object)
{
  SsvParsePage *self = SSV_PARSE_PAGE (object);
  SsvContext *context;

  G_OBJECT_CLASS (ssv_parse_page_parent_class)->constructed (object);

  context = ssv_page_get_context (SSV_PAGE (self));
  g_signal_connect_object (ssv_context_get_profile_store (context), "changed",
                           G_CALLBACK (on_profiles_changed), self, G_CONNECT_SWAPPED);
  load_profiles (self);
  refresh (self);
}

static void
ssv_parse_page_dispose (GObject *object)
{
  SsvParsePage *self = SSV_PARSE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->decision_rows, g_ptr_array_unref);
  g_clear_pointer (&self->decision_accepted, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_PARSE_PAGE);

  G_OBJECT_CLASS (ssv_parse_page_parent_class)->dispose (object);
}

static void
ssv_parse_page_class_init (SsvParsePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsvPageClass *page_class = SSV_PAGE_CLASS (klass);

  object_class->constructed = ssv_parse_page_constructed;
  object_class->dispose = ssv_parse_page_dispose;
  page_class->shown = ssv_parse_page_shown;

  ssv_page_class_set_info (page_class, "parse", _("Parse Tool"), "edit-find-symbolic");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/pages/ssv-parse-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvParsePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, SsvParsePage, result_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvParsePage, fields_group);
  gtk_widget_class_bind_template_child (widget_class, SsvParsePage, decisions_group);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);

  gtk_widget_class_install_action (widget_class, "parse.clear", NULL, clear_action);
}

static void
ssv_parse_page_init (SsvParsePage *self)
{
  self->field_rows = g_ptr_array_new ();
  self->decision_rows = g_ptr_array_new ();
  self->decision_accepted = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
ssv_parse_page_set_name (SsvParsePage *self,
                         const char   *name)
{
  g_return_if_fail (SSV_IS_PARSE_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

/* What the row for @key (a JSON key such as "title" or "resolution") shows, or NULL. */
char *
ssv_parse_page_dup_field (SsvParsePage *self,
                          const char   *key)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->field_rows, i);

      if (g_strcmp0 (gtk_widget_get_name (row), key) == 0)
        return g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
    }
  return NULL;
}

/* The one-line summary of @profile_name's decision, or NULL when it is not shown. */
char *
ssv_parse_page_dup_decision_summary (SsvParsePage *self,
                                     const char   *profile_name,
                                     gboolean     *accepted)
{
  for (guint i = 0; i < self->decision_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->decision_rows, i);

      if (g_strcmp0 (gtk_widget_get_name (row), profile_name) == 0)
        {
          if (accepted != NULL)
            *accepted = g_array_index (self->decision_accepted, gboolean, i);
          return g_strdup (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)));
        }
    }
  return NULL;
}

guint
ssv_parse_page_get_n_profiles (SsvParsePage *self)
{
  return self->profiles != NULL ? self->profiles->len : 0;
}
