/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char      *zz_time_now_iso8601      (void);
char      *zz_time_format_iso8601   (GDateTime  *datetime);
GDateTime *zz_time_parse_iso8601    (const char *text);
gint64     zz_time_diff_ms          (const char *start,
                                     const char *end);
char      *zz_time_format_relative  (const char *iso8601,
                                     GDateTime  *now);

G_END_DECLS
