/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-judge.c: judges a hit by its name (ssv_decide) and by what else its source says, and ranks hits. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "downloads/ssv-decision-private.h"
#include "downloads/ssv-judge.h"
#include "downloads/ssv-quality-profile-private.h"

G_DEFINE_BOXED_TYPE (SsvJudgedHit, ssv_judged_hit, ssv_judged_hit_ref, ssv_judged_hit_unref)

SsvJudgedHit *
ssv_judged_hit_ref (SsvJudgedHit *judged)
{
  g_atomic_ref_count_inc (&judged->ref);
  return judged;
}

void
ssv_judged_hit_unref (SsvJudgedHit *judged)
{
  if (judged == NULL || !g_atomic_ref_count_dec (&judged->ref))
    return;

  ssv_release_hit_unref (judged->hit);
  ssv_decision_clear (judged->decision);
  g_free (judged);
}

/* A judged hit and its decision in one block */
typedef struct
{
  SsvJudgedHit     judged;
  SsvDecisionBlock decision;
} JudgedBlock;

static const char *
base_name (const char *path)
{
  const char *slash = strrchr (path, '\\');
  const char *other = strrchr (path, '/');

  if (other > slash)
    slash = other;
  return slash ? slash + 1 : path;
}

/* A Soulseek season folder when one episode is wanted: just that episode's file. */
static SsvReleaseHit *
narrow_to_episode (SsvReleaseHit       *hit,
                   const SsvRelease    *release,
                   const SsvSearchItem *item)
{
  SsvReleaseHit *narrow = NULL;
  const SsvHitFile *found = NULL;
  gint64 size = 0;

  if (hit->protocol != SSV_PROTOCOL_SLSKD || item->kind != SSV_SEARCH_ITEM_EPISODE || item->daily ||
      item->accept_season_pack || release->n_seasons == 0 || release->n_episodes > 0)
    return NULL;

  for (guint i = 0; i < hit->files->len; i++)
    {
      const SsvHitFile *file = g_ptr_array_index (hit->files, i);
      SsvRelease r;

      if (!file->wanted || !ssv_release_parse (base_name (file->path), &r))
        continue;
      if (ssv_release_has_season (&r, item->season) && ssv_release_has_episode (&r, item->episode))
        {
          if (found != NULL)
            return NULL;   /* two copies of the episode: let the person look at the folder */
          found = file;
        }
    }
  if (found == NULL)
    return NULL;

  narrow = ssv_release_hit_copy (hit);
  g_free (narrow->title);
  narrow->title = g_strdup (base_name (found->path));
  if (strrchr (narrow->title, '.') != NULL)
    *strrchr (narrow->title, '.') = '\0';
  for (guint i = 0; i < hit->files->len; i++)
    {
      const SsvHitFile *file = g_ptr_array_index (hit->files, i);

      ssv_release_hit_add_file (narrow, file->path, file->size, file == found);
      if (file == found)
        size = file->size;
    }
  narrow->n_files = 1;
  narrow->size = size > 0 ? size : -1;
  return narrow;
}

/* A Soulseek folder named "Heat (1995)" holding "Heat.1995.1080p.BluRay.mkv":
 * the quality is in the file's name, so the biggest video's name lends it. */
static void
quality_from_files (SsvRelease          *release,
                    const SsvReleaseHit *hit)
{
  const SsvHitFile *biggest = NULL;
  SsvRelease file;

  if (hit->protocol != SSV_PROTOCOL_SLSKD || release->resolution != 0 ||
      release->source != SSV_RELEASE_SOURCE_UNKNOWN)
    return;

  for (guint i = 0; i < hit->files->len; i++)
    {
      const SsvHitFile *f = g_ptr_array_index (hit->files, i);

      if (f->wanted && (biggest == NULL || f->size > biggest->size))
        biggest = f;
    }
  if (biggest == NULL || !ssv_release_parse (base_name (biggest->path), &file))
    return;

  release->resolution = file.resolution;
  release->source = file.source;
  release->modifier = file.modifier;
  release->video_codec = file.video_codec;
  release->bit_depth = file.bit_depth;
  release->hdr = file.hdr;
  release->n_audio = file.n_audio;
  memcpy (release->audio, file.audio, sizeof release->audio);
  release->channels = file.channels;
  release->flags |= file.flags & (SSV_RELEASE_FLAG_SOURCE_GUESSED | SSV_RELEASE_FLAG_RES_GUESSED);
  if (release->release_group[0] == '\0')
    memcpy (release->release_group, file.release_group, sizeof release->release_group);
}

