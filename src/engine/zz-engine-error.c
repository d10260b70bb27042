/* zz-engine-error.c: the engine layer's error domain */
#define G_LOG_DOMAIN "zz-engine"

#include "config.h"

#include "zz-engine-error.h"

G_DEFINE_QUARK (zz-engine-error-quark, zz_engine_error)
