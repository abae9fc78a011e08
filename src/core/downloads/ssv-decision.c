/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-decision.c: accept or reject a release for a wanted film or episode, saying why. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "downloads/ssv-decision-private.h"
#include "downloads/ssv-quality-profile-private.h"
#include "ssv-utils.h"

/* ---------------------------------------------------------------------- */
/* Titles */

static gboolean
is_article (const char *word)
{
  static const char *const articles[] = {
    "the", "a", "an", "le", "la", "les", "l", "der", "die", "das", "el", "los", "las", "il", "lo", "gli",
  };

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    if (strcmp (word, articles[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * ssv_title_normalize:
 *
 * A title as a matching key: accents and case gone, "&" read as "and",
 * punctuation dropped, a leading article and a "(2005)" at the end left out.
 * "The Office (US)" and "Office, US" both give "office us".
 *
 * Returns: (transfer full): the key, words separated by one space
 */
char *
ssv_title_normalize (const char *title)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GString) cleaned = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  GString *out = g_string_new (NULL);
  gsize len;

  if (title == NULL)
    return g_string_free (out, FALSE);

  ascii = g_str_to_ascii (title, "C");
  len = strlen (ascii);

  /* "Doctor Who (2005)": the year names which show, the matcher compares it apart */
  if (len >= 7 && ascii[len - 1] == ')' && ascii[len - 6] == '(' && g_ascii_isdigit (ascii[len - 5]) &&
      g_ascii_isdigit (ascii[len - 2]))
    ascii[len - 6] = '\0';

  for (const char *c = ascii; *c; c++)
    {
      if (*c == '&')
        g_string_append (cleaned, " and ");
      else if (*c == '\'' || *c == '`')
        ;
      else if (g_ascii_isalnum (*c))
        g_string_append_c (cleaned, g_ascii_tolower (*c));
      else
        g_string_append_c (cleaned, ' ');
    }

  words = g_strsplit (cleaned->str, " ", -1);
  for (guint i = 0, kept = 0; words[i]; i++)
    {
      if (words[i][0] == '\0')
        continue;
      /* a leading article, unless it is the whole title ("A") */
      if (kept == 0 && is_article (words[i]) && words[i + 1] != NULL)
        {
          gboolean more = FALSE;

          for (guint j = i + 1; words[j]; j++)
            more |= words[j][0] != '\0';
          if (more)
            continue;
        }
      if (kept++ > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (out, FALSE);
}

/* The key without spaces: "Spider-Man" and "Spiderman" are the same show. */
static char *
squash (const char *title)
{
  g_autofree char *key = ssv_title_normalize (title);
  GString *out = g_string_new (NULL);

  for (const char *c = key; *c; c++)
    if (*c != ' ')
      g_string_append_c (out, *c);
  return g_string_free (out, FALSE);
}

/* A word of up to three letters as a number, its length in the top byte. */
#define PACK3(a, b, c, len) ((guint32) (guchar) (a) | (guint32) (guchar) (b) << 8 | (guint32) (guchar) (c) << 16 | \
                             (guint32) (len) << 24)

/* is_article() for a word of @len letters at @word, not terminated. */
static gboolean
is_short_article (const char *word,
                  gsize       len)
{
  static const guint32 articles[] = {
    PACK3 ('t', 'h', 'e', 3), PACK3 ('a', 0, 0, 1), PACK3 ('a', 'n', 0, 2), PACK3 ('l', 'e', 0, 2),
    PACK3 ('l', 'a', 0, 2), PACK3 ('l', 'e', 's', 3), PACK3 ('l', 0, 0, 1), PACK3 ('d', 'e', 'r', 3),
    PACK3 ('d', 'i', 'e', 3), PACK3 ('d', 'a', 's', 3), PACK3 ('e', 'l', 0, 2), PACK3 ('l', 'o', 's', 3),
    PACK3 ('l', 'a', 's', 3), PACK3 ('i', 'l', 0, 2), PACK3 ('l', 'o', 0, 2), PACK3 ('g', 'l', 'i', 3),
  };
  guint32 packed;

  /* no article is longer than three letters */
  if (len == 0 || len > 3)
    return FALSE;
  packed = PACK3 (word[0], len > 1 ? word[1] : 0, len > 2 ? word[2] : 0, len);
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    if (articles[i] == packed)
      return TRUE;
  return FALSE;
}

/* squash() without allocating, for the ASCII names nearly every release has:
 * the same key, written into @out. FALSE: not ASCII, too long or too many
 * words; use squash(). */
static gboolean
squash_ascii (const char *title,
              char       *out,
              gsize       size)
{
  gsize ends[32];
  gsize len = strlen (title);
  gsize n = 0;
  gsize skip = 0;
  guint words = 0;
  gboolean in_word = FALSE;

  /* "Doctor Who (2005)": as ssv_title_normalize() leaves the year out (the
   * loop below reads the rest, so the two letters it does not look at are
   * looked at here) */
  if (len >= 7 && title[len - 1] == ')' && title[len - 6] == '(' && g_ascii_isdigit (title[len - 5]) &&
      g_ascii_isdigit (title[len - 2]))
    {
      if (((guchar) title[len - 4] | (guchar) title[len - 3]) >= 0x80)
        return FALSE;
      len -= 6;
    }

  for (gsize i = 0; i <= len; i++)
    {
      guchar c = i < len ? (guchar) title[i] : ' ';

      if ((guint) (c - '0') < 10 || (guint) ((c | 0x20) - 'a') < 26)
        {
          if (n + 2 > size)
            return FALSE;
          out[n++] = (char) ((guint) (c - 'A') < 26 ? c + ('a' - 'A') : c);
          in_word = TRUE;
          continue;
        }
      if (c >= 0x80)
        return FALSE;
      if (c == '\'' || c == '`')
        continue;
      /* anything else ends a word; "&" is the word "and" */
      if (in_word)
        {
          if (words == G_N_ELEMENTS (ends))
            return FALSE;
          ends[words++] = n;
          in_word = FALSE;
        }
      if (c == '&')
        {
          if (n + 4 > size || words == G_N_ELEMENTS (ends))
            return FALSE;
          memcpy (out + n, "and", 3);
          n += 3;
          ends[words++] = n;
        }
    }
  out[n] = '\0';

  /* leading articles go, unless one is all that is left */
  for (guint w = 0; w + 1 < words; w++)
    {
      gsize start = w ? ends[w - 1] : 0;

      if (!is_short_article (out + start, ends[w] - start))
        break;
      skip = ends[w];
    }
  if (skip > 0)
    memmove (out + 0, out + skip, n - skip + 1);
  return TRUE;
}

/* The key of @title in @buffer when it is plain ASCII, else a new string in @heap. */
static const char *
squash_fast (const char  *title,
             char        *buffer,
             gsize        size,
             char       **heap)
{
  if (squash_ascii (title, buffer, size))
    return buffer;
  *heap = squash (title);
  return *heap;
}

/**
 * ssv_title_keys:
 * @aliases: (nullable) (array zero-terminated=1): other titles of the same thing
 *
 * The keys ssv_title_matches() compares, made once for a wanted item
 * (its title and every alias) so judging many releases does not remake them.
 *
 * Returns: (transfer full) (array zero-terminated=1): the non-empty keys
 */
char **
ssv_title_keys (const char         *title,
                const char * const *aliases)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (gssize i = -1; i < 0 || (aliases != NULL && aliases[i] != NULL); i++)
    {
      const char *one = i < 0 ? title : aliases[i];
      char *key;

      if (one == NULL)
        continue;
      key = squash (one);
      if (key[0] != '\0')
        g_strv_builder_add (builder, key);
      g_free (key);
    }
  return g_strv_builder_end (builder);
}

static gboolean
key_in (const char         *key,
        const char * const *keys)
{
  /* the first letter rules out nearly every other title at once */
  for (guint i = 0; key[0] != '\0' && keys[i] != NULL; i++)
    if (keys[i][0] == key[0] && strcmp (key, keys[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * ssv_title_matches_keys:
 * @keys: (array zero-terminated=1): from ssv_title_keys()
 *
 * Whether the release names one of the titles @keys stand for. The release's
 * country ("The Office US") and alternative title ("Garo - Vanishing Line")
 * are tried too.
 */
gboolean
ssv_title_matches_keys (const SsvRelease   *release,
                        const char * const *keys)
{
  char buffer[2 * SSV_RELEASE_TEXT_MAX + 16];
  char joined[2 * SSV_RELEASE_TEXT_MAX + 8];
  g_autofree char *heap = NULL;

  if (release->title[0] == '\0' || keys == NULL)
    return FALSE;

  if (key_in (squash_fast (release->title, buffer, sizeof buffer, &heap), keys))
    return TRUE;
  if (release->country[0] != '\0')
    {
      g_autofree char *other = NULL;

      g_snprintf (joined, sizeof joined, "%s %s", release->title, release->country);
      if (key_in (squash_fast (joined, buffer, sizeof buffer, &other), keys))
        return TRUE;
    }
  if (release->alt_title[0] != '\0')
    {
      g_autofree char *both = NULL;
      g_autofree char *alt = NULL;

      g_snprintf (joined, sizeof joined, "%s %s", release->title, release->alt_title);
      if (key_in (squash_fast (joined, buffer, sizeof buffer, &both), keys) ||
          key_in (squash_fast (release->alt_title, buffer, sizeof buffer, &alt), keys))
        return TRUE;
    }
  return FALSE;
}

/**
 * ssv_title_matches:
 * @aliases: (nullable) (array zero-terminated=1): other titles of the same thing
 *
 * Whether the release names @title or one of @aliases. The release's country
 * ("The Office US") and alternative title ("Garo - Vanishing Line") are tried too.
 */
gboolean
ssv_title_matches (const SsvRelease   *release,
                   const char         *title,
                   const char * const *aliases)
{
  g_auto(GStrv) keys = ssv_title_keys (title, aliases);

  return ssv_title_matches_keys (release, (const char * const *) keys);
}

/* ---------------------------------------------------------------------- */
/* Reasons */

static void
add_reason_va (SsvDecision   *d,
               SsvReasonKind  kind,
               int            score,
               const char    *format,
               va_list        args) G_GNUC_PRINTF (4, 0);

#define ARENA_SIZE SSV_DECISION_ARENA_SIZE

typedef SsvDecisionBlock DecisionBlock;

/* A reason and its text in one block: in the decision's arena when it has
 * room, else in one of their own that the reasons' array (or
 * ssv_decision_free()) frees. */
static SsvReason *
reason_new (SsvDecision   *d,
            SsvReasonKind  kind,
            int            score,
            gsize          len)
{
  gsize need = (sizeof (SsvReason) + len + 1 + (sizeof (SsvReason) - 1)) & ~(sizeof (SsvReason) - 1);
  SsvReason *r;

  if (d->arena_size - d->arena_used >= need)
    {
      r = (SsvReason *) (gpointer) ((char *) ((DecisionBlock *) d)->arena + d->arena_used);
      d->arena_used += need;
    }
  else
    r = g_malloc (sizeof *r + len + 1);
  r->text = (char *) (r + 1);
  r->kind = kind;
  r->score = score;
  g_ptr_array_add (d->reasons, r);
  return r;
}

/* @value in decimal at the end of @digits, a sign first when @sign is not 0. */
static const char *
write_number (char     digits[24],
              guint64  value,
              char     sign)
{
  char *at = digits + 23;

  *at = '\0';
  do
    *--at = (char) ('0' + value % 10);
  while ((value /= 10) != 0);
  if (sign != '\0')
    *--at = sign;
  return at;
}

/* What g_vsnprintf() writes for a @format of only text, "%s", "%d", "%+d",
 * "%u" (each maybe with "l") and "%%", without stdio's set-up for each
 * reason. FALSE for any other format (a translation's "%1$s", "%.1f") or
 * a text that does not fit @size; @args is then spent. */
static gboolean
format_plain (char       *out,
              gsize       size,
              gsize      *len,
              const char *format,
              va_list     args)
{
  const char *f = format;
  gsize n = 0;

  while (*f != '\0')
    {
      const char *percent = strchr (f, '%');
      gsize span = percent != NULL ? (gsize) (percent - f) : strlen (f);
      char digits[24];
      const char *text;
      gboolean plus = FALSE, is_long = FALSE;
      gsize text_len;

      /* the words up to the next conversion, at once */
      if (n + span + 1 >= size)
        return FALSE;
      memcpy (out + n, f, span);
      n += span;
      if (percent == NULL)
        break;
      f = percent + 1;
      if (*f == '%')
        {
          out[n++] = '%';
          f++;
          continue;
        }
      if (*f == '+')
        plus = TRUE, f++;
      if (*f == 'l')
        is_long = TRUE, f++;
      switch (*f++)
        {
        case 's':
          if (plus || is_long)
            return FALSE;
          text = va_arg (args, const char *);
          if (text == NULL)
            text = "(null)";
          break;

        case 'd':
        case 'i':
          {
            gint64 v = is_long ? va_arg (args, long) : va_arg (args, int);

            text = write_number (digits, v < 0 ? -(guint64) v : (guint64) v, v < 0 ? '-' : plus ? '+' : '\0');
          }
          break;

        case 'u':
          if (plus)
            return FALSE;
          text = write_number (digits, is_long ? va_arg (args, unsigned long) : va_arg (args, unsigned int), '\0');
          break;

        default:
          return FALSE;
        }
      text_len = strlen (text);
      if (n + text_len >= size)
        return FALSE;
      memcpy (out + n, text, text_len);
      n += text_len;
    }
  out[n] = '\0';
  *len = n;
  return TRUE;
}

static void
add_reason_va (SsvDecision   *d,
               SsvReasonKind  kind,
               int            score,
               const char    *format,
               va_list        args)
{
  char buffer[512];
  va_list copy;
  SsvReason *r;
  gsize plain_len;
  int len;

  /* most texts are plain and fit the buffer: formatted once, copied once */
  va_copy (copy, args);
  if (format_plain (buffer, sizeof buffer, &plain_len, format, copy))
    len = (int) plain_len;
  else
    {
      va_end (copy);
      va_copy (copy, args);
      len = g_vsnprintf (buffer, sizeof buffer, format, copy);
    }
  va_end (copy);
  g_assert (len >= 0);
  r = reason_new (d, kind, score, (gsize) len);
  if ((gsize) len < sizeof buffer)
    memcpy (r->text, buffer, (gsize) len + 1);
  else
    g_vsnprintf (r->text, (gulong) len + 1, format, args);
}

/* @msgid: marked with N_(); translated here, once (thousands of hits are judged). */
static void add_reason (SsvDecision   *d,
                        SsvReasonKind  kind,
                        int            score,
                        const char    *msgid,
                        ...) G_GNUC_PRINTF (4, 5);

static void
add_reason (SsvDecision   *d,
            SsvReasonKind  kind,
            int            score,
            const char    *msgid,
            ...)
{
  va_list args;

  va_start (args, msgid);
  add_reason_va (d, kind, score, ssv_gettext_once (msgid), args);
  va_end (args);
}

/* A reason that is only words, @msgid marked with N_(): nothing to format. */
static void
add_reason_text (SsvDecision   *d,
                 SsvReasonKind  kind,
                 const char    *msgid)
{
  const char *text = ssv_gettext_once (msgid);
  gsize len = strlen (text);

  memcpy (reason_new (d, kind, 0, len)->text, text, len + 1);
}

static gboolean
has_rejection (const SsvDecision *d)
{
  for (guint i = 0; i < d->reasons->len; i++)
    if (((SsvReason *) g_ptr_array_index (d->reasons, i))->kind == SSV_REASON_REJECT)
      return TRUE;
  return FALSE;
}

static char *
number_list (const guint16 *values,
             guint          n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%u", i ? ", " : "", values[i]);
  return g_string_free (s, FALSE);
}

/* ---------------------------------------------------------------------- */
/* The rules */

static void
check_what (SsvDecision         *d,
            const SsvRelease    *r,
            const SsvWantedItem *w)
{
  if (r->title[0] == '\0')
    add_reason_text (d, SSV_REASON_REJECT, N_("rejected: the name has no title"));
  else if (w->title_keys != NULL ? !ssv_title_matches_keys (r, w->title_keys)
                                  : !ssv_title_matches (r, w->title, w->aliases))
    add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: “%s” is not “%s” or one of its other titles"),
                r->title, w->title);

  if (w->kind == SSV_WANTED_MOVIE)
    {
      if (r->type == SSV_RELEASE_TYPE_EPISODE)
        add_reason_text (d, SSV_REASON_REJECT, N_("rejected: an episode of a show, but a film is wanted"));
      if (w->year != 0 && r->year != 0 && (r->year + 1u < w->year || r->year > w->year + 1))
        add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: from %u, but the film is from %u"), r->year, w->year);
      else if (w->year != 0 && r->year == 0)
        add_reason_text (d, SSV_REASON_NOTE, N_("the name has no year to check"));
      return;
    }

  /* An episode */
  if (w->year != 0 && r->year != 0 && r->air_year == 0 && (r->year + 1u < w->year || r->year > w->year + 1))
    add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: the show from %u, not the one from %u"), r->year, w->year);

  if (w->air_date != NULL && r->air_year != 0)
    {
      g_autofree char *aired = g_strdup_printf ("%04u-%02u-%02u", r->air_year, r->air_month, r->air_day);

      if (strcmp (aired, w->air_date) != 0)
        add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: aired %s, the wanted episode aired %s"), aired,
                    w->air_date);
      return;
    }

  if (r->n_seasons == 0 && r->n_episodes == 0 && r->n_absolute == 0)
    {
      add_reason_text (d, SSV_REASON_REJECT, N_("rejected: no season or episode in the name"));
      return;
    }

  /* Anime numbered from the first episode */
  if (r->n_seasons == 0)
    {
      guint n = w->absolute != 0 ? w->absolute : w->episode;
      gboolean found = FALSE;

      for (guint i = 0; i < r->n_absolute; i++)
        found |= r->absolute[i] == n;
      if (!found)
        {
          g_autofree char *have = number_list (r->absolute, r->n_absolute);

          add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: episode %s, but episode %u is wanted"), have, n);
        }
      return;
    }

  if (!ssv_release_has_season (r, w->season))
    {
      g_autofree char *have = number_list (r->seasons, r->n_seasons);

      add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: season %s, but season %u is wanted"), have, w->season);
      return;
    }

  if (w->episode == 0)
    {
      if (r->n_episodes > 0)
        {
          g_autofree char *have = number_list (r->episodes, r->n_episodes);

          add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: only episode %s, but all of season %u is wanted"),
                      have, w->season);
        }
      return;
    }

  if (r->n_episodes == 0)
    {
      if (w->accept_season_pack)
        add_reason (d, SSV_REASON_NOTE, 0, N_("a pack of all of season %u"), w->season);
      else
        add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: a pack of all of season %u, but only episode %u is wanted"),
                    w->season, w->episode);
      return;
    }

  if (!ssv_release_has_episode (r, w->episode))
    {
      g_autofree char *have = number_list (r->episodes, r->n_episodes);

      add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: episode %s of season %u, but episode %u is wanted"),
                  have, w->season, w->episode);
    }
  else if (r->n_episodes > 1)
    {
      g_autofree char *have = number_list (r->episodes, r->n_episodes);

      add_reason (d, SSV_REASON_NOTE, 0, N_("holds episodes %s together"), have);
    }
}

static void
check_quality (SsvDecision              *d,
               const SsvQualityProfile  *p,
               const SsvCompiledProfile *compiled,
               const SsvRelease        *r,
               const SsvCandidate      *c,
               const SsvWantedItem     *w)
{
  const SsvProfileItem *item = ssv_compiled_profile_get_item (compiled, d->quality);

  if (d->quality == SSV_QUALITY_UNKNOWN)
    {
      add_reason_text (d, SSV_REASON_REJECT, N_("rejected: the name does not say what quality it is"));
      return;
    }

  if (item == NULL || !item->allowed)
    {
      guint res = ssv_quality_get_resolution (d->quality);
      guint min_res = 0;

      for (guint i = 0; i < p->items->len; i++)
        {
          const SsvProfileItem *it = &g_array_index (p->items, SsvProfileItem, i);
          guint it_res = ssv_quality_get_resolution (it->quality);

          if (it->allowed && it_res > 0 && (min_res == 0 || it_res < min_res))
            min_res = it_res;
        }

      if (res > 0 && min_res > 0 && res < min_res)
        add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: %up is below the profile's minimum %up"), res, min_res);
      else
        add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: %s is not one of the qualities “%s” takes"),
                    ssv_quality_get_label (d->quality), p->name);
      return;
    }

  if (r->flags & (SSV_RELEASE_FLAG_SOURCE_GUESSED | SSV_RELEASE_FLAG_RES_GUESSED))
    add_reason (d, SSV_REASON_NOTE, 0, N_("%s is a guess: the name does not say it all"),
                ssv_quality_get_label (d->quality));
  else if (r->flags & SSV_RELEASE_FLAG_RES_IMPLIED)
    add_reason (d, SSV_REASON_NOTE, 0, N_("%s is implied: the name gives no resolution, but its words mean %up"),
                ssv_quality_get_label (d->quality), r->resolution);

  if (c->size_bytes > 0 && w->runtime_minutes > 0)
    {
      double gb = c->size_bytes / 1e9;
      double per_minute = c->size_bytes / 1e6 / w->runtime_minutes;

      if (item->max_mb_per_min > 0 && per_minute > item->max_mb_per_min)
        add_reason (d, SSV_REASON_REJECT, 0,
                    N_("rejected: %.1f GB for %u minutes is %.0f MB a minute, more than the %.0f %s may have"),
                    gb, w->runtime_minutes, per_minute, item->max_mb_per_min, ssv_quality_get_label (d->quality));
      else if (item->min_mb_per_min > 0 && per_minute < item->min_mb_per_min)
        add_reason (d, SSV_REASON_REJECT, 0,
                    N_("rejected: %.1f GB for %u minutes is %.0f MB a minute, less than the %.0f %s needs"),
                    gb, w->runtime_minutes, per_minute, item->min_mb_per_min, ssv_quality_get_label (d->quality));
    }
}

