/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zz-canvas.h"
#include "zz-node-card.h"

G_BEGIN_DECLS

/* Below this zoom a card's text cannot be read: the canvas draws nodes
 * itself as plain shapes and hides the cards (level of detail). */
#define ZZ_CANVAS_DETAIL_ZOOM 0.4

typedef enum
{
  ZZ_CANVAS_DRAG_NONE,
  ZZ_CANVAS_DRAG_PENDING,   /* pressed, not moved past the threshold yet */
  ZZ_CANVAS_DRAG_MOVE,
  ZZ_CANVAS_DRAG_RUBBER_BAND,
  ZZ_CANVAS_DRAG_CONNECT,
  ZZ_CANVAS_DRAG_PAN,
} ZzCanvasDrag;

typedef struct
{
  ZzNode    *node;
  GtkWidget *card;        /* nullable: made when first shown */
  gulong     notify_id;
} ZzCanvasItem;

/* A node's state in the run shown on the canvas. */
typedef struct
{
  ZzRunStatus  status;
  char        *detail;    /* "" for none */
} ZzNodeRunState;

void _zz_canvas_node_run_state_free (ZzNodeRunState *state);

struct _ZzCanvas
{
  GtkWidget      parent_instance;

  ZzWorkflow    *workflow;
  ZzViewport    *viewport;
  GSignalGroup  *workflow_signals;
  GSignalGroup  *nodes_signals;     /* on the workflow's node model */
  GSignalGroup  *edges_signals;     /* on its edge model */

  GHashTable    *items;             /* node id -> ZzCanvasItem */
  GPtrArray     *order;             /* ZzCanvasItem, in document order */
  GHashTable    *selected_nodes;    /* node id (owned) set */
  GHashTable    *selected_edges;    /* edge id (owned) set */
  GHashTable    *node_statuses;     /* node id -> ZzNodeRunState, of a run shown */
  GHashTable    *node_problems;     /* node id -> what is wrong with it (both owned) */

  GskRenderNode *edges_cache;       /* widget coordinates */
  GskRenderNode *shapes_cache;      /* canvas coordinates: nodes below detail zoom */
  /* Edges and shapes rasterized once for the view and a margin around it,
   * so that a frame while panning draws one texture: rebuilt when
   * edges_cache is cleared (the document, selection or style changed), the
   * zoom changes or the view leaves scene_bounds. */
  GskRenderNode *scene;             /* nullable even when built: nothing to draw */
  graphene_rect_t scene_bounds;     /* canvas units */
  double         scene_x;           /* canvas units: the scene's top-left corner */
  double         scene_y;
  double         scene_zoom;        /* 0: not built */
  int            scene_scale;
  int            scene_width;       /* widget pixels */
  int            scene_height;

  /* Pointer and gestures */
  double         pointer_x;         /* widget coordinates, -1 when outside */
  double         pointer_y;
  ZzCanvasDrag   drag;
  ZzCanvasDrag   pending;           /* what a pending drag becomes */
  double         drag_start_x;      /* widget coordinates */
  double         drag_start_y;
  double         drag_x;            /* widget coordinates, now */
  double         drag_y;
  double         pan_last_x;
  double         pan_last_y;
  char          *drag_node_id;      /* the node pressed, or the connection's source */
  char          *drag_handle;       /* the output handle a connection starts at */
  char          *drop_node_id;      /* the node whose input a connection would end at */
  char          *drag_edge_id;      /* the edge pressed */
  GdkModifierType drag_state;
  GHashTable    *band_base;         /* the selection a Ctrl/Shift rubber band adds to */
  double         move_dx;           /* canvas units: the dragged nodes' preview offset */
  double         move_dy;
  double         zoom_gesture_start;
  guint          space_held : 1;
  guint          fit_pending : 1;
  guint          in_allocate : 1;
  int            allocated_width;   /* at the last allocation, 0 before */
  int            allocated_height;
  guint          selecting_focus : 1;

  /* zz-canvas-menus.c */
  GtkWidget     *context_menu;      /* GtkPopoverMenu */
  GMenuModel    *node_menu;
  GMenuModel    *edge_menu;
  GMenuModel    *canvas_menu;
  GtkWidget     *rename_popover;
  GtkWidget     *rename_entry;
  char          *rename_node_id;
  GtkWidget     *empty_state;       /* child-visible while there is no node */
  GtkWidget     *minimap;           /* ZzCanvasMinimap, child-visible with show-minimap */
  guint          show_minimap : 1;
  guint          offscreen : 1;     /* drawn for a file or the bench: no empty state */
  double         insert_x;          /* canvas units: where "Add Block Here" was asked */
  double         insert_y;
  guint          has_insert_point : 1;
};

