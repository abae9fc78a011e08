/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-pattern-literals.h: the words a regular expression cannot match without, to skip it cheaply. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SsvPatternLiterals SsvPatternLiterals;
typedef struct _SsvLiteralSet SsvLiteralSet;

/* A name in lower case, and where its words start. */
typedef struct
{
  const char *text;            /* NULL: not plain ASCII, or too long; every pattern must run */
  guint64     first_letters;   /* a bit for the first letter of each word */
  guint16     starts[48];      /* where the words start */
  guint       n_starts;
  gboolean    all_starts;      /* FALSE: more words than @starts holds */
} SsvFoldedName;

char               **ssv_pattern_required_literals  (const char               *pattern);
SsvPatternLiterals  *ssv_pattern_literals_new       (const char               *pattern);
void                 ssv_pattern_literals_free      (SsvPatternLiterals       *literals);
void                 ssv_folded_name_init           (SsvFoldedName            *folded,
                                                     const char               *name,
                                                     char                     *buffer,
                                                     gsize                     size);
gboolean             ssv_pattern_literals_may_match (const SsvPatternLiterals *literals,
                                                     const SsvFoldedName      *folded);


SsvLiteralSet       *ssv_literal_set_new            (void);
void                 ssv_literal_set_free           (SsvLiteralSet            *set);
void                 ssv_literal_set_add            (SsvLiteralSet            *set,
                                                     const SsvPatternLiterals *literals,
                                                     guint64                   bit);
guint64              ssv_literal_set_scan           (const SsvLiteralSet      *set,
                                                     const char               *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvPatternLiterals, ssv_pattern_literals_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvLiteralSet, ssv_literal_set_free)

G_END_DECLS
