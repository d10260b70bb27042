/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-engine-error.c: the engine layer's error domain */
#define G_LOG_DOMAIN "zz-engine"

#include "config.h"

#include "zz-engine-error.h"

/* clang-format would space out the quark's dashes */
/* clang-format off */
G_DEFINE_QUARK (zz-engine-error-quark, zz_engine_error)
/* clang-format on */