/* Reasons only the source knows: the files, the links, the seeders, the ids. */
static void
check_source (SsvDecision         *d,
              const SsvReleaseHit *hit,
              const SsvSearchItem *item)
{
  /* rare: the name's own extension is risky; then its dot says which */
  const char *title_risk = ssv_file_name_risk (hit->title);
  const char *dot = title_risk != NULL ? strrchr (hit->title, '.') : NULL;

  for (guint i = 0; i < hit->files->len; i++)
    {
      const SsvHitFile *file = g_ptr_array_index (hit->files, i);
      const char *risk = ssv_file_name_risk (file->path);

      if (risk != NULL)
        {
          ssv_decision_reject (d, _("rejected: it holds “%s”, %s; no video needs one"), base_name (file->path), risk);
          break;
        }
    }

  /* a name that ends like a program's ("….exe"; ".com" ends web addresses too) */
  if (dot != NULL && g_ascii_strcasecmp (dot, ".com") != 0 && g_ascii_strcasecmp (dot, ".url") != 0 &&
      title_risk != NULL)
    ssv_decision_reject (d, _("rejected: the name ends in “%s”: %s, not a video"), dot, title_risk);

  if (!ssv_release_hit_can_download (hit))
    ssv_decision_reject (d, "%s", hit->protocol == SSV_PROTOCOL_SLSKD ? _("rejected: the peer shares no video file of it")
                                                                      : _("rejected: the indexer gave no link to download it"));

  if (hit->protocol == SSV_PROTOCOL_TORRENT && hit->seeders == 0)
    ssv_decision_reject (d, "%s", _("rejected: nobody seeds it (0 seeders)"));

  if (item->kind != SSV_SEARCH_ITEM_MOVIE && item->tvdb_id > 0 && hit->tvdb_id > 0 && hit->tvdb_id != item->tvdb_id)
    ssv_decision_reject (d, _("rejected: the indexer says it is the show with TheTVDB id %" G_GINT64_FORMAT
                              ", not %" G_GINT64_FORMAT),
                         hit->tvdb_id, item->tvdb_id);
  if (item->kind == SSV_SEARCH_ITEM_MOVIE && item->imdb_id != NULL && hit->imdb_id != NULL &&
      g_ascii_strcasecmp (hit->imdb_id, item->imdb_id) != 0)
    ssv_decision_reject (d, _("rejected: the indexer says it is the film %s on IMDb, not %s"), hit->imdb_id,
                         item->imdb_id);
  else if (item->kind == SSV_SEARCH_ITEM_MOVIE && item->tmdb_id > 0 && hit->tmdb_id > 0 &&
           hit->tmdb_id != item->tmdb_id)
    ssv_decision_reject (d, _("rejected: the indexer says it is the film with TMDB id %" G_GINT64_FORMAT
                              ", not %" G_GINT64_FORMAT),
                         hit->tmdb_id, item->tmdb_id);
}

/**
 * ssv_judge_hit:
 * @owned: (nullable): what is on disk for the item
 *
 * Judges @hit for @item under @profile: its name through ssv_decide() (title
 * with the item's other titles, year, season and episode, quality, custom
 * formats, words), then what only the source says (risky files, no link, no
 * seeders, ids of another title). A Soulseek season folder offered for one
 * episode is judged as that episode's file.
 *
 * Returns: (transfer full)
 */
SsvJudgedHit *
ssv_judge_hit (const SsvQualityProfile *profile,
               const SsvSearchItem     *item,
               const SsvOwnedFile      *owned,
               SsvReleaseHit           *hit)
{
  /* not zeroed: the parser writes every field of the release */
  JudgedBlock *block = g_new (JudgedBlock, 1);
  SsvJudgedHit *judged = &block->judged;
  SsvReleaseHit *narrow;
  SsvWantedItem wanted;
  SsvCandidate candidate = { 0 };

  g_atomic_ref_count_init (&judged->ref);
  ssv_release_parse (hit->title ? hit->title : "", &judged->release);
  narrow = narrow_to_episode (hit, &judged->release, item);
  if (narrow != NULL)
    {
      hit = narrow;
      ssv_release_parse (hit->title, &judged->release);
    }
  else
    ssv_release_hit_ref (hit);
  judged->hit = hit;
  quality_from_files (&judged->release, hit);

  ssv_search_item_to_wanted (item, &wanted);
  candidate.name = hit->title;
  candidate.release = &judged->release;
  candidate.size_bytes = hit->size > 0 ? (guint64) hit->size : 0;
  candidate.indexer_flags = hit->indexer_flags;
  judged->decision = ssv_decide_in (&block->decision, profile, &candidate, &wanted, owned);
  check_source (judged->decision, hit, item);
  judged->quality_rank = ssv_compiled_profile_get_rank (ssv_quality_profile_get_compiled (profile),
                                                       judged->decision->quality);

  return judged;
}

