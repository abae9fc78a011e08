/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-decide.c: `soulsync-video-cli decide --profile NAME`: what a quality profile
 * says about each release name on standard input, with every reason, as JSON lines. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ssv-cli.h"
#include "downloads/ssv-decision.h"
#include "stores/ssv-profile-store.h"

typedef struct
{
  char    *title;
  int      year;
  int      season;
  int      episode;
  int      runtime;
  char    *have;
  char    *flags;
  gint64   size;
  gboolean pack;
} Options;

static void
decide_one (const SsvQualityProfile *profile,
            const char              *name,
            const Options           *o,
            const SsvOwnedFile      *owned)
{
  SsvRelease r;
  SsvWantedItem wanted = { 0 };
  SsvCandidate candidate = { name, &r, MAX (0, o->size), ssv_indexer_flags_from_string (o->flags) };
  g_autoptr(SsvDecision) decision = NULL;
  g_autofree char *json = NULL;

  ssv_release_parse (name, &r);

  /* Without --title the release is taken for what it says it is: only its
   * quality, words and formats are judged. */
  wanted.title = o->title ? o->title : r.title;
  wanted.kind = (o->season > 0 || (o->title == NULL && r.type == SSV_RELEASE_TYPE_EPISODE))
                  ? SSV_WANTED_EPISODE : SSV_WANTED_MOVIE;
  wanted.year = o->year > 0 ? (guint) o->year : o->title ? 0 : r.year;
  if (o->season > 0)
    {
      wanted.season = o->season;
      wanted.episode = MAX (0, o->episode);
    }
  else if (o->title == NULL)
    {
      wanted.season = r.n_seasons > 0 ? r.seasons[0] : 0;
      wanted.episode = r.n_episodes > 0 ? r.episodes[0] : 0;
      wanted.absolute = r.n_absolute > 0 ? r.absolute[0] : 0;
      if (r.air_year != 0)
        wanted.air_date = NULL;
      wanted.accept_season_pack = TRUE;
    }
  wanted.accept_season_pack |= o->pack;
  wanted.runtime_minutes = MAX (0, o->runtime);

  decision = ssv_decide (profile, &candidate, &wanted, owned);
  json = ssv_decision_to_json (decision, profile->name, name);
  fputs (json, stdout);
  fputc ('\n', stdout);
}

int
ssv_cli_decide (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(SsvQualityProfile) profile = NULL;
  g_autoptr(GIOChannel) in = NULL;
  g_autofree char *profile_name = NULL;
  gboolean list = FALSE;
  Options o = { 0 };
  SsvOwnedFile owned = { SSV_QUALITY_UNKNOWN, 1, NULL };
  char *line = NULL;
  gsize terminator = 0;
  GIOStatus status;
  GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile_name, N_("The quality profile that decides"), N_("NAME") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the quality profiles and stop"), NULL },
    { "title", 't', 0, G_OPTION_ARG_STRING, &o.title, N_("The film or show that is wanted (default: each release’s own)"), N_("TITLE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &o.year, N_("Its year"), N_("YEAR") },
    { "season", 0, 0, G_OPTION_ARG_INT, &o.season, N_("The wanted season (a show)"), "N" },
    { "episode", 0, 0, G_OPTION_ARG_INT, &o.episode, N_("The wanted episode; 0 or none for the whole season"), "N" },
    { "accept-pack", 0, 0, G_OPTION_ARG_NONE, &o.pack, N_("A season pack is fine for one episode"), NULL },
    { "runtime", 0, 0, G_OPTION_ARG_INT, &o.runtime, N_("Minutes long, for size limits"), N_("MINUTES") },
    { "size", 0, 0, G_OPTION_ARG_INT64, &o.size, N_("The release’s size in bytes"), N_("BYTES") },
    { "flags", 0, 0, G_OPTION_ARG_STRING, &o.flags, N_("Indexer flags: freeleech, internal, scene, …"), N_("FLAGS") },
    { "have", 0, 0, G_OPTION_ARG_STRING, &o.have, N_("The quality already owned, as a key (webdl-1080p)"), N_("QUALITY") },
    { NULL }
  };

  if (!ssv_cli_parse_options ("decide", _("< NAMES"),
                              _("Reads release names, one a line, and prints what the profile decides "
                                "about each, with every reason, as one JSON object a line."),
                              entries, &argc, &argv))
    return 2;

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);
  if (!ssv_profile_store_ensure_defaults (ssv_context_get_profile_store (context), &error))
    return ssv_cli_fail (error);

  if (list)
    {
      g_autoptr(GPtrArray) profiles = ssv_profile_store_list (ssv_context_get_profile_store (context), &error);

      if (profiles == NULL)
        return ssv_cli_fail (error);
      for (guint i = 0; i < profiles->len; i++)
        g_print ("%s\n", ((SsvQualityProfile *) g_ptr_array_index (profiles, i))->name);
      return 0;
    }

  if (profile_name == NULL)
    {
      g_printerr ("soulsync-video-cli decide: %s\n", _("Say which quality profile decides: --profile NAME (--list shows them)"));
      return 2;
    }

  profile = ssv_profile_store_get_by_name (ssv_context_get_profile_store (context), profile_name, &error);
  if (profile == NULL)
    return ssv_cli_fail (error);

  if (o.have != NULL)
    {
      owned.quality = ssv_quality_from_key (o.have);
      if (owned.quality == SSV_QUALITY_UNKNOWN)
        {
          g_printerr ("soulsync-video-cli decide: ");
          g_printerr (_("“%s” is not a quality; use a key such as webdl-1080p or remux-2160p\n"), o.have);
          return 2;
        }
    }

  in = g_io_channel_unix_new (0);
  g_io_channel_set_encoding (in, NULL, NULL);
  while ((status = g_io_channel_read_line (in, &line, NULL, &terminator, &error)) == G_IO_STATUS_NORMAL)
    {
      line[terminator] = '\0';
      if (line[0] != '\0')
        decide_one (profile, line, &o, o.have ? &owned : NULL);
      g_free (line);
    }

  g_free (o.title);
  g_free (o.have);
  g_free (o.flags);

  if (status == G_IO_STATUS_ERROR)
    return ssv_cli_fail (error);
  return 0;
}