static gboolean
name_has_word (const char *name,
               const char *word)
{
  g_autofree char *n = g_utf8_casefold (name, -1);
  g_autofree char *w = g_utf8_casefold (word, -1);

  return w[0] != '\0' && strstr (n, w) != NULL;
}

static int
score_formats (SsvDecision              *d,
               const SsvQualityProfile  *p,
               const SsvCompiledProfile *compiled,
               const char              *name,
               const SsvRelease        *r,
               guint64                  size_bytes,
               guint32                  indexer_flags)
{
  guint n = ssv_compiled_profile_get_n_formats (compiled);
  SsvCompiledFacts facts;
  int score = 0;

  ssv_compiled_facts_init (&facts, compiled, name, r, size_bytes, indexer_flags);
  for (guint i = ssv_compiled_profile_next_match (compiled, 0, &facts); i < n;
       i = ssv_compiled_profile_next_match (compiled, i + 1, &facts))
    {
      const SsvFormatScore *s = ssv_compiled_profile_get_format (compiled, i);

      score += s->score;
      if (d != NULL)
        add_reason (d, SSV_REASON_SCORE, s->score, N_("%+d: custom format “%s”"), s->score, s->format->name);
    }

  for (guint i = 0; name != NULL && i < p->preferred_words->len; i++)
    {
      const SsvPreferredWord *w = &g_array_index (p->preferred_words, SsvPreferredWord, i);

      if (w->score == 0 || !name_has_word (name, w->word))
        continue;
      score += w->score;
      if (d != NULL)
        add_reason (d, SSV_REASON_SCORE, w->score, N_("%+d: preferred word “%s”"), w->score, w->word);
    }

  return score;
}

