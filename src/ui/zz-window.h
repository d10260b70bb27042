/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zz-store.h"

G_BEGIN_DECLS

#define ZZ_TYPE_WINDOW (zz_window_get_type ())

G_DECLARE_FINAL_TYPE (ZzWindow, zz_window, ZZ, WINDOW, AdwApplicationWindow)

/* @app may be %NULL (tests). Properties: store (construct-only). */
ZzWindow *zz_window_new       (GtkApplication *app,
                               ZzStore        *store);
ZzStore  *zz_window_get_store (ZzWindow       *self);

G_END_DECLS
