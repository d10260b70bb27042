/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-cli-commands.c: the commands of zzyra-cli
 *
 * Each command prints what a script needs on stdout and nothing else, and
 * every error on stderr, with a specific reason, and a non-zero exit.
 */
#define G_LOG_DOMAIN "zzyra-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zz-bench-engine.h"
#include "zz-bench-import.h"
#include "zz-bench-store.h"
#include "zz-block-registry.h"
#include "zz-cli-commands.h"
#include "zz-cli-private.h"
#include "zz-cli-run.h"
#include "zz-json.h"
#include "zz-starters.h"
#include "zz-store.h"
#include "zz-time.h"

/* Larger files are refused before they are read: no real workflow is near
 * this, and reading a mistaken multi-gigabyte file would exhaust memory. */
#define MAX_IMPORT_SIZE (64 * 1024 * 1024)

ZzStore *
_zz_cli_open_store (ZzCliContext *context,
                    GError      **error)
{
  g_autofree char *default_path = NULL;
  const char      *path = context->db_path;

  if (path == NULL)
    path = default_path = zz_store_dup_default_path ();

  return zz_store_open (path, error);
}

int
_zz_cli_fail (const char   *what,
              const GError *error)
{
  if (what != NULL)
    g_printerr ("zzyra-cli: %s: %s\n", what, error->message);
  else
    g_printerr ("zzyra-cli: %s\n", error->message);

  return ZZ_CLI_EXIT_FAILED;
}

/* Parses a command's options; on a usage error prints it and returns FALSE. */
gboolean
_zz_cli_parse_options (const char   *parameters,
                       const char   *summary,
                       GOptionEntry *entries,
                       int          *argc,
                       char       ***argv,
                       int           n_positional)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (option_context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (option_context, argc, argv, &error))
    {
      g_printerr ("zzyra-cli %s: %s\n", (*argv)[0], error->message);
      return FALSE;
    }

  /* argv[0] is the command name. */
  if (*argc - 1 != n_positional)
    {
      g_autofree char *help = g_option_context_get_help (option_context, TRUE, NULL);
      g_printerr ("%s", help);
      return FALSE;
    }

  return TRUE;
}

/* init ------------------------------------------------------------------ */

static int
command_init (ZzCliContext *context,
              int           argc,
              char        **argv)
{
  g_autoptr(ZzStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!_zz_cli_parse_options ("", _("Create the database, or bring it up to date."),
                                     NULL, &argc, &argv, 0))
    return ZZ_CLI_EXIT_USAGE;

  if (!(store = _zz_cli_open_store (context, &error)))
    return _zz_cli_fail (NULL, error);

  g_print (_("Database ready: %s (schema version %d)\n"),
              zz_store_get_path (store), zz_store_get_version (store));

  return ZZ_CLI_EXIT_OK;
}

/* import ---------------------------------------------------------------- */

static ZzWorkflow *
read_workflow_file (const char *filename,
                    GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (filename);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize            length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_size (info) > MAX_IMPORT_SIZE)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (MAX_IMPORT_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, ZZ_JSON_ERROR, ZZ_JSON_ERROR_TOO_LARGE,
                   _("The file is %s; workflows larger than %s are not read"),
                      size, limit);
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  return zz_workflow_new_from_data (contents, (gssize) length, error);
}

/* Prints the warnings; returns an error naming every problem that stops
 * the import. */
static gboolean
check_problems (GPtrArray  *problems,
                const char *filename,
                GError    **error)
{
  g_autoptr(GString) errors = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      ZzProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity != ZZ_PROBLEM_ERROR)
        {
          g_printerr (_("zzyra-cli: %s: warning: %s\n"), filename, problem->message);
          continue;
        }

      if (errors->len > 0)
        g_string_append (errors, "; ");
      g_string_append (errors, problem->message);
    }

  if (errors->len == 0)
    return TRUE;

  g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
               _("%s; nothing was imported"), errors->str);
  return FALSE;
}

/**
 * _zz_cli_import_file:
 *
 * Reads, checks and inserts a Zzyra workflow file as a new workflow of the
 * current user; a file that does not pass changes nothing.
 *
 * Returns: (transfer full): the new workflow
 */
