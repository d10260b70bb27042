/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-drafts.c: the store's drafts of workflows being edited */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "zz-store.h"
#include "zz-workflow-history.h"
#include "zz-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  ZzStore *store;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = zz_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "zzyra.db", NULL);
  fixture->store = zz_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->store);
  zz_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static ZzWorkflow *
insert_workflow (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  ZzWorkflow *workflow = zz_workflow_new ("Drafted");

  zz_workflow_set_user_id (workflow, zz_store_get_current_user_id (fixture->store));
  zz_store_insert_workflow (fixture->store, workflow, &error);
  g_assert_no_error (error);
  return workflow;
}

/* The document with one node more than the stored one, as Zzyra JSON. */
static char *
edited_data (ZzWorkflow *workflow)
{
  g_autoptr(ZzNode) node = zz_node_new ("n1", "DELAY");
  g_autoptr(GError) error = NULL;

  zz_workflow_add_node_command (workflow, node, &error);
  g_assert_no_error (error);
  return zz_workflow_to_data (workflow, FALSE);
}

static void
test_saved_draft_reads_back (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = insert_workflow (fixture);
  g_autofree char *draft = edited_data (workflow);
  g_autofree char *read = NULL;
  g_autofree char *updated_at = NULL;
  g_autoptr(ZzWorkflow) restored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (zz_store_save_draft (fixture->store, zz_workflow_get_id (workflow), draft, &error));
  g_assert_no_error (error);

  read = zz_store_get_draft (fixture->store, zz_workflow_get_id (workflow), &updated_at, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read, ==, draft);
  g_assert_nonnull (updated_at);

  restored = zz_workflow_new_from_data (read, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (zz_workflow_find_node (restored, "n1"));
}

static void
test_second_draft_replaces_the_first (Fixture      *fixture,
                                      gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = insert_workflow (fixture);
  g_autofree char *first = zz_workflow_to_data (workflow, FALSE);
  g_autofree char *second = edited_data (workflow);
  g_autofree char *read = NULL;
  g_autoptr(GError) error = NULL;

  zz_store_save_draft (fixture->store, zz_workflow_get_id (workflow), first, &error);
  g_assert_no_error (error);
  zz_store_save_draft (fixture->store, zz_workflow_get_id (workflow), second, &error);
  g_assert_no_error (error);

  read = zz_store_get_draft (fixture->store, zz_workflow_get_id (workflow), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read, ==, second);
}

static void
test_no_draft_is_not_found (Fixture      *fixture,
                            gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = insert_workflow (fixture);
  g_autofree char *read = NULL;
  g_autoptr(GError) error = NULL;

  read = zz_store_get_draft (fixture->store, zz_workflow_get_id (workflow), NULL, &error);
  g_assert_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_NOT_FOUND);
  g_assert_null (read);
  g_clear_error (&error);

  /* Deleting what is not there is no error: discarding twice is fine. */
  g_assert_true (zz_store_delete_draft (fixture->store, zz_workflow_get_id (workflow), &error));
  g_assert_no_error (error);
}

static void
test_delete_removes_the_draft (Fixture      *fixture,
                               gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = insert_workflow (fixture);
  g_autofree char *draft = edited_data (workflow);
  g_autofree char *read = NULL;
  g_autoptr(GError) error = NULL;

  zz_store_save_draft (fixture->store, zz_workflow_get_id (workflow), draft, &error);
  g_assert_no_error (error);
  g_assert_true (zz_store_delete_draft (fixture->store, zz_workflow_get_id (workflow), &error));
  g_assert_no_error (error);

  read = zz_store_get_draft (fixture->store, zz_workflow_get_id (workflow), NULL, &error);
  g_assert_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_NOT_FOUND);
}

