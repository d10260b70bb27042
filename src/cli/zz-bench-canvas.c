/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-bench-canvas.c: the canvas's benchmark
 *
 * A layered DAG of N nodes (about sqrt(N/2) layers, a MANUAL_TRIGGER layer
 * first) with E edges, each from one layer to a later one, drawn from a
 * fixed seed so that every run measures the same workflow. The canvas is
 * drawn offscreen at 1600 x 1000 (zz-canvas-export.c), and a frame is what
 * the frame clock does: measure and allocate, snapshot, then render the
 * node to a texture with a GSK renderer (GL when one can be realized
 * without a window, else cairo; GSK_RENDERER=cairo forces cairo), the GL
 * texture read back so that the GPU's work is counted.
 *
 * Figures: the time from zz_canvas_set_workflow() to the first frame
 * (target ≤ 300 ms), and the median frame while panning (the view moves a
 * pixel each frame, so the edge layer is rebuilt as when dragging) at fit
 * zoom and at 100 % centred (target ≤ 8 ms, half of a 60 Hz frame), then
 * both again with the minimap shown.
 */
#define G_LOG_DOMAIN "zz-bench"

#include "config.h"

#include "zz-bench-private.h"

#include <adwaita.h>
#include <gsk/gl/gskglrenderer.h>
#include <math.h>
#include <stdlib.h>

#include "zz-bench-canvas.h"
#include "zz-canvas-export.h"
/* For the cards shown and the nodes' bounds. */
#include "zz-canvas-private.h"

#define WIDTH           1600
#define HEIGHT          1000
#define N_FRAMES        30
#define TARGET_FIRST_MS 300.0
#define TARGET_FRAME_MS 8.0
#define SEED            20240611

#define LAYER_SPACING 300.0
#define ROW_SPACING   100.0

static const char *const block_types[] = {
  "DATA_TRANSFORM",
  "HTTP_REQUEST",
  "CALCULATOR",
  "DELAY",
  "NOTIFICATION",
};

static ZzWorkflow *
build_dag (guint n_nodes,
           guint n_edges)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("Canvas benchmark");
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GHashTable) edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *layer_of = g_new0 (guint, n_nodes);
  g_autofree guint *layer_start = NULL;
  guint             n_layers = MAX (1, (guint) round (sqrt (n_nodes / 2.0)));
  guint             per_layer = (n_nodes + n_layers - 1) / n_layers;
  guint             added = 0, attempts = 0;

  n_layers = (n_nodes + per_layer - 1) / per_layer;
  layer_start = g_new0 (guint, n_layers + 1);

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      guint            layer = i / per_layer;
      guint            row = i % per_layer;
      g_autoptr(ZzNode) node = zz_node_new (id, layer == 0 ? "MANUAL_TRIGGER"
                                                            : block_types[g_rand_int_range (rand, 0, G_N_ELEMENTS (block_types))]);
      g_autofree char *label = g_strdup_printf ("Step %u.%u", layer, row);

      layer_of[i] = layer;
      zz_node_set_label (node, label);
      /* A little jitter, so that edges are not all straight. */
      zz_node_set_position (node, layer * LAYER_SPACING, row * ROW_SPACING + g_rand_int_range (rand, 0, 30));
      zz_workflow_add_node (workflow, node, NULL);
    }
  for (guint l = 0; l <= n_layers; l++)
    layer_start[l] = MIN (l * per_layer, n_nodes);

  /* Every node past the first layer gets an input from the layer before,
   * then the rest go anywhere forward, duplicates skipped. */
  for (guint i = 0; n_layers > 1 && attempts < n_edges * 20 && added < n_edges; i++, attempts++)
    {
      guint            source, target;
      g_autofree char *key = NULL;

      if (i < n_nodes - layer_start[1])
        {
          target = layer_start[1] + i;
          source = g_rand_int_range (rand, layer_start[layer_of[target] - 1], layer_start[layer_of[target]]);
        }
      else
        {
          source = g_rand_int_range (rand, 0, layer_start[n_layers - 1]);
          target = g_rand_int_range (rand, layer_start[layer_of[source] + 1],
                                     layer_start[MIN (layer_of[source] + 3, n_layers)]);
        }

      key = g_strdup_printf ("n%u>n%u", source, target);
      if (!g_hash_table_add (edges, g_steal_pointer (&key)))
        continue;

      {
        g_autofree char *edge_id = g_strdup_printf ("e%u", added);
        g_autofree char *source_id = g_strdup_printf ("n%u", source);
        g_autofree char *target_id = g_strdup_printf ("n%u", target);
        g_autoptr(ZzEdge) edge = zz_edge_new (edge_id, source_id, NULL, target_id, NULL);

        if (zz_workflow_add_edge (workflow, edge, NULL))
          added++;
      }
    }

  return g_steal_pointer (&workflow);
}

static GskRenderer *
create_renderer (const char **name)
{
  const char *wanted = g_getenv ("GSK_RENDERER");
  g_autoptr(GskRenderer) renderer = NULL;

  if (g_strcmp0 (wanted, "cairo") != 0)
    {
      g_autoptr(GError) error = NULL;

      renderer = gsk_gl_renderer_new ();
      if (gsk_renderer_realize (renderer, NULL, &error))
        {
          *name = "GL";
          return g_steal_pointer (&renderer);
        }
      g_debug ("No GL renderer without a window: %s", error->message);
      g_clear_object (&renderer);
    }

  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, NULL))
    return NULL;
  *name = "cairo";

  return g_steal_pointer (&renderer);
}

