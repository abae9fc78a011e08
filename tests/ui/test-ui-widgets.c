/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-widgets.c: each card, row and section built alone from a model object: what it
 * shows, what its buttons do, and that it goes away whole (no leak, no reference cycle). */

#include "config.h"

#include "model/ssv-episode.h"
#include "ssv-episode-row.h"
#include "ssv-ui-test-utils.h"
#include "stores/ssv-wishlist-store.h"

static SsvEpisode *
make_episode (gint64      id,
              int         season,
              int         number,
              const char *title,
              const char *air_date,
              gboolean    has_file,
              gboolean    watched)
{
  return g_object_new (SSV_TYPE_EPISODE, "id", id, "season-number", season, "episode-number", number,
                       "title", title, "air-date", air_date, "has-file", has_file, "watched", watched, NULL);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_wish_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* ---- episode row --------------------------------------------------------------------- */

static void
test_episode_row (void)
{
  g_autoptr(SsvEpisode) episode = make_episode (42, 1, 3, "Lord Snow", "2011-05-01", FALSE, FALSE);
  GtkWidget *row = g_object_ref_sink (ssv_episode_row_new (episode, NULL, "2026-11-24"));
  GtkWidget *button;
  GVariant *target;
  guint32 kind;
  gint64 id;
  int season;

  g_assert_cmpstr (ssv_episode_row_get_state (SSV_EPISODE_ROW (row)), ==, "missing");
  g_assert_true (gtk_widget_has_css_class (row, "missing"));
  g_assert_nonnull (find_label (row, "3"));
  g_assert_nonnull (find_label (row, "Lord Snow"));
  g_assert_nonnull (find_label (row, "Missing"));
  g_assert_nonnull (find_label (row, "1 May 2011"));

  /* Its star wants this episode through the page's title.wish. */
  button = ssv_ui_test_find_widget (row, is_wish_button, "title.wish");
  g_assert_nonnull (button);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_nonnull (target);
  g_variant_get (target, "(uxi)", &kind, &id, &season);
  g_assert_cmpuint (kind, ==, SSV_WISH_TARGET_EPISODE);
  g_assert_cmpint (id, ==, 42);
  g_assert_cmpint (season, ==, -1);

  g_assert_finalize_object (row);
}

int
main (int    argc,
      char **argv)
{
  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/ui/episode-row/shows-the-episode", test_episode_row);

  return g_test_run ();
}
