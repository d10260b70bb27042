/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-executor-rows.c: a run's NodeExecution rows, kept in the store
 *
 * What to do when the store refuses them is most of this file: a run on a
 * full disk, or a row the store will not take, must still end with every
 * row finished, and with the cause recorded.
 */
#define G_LOG_DOMAIN "zz-executor"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-executor-run-private.h"

/* Rows are committed in groups: every change of a row marks it dirty, and
 * _zz_run_flush_rows() writes the dirty rows in one transaction, then tells the
 * caller, whenever the worker is about to wait and at least every
 * FLUSH_INTERVAL_US while it is busy. A fast chain of nodes thus costs one
 * commit per few milliseconds instead of two per node, and a crash loses at
 * most that much of a run's progress; the UI only ever sees committed rows.
 */
void
_zz_run_write_row (ZzRun     *run,
                   ZzNodeRun *nr)
{
  if (nr->dirty)
    return;

  nr->dirty = TRUE;
  g_ptr_array_add (run->dirty, nr->row);
  g_ptr_array_add (run->dirty_nodes, nr);
}

/* Tells the caller of a committed row. */
static void
row_committed (ZzRun     *run,
               ZzNodeRun *nr)
{
  nr->dirty = FALSE;
  _zz_announcer_emit (run->announcer, ZZ_EXECUTOR_NODE_CHANGED, ZZ_TYPE_NODE_EXECUTION, nr->row);

  /* A finished row is never written again: its texts can go, so that a
   * long run's memory holds outputs, not copies of them. */
  if (nr->phase == ZZ_NODE_DONE)
    {
      g_clear_pointer (&nr->row->input, g_free);
      g_clear_pointer (&nr->row->config, g_free);
      g_clear_pointer (&nr->row->output, g_free);
    }
}

/* After the store refused a group of rows: one it refuses must not keep the
 * others from being written, so each is tried alone. A finished row it still
 * refuses is written again without its data, failed with the store's reason,
 * so that no row of the run is left running or pending. A row of a node
 * still running stays dirty: the run is stopping, and the node's end writes
 * it again. */