static void
check_words (SsvDecision             *d,
             const SsvQualityProfile *p,
             const char              *name)
{
  if (p->required_words->len > 0)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < p->required_words->len && !found; i++)
        found = name_has_word (name, g_ptr_array_index (p->required_words, i));
      if (!found)
        {
          g_autoptr(GString) list = g_string_new (NULL);

          for (guint i = 0; i < p->required_words->len; i++)
            g_string_append_printf (list, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (p->required_words, i));
          add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: none of the required words (%s) is in the name"),
                      list->str);
        }
    }

  for (guint i = 0; i < p->rejected_words->len; i++)
    {
      const char *word = g_ptr_array_index (p->rejected_words, i);

      if (name_has_word (name, word))
        add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: the name has the rejected word “%s”"), word);
    }
}

static void
check_upgrade (SsvDecision             *d,
               const SsvQualityProfile *p,
               const SsvRelease        *r,
               const SsvOwnedFile      *owned)
{
  int rank = ssv_quality_profile_get_rank (p, d->quality);
  int own_rank = ssv_quality_profile_get_rank (p, owned->quality);
  int cutoff_rank = ssv_quality_profile_get_rank (p, p->cutoff);
  guint own_revision = MAX (1, owned->revision_version);
  const char *label = ssv_quality_get_label (d->quality);
  const char *own_label = ssv_quality_get_label (owned->quality);
  int own_score = 0;
  gboolean newer_revision = rank == own_rank && r->revision_version > own_revision;

  if (cutoff_rank < 0)
    cutoff_rank = p->items->len;

  if (owned->name != NULL)
    {
      SsvRelease own;

      ssv_release_parse (owned->name, &own);
      own_score = score_formats (NULL, p, ssv_quality_profile_get_compiled (p), owned->name, &own, 0, 0);
    }

  if (newer_revision)
    {
      add_reason (d, SSV_REASON_UPGRADE, 0, N_("upgrade: %s, a newer revision (v%u) of the one you have"), label,
                  r->revision_version);
      return;
    }

  if (!p->upgrades_allowed)
    {
      add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: you have %s, and “%s” does not upgrade"), own_label,
                  p->name);
      return;
    }

  if (own_rank >= cutoff_rank && own_score >= p->cutoff_format_score)
    {
      add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: the %s you have already meets the cutoff, %s"), own_label,
                  ssv_quality_get_label (p->cutoff));
      return;
    }

  if (rank > own_rank)
    add_reason (d, SSV_REASON_UPGRADE, 0, N_("upgrade: %s → %s, cutoff not met"), own_label, label);
  else if (rank == own_rank && d->score > own_score)
    add_reason (d, SSV_REASON_UPGRADE, 0, N_("upgrade: %s with a better score (%d → %d)"), label, own_score,
                d->score);
  else if (rank == own_rank)
    add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: not better than the %s you have"), own_label);
  else
    add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: %s is worse than the %s you have"), label, own_label);
}

