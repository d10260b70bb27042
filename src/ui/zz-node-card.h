/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zz-node.h"
#include "zz-problem.h"
#include "zz-run-status.h"

G_BEGIN_DECLS

/* A card's size in canvas units: the canvas lays every node out at this
 * size so that edges and hit tests need no widget. */
#define ZZ_NODE_CARD_WIDTH  220.0
#define ZZ_NODE_CARD_HEIGHT 64.0
/* Ports sit on the card's left and right edges, this big. */
#define ZZ_NODE_CARD_PORT_RADIUS 5.0

#define ZZ_TYPE_NODE_CARD (zz_node_card_get_type ())

G_DECLARE_FINAL_TYPE (ZzNodeCard, zz_node_card, ZZ, NODE_CARD, GtkWidget)

/* One node on the canvas: the block's icon, the node's label, the block's
 * title, a stripe in the block category's colour, a status (of a live run),
 * one input port on the left and the block's outputs on the right.
 * Properties: node (construct-only), selected, status. */
GtkWidget   *zz_node_card_new          (ZzNode     *node);
ZzNode      *zz_node_card_get_node     (ZzNodeCard *self);
gboolean     zz_node_card_get_selected (ZzNodeCard *self);
void         zz_node_card_set_selected (ZzNodeCard *self,
                                        gboolean    selected);
/* %ZZ_RUN_STATUS_NONE when the card shows no run. */
ZzRunStatus  zz_node_card_get_status   (ZzNodeCard  *self);
void         zz_node_card_set_status   (ZzNodeCard  *self,
                                        ZzRunStatus  status);
/* Beside the status: a completed node's duration ("1.2 s"), a failed
 * node's error (as the badge's tooltip). Setting the status clears it. */
const char  *zz_node_card_get_status_detail (ZzNodeCard *self);
void         zz_node_card_set_status_detail (ZzNodeCard *self,
                                             const char *detail);
/* What is wrong with the node, as a badge with @severity's icon and
 * @message as its tooltip; %NULL for nothing. */
void         zz_node_card_set_problem  (ZzNodeCard       *self,
                                        ZzProblemSeverity severity,
                                        const char       *message);
const char  *zz_node_card_get_problem  (ZzNodeCard *self);
/* The icon the problem badge shows, or %NULL without a problem. */
const char  *zz_node_card_get_problem_icon_name (ZzNodeCard *self);

/* What the card shows for a node, also used where the canvas draws nodes
 * itself: the output handles (never %NULL; empty for the one unnamed
 * output), the category ("trigger", "action", ...; "unknown" for a block
 * this app does not know), its colour, the block's title and icon. */
const char * const *zz_node_card_outputs_for_node   (ZzNode     *node);
/* Whether anything connects into the node: a trigger starts a workflow. */
gboolean            zz_node_card_has_input_for_node (ZzNode     *node);
const char  *zz_node_card_category_for_node         (ZzNode     *node);
void         zz_node_card_category_color            (const char *category,
                                                     GdkRGBA    *color);
const char  *zz_node_card_block_title_for_node      (ZzNode     *node);
/* The y of output @index of @n_outputs, from the card's top, canvas units. */
double       zz_node_card_output_y                  (guint       index,
                                                     guint       n_outputs);

G_END_DECLS
