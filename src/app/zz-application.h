/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ZZ_TYPE_APPLICATION (zz_application_get_type ())

G_DECLARE_FINAL_TYPE (ZzApplication, zz_application, ZZ, APPLICATION, AdwApplication)

ZzApplication *zz_application_new (void);

G_END_DECLS