static void
flush_rows_one_by_one (ZzRun *run)
{
  g_autoptr(GPtrArray) one = g_ptr_array_sized_new (1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  g_ptr_array_add (one, NULL);

  for (guint i = 0; i < run->dirty_nodes->len; i++)
    {
      ZzNodeRun *nr = g_ptr_array_index (run->dirty_nodes, i);
      g_autoptr(GError) error = NULL;

      one->pdata[0] = nr->row;
      if (zz_store_update_node_executions (run->store, one, &error))
        {
          row_committed (run, nr);
          continue;
        }

      if (nr->phase != ZZ_NODE_DONE)
        {
          g_ptr_array_add (kept, nr);
          continue;
        }

      g_clear_pointer (&nr->row->input, g_free);
      g_clear_pointer (&nr->row->config, g_free);
      g_clear_pointer (&nr->row->output, g_free);
      g_free (nr->row->error);
      nr->row->error = g_strdup_printf (_("Could not save the record of “%s”: %s"), _zz_node_run_name (nr), error->message);
      nr->row->status = ZZ_RUN_STATUS_FAILED;
      g_clear_error (&error);

      if (!zz_store_update_node_executions (run->store, one, &error))
        g_warning ("Could not save the record of node %s: %s", nr->node->id, error->message);
      /* Written or not, trying again would fail the same way. */
      row_committed (run, nr);
    }

  g_ptr_array_set_size (run->dirty, 0);
  g_ptr_array_set_size (run->dirty_nodes, 0);
  for (guint i = 0; i < kept->len; i++)
    {
      ZzNodeRun *nr = g_ptr_array_index (kept, i);

      g_ptr_array_add (run->dirty, nr->row);
      g_ptr_array_add (run->dirty_nodes, nr);
    }
}

/* The first time the rows cannot be written, the run stops: going on
 * would run nodes whose results cannot be kept. On a full disk, why is
 * also noted beside the database, where writing needs no new space, in
 * case this process cannot record the run's end either. */
static void
stop_unsaved_run (ZzRun        *run,
                  const GError *error)
{
  g_autofree char *reason = NULL;
  g_autoptr(GError) note_error = NULL;

  if (run->unsaved)
    return;
  run->unsaved = TRUE;

  if (g_error_matches (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_FULL))
    {
      ZzNodeRun *first = g_ptr_array_index (run->dirty_nodes, 0);

      run->disk_full = TRUE;
      /* Translators: %s is the node whose progress could not be saved */
      reason = g_strdup_printf (_("The disk was full: the run stopped at “%s”"), _zz_node_run_name (first));
    }
  else
    reason = g_strdup_printf (_("Could not save the run’s progress: %s"), error->message);

  g_warning ("%s", reason);
  _zz_run_stop (run, reason);

  if (run->disk_full &&
      !zz_store_note_execution_stop (run->store, run->execution->id, run->stop_error, FALSE, &note_error))
    g_warning ("%s", note_error->message);
}

/* Returns whether every changed row is stored. Rows that could not be
 * written stay dirty, to be tried again with the next flush. */
gboolean
_zz_run_flush_rows (ZzRun *run)
{
  g_autoptr(GError) error = NULL;

  run->last_flush = g_get_monotonic_time ();

  if (run->dirty->len == 0)
    return TRUE;

  if (!zz_store_update_node_executions (run->store, run->dirty, &error))
    {
      stop_unsaved_run (run, error);
      /* On a full disk nothing more fits now: the rows stay dirty, to be
       * tried again when the run ends. Otherwise the store may refuse one
       * row only, which must not keep the others from being written. */
      if (run->disk_full)
        return FALSE;
      flush_rows_one_by_one (run);
      return run->dirty->len == 0;
    }

  for (guint i = 0; i < run->dirty_nodes->len; i++)
    row_committed (run, g_ptr_array_index (run->dirty_nodes, i));

  g_ptr_array_set_size (run->dirty, 0);
  g_ptr_array_set_size (run->dirty_nodes, 0);

  return TRUE;
}

/* Tells the caller the rows as the store now has them, after
 * zz_store_fail_execution() changed those the run could not write. */
static void
announce_stored_rows (ZzRun *run)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ZzExecution) stored = NULL;
  g_autoptr(GError) error = NULL;

  if (!(stored = zz_store_get_execution_with_nodes (run->store, run->execution->id, NULL, &rows, &error)))
    {
      g_warning ("Could not read back execution %s: %s", run->execution->id, error->message);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      ZzNodeExecution *row = g_ptr_array_index (rows, i);
      ZzNodeRun       *nr = g_hash_table_lookup (run->nodes, row->node_id);
      gboolean         changed;

      if (nr == NULL)
        continue;

      changed = nr->row->status != row->status || g_strcmp0 (nr->row->error, row->error) != 0;
      if (changed)
        {
          nr->row->status = row->status;
          g_free (nr->row->error);
          nr->row->error = g_strdup (row->error);
          g_free (nr->row->completed_at);
          nr->row->completed_at = g_strdup (row->completed_at);
        }

      /* A row that was never written was never told either. */
      if (changed || nr->dirty)
        _zz_announcer_emit (run->announcer, ZZ_EXECUTOR_NODE_CHANGED, ZZ_TYPE_NODE_EXECUTION, nr->row);
      nr->dirty = FALSE;
    }

  g_ptr_array_set_size (run->dirty, 0);
  g_ptr_array_set_size (run->dirty_nodes, 0);

  run->execution->status = stored->status;
  g_free (run->execution->error);
  run->execution->error = g_strdup (stored->error);
  g_free (run->execution->finished_at);
  run->execution->finished_at = g_strdup (stored->finished_at);
}

/* The run's own rows could not all be written: what the store still has
 * running is failed with @reason, in the few small writes that may find
 * room where the run's big ones did not. If even that fails on a full
 * disk, the note says the run is over, for the next open to record. */
void
_zz_run_record_unsaved_end (ZzRun      *run,
                            const char *reason,
                            gboolean    end_saved)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) note_error = NULL;

  if (zz_store_fail_execution (run->store, run->execution->id, reason, &error))
    {
      announce_stored_rows (run);
      return;
    }

  g_warning ("Could not save the end of execution %s: %s", run->execution->id, error->message);

  if (g_error_matches (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_FULL) || run->disk_full)
    {
      if (!zz_store_note_execution_stop (run->store, run->execution->id, reason, TRUE, &note_error))
        g_warning ("%s", note_error->message);
    }

  /* What the caller sees is then the run as it ended here, and as the
   * next open is to record it. */
  for (guint i = 0; i < run->dirty_nodes->len; i++)
    _zz_announcer_emit (run->announcer, ZZ_EXECUTOR_NODE_CHANGED, ZZ_TYPE_NODE_EXECUTION,
                        ((ZzNodeRun *) g_ptr_array_index (run->dirty_nodes, i))->row);
  if (!end_saved)
    {
      run->execution->status = ZZ_RUN_STATUS_FAILED;
      g_free (run->execution->error);
      run->execution->error = g_strdup (reason);
    }
}
