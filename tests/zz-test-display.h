/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zz-test-util.h"

G_BEGIN_DECLS

/* Asks @widget (realized) for a frame and waits until its frame clock has
 * painted one: by then the widget was laid out and drawn. Returns %FALSE
 * if no frame came within @timeout_ms; the caller asserts it. */
gboolean zz_test_wait_for_frame (GtkWidget *widget,
                                 guint      timeout_ms);

G_END_DECLS
