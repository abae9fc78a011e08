/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-naming.c: expands naming templates into relative paths that never leave the library root. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "downloads/ssv-naming.h"

typedef enum
{
  TOKEN_UNKNOWN,
  TOKEN_TEXT,
  TOKEN_NUMBER,
  TOKEN_EXT,
} TokenKind;

/* Windows and SMB shares refuse these as names, whatever the extension. */
static gboolean
is_reserved_name (const char *component)
{
  static const char * const reserved[] = { "con", "prn", "aux", "nul", NULL };
  gsize stem = strcspn (component, ".");

  for (guint i = 0; reserved[i] != NULL; i++)
    if (stem == 3 && g_ascii_strncasecmp (component, reserved[i], 3) == 0)
      return TRUE;
  return stem == 4 && (g_ascii_strncasecmp (component, "com", 3) == 0 ||
                       g_ascii_strncasecmp (component, "lpt", 3) == 0) &&
         component[3] >= '1' && component[3] <= '9';
}

/* Cuts @text to @max bytes on a character boundary, keeping a short extension. */
static void
truncate_component (GString *text,
                    gsize    max)
{
  const char *dot = strrchr (text->str, '.');
  gsize ext_len = dot != NULL && strlen (dot) <= 12 ? strlen (dot) : 0;
  g_autofree char *ext = g_strdup (ext_len > 0 ? dot : "");
  gsize keep = max - ext_len;

  if (text->len <= max)
    return;

  while (keep > 0 && (text->str[keep] & 0xc0) == 0x80)
    keep--;
  g_string_truncate (text, keep);
  while (text->len > 0 && (text->str[text->len - 1] == ' ' || text->str[text->len - 1] == '.'))
    g_string_truncate (text, text->len - 1);
  g_string_append (text, ext);
}

/**
 * ssv_naming_sanitize:
 *
 * One path component made safe on every file system a library may live on:
 * no separators, no control characters, none of `* ? < > |` (removed), `:`
 * as a dash, no leading dot (no hidden files, no `..`), no trailing dot or
 * space, no reserved device name, at most %SSV_NAMING_MAX_COMPONENT bytes.
 *
 * Returns: (transfer full): the safe text, empty when nothing was left
 */
