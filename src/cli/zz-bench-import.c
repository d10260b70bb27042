/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-bench-import.c: the benchmark of importing a large workflow
 *
 * A workflow of N nodes (100,000 by default, some 25 MB of JSON) is written
 * as the web editor saves one, then imported by `zzyra-cli import FILE`
 * itself, run as a fresh process so that its memory is its own: wall time
 * from spawn to exit, and peak memory as the process's maximum resident
 * size beyond that of importing a one-node file of the same shape (the
 * program, its libraries, SQLite and the database opening).
 *
 * Each figure is printed beside its floor, measured in the same run: the
 * time to read and parse the file with the JSON reader alone, and the
 * file's size. Targets: at most 5 s, and at most 10 times the file.
 */
#define G_LOG_DOMAIN "zz-bench"

#include "config.h"

#include "zz-bench-private.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "zz-bench-import.h"
#include "zz-cli-private.h"
#include "zz-json.h"

#define N_RUNS           3
#define LAYER_WIDTH      8
#define TARGET_SECONDS   5.0
#define TARGET_FILE_MULT 10.0

/* Generator ------------------------------------------------------------- */

/* A block as the starters configure it; %u is the node's number. */
typedef struct
{
  const char *block_type;
  const char *label;
  const char *config;
} Kind;

static const Kind kinds[] = {
  { "DATA_TRANSFORM", "Keep count",
    "{\"transformations\":[{\"type\":\"set\",\"outputField\":\"count\",\"value\":\"{{json.count}}\"}]}" },
  { "CALCULATOR", "Add 20% tax",
    "{\"operation\":\"multiply\",\"leftOperand\":\"{{json.subtotal}}\",\"rightOperand\":\"1.2\",\"precision\":2}" },
  { "CONDITION", "Over %u?",
    "{\"condition\":\"{{json.result}} > %u\"}" },
  { "NOTIFICATION", "Tell me %u",
    "{\"title\":\"Order %u\",\"message\":\"{{json.result}} came in\",\"channel\":\"info\"}" },
  { "HTTP_REQUEST", "Fetch order %u",
    "{\"url\":\"https://api.example.com/orders/%u\",\"method\":\"GET\"}" },
  { "DELAY", "Wait a little",
    "{\"duration\":%u,\"unit\":\"seconds\"}" },
  { "DATA_TRANSFORM", "Add up items",
    "{\"transformations\":[{\"type\":\"aggregate\",\"field\":\"items\",\"operation\":\"sum\",\"value\":\"price\",\"outputField\":\"subtotal\"}]}" },
  { "CALCULATOR", "Café total n°%u",
    "{\"operation\":\"add\",\"leftOperand\":\"{{json.a}}\",\"rightOperand\":\"{{json.b}}\"}" },
};

static const Kind trigger = {
  "MANUAL_TRIGGER", "Order",
  "{\"inputs\":[{\"name\":\"items\",\"type\":\"json\",\"required\":false}]}"
};

/* @format holds at most one %u. */
static void
append_numbered (GString    *out,
                 const char *format,
                 guint       number)
{
  const char *mark = strstr (format, "%u");

  if (mark == NULL)
    {
      g_string_append (out, format);
      return;
    }

  g_string_append_len (out, format, mark - format);
  g_string_append_printf (out, "%u", number);
  g_string_append (out, mark + 2);
}

/* Returns the kind of block it chose. */
static const Kind *
append_node (GString *out,
             guint    i,
             GRand   *rand)
{
  guint       layer = i / LAYER_WIDTH;
  guint       row = i % LAYER_WIDTH;
  const Kind *kind = layer == 0 ? &trigger : &kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))];

  g_string_append_printf (out, "{\"id\":\"n%u\",\"type\":\"%s\",\"position\":{", i, kind->block_type);
  /* A node dragged by hand sits off the grid. */
  if (i % 3 == 0)
    g_string_append_printf (out, "\"x\":%u.5,\"y\":%u.25},", 280 * layer, 110 * row);
  else
    g_string_append_printf (out, "\"x\":%u,\"y\":%u},", 280 * layer, 110 * row);

  g_string_append (out, "\"data\":{");
  /* Newer files name the block in data too. */
  if (i % 4 == 0)
    g_string_append_printf (out, "\"blockType\":\"%s\",", kind->block_type);
  g_string_append (out, "\"label\":\"");
  append_numbered (out, kind->label, i);
  g_string_append (out, "\",");
  if (i % 20 == 0)
    g_string_append_printf (out, "\"description\":\"Step %u of the “orders” flow\",", i);
  /* Older files leave it out. */
  if (i % 3 == 0)
    g_string_append (out, "\"isEnabled\":true,");
  g_string_append (out, "\"config\":");
  append_numbered (out, kind->config, i % 1000);
  /* Keys of the web editor this app does not know. */
  if (i % 40 == 0)
    g_string_append (out, ",\"inputs\":[\"json\"],\"ui\":{\"collapsed\":false}");
  g_string_append (out, "}");
  if (i % 8 == 0)
    g_string_append (out, ",\"width\":220,\"height\":72");
  if (i % 100 == 0)
    g_string_append (out, ",\"selected\":false,\"dragging\":false");
  g_string_append (out, "}");

  return kind;
}

