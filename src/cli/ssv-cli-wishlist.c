/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-wishlist.c: `soulsync-video-cli wishlist search`: the automatic search of the wishlist
 * run now, for everything wanted, a film or a show (a season), with what each item found and
 * what was grabbed, or why it was not searched; `wishlist profile`: a wanted item's own quality
 * profile. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ssv-cli.h"
#include "downloads/ssv-wishlist-drain.h"
#include "downloads/ssv-wishlist-due.h"
#include "stores/ssv-profile-store.h"
#include "stores/ssv-wishlist-search-store.h"
#include "stores/ssv-wishlist-store.h"

#define PROFILE_USAGE N_("Usage: soulsync-video-cli wishlist profile ITEM PROFILE\n" \
                         "  ITEM: a wanted movie’s or show’s title, or a wanted movie’s wishlist id\n" \
                         "  PROFILE: a quality profile’s name or id, or “default”")

static char *
format_day (gint64 when)
{
  g_autoptr(GDateTime) moment = g_date_time_new_from_unix_local (when);

  return moment != NULL ? g_date_time_format (moment, "%Y-%m-%d %H:%M") : g_strdup ("?");
}

static void
print_json (const SsvDrainReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < report->items->len; i++)
    {
      const SsvDrainItem *item = g_ptr_array_index (report->items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "wishlist_id");
      json_builder_add_int_value (builder, item->wishlist_id);
      ssv_cli_json_add_string (builder, "title", item->label);
      ssv_cli_json_add_string (builder, "state", ssv_wish_due_state_to_string (item->state));
      json_builder_set_member_name (builder, "searched");
      json_builder_add_boolean_value (builder, item->searched);
      json_builder_set_member_name (builder, "found");
      json_builder_add_int_value (builder, item->n_hits);
      json_builder_set_member_name (builder, "accepted");
      json_builder_add_int_value (builder, item->n_accepted);
      ssv_cli_json_add_string (builder, "grabbed", item->grabbed);
      json_builder_set_member_name (builder, "download_id");
      if (item->download_id > 0)
        json_builder_add_int_value (builder, item->download_id);
      else
        json_builder_add_null_value (builder);
      ssv_cli_json_add_string (builder, "result", item->result);
      json_builder_set_member_name (builder, "next_search");
      if (item->next_at > 0)
        json_builder_add_int_value (builder, item->next_at);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  ssv_cli_print_json (builder);
}

static void
print_text (const SsvDrainReport *report)
{
  g_autofree char *summary = ssv_drain_report_dup_summary (report);

  for (guint i = 0; i < report->items->len; i++)
    {
      const SsvDrainItem *item = g_ptr_array_index (report->items, i);

      g_print ("%s\n", item->label);
      if (item->searched)
        g_print (_("  searched: %u found, %u accepted\n"), item->n_hits, item->n_accepted);
      g_print ("  %s\n", item->result);
      if (item->next_at > 0)
        {
          g_autofree char *next = format_day (item->next_at);

          g_print (_("  next search: %s\n"), next);
        }
    }
  g_print ("%s\n", summary);
}