static void
test_saving_the_workflow_deletes_its_draft (Fixture      *fixture,
                                            gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = insert_workflow (fixture);
  g_autofree char *draft = edited_data (workflow);
  g_autofree char *read = NULL;
  g_autoptr(ZzWorkflow) stored = NULL;
  g_autoptr(GError) error = NULL;

  zz_store_save_draft (fixture->store, zz_workflow_get_id (workflow), draft, &error);
  g_assert_no_error (error);

  g_assert_true (zz_store_save_workflow (fixture->store, workflow, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zz_workflow_get_version (workflow), ==, 2);

  read = zz_store_get_draft (fixture->store, zz_workflow_get_id (workflow), NULL, &error);
  g_assert_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  stored = zz_store_get_workflow (fixture->store, zz_workflow_get_id (workflow), &error);
  g_assert_no_error (error);
  g_assert_nonnull (zz_workflow_find_node (stored, "n1"));
}

static void
test_deleting_the_workflow_deletes_its_draft (Fixture      *fixture,
                                              gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = insert_workflow (fixture);
  g_autofree char *draft = edited_data (workflow);
  g_autofree char *read = NULL;
  g_autoptr(GError) error = NULL;

  zz_store_save_draft (fixture->store, zz_workflow_get_id (workflow), draft, &error);
  g_assert_no_error (error);
  zz_store_delete_workflow (fixture->store, zz_workflow_get_id (workflow), &error);
  g_assert_no_error (error);

  read = zz_store_get_draft (fixture->store, zz_workflow_get_id (workflow), NULL, &error);
  g_assert_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_NOT_FOUND);
}

static void
test_refuses_an_unknown_workflow_and_bad_json (Fixture      *fixture,
                                               gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = insert_workflow (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_false (zz_store_save_draft (fixture->store, "no-such-workflow", "{}", &error));
  g_assert_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_false (zz_store_save_draft (fixture->store, zz_workflow_get_id (workflow), "{nodes", &error));
  g_assert_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT);
}

static void
test_restored_draft_is_an_undoable_edit (Fixture      *fixture,
                                         gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = insert_workflow (fixture);
  g_autoptr(ZzWorkflow) opened = NULL;
  g_autoptr(ZzWorkflow) draft = NULL;
  g_autofree char *data_text = edited_data (workflow);
  g_autofree char *saved_text = NULL;
  g_autoptr(GError) error = NULL;

  opened = zz_store_get_workflow (fixture->store, zz_workflow_get_id (workflow), &error);
  g_assert_no_error (error);
  saved_text = zz_workflow_to_data (opened, FALSE);
  draft = zz_workflow_new_from_data (data_text, -1, &error);
  g_assert_no_error (error);

  g_assert_true (zz_workflow_replace_contents_command (opened, draft, "Restore Unsaved Changes", &error));
  g_assert_no_error (error);
  g_assert_true (zz_workflow_get_modified (opened));
  g_assert_nonnull (zz_workflow_find_node (opened, "n1"));

  g_assert_true (zz_workflow_undo (opened));
  g_assert_false (zz_workflow_get_modified (opened));
  {
    g_autofree char *undone = zz_workflow_to_data (opened, FALSE);

    g_assert_cmpstr (undone, ==, saved_text);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/drafts/saved-draft-reads-back", test_saved_draft_reads_back);
  ADD ("/drafts/second-draft-replaces-the-first", test_second_draft_replaces_the_first);
  ADD ("/drafts/no-draft-is-not-found", test_no_draft_is_not_found);
  ADD ("/drafts/delete-removes-the-draft", test_delete_removes_the_draft);
  ADD ("/drafts/saving-the-workflow-deletes-its-draft", test_saving_the_workflow_deletes_its_draft);
  ADD ("/drafts/deleting-the-workflow-deletes-its-draft", test_deleting_the_workflow_deletes_its_draft);
  ADD ("/drafts/refuses-an-unknown-workflow-and-bad-json", test_refuses_an_unknown_workflow_and_bad_json);
  ADD ("/drafts/restored-draft-is-an-undoable-edit", test_restored_draft_is_an_undoable_edit);

  return g_test_run ();
}
