/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zz-cli-commands.h"
#include "zz-store.h"

G_BEGIN_DECLS

ZzStore    *_zz_cli_open_store    (ZzCliContext   *context,
                                   GError        **error);
int         _zz_cli_fail          (const char     *what,
                                   const GError   *error);
gboolean    _zz_cli_parse_options (const char     *parameters,
                                   const char     *summary,
                                   GOptionEntry   *entries,
                                   int            *argc,
                                   char         ***argv,
                                   int             n_positional);
ZzWorkflow *_zz_cli_import_file   (ZzStore        *store,
                                   const char     *filename,
                                   GError        **error);

/* In zz-cli-display.c: runs the zzyra-render helper, which alone links GTK. */
int         _zz_cli_run_display_helper (ZzCliContext       *context,
                                        const char * const *argv);

G_END_DECLS