char *
ssv_naming_sanitize (const char *component)
{
  g_autofree char *valid = g_utf8_make_valid (component != NULL ? component : "", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  gsize start = 0;

  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c < 0x20 || c == 0x7f || strchr ("*?<>|", c) != NULL)
        continue;
      if (c == '/' || c == '\\')
        g_string_append_c (out, '+');
      else if (c == ':')
        g_string_append (out, p[1] == ' ' ? " -" : "-");
      else if (c == '"')
        g_string_append_c (out, '\'');
      else if (c == ' ' && out->len > 0 && out->str[out->len - 1] == ' ')
        continue;
      else
        g_string_append_c (out, (char) c);
    }

  while (start < out->len && (out->str[start] == '.' || out->str[start] == ' '))
    start++;
  g_string_erase (out, 0, start);
  while (out->len > 0 && (out->str[out->len - 1] == '.' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
  if (out->len > 0 && is_reserved_name (out->str))
    g_string_insert_c (out, strcspn (out->str, "."), '_');
  truncate_component (out, SSV_NAMING_MAX_COMPONENT);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const struct
{
  const char *name;
  TokenKind   kind;
  gsize       offset;
} tokens[] = {
  { "title", TOKEN_TEXT, G_STRUCT_OFFSET (SsvNamingValues, title) },
  { "movie title", TOKEN_TEXT, G_STRUCT_OFFSET (SsvNamingValues, title) },
  { "year", TOKEN_NUMBER, G_STRUCT_OFFSET (SsvNamingValues, year) },
  { "release year", TOKEN_NUMBER, G_STRUCT_OFFSET (SsvNamingValues, year) },
  { "quality", TOKEN_TEXT, G_STRUCT_OFFSET (SsvNamingValues, quality) },
  { "quality full", TOKEN_TEXT, G_STRUCT_OFFSET (SsvNamingValues, quality) },
  { "quality title", TOKEN_TEXT, G_STRUCT_OFFSET (SsvNamingValues, quality) },
  { "show", TOKEN_TEXT, G_STRUCT_OFFSET (SsvNamingValues, show) },
  { "series title", TOKEN_TEXT, G_STRUCT_OFFSET (SsvNamingValues, show) },
  { "show title", TOKEN_TEXT, G_STRUCT_OFFSET (SsvNamingValues, show) },
  { "season", TOKEN_NUMBER, G_STRUCT_OFFSET (SsvNamingValues, season) },
  { "episode", TOKEN_NUMBER, G_STRUCT_OFFSET (SsvNamingValues, episode) },
  { "episode title", TOKEN_TEXT, G_STRUCT_OFFSET (SsvNamingValues, episode_title) },
  { "air date", TOKEN_TEXT, G_STRUCT_OFFSET (SsvNamingValues, air_date) },
  { "release group", TOKEN_TEXT, G_STRUCT_OFFSET (SsvNamingValues, release_group) },
  { "ext", TOKEN_EXT, G_STRUCT_OFFSET (SsvNamingValues, ext) },
};

/* The table's row for @name ("episode title"), or -1. */
static int
find_token (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    if (g_ascii_strcasecmp (name, tokens[i].name) == 0)
      return (int) i;
  return -1;
}

/* "Episode Title" from "episode_title", "Episode.Title", "EPISODE TITLE"; the
 * separator written becomes the separator of the value's words. */
static TokenKind
lookup_token (const SsvNamingValues *values,
              const char            *name,
              const char           **text,
              int                   *number)
{
  int i = find_token (name);
  const char *at;

  if (i < 0)
    return TOKEN_UNKNOWN;
  at = (const char *) values + tokens[i].offset;
  if (tokens[i].kind == TOKEN_NUMBER)
    *number = *(const int *) at;
  else
    *text = *(const char * const *) at;
  return tokens[i].kind;
}

/* Cuts @name (a token without braces) at its format, which it returns, and turns
 * its word separators into spaces; @separator is the last one written. */
static char *
split_token (char *name,
             char *separator)
{
  char *format = strchr (name, ':');

  if (format != NULL)
    *format++ = '\0';
  for (char *p = name; *p != '\0'; p++)
    if (*p == '.' || *p == '_' || *p == '-')
      {
        *separator = *p;
        *p = ' ';
      }
  return format;
}

/* Expands one "{…}" (without braces) into @out; FALSE when the token is unknown. */
static gboolean
expand_token (GString               *out,
              const char            *token,
              const SsvNamingValues *values)
{
  g_autofree char *name = g_strdup (token);
  char separator = ' ';
  char *format = split_token (name, &separator);
  gboolean lower = TRUE, upper = TRUE;
  const char *text = NULL;
  int number = -1;
  TokenKind kind;

  for (char *p = name; *p != '\0'; p++)
    {
      lower &= !g_ascii_isupper (*p);
      upper &= !g_ascii_islower (*p);
    }

  kind = lookup_token (values, name, &text, &number);
  if (kind == TOKEN_UNKNOWN)
    return FALSE;

  if (kind == TOKEN_NUMBER)
    {
      gsize width = format != NULL ? strspn (format, "0") : 0;

      /* the year 0 and negative numbers are unknown */
      if (number > 0 || (number == 0 && g_ascii_strcasecmp (name, "year") != 0 &&
                         g_ascii_strcasecmp (name, "release year") != 0))
        g_string_append_printf (out, "%0*d", (int) MIN (width, 6), number);
      return TRUE;
    }

  if (text != NULL && *text != '\0')
    {
      g_autofree char *safe = g_strdelimit (g_strdup (text), "/\\", '+');

      if (kind == TOKEN_TEXT && lower && !upper)
        {
          g_autofree char *down = g_utf8_strdown (safe, -1);
          g_free (safe);
          safe = g_steal_pointer (&down);
        }
      else if (kind == TOKEN_TEXT && upper && !lower)
        {
          g_autofree char *up = g_utf8_strup (safe, -1);
          g_free (safe);
          safe = g_steal_pointer (&up);
        }
      if (separator != ' ')
        g_strdelimit (safe, " ", separator);
      g_string_append (out, safe);
    }
  return TRUE;
}

static gboolean
replace_all (GString    *text,
             const char *from,
             const char *to)
{
  return g_string_replace (text, from, to, 0) > 0;
}

/* What an empty token leaves behind: "()", "Title  - .mkv", "S01E02 - .mkv". */
static void
tidy_component (GString *text)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      changed |= replace_all (text, "()", "");
      changed |= replace_all (text, "[]", "");
      changed |= replace_all (text, "  ", " ");
      changed |= replace_all (text, " - - ", " - ");
      changed |= replace_all (text, " - .", ".");
      changed |= replace_all (text, " .", ".");
    }
  while (text->len > 0 && strchr (" -_", text->str[text->len - 1]) != NULL)
    g_string_truncate (text, text->len - 1);
  while (text->len > 0 && strchr (" -_", text->str[0]) != NULL)
    g_string_erase (text, 0, 1);
}

