/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *zz_process_dup_identity (int pid);
gboolean  zz_process_is_running   (const char *host,
                                   gint64      pid,
                                   const char *identity);

G_END_DECLS