static int
wishlist_search (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(SsvDrainReport) report = NULL;
  g_autofree char *movie = NULL;
  g_autofree char *show = NULL;
  gboolean all = FALSE, json = FALSE;
  int season = -1;
  SsvWishSearchFilter filter = { 0, NULL, NULL, -1 };
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Everything wanted"), NULL },
    { "movie", 0, 0, G_OPTION_ARG_STRING, &movie, N_("A wanted film, by its title"), N_("TITLE") },
    { "show", 0, 0, G_OPTION_ARG_STRING, &show, N_("A wanted show’s episodes, by its title"), N_("TITLE") },
    { "season", 0, 0, G_OPTION_ARG_INT, &season, N_("Only this season of the show"), "S" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!ssv_cli_parse_options ("wishlist search", NULL,
                              _("Search the wishlist now and grab the best accepted release of each item"),
                              entries, &argc, &argv))
    return 2;
  if (argc != 1 || (all + (movie != NULL) + (show != NULL)) != 1 || (season >= 0 && show == NULL))
    {
      g_printerr ("%s\n", _("Usage: soulsync-video-cli wishlist search [--all | --movie TITLE | "
                            "--show TITLE [--season S]] [--json]"));
      return 2;
    }
  filter.movie = movie;
  filter.show = show;
  filter.season = season;

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);
  report = ssv_wishlist_drain_run_sync (ssv_context_get_wishlist_drain (context), SSV_DRAIN_NOW,
                                        all ? NULL : &filter, NULL, &error);
  if (report == NULL)
    return ssv_cli_fail (error);
  if (report->items->len == 0)
    {
      if (all)
        g_printerr ("%s\n", _("soulsync-video-cli: the wishlist is empty; nothing to search."));
      else
        g_printerr (_("soulsync-video-cli: nothing on the wishlist is called “%s”.\n"), movie ? movie : show);
      return 1;
    }

  if (json)
    print_json (report);
  else
    print_text (report);
  return 0;
}

/* PROFILE as a profile: "default" (0, *name NULL), a number (an id), or a name. */
static gboolean
find_profile (SsvContext  *context,
              const char  *text,
              gint64      *id,
              char       **name,
              GError     **error)
{
  SsvProfileStore *profiles = ssv_context_get_profile_store (context);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(SsvQualityProfile) named = NULL;
  char *end = NULL;
  gint64 number;

  *id = 0;
  *name = NULL;
  if (g_ascii_strcasecmp (text, "default") == 0 || g_ascii_strcasecmp (text, "none") == 0)
    return TRUE;

  if (!ssv_profile_store_ensure_defaults (profiles, error) || (all = ssv_profile_store_list (profiles, error)) == NULL)
    return FALSE;
  number = g_ascii_strtoll (text, &end, 10);
  for (guint i = 0; end != text && *end == '\0' && i < all->len; i++)
    {
      SsvQualityProfile *p = g_ptr_array_index (all, i);

      if (p->id == number)
        {
          *id = p->id;
          *name = g_strdup (p->name);
          return TRUE;
        }
    }
  named = ssv_profile_store_get_by_name (profiles, text, error);
  if (named == NULL)
    return FALSE;
  *id = named->id;
  *name = g_strdup (named->name);
  return TRUE;
}

static int
wishlist_profile (int    argc,
                  char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autofree char *name = NULL;
  SsvWishlistStore *store;
  SsvWishlistKind kind;
  gint64 item_id, profile_id;
  GOptionEntry entries[] = { { NULL } };

  if (!ssv_cli_parse_options ("wishlist profile", "ITEM PROFILE",
                              _("Judge a wanted movie’s or show’s releases under its own quality profile"),
                              entries, &argc, &argv))
    return 2;
  if (argc != 3)
    {
      g_printerr ("%s\n", _(PROFILE_USAGE));
      return 2;
    }

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);
  store = ssv_context_get_wishlist_store (context);
  if (!ssv_wishlist_store_find_wanted (store, argv[1], &kind, &item_id, &error) ||
      !find_profile (context, argv[2], &profile_id, &name, &error) ||
      !ssv_wishlist_store_set_profile (store, kind, item_id, profile_id, &error))
    return ssv_cli_fail (error);

  if (name != NULL)
    /* Translators: "“Heat” is now judged under “HD 1080p”." */
    g_print (_("“%s” is now judged under “%s”.\n"), argv[1], name);
  else
    g_print (_("“%s” is now judged under the default quality profile.\n"), argv[1]);
  return 0;
}

int
ssv_cli_wishlist (int    argc,
                  char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "search") == 0)
    return wishlist_search (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "profile") == 0)
    return wishlist_profile (argc - 1, argv + 1);

  g_printerr ("%s\n%s\n", _("Usage: soulsync-video-cli wishlist search [--all | --movie TITLE | "
                            "--show TITLE [--season S]] [--json]"), _(PROFILE_USAGE));
  return 2;
}
