/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary folder for one test: its database and any file it
 * writes go there. */
char     *zz_test_make_dir   (void);
/* Removes @path and everything in it. */
void      zz_test_remove_dir (const char *path);

/* Whether what a test waits for has happened. */
typedef gboolean (*ZzTestCondition) (gpointer data);

/* Iterates the thread-default main context (the default one unless the
 * test pushed its own) until @condition holds or @timeout_ms passed.
 * @condition is checked after every iteration and at least every few
 * milliseconds, so that what changes outside the main context (a file
 * another process writes, the clock) is seen too. Returns whether
 * @condition holds: the caller asserts it, so a failure points at the
 * wait that timed out. */
gboolean  zz_test_wait_until (ZzTestCondition  condition,
                              gpointer         data,
                              guint            timeout_ms);

G_END_DECLS
