/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-row.c: one judged hit in the release search dialog: what it is, the verdict, Grab. */

#include "config.h"

#include <glib/gi18n.h>

#include "downloads/ssv-release-search.h"
#include "widgets/ssv-release-row.h"

struct _SsvReleaseRow
{
  GtkListBoxRow  parent_instance;

  SsvJudgedHit  *judged;
  char          *reasons;

  GtkLabel      *name_label;
  GtkLabel      *quality_label;
  GtkLabel      *facts_label;
  GtkLabel      *verdict_label;
  GtkButton     *grab_button;
};

G_DEFINE_FINAL_TYPE (SsvReleaseRow, ssv_release_row, GTK_TYPE_LIST_BOX_ROW)

/* "3 days", "5 hours": how long ago an indexer saw the release. */
static char *
describe_age (gint64 published)
{
  gint64 seconds = g_get_real_time () / G_USEC_PER_SEC - published;
  gint64 days = seconds / 86400;

  if (published <= 0)
    return NULL;
  if (days >= 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", (gulong) days), (int) days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", (gulong) MAX (seconds / 3600, 0)),
                          (int) MAX (seconds / 3600, 0));
}

/* Seeders for a torrent; for Soulseek the peer's slot. */
static char *
describe_availability (const SsvReleaseHit *hit)
{
  if (hit->protocol == SSV_PROTOCOL_SLSKD)
    {
      if (hit->free_slot)
        return g_strdup_printf (_("%s, free slot"), hit->slskd_user != NULL ? hit->slskd_user : _("a peer"));
      /* Translators: "ann, 4 in queue": a Soulseek peer and the uploads waiting before ours */
      return g_strdup_printf (_("%s, %d in queue"), hit->slskd_user != NULL ? hit->slskd_user : _("a peer"),
                              MAX (hit->queue_length, 0));
    }
  if (hit->protocol == SSV_PROTOCOL_TORRENT && hit->seeders >= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d seeder", "%d seeders", (gulong) hit->seeders),
                            hit->seeders);
  return NULL;
}

static char *
describe_facts (const SsvJudgedHit *judged)
{
  const SsvReleaseHit *hit = judged->hit;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (hit->size > 0)
    g_ptr_array_add (parts, g_format_size ((guint64) hit->size));
  g_ptr_array_add (parts, describe_availability (hit));
  g_ptr_array_add (parts, g_strdup (hit->indexer));
  g_ptr_array_add (parts, describe_age (hit->usenet_date > 0 ? hit->usenet_date : hit->publish_date));
  /* Translators: a release's score under the quality profile */
  g_ptr_array_add (parts, g_strdup_printf (_("score %d"), judged->decision->score));
  while (g_ptr_array_remove (parts, NULL))
    ;
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_hit (SsvReleaseRow *self,
          guint          index)
{
  const SsvJudgedHit *judged = self->judged;
  g_autofree char *quality = ssv_judged_hit_dup_quality_label (judged);
  g_autofree char *facts = describe_facts (judged);
  g_autofree char *grab_tooltip = NULL;
  g_autofree char *verdict = NULL;

  self->reasons = ssv_judged_hit_dup_reasons (judged, judged->decision->accepted ? SSV_REASON_SCORE : SSV_REASON_REJECT);
  if (judged->decision->accepted)
    verdict = self->reasons[0] != '\0' ? g_strdup_printf (_("Accepted: %s"), self->reasons) : g_strdup (_("Accepted"));
  else
    /* the reasons say "rejected: …" themselves */
    verdict = g_strdup (self->reasons[0] != '\0' ? self->reasons : _("Rejected"));

  gtk_label_set_text (self->name_label, judged->hit->title);
  gtk_label_set_text (self->quality_label, quality);
  gtk_label_set_text (self->facts_label, facts);
  gtk_label_set_text (self->verdict_label, verdict);
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), judged->decision->accepted ? "success" : "error");
  if (!judged->decision->accepted)
    gtk_widget_add_css_class (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self)), "dim-label");

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->grab_button), "u", index);
  /* Translators: the Grab button's tooltip; %s is a release name */
  grab_tooltip = g_strdup_printf (_("Send “%s” to its download client"), judged->hit->title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->grab_button), grab_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grab_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, grab_tooltip, -1);
}

static void
ssv_release_row_dispose (GObject *object)
{
  /* the row's child is GtkListBoxRow's to drop; nothing else is bound outside it */
  gtk_widget_dispose_template (GTK_WIDGET (object), SSV_TYPE_RELEASE_ROW);

  G_OBJECT_CLASS (ssv_release_row_parent_class)->dispose (object);
}

static void
ssv_release_row_finalize (GObject *object)
{
  SsvReleaseRow *self = SSV_RELEASE_ROW (object);

  g_clear_pointer (&self->judged, ssv_judged_hit_unref);
  g_free (self->reasons);

  G_OBJECT_CLASS (ssv_release_row_parent_class)->finalize (object);
}

static void
ssv_release_row_class_init (SsvReleaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_release_row_dispose;
  object_class->finalize = ssv_release_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-release-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseRow, quality_label);
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseRow, facts_label);
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseRow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, SsvReleaseRow, grab_button);
}

static void
ssv_release_row_init (SsvReleaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_release_row_new:
 * @index: the hit's place in the dialog's results: the target of its Grab button
 */
GtkWidget *
ssv_release_row_new (SsvJudgedHit *judged,
                     guint         index)
{
  SsvReleaseRow *self = g_object_new (SSV_TYPE_RELEASE_ROW, NULL);

  self->judged = ssv_judged_hit_ref (judged);
  show_hit (self, index);

  return GTK_WIDGET (self);
}

SsvJudgedHit *
ssv_release_row_get_hit (SsvReleaseRow *self)
{
  g_return_val_if_fail (SSV_IS_RELEASE_ROW (self), NULL);

  return self->judged;
}

/* The reasons the row shows: why it was rejected, or what scored it. */
const char *
ssv_release_row_get_reasons (SsvReleaseRow *self)
{
  g_return_val_if_fail (SSV_IS_RELEASE_ROW (self), NULL);

  return self->reasons;
}