ZzWorkflow *
_zz_cli_import_file (ZzStore    *store,
                     const char *filename,
                     GError    **error)
{
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(workflow = read_workflow_file (filename, &local_error)))
    goto failed;

  problems = zz_workflow_validate (workflow, NULL, NULL);
  if (!check_problems (problems, filename, &local_error))
    goto failed;

  /* A node that would fail when it runs (a condition that cannot be read,
   * a value out of range) is said now; the workflow is still imported, to
   * be mended in the editor, which shows the same problems. */
  {
    g_autoptr(GPtrArray) configs = zz_block_registry_check_configs (zz_block_registry_get_default (), workflow);

    for (guint i = 0; i < configs->len; i++)
      g_printerr (_("zzyra-cli: %s: warning: %s\n"), filename,
                     ((ZzProblem *) g_ptr_array_index (configs, i))->message);
  }

  /* An import is always a new workflow of this user, whatever the file's
   * row fields say, so that importing twice never overwrites. */
  zz_workflow_set_id (workflow, NULL);
  zz_workflow_set_user_id (workflow, NULL);
  zz_workflow_set_created_at (workflow, NULL);
  zz_workflow_set_updated_at (workflow, NULL);

  if (!zz_store_insert_workflow (store, workflow, &local_error))
    goto failed;

  return g_steal_pointer (&workflow);

failed:
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", filename);
  return NULL;
}

static int
command_import (ZzCliContext *context,
                int           argc,
                char        **argv)
{
  g_autoptr(ZzStore) store = NULL;
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autoptr(GError) error = NULL;

  if (!_zz_cli_parse_options (_("FILE"), _("Import a Zzyra workflow JSON file and print its new id."),
                                             NULL, &argc, &argv, 1))
    return ZZ_CLI_EXIT_USAGE;

  if (!(store = _zz_cli_open_store (context, &error)) ||
      !(workflow = _zz_cli_import_file (store, argv[1], &error)))
    return _zz_cli_fail (NULL, error);

  g_print ("%s\n", zz_workflow_get_id (workflow));

  return ZZ_CLI_EXIT_OK;
}

/* new and templates ------------------------------------------------------ */

static int
command_new (ZzCliContext *context,
             int           argc,
             char        **argv)
{
  g_autofree char *template_id = NULL;
  g_autofree char *name = NULL;
  GOptionEntry     entries[] = {
        { "template", 't', 0, G_OPTION_ARG_STRING, &template_id, N_ ("Start from a template (see “templates”)"), N_ ("ID") },
        { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_ ("The workflow’s name"), N_ ("NAME") },
        { NULL }
  };
  g_autoptr(ZzStore) store = NULL;
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autoptr(GError) error = NULL;

  if (!_zz_cli_parse_options ("", _("Create a workflow, empty or from a template, and print its id."),
                                     entries, &argc, &argv, 0))
    return ZZ_CLI_EXIT_USAGE;

  if (template_id != NULL)
    {
      if (!(workflow = zz_starter_create (template_id, &error)))
        return _zz_cli_fail (NULL, error);
    }
  else
    workflow = zz_workflow_new (_("Untitled Workflow"));

  if (name != NULL)
    zz_workflow_set_name (workflow, name);

  if (!(store = _zz_cli_open_store (context, &error)) ||
      !zz_store_insert_workflow (store, workflow, &error))
    return _zz_cli_fail (NULL, error);

  g_print ("%s\n", zz_workflow_get_id (workflow));

  return ZZ_CLI_EXIT_OK;
}

static int
command_templates (ZzCliContext *context,
                   int           argc,
                   char        **argv)
{
  const ZzStarter *starters;
  guint            n = 0;

  if (!_zz_cli_parse_options ("", _("List the templates “new --template” takes."), NULL, &argc, &argv, 0))
    return ZZ_CLI_EXIT_USAGE;

  starters = zz_starters_get_all (&n);
  for (guint i = 0; i < n; i++)
    g_print ("%-18s %-26s %s\n", starters[i].id, _(starters[i].title), _(starters[i].description));

  return ZZ_CLI_EXIT_OK;
}

/* export ---------------------------------------------------------------- */

static int
command_export (ZzCliContext *context,
                int           argc,
                char        **argv)
{
  g_autoptr(ZzStore) store = NULL;
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  if (!_zz_cli_parse_options (_("ID"), _("Write a workflow as Zzyra JSON to standard output."),
                                           NULL, &argc, &argv, 1))
    return ZZ_CLI_EXIT_USAGE;

  if (!(store = _zz_cli_open_store (context, &error)))
    return _zz_cli_fail (NULL, error);

  if (!(workflow = zz_store_get_workflow (store, argv[1], &error)))
    return _zz_cli_fail (NULL, error);

  data = zz_workflow_to_data (workflow, TRUE);
  g_print ("%s\n", data);

  return ZZ_CLI_EXIT_OK;
}

/* list ------------------------------------------------------------------ */

static void
print_cell (GString    *line,
            const char *text,
            guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (line, text);
  for (glong i = length; i < (glong) width + 2; i++)
    g_string_append_c (line, ' ');
}