/* The reasons' array of a decision freed on this thread, kept for the next:
 * judging thousands of hits, most decisions cost no array of their own. */
static GPrivate spare_reasons = G_PRIVATE_INIT ((GDestroyNotify) g_ptr_array_unref);

static GPtrArray *
reasons_new (void)
{
  GPtrArray *reasons = g_private_get (&spare_reasons);

  if (reasons == NULL)
    return g_ptr_array_new_full (4, NULL);
  g_private_set (&spare_reasons, NULL);
  return reasons;
}

/* @reasons of a decision from ssv_decide(): no free function, not shared */
static void
reasons_free (GPtrArray *reasons)
{
  if (g_private_get (&spare_reasons) != NULL)
    {
      g_ptr_array_unref (reasons);
      return;
    }
  g_ptr_array_set_size (reasons, 0);
  g_private_set (&spare_reasons, reasons);
}

/**
 * ssv_decide:
 * @profile: the quality profile of the wanted item
 * @candidate: the release offered
 * @wanted: what the person wants
 * @owned: (nullable): what is on disk already
 *
 * Every rule is checked, so the decision lists every reason at once, not only
 * the first that failed.
 *
 * Returns: (transfer full): the decision; free with ssv_decision_free()
 */
SsvDecision *
ssv_decide (const SsvQualityProfile *profile,
            const SsvCandidate      *candidate,
            const SsvWantedItem     *wanted,
            const SsvOwnedFile      *owned)
{
  /* g_new, not g_new0: calloc() skips malloc's per-thread cache, so every decision freed
   * would go to a fast bin, and the next large block (a judged hit) would sweep them all */
  return ssv_decide_in (g_new (DecisionBlock, 1), profile, candidate, wanted, owned);
}