/**
 * ssv_judged_hit_compare:
 *
 * Best first: accepted before rejected, then the better quality in the
 * profile's order, the higher custom-format score, the likelier to complete
 * (seeders, a free Soulseek slot), the bigger.
 */
int
ssv_judged_hit_compare (const SsvJudgedHit *a,
                        const SsvJudgedHit *b)
{
  int availability_a, availability_b;
  gint64 size_a = a->hit->size, size_b = b->hit->size;

  if (a->decision->accepted != b->decision->accepted)
    return a->decision->accepted ? -1 : 1;
  if (a->quality_rank != b->quality_rank)
    return a->quality_rank > b->quality_rank ? -1 : 1;
  if (a->decision->score != b->decision->score)
    return a->decision->score > b->decision->score ? -1 : 1;
  availability_a = ssv_release_hit_availability (a->hit);
  availability_b = ssv_release_hit_availability (b->hit);
  if (availability_a != availability_b)
    return availability_a > availability_b ? -1 : 1;
  if (size_a != size_b)
    return size_a > size_b ? -1 : 1;
  return g_strcmp0 (a->hit->title, b->hit->title);
}

static int
compare_pointers (gconstpointer a,
                  gconstpointer b)
{
  return ssv_judged_hit_compare (*(SsvJudgedHit **) a, *(SsvJudgedHit **) b);
}

void
ssv_judged_hits_sort (GPtrArray *judged)
{
  g_ptr_array_sort (judged, compare_pointers);
}

/* The reasons of one kind, one a line; "" when there are none. */
char *
ssv_judged_hit_dup_reasons (const SsvJudgedHit *judged,
                            SsvReasonKind       kind)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < judged->decision->reasons->len; i++)
    {
      const SsvReason *r = g_ptr_array_index (judged->decision->reasons, i);

      if (r->kind == kind)
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", r->text);
    }
  return g_string_free (text, FALSE);
}

static void
add_string (JsonBuilder *b,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

static void
add_int (JsonBuilder *b,
         const char  *member,
         gint64       value)
{
  if (value < 0)
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, value);
}

/* A Soulseek release is fetched file by file from one peer: the JSON names the
 * files a grab takes and what made that peer the one chosen. */
static void
add_peer_files (JsonBuilder         *b,
                const SsvReleaseHit *hit)
{
  if (hit->files == NULL)
    return;

  if (hit->slskd_user != NULL)
    {
      json_builder_set_member_name (b, "free_slot");
      json_builder_add_boolean_value (b, hit->free_slot);
      add_int (b, "queue_length", hit->queue_length);
      add_int (b, "upload_speed", hit->upload_speed);
    }
  json_builder_set_member_name (b, "files");
  json_builder_begin_array (b);
  for (guint i = 0; i < hit->files->len; i++)
    {
      const SsvHitFile *file = g_ptr_array_index (hit->files, i);

      json_builder_begin_object (b);
      add_string (b, "path", file->path);
      add_int (b, "size", file->size);
      json_builder_set_member_name (b, "wanted");
      json_builder_add_boolean_value (b, file->wanted);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/**
 * ssv_judged_hit_to_json:
 *
 * The hit and its decision as one JSON object on one line (the CLI's --json).
 *
 * Returns: (transfer full)
 */
char *
ssv_judged_hit_to_json (const SsvJudgedHit *judged,
                        const char         *profile_name)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) g = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const SsvReleaseHit *hit = judged->hit;

  json_builder_begin_object (b);
  add_string (b, "title", hit->title);
  add_string (b, "indexer", hit->indexer);
  add_string (b, "protocol", ssv_protocol_to_string (hit->protocol));
  add_string (b, "guid", hit->guid);
  add_string (b, "download_url", hit->download_url);
  add_string (b, "magnet_url", hit->magnet_url);
  add_string (b, "infohash", hit->infohash);
  add_string (b, "slskd_user", hit->slskd_user);
  add_int (b, "size", hit->size);
  add_int (b, "seeders", hit->seeders);
  add_int (b, "peers", hit->peers);
  add_int (b, "grabs", hit->grabs);
  add_int (b, "publish_date", hit->publish_date > 0 ? hit->publish_date : -1);
  add_peer_files (b, hit);
  add_string (b, "profile", profile_name);
  add_string (b, "quality_label", ssv_quality_get_label (judged->decision->quality));
  ssv_decision_build_json (judged->decision, b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (g, root);
  return json_generator_to_data (g, NULL);
}
