#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary folder for one test: its database and any file it
 * writes go there. */
char *zz_test_make_dir   (void);
/* Removes @path and everything in it. */
void  zz_test_remove_dir (const char *path);

G_END_DECLS