static int
command_list (ZzCliContext *context,
              int           argc,
              char        **argv)
{
  gboolean     json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print one JSON document"), NULL },
    { NULL }
  };
  g_autoptr(ZzStore) store = NULL;
  g_autoptr(GListModel) workflows = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (!_zz_cli_parse_options ("", _("List the workflows: id, name, version, updated, nodes, last run."),
                                     entries, &argc, &argv, 0))
    return ZZ_CLI_EXIT_USAGE;

  if (!(store = _zz_cli_open_store (context, &error)))
    return _zz_cli_fail (NULL, error);

  workflows = zz_store_list_workflows (store, zz_store_get_current_user_id (store), &error);
  if (workflows == NULL)
    return _zz_cli_fail (NULL, error);

  n = g_list_model_get_n_items (workflows);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autofree char *text = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ZzWorkflowSummary) summary = g_list_model_get_item (workflows, i);
          JsonObject *object = json_object_new ();
          const char *status = zz_run_status_to_string (zz_workflow_summary_get_last_status (summary));

          json_object_set_string_member (object, "id", zz_workflow_summary_get_id (summary));
          json_object_set_string_member (object, "name", zz_workflow_summary_get_name (summary));
          json_object_set_int_member (object, "version", zz_workflow_summary_get_version (summary));
          json_object_set_string_member (object, "updatedAt", zz_workflow_summary_get_updated_at (summary));
          json_object_set_int_member (object, "nodeCount", zz_workflow_summary_get_node_count (summary));
          if (status != NULL)
            json_object_set_string_member (object, "lastExecutionStatus", status);
          else
            json_object_set_null_member (object, "lastExecutionStatus");
          json_array_add_object_element (array, object);
        }

      text = zz_json_array_to_string (array, TRUE);
      g_print ("%s\n", text);

      return ZZ_CLI_EXIT_OK;
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      const char *headers[] = { N_ ("ID"), N_ ("NAME"), N_ ("VERSION"), N_ ("UPDATED"), N_ ("NODES"), N_ ("LAST RUN") };
      guint       widths[G_N_ELEMENTS (headers)];
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (n == 0)
        {
          g_printerr ("%s\n", _("No workflows. Import one with “zzyra-cli import FILE”."));
          return ZZ_CLI_EXIT_OK;
        }

      for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
        widths[c] = g_utf8_strlen (_(headers[c]), -1);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ZzWorkflowSummary) summary = g_list_model_get_item (workflows, i);
          const char *status = zz_run_status_to_string (zz_workflow_summary_get_last_status (summary));
          char      **row = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

          row[0] = g_strdup (zz_workflow_summary_get_id (summary));
          row[1] = g_strdup (zz_workflow_summary_get_name (summary));
          row[2] = g_strdup_printf ("%" G_GINT64_FORMAT, zz_workflow_summary_get_version (summary));
          row[3] = zz_time_format_relative (zz_workflow_summary_get_updated_at (summary), now);
          row[4] = g_strdup_printf ("%u", zz_workflow_summary_get_node_count (summary));
          row[5] = g_strdup (status != NULL ? status : _("never"));

          for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
            widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));

          g_ptr_array_add (rows, row);
        }

      for (guint r = 0; r <= rows->len; r++)
        {
          g_autoptr(GString) line = g_string_new (NULL);

          for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
            {
              const char *cell = r == 0 ? _(headers[c]) : ((char **) g_ptr_array_index (rows, r - 1))[c];
              print_cell (line, cell, widths[c]);
            }

          while (line->len > 0 && line->str[line->len - 1] == ' ')
            g_string_truncate (line, line->len - 1);
          g_print ("%s\n", line->str);
        }

      return ZZ_CLI_EXIT_OK;
    }
}

/* delete ---------------------------------------------------------------- */

static int
command_delete (ZzCliContext *context,
                int           argc,
                char        **argv)
{
  g_autoptr(ZzStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!_zz_cli_parse_options (_("ID"), _("Delete a workflow with its executions."),
                                           NULL, &argc, &argv, 1))
    return ZZ_CLI_EXIT_USAGE;

  if (!(store = _zz_cli_open_store (context, &error)))
    return _zz_cli_fail (NULL, error);

  if (!zz_store_delete_workflow (store, argv[1], &error))
    return _zz_cli_fail (NULL, error);

  return ZZ_CLI_EXIT_OK;
}

/* bench ----------------------------------------------------------------- */