/* One frame: layout, snapshot, render; returns its time in ms. */
static double
frame (ZzCanvasOffscreen *offscreen,
       GskRenderer       *renderer,
       gboolean           read_back)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GskRenderNode) node = zz_canvas_offscreen_snapshot (offscreen);

  if (node != NULL)
    {
      g_autoptr(GdkTexture) texture = gsk_renderer_render_texture (renderer, node,
                                                                    &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));

      if (read_back)
        {
          g_autofree guchar *pixels = g_malloc (WIDTH * HEIGHT * 4);

          gdk_texture_download (texture, pixels, WIDTH * 4);
        }
    }

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
median_panning_frame (ZzCanvasOffscreen *offscreen,
                      GskRenderer       *renderer,
                      gboolean           read_back)
{
  ZzViewport *viewport = zz_canvas_get_viewport (zz_canvas_offscreen_get_canvas (offscreen));
  double      ms[N_FRAMES];

  frame (offscreen, renderer, read_back);
  for (guint i = 0; i < N_FRAMES; i++)
    {
      zz_viewport_pan (viewport, i % 2 == 0 ? 1 : -1, 0);
      ms[i] = frame (offscreen, renderer, read_back);
    }

  return _zz_bench_median (ms, N_FRAMES);
}

static const char *
verdict (double ms,
         double target)
{
  return ms <= target ? "ok" : "SLOW";
}

gboolean
zz_bench_canvas_run (guint    n_nodes,
                     guint    n_edges,
                     GError **error)
{
  g_autoptr(ZzWorkflow) workflow = build_dag (n_nodes, n_edges);
  g_autoptr(ZzCanvasOffscreen) offscreen = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  const char     *renderer_name = NULL;
  ZzCanvas       *canvas;
  ZzViewport     *viewport;
  graphene_rect_t bounds;
  gboolean        read_back;
  double          first, fit, full, fit_zoom, full_minimap, fit_minimap;
  guint           cards_fit, cards_full;
  gint64          start;

  if (!(renderer = create_renderer (&renderer_name)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No GSK renderer could be realized");
      return FALSE;
    }
  read_back = g_str_equal (renderer_name, "GL");

  offscreen = zz_canvas_offscreen_new (WIDTH, HEIGHT);
  canvas = zz_canvas_offscreen_get_canvas (offscreen);
  viewport = zz_canvas_get_viewport (canvas);
  /* An empty canvas already laid out, as the editor's is. */
  frame (offscreen, renderer, read_back);

  start = g_get_monotonic_time ();
  zz_canvas_set_workflow (canvas, workflow);
  frame (offscreen, renderer, read_back);
  first = (g_get_monotonic_time () - start) / 1000.0;

  fit = median_panning_frame (offscreen, renderer, read_back);
  cards_fit = zz_canvas_get_n_shown_cards (canvas);
  fit_zoom = zz_viewport_get_zoom (viewport);

  zz_canvas_nodes_bounds (canvas, FALSE, &bounds);
  zz_viewport_set_zoom (viewport, 1.0);
  zz_viewport_set_offset (viewport,
                          bounds.origin.x + bounds.size.width / 2 - WIDTH / 2.0,
                          bounds.origin.y + bounds.size.height / 2 - HEIGHT / 2.0);
  full = median_panning_frame (offscreen, renderer, read_back);
  cards_full = zz_canvas_get_n_shown_cards (canvas);

  /* The same views with the minimap in the corner: its image is drawn
   * once, then each frame adds it and the view's rectangle. */
  zz_canvas_set_show_minimap (canvas, TRUE);
  full_minimap = median_panning_frame (offscreen, renderer, read_back);
  zz_canvas_zoom_to_fit (canvas);
  fit_minimap = median_panning_frame (offscreen, renderer, read_back);

  g_print ("canvas: %u nodes, %u edges (layered DAG, seed %d), %d×%d, %s renderer%s\n",
           n_nodes, g_list_model_get_n_items (zz_workflow_get_edges (workflow)), SEED,
           WIDTH, HEIGHT, renderer_name, read_back ? " (pixels read back)" : "");
  g_print ("  set_workflow to first frame: %.1f ms (target ≤ %.0f ms) %s\n",
           first, TARGET_FIRST_MS, verdict (first, TARGET_FIRST_MS));
  g_print ("  frame at fit zoom (%.0f %%, %u cards), median of %d while panning: %.2f ms (target ≤ %.0f ms) %s\n",
           fit_zoom * 100, cards_fit, N_FRAMES, fit, TARGET_FRAME_MS, verdict (fit, TARGET_FRAME_MS));
  g_print ("  frame at 100 %% (centred, %u cards), median of %d while panning: %.2f ms (target ≤ %.0f ms) %s\n",
           cards_full, N_FRAMES, full, TARGET_FRAME_MS, verdict (full, TARGET_FRAME_MS));
  g_print ("  with the minimap shown: at fit zoom %.2f ms %s, at 100 %% %.2f ms %s (target ≤ %.0f ms)\n",
           fit_minimap, verdict (fit_minimap, TARGET_FRAME_MS), full_minimap,
           verdict (full_minimap, TARGET_FRAME_MS), TARGET_FRAME_MS);

  gsk_renderer_unrealize (renderer);

  return TRUE;
}
