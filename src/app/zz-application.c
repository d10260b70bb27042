/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zz-application"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-application.h"
#include "zz-store.h"
#include "zz-window.h"

struct _ZzApplication
{
  AdwApplication parent_instance;

  char    *db_path; /* --db, else ZZYRA_DB, else the default */
  ZzStore *store;
};

G_DEFINE_FINAL_TYPE (ZzApplication, zz_application, ADW_TYPE_APPLICATION)

static void
on_open_error_responded_cb (ZzApplication    *self,
                            const char       *response,
                            AdwMessageDialog *dialog)
{
  g_application_release (G_APPLICATION (self));
}

/* Without a store there is nothing to show: say why, then quit. */
static void
zz_application_show_open_error (ZzApplication *self,
                                const GError  *error)
{
  GtkWidget       *dialog;
  g_autofree char *body = NULL;

  /* The store's message already names the file and says what is wrong. */
  if (g_error_matches (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_TOO_NEW))
    body = g_strdup_printf (_("%s\n\nUpdate Zzyra to open it."), error->message);
  else
    body = g_strdup (error->message);

  dialog = adw_message_dialog_new (NULL, _("Could Not Open Your Workflows"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));

  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_open_error_responded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
zz_application_ensure_store (ZzApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->store != NULL)
    return TRUE;

  if (self->db_path != NULL)
    path = g_strdup (self->db_path);
  else if (g_getenv ("ZZYRA_DB") != NULL && g_getenv ("ZZYRA_DB")[0] != '\0')
    path = g_strdup (g_getenv ("ZZYRA_DB"));
  else
    path = zz_store_dup_default_path ();

  if ((self->store = zz_store_open (path, &error)) == NULL)
    {
      g_message ("Could not open %s: %s", path, error->message);
      zz_application_show_open_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static void
zz_application_activate (GApplication *app)
{
  ZzApplication *self = ZZ_APPLICATION (app);
  GtkWindow     *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL || !ZZ_IS_WINDOW (window))
    {
      if (!zz_application_ensure_store (self))
        return;
      window = GTK_WINDOW (zz_window_new (GTK_APPLICATION (app), self->store));
    }

  gtk_window_present (window);
}

static int
zz_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  ZzApplication *self = ZZ_APPLICATION (app);
  const char    *path = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^&ay", &path))
    {
      g_free (self->db_path);
      self->db_path = g_canonicalize_filename (path, NULL);
    }

  return G_APPLICATION_CLASS (zz_application_parent_class)->handle_local_options (app, options);
}

static void
zz_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList          *windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing, not destroying: each window saves its size, its last workflow
   * and the deletions still waiting for Undo. The app ends with the last. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_list_free (windows);
}

static void
zz_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplication    *app = user_data;
  static const char *developers[] = { "The Zzyra Developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Zzyra"), "application-icon", APPLICATION_ID, "developer-name", "The Zzyra Developers", "version", PACKAGE_VERSION, "website", "https://zzyra.org/", "issue-url", "https://zzyra.org/issues", "copyright", "© 2026 The Zzyra Developers", "license-type", GTK_LICENSE_GPL_3_0, "developers", developers,
                                                /* Translators: your names, one a line */
                                                "translator-credits", _("translator-credits"), NULL);
}

static void
zz_application_shortcuts_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (user_data);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

/* The default action of a "run finished" desktop notification. */
static void
zz_application_show_execution_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (user_data);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (user_data));
      window = gtk_application_get_active_window (user_data);
    }
  if (window != NULL)
    {
      gtk_window_present (window);
      gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.show-execution", parameter);
    }
}

static const GActionEntry app_actions[] = {
  { "quit", zz_application_quit_action },
  { "about", zz_application_about_action },
  { "shortcuts", zz_application_shortcuts_action },
  { "show-execution", zz_application_show_execution_action, "s" },
};

static void
zz_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  /* Not the window's binding: an entry's own Ctrl+Shift+A (select none)
   * would take it first. Application accels come before the focus. */
  static const char *add_block_accels[] = { "<Control><Shift>a", NULL };

  G_APPLICATION_CLASS (zz_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.add-block", add_block_accels);
  /* win.show-help-overlay gets <Control>question from GtkApplication. */
}

static void
zz_application_shutdown (GApplication *app)
{
  ZzApplication *self = ZZ_APPLICATION (app);

  G_APPLICATION_CLASS (zz_application_parent_class)->shutdown (app);

  g_settings_sync ();
  g_clear_object (&self->store);
}

static void
zz_application_finalize (GObject *object)
{
  ZzApplication *self = ZZ_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (zz_application_parent_class)->finalize (object);
}

static void
zz_application_class_init (ZzApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = zz_application_finalize;
  app_class->activate = zz_application_activate;
  app_class->startup = zz_application_startup;
  app_class->shutdown = zz_application_shutdown;
  app_class->handle_local_options = zz_application_handle_local_options;
}

static void
zz_application_init (ZzApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_ ("Use the database at PATH instead of the default one"), N_ ("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_ ("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}

ZzApplication *
zz_application_new (void)
{
  /* The Devel id differs, so the resources are found by an explicit path. */
  return g_object_new (ZZ_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/zzyra/Desktop",
                       NULL);
}
