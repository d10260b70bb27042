/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One error domain for the whole engine layer, so that the executor, the
 * blocks and the UI can tell a user's mistake in a template or a condition
 * from a block that failed at run time. */
#define ZZ_ENGINE_ERROR (zz_engine_error_quark ())

typedef enum
{
  ZZ_ENGINE_ERROR_TEMPLATE,     /* a {{reference}} resolves to nothing */
  ZZ_ENGINE_ERROR_EXPRESSION,   /* a syntax or type error in a condition */
  ZZ_ENGINE_ERROR_CONFIG,       /* a block's config is invalid */
  ZZ_ENGINE_ERROR_FAILED,       /* a block ran and failed */
  ZZ_ENGINE_ERROR_CANCELLED,    /* the user stopped the execution */
  ZZ_ENGINE_ERROR_TIMEOUT,      /* a node ran past its timeout */
  ZZ_ENGINE_ERROR_QUOTA,        /* the plan's execution limit is reached */
} ZzEngineError;

GQuark zz_engine_error_quark (void);

G_END_DECLS
