/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli.h: the headless tool's commands; each returns an exit status. */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "ssv-context.h"
#include "ssv-error.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} SsvCliCommand;

SsvContext *ssv_cli_open_context (GError **error);
int         ssv_cli_fail         (const GError *error);
gboolean    ssv_cli_parse_options (const char          *command,
                                   const char          *parameter_string,
                                   const char          *summary,
                                   const GOptionEntry  *entries,
                                   int                 *argc,
                                   char              ***argv);

void        ssv_cli_json_add_string (JsonBuilder         *builder,
                                     const char          *member,
                                     const char          *value);
void        ssv_cli_print_json   (JsonBuilder         *builder);

int         ssv_cli_db_info      (int argc, char **argv);
int         ssv_cli_parse        (int argc, char **argv);
int         ssv_cli_decide       (int argc, char **argv);
int         ssv_cli_calendar     (int argc, char **argv);
int         ssv_cli_scan         (int argc, char **argv);
int         ssv_cli_enrich       (int argc, char **argv);
int         ssv_cli_status       (int argc, char **argv);
int         ssv_cli_refresh      (int argc, char **argv);
int         ssv_cli_tasks        (int argc, char **argv);
int         ssv_cli_find         (int argc, char **argv);
int         ssv_cli_person       (int argc, char **argv);
int         ssv_cli_key          (int argc, char **argv);
int         ssv_cli_channel      (int argc, char **argv);
int         ssv_cli_indexer      (int argc, char **argv);
int         ssv_cli_client       (int argc, char **argv);
int         ssv_cli_downloads    (int argc, char **argv);
int         ssv_cli_blocklist    (int argc, char **argv);
int         ssv_cli_indexer_test (int argc, char **argv);
int         ssv_cli_search       (int argc, char **argv);
int         ssv_cli_grab         (int argc, char **argv);
int         ssv_cli_wishlist     (int argc, char **argv);
int         ssv_cli_import       (int argc, char **argv);

typedef GPtrArray *(*SsvCliLoadRows) (SsvContext *context, GError **error);
typedef void       (*SsvCliRowJson)  (JsonBuilder *builder, gpointer row);
typedef void       (*SsvCliRowText)  (gpointer row);

int         ssv_cli_list         (int              argc,
                                  char           **argv,
                                  const char      *command,
                                  const char      *summary,
                                  SsvCliLoadRows   load,
                                  SsvCliRowJson    add_json,
                                  SsvCliRowText    print_text,
                                  const char      *empty);
char       *ssv_cli_read_secret  (const char  *what,
                                  GError     **error);

G_END_DECLS
