/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zz-palette"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "zz-node-card.h"
#include "zz-palette.h"

struct _ZzPalette
{
  GtkWidget parent_instance;

  ZzBlockRegistry    *registry;
  ZzCanvas           *canvas;
  GtkDropTarget      *drop_target; /* on the canvas */
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  char              **query_words;      /* casefolded */
  char               *query;            /* as the filter has it */
  gboolean            focus_on_map;     /* reset while hidden: focus the search once shown */
  gboolean            has_insert_point; /* this opening adds there, from the canvas's menu */
  double              insert_x;
  double              insert_y;

  GtkSearchEntry *search_entry; /* template children */
  GtkStack       *stack;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (ZzPalette, zz_palette, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CANVAS,
  PROP_REGISTRY,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum
{
  BLOCK_ADDED,
  DISMISSED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static const struct
{
  const char *id;
  const char *name;
} categories[] = {
  { "trigger", N_ ("Trigger") },
  { "action", N_ ("Action") },
  { "logic", N_ ("Logic") },
  { "data", N_ ("Data") },
  { "notification", N_ ("Notification") },
  { "code", N_ ("Code") },
};

static guint
category_rank (const char *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (categories[i].id, category) == 0)
      return i;
  return G_N_ELEMENTS (categories);
}

static const char *
category_name (const char *category)
{
  guint rank = category_rank (category);

  return rank < G_N_ELEMENTS (categories) ? _(categories[rank].name) : category;
}

/* Model -------------------------------------------------------------------- */

static int
compare_types_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  ZzBlockType *ta = (ZzBlockType *) a;
  ZzBlockType *tb = (ZzBlockType *) b;
  guint        ra = category_rank (zz_block_type_get_category (ta));
  guint        rb = category_rank (zz_block_type_get_category (tb));

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return g_utf8_collate (_(zz_block_type_get_title (ta)), _(zz_block_type_get_title (tb)));
}

static gboolean
text_matches (const char *text,
              const char *word)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, word) != NULL;
}

/* Every word of the search is in the title, the id, the category or a tag. */
static gboolean
filter_type_cb (gpointer item,
                gpointer user_data)
{
  ZzPalette   *self = user_data;
  ZzBlockType *type = item;

  if (self->query_words == NULL)
    return TRUE;

  for (guint i = 0; self->query_words[i] != NULL; i++)
    {
      const char        *word = self->query_words[i];
      const char *const *tags = zz_block_type_get_tags (type);
      gboolean           found;

      found = text_matches (_(zz_block_type_get_title (type)), word) ||
                            text_matches (zz_block_type_get_title (type), word) ||
                            text_matches (zz_block_type_get_id (type), word) ||
                            text_matches (zz_block_type_get_category (type), word) ||
                            text_matches (category_name (zz_block_type_get_category (type)), word);
      for (guint j = 0; !found && tags != NULL && tags[j] != NULL; j++)
        found = text_matches (tags[j], word);

      if (!found)
        return FALSE;
    }

  return TRUE;
}