/**
 * ssv_decide_in:
 * @block: where the decision is written, not zeroed; it outlives the decision
 *
 * ssv_decide() into a block of the caller's (a judged hit's own): free the
 * decision with ssv_decision_clear(), then the block.
 */
SsvDecision *
ssv_decide_in (SsvDecisionBlock        *block,
               const SsvQualityProfile *profile,
               const SsvCandidate      *candidate,
               const SsvWantedItem     *wanted,
               const SsvOwnedFile      *owned)
{
  const SsvCompiledProfile *compiled = ssv_quality_profile_get_compiled (profile);
  SsvDecision *d = &block->decision;
  SsvRelease parsed;
  const SsvRelease *r = candidate->release;
  const char *name = candidate->name ? candidate->name : "";

  d->accepted = FALSE;
  d->upgrade = FALSE;
  d->score = 0;
  d->reasons = reasons_new ();
  d->arena_size = ARENA_SIZE;
  d->arena_used = 0;

  if (r == NULL)
    {
      ssv_release_parse (name, &parsed);
      r = &parsed;
    }
  d->quality = ssv_quality_from_release (r);

  if (!r->parsed)
    add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: “%s” does not look like a release name"), name);
  if (r->flags & SSV_RELEASE_FLAG_SAMPLE)
    add_reason_text (d, SSV_REASON_REJECT, N_("rejected: a sample, not the real thing"));
  if (r->flags & SSV_RELEASE_FLAG_TRAILER)
    add_reason_text (d, SSV_REASON_REJECT, N_("rejected: a trailer"));
  if ((r->flags & SSV_RELEASE_FLAG_EXTRAS) || (r->flags & SSV_RELEASE_FLAG_SEASON_EXTRA))
    add_reason_text (d, SSV_REASON_REJECT, N_("rejected: extras, not the film or the episodes"));

  check_what (d, r, wanted);
  check_quality (d, profile, compiled, r, candidate, wanted);
  check_words (d, profile, name);

  d->score = score_formats (d, profile, compiled, name, r, candidate->size_bytes, candidate->indexer_flags);
  if (d->score < profile->min_format_score)
    add_reason (d, SSV_REASON_REJECT, 0, N_("rejected: a score of %d is below the profile's minimum %d"), d->score,
                profile->min_format_score);

  if (owned != NULL && owned->quality != SSV_QUALITY_UNKNOWN && !has_rejection (d))
    check_upgrade (d, profile, r, owned);

  d->accepted = !has_rejection (d);
  for (guint i = 0; d->accepted && i < d->reasons->len; i++)
    d->upgrade |= ((SsvReason *) g_ptr_array_index (d->reasons, i))->kind == SSV_REASON_UPGRADE;

  return d;
}

