/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of zzyra-cli. */
enum
{
  ZZ_CLI_EXIT_OK        = 0,
  ZZ_CLI_EXIT_FAILED    = 1,
  ZZ_CLI_EXIT_USAGE     = 2,
};

typedef struct
{
  const char *db_path;   /* as given by --db or ZZYRA_DB, or NULL for the default */
} ZzCliContext;

typedef int (*ZzCliCommandFunc) (ZzCliContext  *context,
                                 int            argc,
                                 char         **argv);

typedef struct
{
  const char       *name;
  const char       *parameters;
  const char       *summary;
  ZzCliCommandFunc  func;
} ZzCliCommand;

/* (array zero-terminated=1): every command, in the order help lists them */
const ZzCliCommand *zz_cli_get_commands (void);

G_END_DECLS