static void
zz_palette_update_empty (ZzPalette *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

void
zz_palette_set_query (ZzPalette  *self,
                      const char *query)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (ZZ_IS_PALETTE (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), query ? query : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");

  g_free (self->query);
  self->query = g_strdup (query ? query : "");
  g_clear_pointer (&self->query_words, g_strfreev);
  stripped = g_strstrip (g_utf8_casefold (query ? query : "", -1));
  if (stripped[0] != '\0')
    self->query_words = g_strsplit_set (stripped, " \t", -1);
  /* Empty words from double spaces match everything: harmless. */

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  zz_palette_update_empty (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

/* Rows --------------------------------------------------------------------- */

static GdkContentProvider *
on_drag_prepared_cb (GtkDragSource *source,
                     double         x,
                     double         y,
                     GtkListItem   *list_item)
{
  ZzBlockType     *type = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (type == NULL)
    return NULL;

  text = g_strconcat (ZZ_PALETTE_DRAG_PREFIX, zz_block_type_get_id (type), NULL);
  return gdk_content_provider_new_typed (G_TYPE_STRING, text);
}

static void
on_drag_began_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  GtkListItem   *list_item)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 16, 16);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ZzPalette                *self)
{
  GtkWidget     *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget     *icon = gtk_image_new ();
  GtkWidget     *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget     *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget     *title = gtk_label_new (NULL);
  GtkWidget     *category = gtk_label_new (NULL);
  GtkWidget     *description = gtk_label_new (NULL);
  GtkWidget     *offline = gtk_label_new (_("Not available offline"));
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_widget_add_css_class (icon, "palette-icon");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (category, "caption");
  gtk_widget_add_css_class (category, "dim-label");
  gtk_widget_set_valign (category, GTK_ALIGN_BASELINE);

  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_ellipsize (GTK_LABEL (description), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (description), TRUE);
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_add_css_class (description, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (offline), 0);
  gtk_widget_add_css_class (offline, "caption");
  gtk_widget_add_css_class (offline, "dim-label");
  gtk_widget_add_css_class (offline, "palette-offline");

  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), category);
  gtk_box_append (GTK_BOX (texts), top);
  gtk_box_append (GTK_BOX (texts), description);
  gtk_box_append (GTK_BOX (texts), offline);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);

  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "category", category);
  g_object_set_data (G_OBJECT (box), "description", description);
  g_object_set_data (G_OBJECT (box), "offline", offline);

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepared_cb), list_item);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_began_cb), list_item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drag));

  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ZzPalette                *self)
{
  ZzBlockType     *type = gtk_list_item_get_item (list_item);
  GtkWidget       *box = gtk_list_item_get_child (list_item);
  const char      *title = _(zz_block_type_get_title (type));
  const char      *description = _(zz_block_type_get_description (type));
  g_autofree char *tooltip = NULL;

  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (box), "icon"),
                                zz_block_type_get_icon_name (type));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "title"), title);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "category"),
                       category_name (zz_block_type_get_category (type)));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "description"), description);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "offline"),
                          !zz_block_type_can_execute (type));

  /* The description is cut to one line in the row: the tooltip has it all. */
  tooltip = g_strdup_printf ("%s\n%s", title, description);
  gtk_widget_set_tooltip_text (box, tooltip);
}

/* Adding ------------------------------------------------------------------- */

/* Whether a card at x, y would cover another one, or touch it. */
static gboolean
node_overlaps (ZzWorkflow *workflow,
               double      x,
               double      y)
{
  GListModel *nodes = zz_workflow_get_nodes (workflow);
  guint       n = g_list_model_get_n_items (nodes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (nodes, i);

      if (ABS (zz_node_get_x (node) - x) < ZZ_NODE_CARD_WIDTH + 16 &&
          ABS (zz_node_get_y (node) - y) < ZZ_NODE_CARD_HEIGHT + 16)
        return TRUE;
    }

  return FALSE;
}

static char *
zz_palette_add (ZzPalette   *self,
                ZzBlockType *type,
                double       x,
                double       y)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = zz_canvas_add_node (self->canvas, zz_block_type_get_id (type), x, y, &error);
  if (id == NULL)
    {
      g_warning ("Could not add a “%s” block: %s", zz_block_type_get_id (type), error->message);
      return NULL;
    }

  g_signal_emit (self, signals[BLOCK_ADDED], 0, id);
  return g_steal_pointer (&id);
}