void
ssv_decision_free (SsvDecision *decision)
{
  if (decision == NULL)
    return;
  ssv_decision_clear (decision);
  g_free (decision);
}

/* What @decision holds, not its own block: for a decision from ssv_decide_in(). */
void
ssv_decision_clear (SsvDecision *decision)
{
  const char *arena;

  arena = (const char *) ((DecisionBlock *) decision)->arena;
  /* reasons that did not fit the arena were each given a block */
  for (guint i = 0; decision->arena_size > 0 && i < decision->reasons->len; i++)
    {
      const char *r = g_ptr_array_index (decision->reasons, i);

      if (r < arena || r >= arena + decision->arena_size)
        g_free ((gpointer) r);
    }
  if (decision->arena_size > 0)
    reasons_free (decision->reasons);
  else
    g_ptr_array_unref (decision->reasons);
}

/* Whether one of the reasons of @kind says @text_part. */
gboolean
ssv_decision_has_reason (const SsvDecision *decision,
                         SsvReasonKind      kind,
                         const char        *text_part)
{
  for (guint i = 0; i < decision->reasons->len; i++)
    {
      const SsvReason *r = g_ptr_array_index (decision->reasons, i);

      if (r->kind == kind && (text_part == NULL || strstr (r->text, text_part) != NULL))
        return TRUE;
    }
  return FALSE;
}

