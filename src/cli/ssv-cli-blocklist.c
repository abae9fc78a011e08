/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-blocklist.c: `soulsync-video-cli blocklist`: releases never to grab again. add (by download
 * id, or by --release with --indexer and --infohash), remove by id, list [--json]. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ssv-cli.h"
#include "downloads/ssv-retry-engine.h"
#include "downloads/ssv-retry.h"
#include "stores/ssv-blocklist-store.h"

#define USAGE N_("Usage: soulsync-video-cli blocklist list [--json] | add DOWNLOAD_ID [--reason R] |" \
                 " add --release NAME [--indexer I] [--infohash H] [--reason R] | remove ID")

static GPtrArray *
load_entries (SsvContext  *context,
              GError     **error)
{
  return ssv_blocklist_store_list (ssv_context_get_blocklist_store (context), error);
}

static void
add_entry_json (JsonBuilder *builder,
                gpointer     item)
{
  const SsvBlockEntry *e = item;

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, e->id);
  ssv_cli_json_add_string (builder, "release-title", e->release_title);
  ssv_cli_json_add_string (builder, "protocol", e->protocol);
  ssv_cli_json_add_string (builder, "indexer", e->indexer);
  ssv_cli_json_add_string (builder, "infohash", e->infohash);
  ssv_cli_json_add_string (builder, "guid", e->guid);
  ssv_cli_json_add_string (builder, "url", e->url);
  ssv_cli_json_add_string (builder, "slskd-user", e->slskd_user);
  ssv_cli_json_add_string (builder, "slskd-file", e->slskd_file);
  ssv_cli_json_add_string (builder, "reason", e->reason);
  json_builder_set_member_name (builder, "manual");
  json_builder_add_boolean_value (builder, e->manual);
  json_builder_set_member_name (builder, "created-at");
  json_builder_add_int_value (builder, e->created_at);
}

static void
print_entry (gpointer item)
{
  const SsvBlockEntry *e = item;
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (e->created_at);
  g_autofree char *date = when != NULL ? g_date_time_format (when, "%Y-%m-%d") : g_strdup ("?");

  g_print ("%4" G_GINT64_FORMAT "  %s  %s%s%s — %s%s\n", e->id, date, e->release_title,
           e->indexer != NULL ? " @ " : "", e->indexer != NULL ? e->indexer : "", e->reason,
           e->manual ? _(" (by hand)") : "");
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  char *end = NULL;

  *id = g_ascii_strtoll (text, &end, 10);
  return end != NULL && end != text && *end == '\0' && *id > 0;
}

static int
add (SsvContext  *context,
     const char  *id_text,
     const char  *release,
     const char  *indexer,
     const char  *infohash,
     const char  *reason)
{
  g_autoptr(SsvBlockEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 download_id = 0, id;

  if (reason == NULL)
    reason = _("Blocked by hand.");
  if (id_text != NULL)
    {
      g_autoptr(SsvRetryEngine) engine = NULL;

      if (!parse_id (id_text, &download_id))
        {
          g_printerr ("%s\n", _(USAGE));
          return 2;
        }
      engine = ssv_retry_engine_new (ssv_context_get_client_pool (context), ssv_context_get_grabber (context),
                                     ssv_context_get_profile_store (context), ssv_context_get_blocklist_store (context));
      entry = ssv_retry_engine_dup_block_entry (engine, download_id, reason, TRUE, &error);
      if (entry == NULL)
        return ssv_cli_fail (error);
    }
  else
    {
      entry = ssv_block_entry_new ();
      entry->protocol = g_strdup ("torrent");
      entry->release_title = g_strdup (release);
      entry->indexer = g_strdup (indexer);
      entry->infohash = infohash != NULL ? g_ascii_strdown (infohash, -1) : NULL;
      entry->reason = g_strdup (reason);
      entry->manual = TRUE;
    }

  id = ssv_blocklist_store_add (ssv_context_get_blocklist_store (context), entry, download_id, &error);
  if (id == 0)
    return ssv_cli_fail (error);
  g_print (_("Blocked “%s” as %" G_GINT64_FORMAT ": %s\n"), entry->release_title, id, entry->reason);

  return 0;
}

int
ssv_cli_blocklist (int    argc,
                   char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autofree char *release = NULL;
  g_autofree char *indexer = NULL;
  g_autofree char *infohash = NULL;
  g_autofree char *reason = NULL;
  const char *action = argc > 1 ? argv[1] : "list";
  GOptionEntry entries[] = {
    { "release", 0, 0, G_OPTION_ARG_STRING, &release, N_("The release name to block"), "NAME" },
    { "indexer", 0, 0, G_OPTION_ARG_STRING, &indexer, N_("The indexer it came from"), "NAME" },
    { "infohash", 0, 0, G_OPTION_ARG_STRING, &infohash, N_("The torrent's infohash"), "HASH" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why, in plain words"), "TEXT" },
    { NULL }
  };
  gint64 id = 0;

  if (g_str_equal (action, "list") || g_str_has_prefix (action, "--"))
    return ssv_cli_list (argc - (argc > 1 && !g_str_has_prefix (action, "--")),
                         argv + (argc > 1 && !g_str_has_prefix (action, "--")), "blocklist",
                         _("List the blocked releases, newest first"), load_entries, add_entry_json, print_entry,
                         _("Nothing is blocked."));

  if (!g_str_equal (action, "add") && !g_str_equal (action, "remove"))
    {
      g_printerr ("%s\n", _(USAGE));
      return 2;
    }
  argc--;
  argv++;
  if (!ssv_cli_parse_options ("blocklist", g_str_equal (action, "add") ? "[DOWNLOAD_ID]" : "ID",
                              _("Block a release, or unblock one"), entries, &argc, &argv))
    return 2;

  if (g_str_equal (action, "remove") ? argc != 2 || !parse_id (argv[1], &id)
                                     : (argc == 2) == (release != NULL) || argc > 2)
    {
      g_printerr ("%s\n", _(USAGE));
      return 2;
    }
  if (infohash != NULL && (strlen (infohash) != 40 || strspn (infohash, "0123456789abcdefABCDEF") != 40))
    {
      g_printerr ("%s\n", _("An infohash is 40 hexadecimal digits."));
      return 2;
    }

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);

  if (g_str_equal (action, "add"))
    return add (context, argc == 2 ? argv[1] : NULL, release, indexer, infohash, reason);

  if (!ssv_blocklist_store_remove (ssv_context_get_blocklist_store (context), id, &error))
    return ssv_cli_fail (error);
  g_print (_("Unblocked %" G_GINT64_FORMAT ".\n"), id);
  return 0;
}