static void
append_edge (GString    *out,
             guint       id,
             guint       source,
             guint       target,
             const char *source_handle)
{
  g_string_append_printf (out, "{\"id\":\"e%u\",\"source\":\"n%u\",\"target\":\"n%u\",", id, source, target);
  if (source_handle != NULL)
    g_string_append_printf (out, "\"sourceHandle\":\"%s\",", source_handle);
  else
    g_string_append (out, "\"sourceHandle\":null,");
  g_string_append (out, "\"targetHandle\":null");
  if (id % 25 == 0)
    g_string_append (out, ",\"type\":\"smoothstep\",\"animated\":true");
  g_string_append (out, "}");
}

/* Nodes and edges draw from two fixed seeds, so that changing how edges
 * are drawn leaves the nodes as they were. */
gboolean
zz_bench_import_write_workflow (const char *path,
                                guint       n_nodes,
                                guint      *n_edges_out,
                                GError    **error)
{
  g_autoptr(GString) out = g_string_sized_new ((gsize) n_nodes * 330 + 256);
  g_autoptr(GRand) node_rand = g_rand_new_with_seed (20261124);
  g_autoptr(GRand) edge_rand = g_rand_new_with_seed (4242);
  g_autofree guint8 *is_condition = g_new0 (guint8, MAX (n_nodes, 1));
  guint              n_edges = 0;

  g_string_append (out, "{\"name\":\"Bench: a large order flow\","
                        "\"description\":\"Generated by zzyra-cli bench import\","
                        "\"tags\":[\"bench\",\"orders\"],\"isPublic\":false,\"version\":3,"
                        "\"metadata\":{\"exportedBy\":\"zzyra-web\",\"exportedAt\":\"2026-11-24T14:03:07.123Z\"},"
                        "\"nodes\":[");
  for (guint i = 0; i < n_nodes; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      is_condition[i] = g_str_equal (append_node (out, i, node_rand)->block_type, "CONDITION");
    }

  g_string_append (out, "],\"edges\":[");
  for (guint i = LAYER_WIDTH; i < n_nodes; i++)
    {
      guint layer = i / LAYER_WIDTH;
      guint row = i % LAYER_WIDTH;
      gint  from_row = CLAMP ((gint) row + g_rand_int_range (edge_rand, -1, 2), 0, LAYER_WIDTH - 1);
      guint from = (layer - 1) * LAYER_WIDTH + from_row;

      if (n_edges > 0)
        g_string_append_c (out, ',');
      append_edge (out, n_edges++, from, i, is_condition[from] ? "true" : NULL);

      /* One node in twenty joins two branches. */
      if (g_rand_int_range (edge_rand, 0, 20) == 0)
        {
          guint other = (layer - 1) * LAYER_WIDTH + (from_row + 1 + g_rand_int_range (edge_rand, 0, LAYER_WIDTH - 1)) % LAYER_WIDTH;

          g_string_append_c (out, ',');
          append_edge (out, n_edges++, other, i, is_condition[other] ? "false" : NULL);
        }
    }
  g_string_append (out, "]}\n");

  if (n_edges_out != NULL)
    *n_edges_out = n_edges;

  return g_file_set_contents (path, out->str, out->len, error);
}

/* Measuring ------------------------------------------------------------- */

/* 1234567 -> "1,234,567" */
static char *
format_thousands (guint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  GString         *str = g_string_new (NULL);
  gsize            length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (str, ',');
      g_string_append_c (str, digits[i]);
    }

  return g_string_free (str, FALSE);
}

/* The peak resident size of this process so far, in bytes. Not
 * getrusage(): its ru_maxrss, in a process started by fork and exec,
 * includes the resident size of the parent it was forked from, where
 * VmHWM is of this program alone. */
static gboolean
read_peak_rss (guint64 *bytes,
               GError **error)
{
  g_autofree char *status = NULL;
  const char      *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, error))
    return FALSE;

  if ((line = strstr (status, "\nVmHWM:")) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "/proc/self/status has no VmHWM: cannot measure peak memory");
      return FALSE;
    }

  *bytes = g_ascii_strtoull (line + strlen ("\nVmHWM:"), NULL, 10) * 1024;
  return TRUE;
}

/* In the child process: imports @file into @store as `zzyra-cli import`
 * does, or only reads and parses it when @store is %NULL, and prints the
 * seconds it took and how far the peak resident size grew meanwhile. */