/**
 * ssv_decision_reject:
 * @format: a translated reason, "rejected: …"
 *
 * Adds a reason found outside ssv_decide() (what the indexer says besides
 * the name: the files, the links, the ids) and rejects the release.
 */
void
ssv_decision_reject (SsvDecision *decision,
                     const char  *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  add_reason_va (decision, SSV_REASON_REJECT, 0, format, args);
  va_end (args);
  decision->accepted = FALSE;
  decision->upgrade = FALSE;
}

/**
 * ssv_decision_build_json:
 * @builder: inside an object
 *
 * Adds the decision's members (accepted, upgrade, quality, score, reasons)
 * to the object @builder is writing.
 */
void
ssv_decision_build_json (const SsvDecision *decision,
                         JsonBuilder       *builder)
{
  static const char *const kinds[] = { "reject", "score", "upgrade", "note" };

  json_builder_set_member_name (builder, "accepted");
  json_builder_add_boolean_value (builder, decision->accepted);
  json_builder_set_member_name (builder, "upgrade");
  json_builder_add_boolean_value (builder, decision->upgrade);
  json_builder_set_member_name (builder, "quality");
  json_builder_add_string_value (builder, ssv_quality_to_key (decision->quality));
  json_builder_set_member_name (builder, "score");
  json_builder_add_int_value (builder, decision->score);
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < decision->reasons->len; i++)
    {
      const SsvReason *r = g_ptr_array_index (decision->reasons, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kinds[r->kind]);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, r->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * ssv_decision_to_json:
 * @profile_name: (nullable): the profile that decided
 * @release_name: (nullable): the name decided on
 *
 * Returns: (transfer full): one JSON object on one line
 */
char *
ssv_decision_to_json (const SsvDecision *decision,
                      const char        *profile_name,
                      const char        *release_name)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) g = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  if (release_name != NULL)
    {
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, release_name);
    }
  if (profile_name != NULL)
    {
      json_builder_set_member_name (b, "profile");
      json_builder_add_string_value (b, profile_name);
    }
  ssv_decision_build_json (decision, b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (g, root);
  return json_generator_to_data (g, NULL);
}
