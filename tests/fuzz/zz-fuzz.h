/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-fuzz.h: what the fuzz targets share
 *
 * Each target is a libFuzzer LLVMFuzzerTestOneInput(); a finding must be a
 * crash, so these helpers turn GLib criticals and warnings and broken
 * invariants into aborts that libFuzzer reports with the input.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "zz-template.h"

G_BEGIN_DECLS

int          LLVMFuzzerInitialize       (int            *argc,
                                         char         ***argv);
int          LLVMFuzzerTestOneInput     (const uint8_t  *data,
                                         size_t          size);

/* Once, from LLVMFuzzerInitialize(): criticals and warnings abort. */
void         zz_fuzz_init               (void);

/* Stops the run: libFuzzer saves the input as a crash. */
G_NORETURN
void         zz_fuzz_fail               (const char     *format,
                                         ...) G_GNUC_PRINTF (1, 2);

/* @data as a C string: libFuzzer's buffer is not NUL-terminated. Text
 * after an embedded NUL is cut off, as a C API would see it. */
char        *zz_fuzz_strndup            (const uint8_t  *data,
                                         size_t          size);

/* A scope of fixed node outputs, input and variables, as the executor
 * builds one; the same for every input, so that a finding replays. */
ZzTemplateScope *zz_fuzz_scope_get      (void);

G_END_DECLS
