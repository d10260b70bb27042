/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zz-cli-commands.h"

G_BEGIN_DECLS

/* Exit status of a run that was cancelled (as a shell reports SIGINT). */
#define ZZ_CLI_EXIT_CANCELLED 130

int zz_cli_command_run        (ZzCliContext  *context,
                               int            argc,
                               char         **argv);
int zz_cli_command_executions (ZzCliContext  *context,
                               int            argc,
                               char         **argv);
int zz_cli_command_execution  (ZzCliContext  *context,
                               int            argc,
                               char         **argv);

G_END_DECLS