static void
finish_component (GString *path,
                  GString *component)
{
  g_autofree char *safe = NULL;

  tidy_component (component);
  safe = ssv_naming_sanitize (component->str);
  g_string_truncate (component, 0);
  if (*safe == '\0')
    return;
  if (path->len > 0)
    g_string_append_c (path, '/');
  g_string_append (path, safe);
}

/**
 * ssv_naming_expand:
 * @template_: a template such as %SSV_NAMING_DEFAULT_MOVIE; `/` separates folders
 *
 * Expands the tokens a template names. A token it does not know stays as
 * written so the person sees it; a number token takes its width from its
 * format (`{season:00}` → `01`). Each folder and the file name is made safe
 * on its own (ssv_naming_sanitize()); empty ones, `.` and `..` are dropped and
 * a leading `/` means nothing, so the result is always relative and stays
 * inside whatever root it is put under.
 *
 * Returns: (transfer full): a relative path; empty when nothing was left
 */
char *
ssv_naming_expand (const char            *template_,
                   const SsvNamingValues *values)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GString) component = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (template_ != NULL ? template_ : "", -1);

  for (const char *p = valid; *p != '\0'; p++)
    {
      const char *close;

      if (*p == '/' || *p == '\\')
        {
          finish_component (path, component);
          continue;
        }
      close = *p == '{' ? strchr (p + 1, '}') : NULL;
      if (close != NULL && memchr (p + 1, '{', close - p - 1) == NULL)
        {
          g_autofree char *token = g_strndup (p + 1, close - p - 1);

          if (!expand_token (component, token, values))
            g_string_append_len (component, p, close - p + 1);
          p = close;
          continue;
        }
      g_string_append_c (component, *p);
    }
  finish_component (path, component);

  return g_string_free (g_steal_pointer (&path), FALSE);
}

/**
 * ssv_naming_is_safe_path:
 *
 * Whether @relative stays under any root it is joined to: not absolute, no
 * empty, `.` or `..` component, no backslash. The importer checks every path
 * it writes with this, whatever made it.
 */