void          _zz_canvas_init_input       (ZzCanvas       *self);
void          _zz_canvas_class_init_actions (GtkWidgetClass *widget_class);
void          _zz_canvas_update_actions   (ZzCanvas       *self);

void          _zz_canvas_snapshot         (GtkWidget      *widget,
                                           GtkSnapshot    *snapshot);

/* The far-zoom shapes of every node, in canvas units, built if needed
 * (NULL with no node); the minimap draws them too. */
GskRenderNode *_zz_canvas_ensure_shapes   (ZzCanvas       *self);

/* zz-canvas-menus.c: the menus and the widgets over the canvas */
gboolean      _zz_canvas_overlay_at       (ZzCanvas       *self,
                                           double          widget_x,
                                           double          widget_y);
void          _zz_canvas_class_init_menus (GtkWidgetClass *widget_class);
void          _zz_canvas_init_menus       (ZzCanvas       *self);
void          _zz_canvas_dispose_menus    (ZzCanvas       *self);
void          _zz_canvas_update_menu_actions (ZzCanvas    *self);
gboolean      _zz_canvas_is_overlay       (ZzCanvas       *self,
                                           GtkWidget      *child);
void          _zz_canvas_allocate_overlays (ZzCanvas      *self,
                                            int            width,
                                            int            height);
void          _zz_canvas_snapshot_overlays (ZzCanvas      *self,
                                            GtkSnapshot   *snapshot);
/* Pops up the menu of what is at a widget point (a node, an edge, or the
 * canvas), as a right click does; returns that menu. */
GMenuModel   *_zz_canvas_popup_menu       (ZzCanvas       *self,
                                           double          widget_x,
                                           double          widget_y);
/* The x of the two control points of an edge's curve (their y are the
 * ends' y): it leaves and enters horizontally. */
void          _zz_canvas_edge_controls    (double          sx,
                                           double          sy,
                                           double          tx,
                                           double          ty,
                                           double         *c1x,
                                           double         *c2x);

/* zz-canvas-geometry.c: in canvas units, with a drag's preview offset applied. */
void          _zz_canvas_item_position    (ZzCanvas       *self,
                                           ZzCanvasItem   *item,
                                           double         *x,
                                           double         *y);
ZzCanvasItem *_zz_canvas_item_at          (ZzCanvas       *self,
                                           double          canvas_x,
                                           double          canvas_y);
/* The output port at a canvas point; *handle is %NULL for the unnamed one. */
ZzCanvasItem *_zz_canvas_output_at        (ZzCanvas       *self,
                                           double          canvas_x,
                                           double          canvas_y,
                                           const char    **handle);
/* The node whose input port (or body) is at a canvas point. */
ZzCanvasItem *_zz_canvas_input_at         (ZzCanvas       *self,
                                           double          canvas_x,
                                           double          canvas_y);
const char   *_zz_canvas_edge_at          (ZzCanvas       *self,
                                           double          canvas_x,
                                           double          canvas_y);
/* FALSE for a node that is not on the canvas or an unknown handle. */
gboolean      _zz_canvas_output_point     (ZzCanvas       *self,
                                           const char     *node_id,
                                           const char     *handle,
                                           double         *x,
                                           double         *y);
gboolean      _zz_canvas_input_point      (ZzCanvas       *self,
                                           const char     *node_id,
                                           double         *x,
                                           double         *y);

/* zz-canvas-selection.c; _zz_canvas_selection_changed() (zz-canvas.c)
 * tells the cards and the "selection-changed" listeners. */
gboolean      _zz_canvas_is_selected      (ZzCanvas       *self,
                                           const char     *node_id);
void          _zz_canvas_set_node_selected (ZzCanvas       *self,
                                            const char     *node_id,
                                            gboolean        selected);
void          _zz_canvas_set_edge_selected (ZzCanvas       *self,
                                            const char     *edge_id,
                                            gboolean        selected);
void          _zz_canvas_clear_selection  (ZzCanvas       *self);
void          _zz_canvas_selection_changed (ZzCanvas       *self);
/* (transfer full): selected ids in document order */
char        **_zz_canvas_dup_selected_edges (ZzCanvas      *self);

void          _zz_canvas_invalidate       (ZzCanvas       *self);
void          _zz_canvas_show_error       (ZzCanvas       *self,
                                           const GError   *error);
void          _zz_canvas_move_selection   (ZzCanvas       *self,
                                           double          dx,
                                           double          dy);
void          _zz_canvas_zoom_by          (ZzCanvas       *self,
                                           double          factor,
                                           double          widget_x,
                                           double          widget_y);

/* For tests: the card of a node (nullable: not made yet). */
GtkWidget    *_zz_canvas_get_card         (ZzCanvas       *self,
                                           const char     *node_id);

G_END_DECLS