static int
command_bench (ZzCliContext *context,
               int           argc,
               char        **argv)
{
  int              n_nodes = -1;
  int              n_edges = 3000;
  g_autofree char *measure_import = NULL;
  g_autofree char *measure_parse = NULL;
  GOptionEntry     entries[] = {
        { "nodes", 'n', 0, G_OPTION_ARG_INT, &n_nodes, N_ ("Nodes in the engine benchmark’s chain (100), on the canvas (2000) or in the imported workflow (100000)"), N_ ("N") },
        { "edges", 'e', 0, G_OPTION_ARG_INT, &n_edges, N_ ("Edges on the canvas (3000)"), N_ ("E") },
        /* The processes that bench import measures in. */
        { "measure-import", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &measure_import, NULL, NULL },
        { "measure-parse", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &measure_parse, NULL, NULL },
        { NULL }
  };
  g_autoptr(GError) error = NULL;

  if (!_zz_cli_parse_options (_("store|engine|canvas|import"), _("Measure the speed of a part of Zzyra and print the figures."),
                                                                   entries, &argc, &argv, 1))
    return ZZ_CLI_EXIT_USAGE;

  if (g_str_equal (argv[1], "store"))
    {
      if (!zz_bench_store_run (NULL, &error))
        return _zz_cli_fail ("bench store", error);
      return ZZ_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "canvas"))
    {
      g_autofree char  *nodes = g_strdup_printf ("%d", n_nodes < 0 ? 2000 : n_nodes);
      g_autofree char  *edges = g_strdup_printf ("%d", n_edges);
      const char *const helper_argv[] = { "bench-canvas", nodes, edges, NULL };

      return _zz_cli_run_display_helper (context, helper_argv);
    }

  if (g_str_equal (argv[1], "engine"))
    {
      if (n_nodes < 0)
        n_nodes = 100;
      if (n_nodes < 1 || n_nodes > 1000000)
        {
          g_printerr ("%s\n", _("zzyra-cli bench engine: --nodes must be between 1 and 1,000,000"));
          return ZZ_CLI_EXIT_USAGE;
        }
      if (!zz_bench_engine_run ((guint) n_nodes, &error))
        return _zz_cli_fail ("bench engine", error);
      return ZZ_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "import") && (measure_import != NULL || measure_parse != NULL))
    {
      g_autoptr(ZzStore) store = NULL;

      if (measure_import != NULL && !(store = _zz_cli_open_store (context, &error)))
        return _zz_cli_fail ("bench import", error);
      if (!zz_bench_import_measure (store, measure_import != NULL ? measure_import : measure_parse, &error))
        return _zz_cli_fail ("bench import", error);
      return ZZ_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "import"))
    {
      if (n_nodes < 0)
        n_nodes = 100000;
      if (n_nodes < 1 || n_nodes > 1000000)
        {
          g_printerr ("%s\n", _("zzyra-cli bench import: --nodes must be between 1 and 1,000,000"));
          return ZZ_CLI_EXIT_USAGE;
        }
      if (!zz_bench_import_run ((guint) n_nodes, &error))
        return _zz_cli_fail ("bench import", error);
      return ZZ_CLI_EXIT_OK;
    }

  g_printerr (_("zzyra-cli bench: unknown benchmark “%s”; the benchmarks are: store, engine, canvas, import\n"), argv[1]);

  return ZZ_CLI_EXIT_USAGE;
}

/* render ---------------------------------------------------------------- */

static int
command_render (ZzCliContext *context,
                int           argc,
                char        **argv)
{
  return _zz_cli_run_display_helper (context, (const char *const *) argv);
}

static const ZzCliCommand commands[] = {
  { "init", "", N_ ("Create the database, or bring it up to date"), command_init },
  { "new", "[--template ID] [--name NAME]", N_ ("Create a workflow; prints its id"), command_new },
  { "templates", "", N_ ("List the starter templates"), command_templates },
  { "import", "FILE", N_ ("Import a Zzyra workflow JSON file; prints its new id"), command_import },
  { "export", "ID", N_ ("Write a workflow as Zzyra JSON to standard output"), command_export },
  { "list", "[--json]", N_ ("List the workflows"), command_list },
  { "delete", "ID", N_ ("Delete a workflow with its executions"), command_delete },
  { "run", "ID|FILE [--input JSON] [--concurrency N] [--json]", N_ ("Run a workflow and print each node as it finishes"), zz_cli_command_run },
  { "executions", "WORKFLOW_ID [--json]", N_ ("List a workflow’s executions"), zz_cli_command_executions },
  { "execution", "EXECUTION_ID [--json]", N_ ("Show an execution and its nodes"), zz_cli_command_execution },
  { "render", "ID --out FILE.png [--width W] [--height H]", N_ ("Draw a workflow into a PNG image (needs a display)"), command_render },
  { "bench", "store|engine|canvas|import [--nodes N] [--edges E]", N_ ("Measure speed and print the figures"), command_bench },
  { NULL }
};

const ZzCliCommand *
zz_cli_get_commands (void)
{
  return commands;
}