gboolean
ssv_naming_is_safe_path (const char *relative)
{
  g_auto(GStrv) parts = NULL;

  if (relative == NULL || *relative == '\0' || *relative == '/' || strchr (relative, '\\') != NULL)
    return FALSE;

  parts = g_strsplit (relative, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

/* ---- checking a template ------------------------------------------------------------- */

/* Which fields a template names, by their offset in SsvNamingValues. */
typedef struct
{
  gboolean title, show, season, episode, air_date, ext_in_file;
} Named;

static void
note_token (Named      *named,
            gsize       offset,
            gboolean    in_file_name)
{
  named->title |= offset == G_STRUCT_OFFSET (SsvNamingValues, title);
  named->show |= offset == G_STRUCT_OFFSET (SsvNamingValues, show);
  named->season |= offset == G_STRUCT_OFFSET (SsvNamingValues, season);
  named->episode |= offset == G_STRUCT_OFFSET (SsvNamingValues, episode);
  named->air_date |= offset == G_STRUCT_OFFSET (SsvNamingValues, air_date);
  named->ext_in_file |= in_file_name && offset == G_STRUCT_OFFSET (SsvNamingValues, ext);
}

/* Every "{…}" closed and known; what they name in @named. */
static gboolean
read_tokens (const char  *template_,
             gboolean     episode,
             Named       *named,
             GError     **error)
{
  const char *file_name = strrchr (template_, '/');

  file_name = file_name != NULL ? file_name + 1 : template_;
  for (const char *p = template_; *p != '\0'; p++)
    {
      const char *close;
      g_autofree char *name = NULL;
      char separator = ' ';
      int row;

      if (*p == '}')
        {
          g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("A “}” has no “{” before it."));
          return FALSE;
        }
      if (*p != '{')
        continue;
      close = strchr (p + 1, '}');
      if (close == NULL || memchr (p + 1, '{', close - p - 1) != NULL)
        {
          g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("A “{” is not closed with “}”."));
          return FALSE;
        }
      name = g_strndup (p + 1, close - p - 1);
      split_token (name, &separator);
      row = find_token (name);
      if (row < 0)
        {
          g_autofree char *token = g_strndup (p, close - p + 1);

          g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                       episode ? _("“%s” is not a name part. Use {Show}, {season:00}, {episode:00}, {Episode Title}, "
                                   "{Air Date}, {Quality}, {Release Group} and {ext}.")
                               : _("“%s” is not a name part. Use {Title}, {Year}, {Quality}, {Release Group} "
                                   "and {ext}."),
                       token);
          return FALSE;
        }
      note_token (named, tokens[row].offset, p >= file_name);
      p = close;
    }
  return TRUE;
}

/**
 * ssv_naming_check:
 * @episode: an episode template, else a movie's
 *
 * Whether @template_ is one to keep: braces closed, every token known, a
 * different name for each film (its title) or episode (the show, and the
 * season and episode or the air date), and a file name ending in its
 * extension. The expander itself accepts anything; this is for what a person
 * types.
 *
 * Returns: TRUE, or FALSE with @error saying what to change
 */
gboolean
ssv_naming_check (const char  *template_,
                  gboolean     episode,
                  GError     **error)
{
  Named named = { 0 };

  if (template_ == NULL || *template_ == '\0')
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("The pattern is empty."));
      return FALSE;
    }
  if (!read_tokens (template_, episode, &named, error))
    return FALSE;

  if (!episode && !named.title)
    g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                         _("Every film would get the same name: put {Title} in the pattern."));
  else if (episode && !named.show)
    g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                         _("Episodes of different shows would get the same name: put {Show} in the pattern."));
  else if (episode && !(named.season && named.episode) && !named.air_date)
    g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                         _("Every episode would get the same name: put {season:00} and {episode:00} "
                           "(or {Air Date}) in the pattern."));
  else if (!named.ext_in_file)
    g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                         _("The file name needs {ext}, or players cannot tell what kind of file it is."));
  else
    return TRUE;
  return FALSE;
}

/**
 * ssv_naming_preview:
 * @quality: the sample's quality as the importer writes it ("1080p Bluray")
 *
 * What @template_ names a sample film (Heat, 1995) or episode (Severance
 * S01E02 “Half Loop”), once ssv_naming_check() accepts it.
 *
 * Returns: (transfer full): the relative path; NULL with @error saying why not
 */
char *
ssv_naming_preview (const char  *template_,
                    gboolean     episode,
                    const char  *quality,
                    GError     **error)
{
  SsvNamingValues values = {
    .title = "Heat", .year = 1995, .quality = quality, .season = -1, .episode = -1,
    .release_group = "GRP", .ext = "mkv",
  };
  g_autofree char *path = NULL;

  if (episode)
    values = (SsvNamingValues) {
      .show = "Severance", .year = 2022, .season = 1, .episode = 2, .episode_title = "Half Loop",
      .air_date = "2022-02-25", .quality = quality, .release_group = "GRP", .ext = "mkv",
    };
  if (!ssv_naming_check (template_, episode, error))
    return NULL;

  path = ssv_naming_expand (template_, &values);
  if (!ssv_naming_is_safe_path (path))
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("The pattern leaves no name for the file."));
      return NULL;
    }
  return g_steal_pointer (&path);
}
