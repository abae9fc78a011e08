/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli.c: `soulsync-video-cli`, the headless tool; links only the core. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ssv-cli.h"

static const SsvCliCommand commands[] = {
  { "db-info", N_("Print the schema version and how many rows each table holds"), ssv_cli_db_info },
  { "parse", N_("Read release names (arguments or one per line on stdin) and print JSON"), ssv_cli_parse },
  { "decide", N_("What a quality profile says about release names on stdin, with its reasons"), ssv_cli_decide },
  { "calendar", N_("List what the followed shows and channels air (--json), or export it with --ics"), ssv_cli_calendar },
  { "scan", N_("Scan Plex, Jellyfin and folder sources into the library"), ssv_cli_scan },
  { "enrich", N_("Fill in titles from TMDB, TheTVDB, OMDb, fanart.tv and OpenSubtitles"), ssv_cli_enrich },
  { "status", N_("Print each metadata worker’s key, pause and progress"), ssv_cli_status },
  { "refresh", N_("Read titles again from TMDB now and print what changed"), ssv_cli_refresh },
  { "tasks", N_("List the scheduled tasks with their last and next runs"), ssv_cli_tasks },
  { "find", N_("Search the library and TMDB; owned titles are marked"), ssv_cli_find },
  { "person", N_("Follow a person: “person follow TMDB_ID [--lookback YEARS]”"), ssv_cli_person },
  { "key", N_("Store an API key from standard input: “key set SERVICE”"), ssv_cli_key },
  { "channel", N_("Follow YouTube channels, read them again and list their videos"), ssv_cli_channel },
  { "indexer", N_("Add, list and test the indexers releases are searched on"), ssv_cli_indexer },
  { "client", N_("Add, list and test the download clients releases are sent to"), ssv_cli_client },
  { "search", N_("Search the indexers for a film, an episode or a season and judge every hit"), ssv_cli_search },
  { "grab", N_("Search, then send the best accepted hit (or --pick N) to the download client"), ssv_cli_grab },
  { "downloads", N_("List the downloads, or watch them with --watch"), ssv_cli_downloads },
  { "blocklist", N_("List, add or remove releases never to grab again"), ssv_cli_blocklist },
  { "wishlist", N_("Search the wishlist now, or set an item’s quality profile: "
                   "“wishlist search [--all | --movie … | --show …]”, “wishlist profile ITEM PROFILE”"),
    ssv_cli_wishlist },
  { "import", N_("Import a finished file or folder into the library: “import --path PATH”"), ssv_cli_import },
};

SsvContext *
ssv_cli_open_context (GError **error)
{
  return ssv_context_new (NULL, error);
}

/* Adds @member as @value, or as null when there is none. */
void
ssv_cli_json_add_string (JsonBuilder *builder,
                         const char  *member,
                         const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Prints what @builder built, indented, for --json. */
void
ssv_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

int
ssv_cli_fail (const GError *error)
{
  g_printerr ("soulsync-video-cli: %s\n", error->message);
  return 1;
}

/* Parses a command's options; on bad ones says so, as "soulsync-video-cli
 * COMMAND: …", and returns FALSE (the command exits with 2). */
gboolean
ssv_cli_parse_options (const char          *command,
                       const char          *parameter_string,
                       const char          *summary,
                       const GOptionEntry  *entries,
                       int                 *argc,
                       char              ***argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (options, summary);
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, argc, argv, &error))
    {
      g_printerr ("soulsync-video-cli %s: %s\n", command, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
print_usage (void)
{
  g_print ("%s\n\n", _("Usage: soulsync-video-cli [--version] COMMAND [ARGS…]"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("The library is SSV_DATABASE_PATH, or the default in your data folder."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_usage ();
      return argc < 2 ? 2 : 0;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("soulsync-video-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("soulsync-video-cli: unknown command “%s”\n"), argv[1]);
  print_usage ();
  return 2;
}
