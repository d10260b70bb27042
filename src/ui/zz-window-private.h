/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zz-window.h"
#include "zz-workflow-page.h"

G_BEGIN_DECLS

struct _ZzWindow
{
  AdwApplicationWindow  parent_instance;

  ZzStore              *store;
  GSettings            *settings;

  /* All of the user's workflows, as the store lists them; the sidebar shows
   * them through a filter (search, deletions waiting for their undo). */
  GListStore           *workflows;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  GtkSingleSelection   *selection;

  /* id -> name of workflows deleted in the UI whose toast still offers Undo:
   * the store deletes them when the toast goes or the window closes. */
  GHashTable           *pending_deletions;
  AdwToast             *delete_toast;      /* weak */

  char                 *selected_id;
  guint                 reloading;

  GtkNativeDialog      *chooser;
  GtkWindow            *save_dialog;       /* weak: "Save changes?" */
  ZzWorkflowPage       *page;
  struct _ZzRunManager *runs;
  GSignalGroup         *run_signals;
  GSignalGroup         *problems_signals;  /* the page's problems view */
  GtkWidget            *notifications;      /* ZzNotificationsPopover */
  guint                 restore_viewport_id; /* tick on the canvas */
  double                restored_viewport[3]; /* zoom, x, y */
  int                   restore_width, restore_height;

  AdwToastOverlay      *toast_overlay;      /* template children */
  GtkStack             *main_stack;
  AdwStatusPage        *empty_page;
  AdwLeaflet           *leaflet;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListView          *list_view;
  GtkStack             *content_stack;
  AdwWindowTitle       *window_title;
  AdwStatusPage        *no_selection_page;
  GtkMenuButton        *empty_menu_button;
  GtkMenuButton        *sidebar_menu_button;
  GtkMenuButton        *workflow_menu_button;
  GtkButton            *run_button;
  GtkMenuButton        *notifications_button;
};

/* zz-window.c, used by the actions */
void        _zz_window_reload             (ZzWindow   *self);
void        _zz_window_select_workflow    (ZzWindow   *self,
                                           const char *id);
/* Inserts @workflow for the current user, then shows and selects it. */
gboolean    _zz_window_add_workflow       (ZzWindow   *self,
                                           ZzWorkflow *workflow,
                                           GError    **error);

/* zz-window-actions.c */
void        _zz_window_class_init_actions (GtkWidgetClass *widget_class);
/* @base, or "@base 2", "@base 3" ... whichever no workflow has yet. */
char       *_zz_window_unique_name        (ZzWindow       *self,
                                           const char     *base);

/* zz-window-document.c: save, unsaved changes, tidy up, templates */
typedef enum
{
  ZZ_WINDOW_THEN_CLOSE,
  ZZ_WINDOW_THEN_SELECT,
} ZzWindowThen;

void        _zz_window_class_init_document (GtkWidgetClass *widget_class);
void        _zz_window_init_document      (ZzWindow       *self);
/* With unsaved changes, asks "Save changes?" and returns TRUE: the caller
 * stops, and @then (with @id, the workflow to select) is done after Save
 * or Discard. Without, returns FALSE at once. */
gboolean    _zz_window_ask_to_save        (ZzWindow       *self,
                                           ZzWindowThen    then,
                                           const char     *id);
/* Creates a workflow from the starter @starter_id, then shows and selects it. */
gboolean    _zz_window_add_starter        (ZzWindow       *self,
                                           const char     *starter_id,
                                           GError        **error);
/* zz-window-run.c: win.run (Ctrl+R, F5), win.stop (Ctrl+.),
 * win.show-execution('ID'), the run panel and notifications */
void        _zz_window_class_init_run     (GtkWidgetClass *widget_class);
void        _zz_window_init_run           (ZzWindow       *self);
void        _zz_window_dispose_run        (ZzWindow       *self);
/* Shows the workflow of an execution with its run in the run panel. */
void        _zz_window_show_execution     (ZzWindow       *self,
                                           const char     *execution_id);
struct _ZzRunManager *_zz_window_get_run_manager (ZzWindow *self);
GtkWidget  *_zz_window_get_notifications  (ZzWindow       *self);
/* What win.import does with the file the user chose. */
void        _zz_window_import_file        (ZzWindow       *self,
                                           GFile          *file);

/* zz-window-viewports.c: the shown workflow's zoom and position, kept
 * when it goes and set again when it is shown. */
void        _zz_window_save_viewport      (ZzWindow       *self);
void        _zz_window_restore_viewport   (ZzWindow       *self);

/* For tests */
const char *_zz_window_get_visible_page   (ZzWindow   *self);
GListModel *_zz_window_get_shown_workflows (ZzWindow   *self);
const char *_zz_window_get_selected_id    (ZzWindow   *self);
void        _zz_window_set_search         (ZzWindow   *self,
                                           const char *text);
/* Deletes every workflow whose undo toast is still up. */
void        _zz_window_flush_deletions    (ZzWindow   *self);

G_END_DECLS