gboolean
zz_bench_import_measure (ZzStore    *store,
                         const char *file,
                         GError    **error)
{
  guint64 before, after;
  gint64  start, elapsed;

  if (!read_peak_rss (&before, error))
    return FALSE;

  start = g_get_monotonic_time ();
  if (store != NULL)
    {
      g_autoptr(ZzWorkflow) workflow = _zz_cli_import_file (store, file, error);

      if (workflow == NULL)
        return FALSE;
      /* The command waits for the document to be freed too. */
      g_clear_object (&workflow);
      elapsed = g_get_monotonic_time () - start;
    }
  else
    {
      g_autofree char *contents = NULL;
      g_autoptr(JsonNode) root = NULL;
      gsize length;

      if (!g_file_get_contents (file, &contents, &length, error) ||
          !(root = zz_json_parse (contents, (gssize) length, error)))
        return FALSE;
      g_clear_pointer (&root, json_node_unref);
      elapsed = g_get_monotonic_time () - start;
    }

  if (!read_peak_rss (&after, error))
    return FALSE;

  g_print ("%.6f %" G_GUINT64_FORMAT "\n", elapsed / (double) G_USEC_PER_SEC, after - before);
  return TRUE;
}

/* Runs @argv to its end and reads the line zz_bench_import_measure()
 * printed. What the child writes to stderr fails the benchmark: the
 * workflow must import cleanly. */
static gboolean
run_child (const char *const *argv,
           double            *seconds,
           double            *peak,
           GError           **error)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  char            *end = NULL;
  int              status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, error))
    return FALSE;

  if (!g_spawn_check_wait_status (status, NULL) || *err != '\0')
    {
      g_autofree char *command = g_strjoinv (" ", (char **) argv);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "“%s” did not run cleanly: %.2000s", command, err);
      return FALSE;
    }

  if (seconds == NULL)
    return TRUE;

  *seconds = g_ascii_strtod (out, &end);
  *peak = end != out ? (double) g_ascii_strtoull (end, NULL, 10) : 0;
  if (end == out || *seconds <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the measuring process printed “%s”", out);
      return FALSE;
    }

  return TRUE;
}

gboolean
zz_bench_import_run (guint    n_nodes,
                     GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *exe = NULL;
  g_autofree char *file = NULL;
  g_autofree char *db = NULL;
  g_autofree char *nodes_text = NULL;
  g_autofree char *edges_text = NULL;
  double           import_s[N_RUNS], parse_s[N_RUNS], import_peak[N_RUNS], parse_peak[N_RUNS];
  double           import_median, parse_median, import_peak_median, parse_peak_median, size;
  guint            n_edges = 0;
  GStatBuf         st;
  gboolean         ok = FALSE;

  /* The program that measures is this one: the same build. */
  if (!(exe = g_file_read_link ("/proc/self/exe", error)) ||
      !(dir = g_dir_make_tmp ("zzyra-bench-XXXXXX", error)))
    return FALSE;

  file = g_build_filename (dir, "bench-import.json", NULL);
  db = g_build_filename (dir, "bench-import.db", NULL);

  if (!zz_bench_import_write_workflow (file, n_nodes, &n_edges, error))
    goto out;

  if (g_stat (file, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", file, g_strerror (saved));
      goto out;
    }
  size = (double) st.st_size;

  for (guint run = 0; run < N_RUNS; run++)
    {
      const char *init[] = { exe, "--db", db, "init", NULL };
      const char *import[] = { exe, "--db", db, "bench", "import", "--measure-import", file, NULL };
      const char *parse[] = { exe, "bench", "import", "--measure-parse", file, NULL };

      /* A fresh database each time, its schema made beforehand. */
      _zz_bench_remove_database (db);
      if (!run_child (init, NULL, NULL, error) ||
          !run_child (import, &import_s[run], &import_peak[run], error) ||
          !run_child (parse, &parse_s[run], &parse_peak[run], error))
        goto out;
    }

  import_median = _zz_bench_median (import_s, N_RUNS);
  parse_median = _zz_bench_median (parse_s, N_RUNS);
  import_peak_median = _zz_bench_median (import_peak, N_RUNS);
  parse_peak_median = _zz_bench_median (parse_peak, N_RUNS);
  nodes_text = format_thousands (n_nodes);
  edges_text = format_thousands (n_edges);

#define MIB(bytes) ((bytes) / (1024.0 * 1024.0))
  g_print ("import: a workflow of %s nodes and %s edges, %.1f MiB of JSON (medians of %d runs, each in a fresh process)\n",
           nodes_text, edges_text, MIB (size), N_RUNS);
  g_print ("  floor, reading and parsing the file alone (zz_json_parse): %.2f s, peak +%.0f MiB (%.1f× the file)\n",
           parse_median, MIB (parse_peak_median), parse_peak_median / size);
  g_print ("  import (read, parse, build, validate, insert, free, as zzyra-cli import FILE): %.2f s = %.1f× the parse floor (target ≤ %.0f s) %s\n",
           import_median, import_median / parse_median, TARGET_SECONDS,
           import_median <= TARGET_SECONDS ? "ok" : "SLOW");
  g_print ("  peak memory of the import: +%.0f MiB = %.1f× the file, the floor (target ≤ %.0f×) %s\n",
           MIB (import_peak_median), import_peak_median / size, TARGET_FILE_MULT,
           import_peak_median <= TARGET_FILE_MULT * size ? "ok" : "TOO MUCH");
#undef MIB
  ok = TRUE;

out:
  _zz_bench_remove_database (db);
  g_remove (file);
  g_rmdir (dir);

  return ok;
}