char *
zz_palette_activate (ZzPalette *self,
                     guint      position)
{
  g_autoptr(ZzBlockType) type = NULL;
  ZzViewport *viewport;
  ZzWorkflow *workflow;
  double      x, y;

  g_return_val_if_fail (ZZ_IS_PALETTE (self), NULL);

  type = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (type == NULL || self->canvas == NULL || (workflow = zz_canvas_get_workflow (self->canvas)) == NULL)
    return NULL;

  /* Where the canvas's "Add Block Here" was asked, centred there. */
  if (self->has_insert_point)
    {
      self->has_insert_point = FALSE;
      return zz_palette_add (self, type, round (self->insert_x - ZZ_NODE_CARD_WIDTH / 2),
                             round (self->insert_y - ZZ_NODE_CARD_HEIGHT / 2));
    }

  /* The centre of the view, or below it where the new card covers no
   * other: adding twice shows two nodes. */
  viewport = zz_canvas_get_viewport (self->canvas);
  zz_viewport_widget_to_canvas (viewport,
                                gtk_widget_get_width (GTK_WIDGET (self->canvas)) / 2.0,
                                gtk_widget_get_height (GTK_WIDGET (self->canvas)) / 2.0,
                                &x, &y);
  x = round (x - ZZ_NODE_CARD_WIDTH / 2);
  y = round (y - ZZ_NODE_CARD_HEIGHT / 2);
  for (guint i = 0; i < 50 && node_overlaps (workflow, x, y); i++)
    y += ZZ_NODE_CARD_HEIGHT + 32;

  return zz_palette_add (self, type, x, y);
}

static void
on_list_activated_cb (ZzPalette *self,
                      guint      position)
{
  g_autofree char *id = zz_palette_activate (self, position);
}

static void
on_search_changed_cb (ZzPalette *self)
{
  zz_palette_set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activated_cb (ZzPalette *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint       selected;

  /* The entry tells its changes after a pause: Enter typed quickly after
   * the words acts on what they find, not on the list before them. */
  if (g_strcmp0 (text, self->query) != 0)
    zz_palette_set_query (self, text);

  selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    on_list_activated_cb (self, selected);
}

static void
on_search_stopped_cb (ZzPalette *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    zz_palette_set_query (self, "");
  else
    g_signal_emit (self, signals[DISMISSED], 0);
}

static gboolean
on_canvas_dropped_cb (ZzPalette     *self,
                      const GValue  *value,
                      double         x,
                      double         y,
                      GtkDropTarget *target)
{
  const char      *text = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;
  g_autofree char *id = NULL;
  ZzBlockType     *type;
  double           cx, cy;

  if (text == NULL || !g_str_has_prefix (text, ZZ_PALETTE_DRAG_PREFIX) ||
      self->canvas == NULL || zz_canvas_get_workflow (self->canvas) == NULL)
    return FALSE;

  type = zz_block_registry_lookup (self->registry, text + strlen (ZZ_PALETTE_DRAG_PREFIX));
  if (type == NULL)
    return FALSE;

  /* The card is centred on the pointer, where the drag icon was. */
  zz_viewport_widget_to_canvas (zz_canvas_get_viewport (self->canvas), x, y, &cx, &cy);
  id = zz_palette_add (self, type, round (cx - ZZ_NODE_CARD_WIDTH / 2), round (cy - ZZ_NODE_CARD_HEIGHT / 2));
  if (id != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  return id != NULL;
}

/* GObject ------------------------------------------------------------------ */

static void
zz_palette_map (GtkWidget *widget)
{
  ZzPalette *self = ZZ_PALETTE (widget);

  GTK_WIDGET_CLASS (zz_palette_parent_class)->map (widget);

  if (self->focus_on_map)
    {
      self->focus_on_map = FALSE;
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

static void
zz_palette_dispose (GObject *object)
{
  GtkWidget *child;
  ZzPalette *self = ZZ_PALETTE (object);

  zz_palette_set_canvas (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZZ_TYPE_PALETTE);
  /* The template's root is a direct child with no id to clear. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  self->filtered = NULL;
  g_clear_object (&self->filter);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->query_words, g_strfreev);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (zz_palette_parent_class)->dispose (object);
}

static void
zz_palette_constructed (GObject *object)
{
  ZzPalette          *self = ZZ_PALETTE (object);
  GtkSortListModel   *sorted;
  GtkListItemFactory *factory;

  G_OBJECT_CLASS (zz_palette_parent_class)->constructed (object);

  if (self->registry == NULL)
    self->registry = g_object_ref (zz_block_registry_get_default ());

  sorted = gtk_sort_list_model_new (g_object_ref (zz_block_registry_get_types (self->registry)),
                                    GTK_SORTER (gtk_custom_sorter_new (compare_types_cb, NULL, NULL)));
  self->filter = gtk_custom_filter_new (filter_type_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted), g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  zz_palette_update_empty (self);
}

static void
zz_palette_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ZzPalette *self = ZZ_PALETTE (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_palette_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ZzPalette *self = ZZ_PALETTE (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      zz_palette_set_canvas (self, g_value_get_object (value));
      break;
    case PROP_REGISTRY:
      self->registry = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_palette_class_init (ZzPaletteClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zz_palette_constructed;
  object_class->dispose = zz_palette_dispose;
  object_class->get_property = zz_palette_get_property;
  object_class->set_property = zz_palette_set_property;
  widget_class->map = zz_palette_map;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, ZZ_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, ZZ_TYPE_BLOCK_REGISTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[BLOCK_ADDED] =
    g_signal_new ("block-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DISMISSED] =
    g_signal_new ("dismissed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/zzyra/Desktop/ui/zz-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, ZzPalette, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZzPalette, stack);
  gtk_widget_class_bind_template_child (widget_class, ZzPalette, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
zz_palette_init (ZzPalette *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
}

GtkWidget *
zz_palette_new (void)
{
  return g_object_new (ZZ_TYPE_PALETTE, NULL);
}

void
zz_palette_set_canvas (ZzPalette *self,
                       ZzCanvas  *canvas)
{
  g_return_if_fail (ZZ_IS_PALETTE (self));
  g_return_if_fail (canvas == NULL || ZZ_IS_CANVAS (canvas));

  if (self->canvas == canvas)
    return;

  if (self->canvas != NULL)
    {
      /* A canvas disposed first has dropped its controllers already. */
      if (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (self->drop_target)) == GTK_WIDGET (self->canvas))
        gtk_widget_remove_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (self->drop_target));
      self->drop_target = NULL;
    }
  g_set_object (&self->canvas, canvas);

  /* The canvas takes what the palette drags; the drop target is the
   * palette's, as only it knows what the text means. */
  if (canvas != NULL)
    {
      self->drop_target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
      g_signal_connect_object (self->drop_target, "drop",
                               G_CALLBACK (on_canvas_dropped_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (canvas), GTK_EVENT_CONTROLLER (self->drop_target));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}

void
zz_palette_reset (ZzPalette *self)
{
  g_return_if_fail (ZZ_IS_PALETTE (self));

  zz_palette_set_query (self, "");
  /* Opened from the canvas's "Add Block Here", or not: a point asked for
   * an earlier opening is not this one's. */
  self->has_insert_point = self->canvas != NULL &&
                           zz_canvas_take_insertion_point (self->canvas, &self->insert_x, &self->insert_y);
  /* Back to the first blocks, the triggers, as a palette opened anew. Not
   * by moving the adjustment: reopened after a search that found nothing,
   * the list has not laid out its rows yet, and GtkListView then warns
   * that it "failed to scroll to given position". Its anchor is moved
   * instead, which takes effect at its next layout. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  /* What is typed next is a search. Reset as a revealer starts to show
   * the palette (its notify::reveal-child comes before its child is
   * shown), the entry cannot take the focus yet: it does as it is mapped,
   * before the next key is handled. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->search_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    self->focus_on_map = TRUE;
}

GListModel *
zz_palette_get_model (ZzPalette *self)
{
  g_return_val_if_fail (ZZ_IS_PALETTE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}
