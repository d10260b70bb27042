/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zz-node-card"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-block-registry.h"
#include "zz-node-card.h"
#include "zz-node-run-item.h"
#include "zz-ui-resources.h"

struct _ZzNodeCard
{
  GtkWidget parent_instance;

  ZzNode     *node;
  ZzRunStatus status;
  char       *status_detail;
  guint       selected : 1;

  GtkWidget  *box; /* template children */
  GtkImage   *icon;
  GtkLabel   *label;
  GtkLabel   *block_label;
  GtkImage   *status_image;
  GtkSpinner *status_spinner;
  GtkLabel   *status_label;
  GtkBox     *outputs_box;
  GtkWidget  *problem_image; /* made on the first problem */
};

G_DEFINE_FINAL_TYPE (ZzNodeCard, zz_node_card, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_NODE,
  PROP_SELECTED,
  PROP_STATUS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char *const no_outputs[] = { NULL };

static ZzBlockType *
lookup_block_type (ZzNode *node)
{
  return zz_block_registry_lookup (zz_block_registry_get_default (),
                                   zz_node_get_block_type (node));
}

const char *const *
zz_node_card_outputs_for_node (ZzNode *node)
{
  ZzBlockType       *type = lookup_block_type (node);
  const char *const *outputs = type ? zz_block_type_get_outputs (type) : NULL;

  return outputs ? outputs : no_outputs;
}

const char *
zz_node_card_category_for_node (ZzNode *node)
{
  ZzBlockType *type = lookup_block_type (node);

  return type ? zz_block_type_get_category (type) : "unknown";
}

gboolean
zz_node_card_has_input_for_node (ZzNode *node)
{
  return g_strcmp0 (zz_node_card_category_for_node (node), "trigger") != 0;
}

const char *
zz_node_card_block_title_for_node (ZzNode *node)
{
  ZzBlockType *type = lookup_block_type (node);

  return type ? _(zz_block_type_get_title (type)) : zz_node_get_block_type (node);
}

/* libadwaita's palette (blue_3, green_4 ...), so that the canvas's own
 * drawing of a node matches the card's stripe in the CSS. */
void
zz_node_card_category_color (const char *category,
                             GdkRGBA    *color)
{
  static const struct
  {
    const char *category;
    const char *color;
  } colors[] = {
    { "trigger", "#2ec27e" },
    { "action", "#3584e4" },
    { "logic", "#9141ac" },
    { "data", "#e66100" },
    { "notification", "#e5a50a" },
    { "code", "#865e3c" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (category, colors[i].category) == 0)
      {
        gdk_rgba_parse (color, colors[i].color);
        return;
      }

  gdk_rgba_parse (color, "#77767b");
}

double
zz_node_card_output_y (guint index,
                       guint n_outputs)
{
  if (n_outputs <= 1)
    return ZZ_NODE_CARD_HEIGHT / 2;

  return ZZ_NODE_CARD_HEIGHT * (index + 0.5) / n_outputs;
}

static void
zz_node_card_update (ZzNodeCard *self)
{
  ZzBlockType     *type = lookup_block_type (self->node);
  const char      *label = zz_node_get_label (self->node);
  const char      *block_title = zz_node_card_block_title_for_node (self->node);
  const char      *shown = label && label[0] ? label : block_title;
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->label, shown);
  gtk_label_set_label (self->block_label, block_title);
  gtk_image_set_from_icon_name (self->icon,
                                type ? zz_block_type_get_icon_name (type) : "dialog-warning-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               type ? NULL : _("This app cannot run this kind of block"));

  if (zz_node_get_enabled (self->node))
    gtk_widget_remove_css_class (GTK_WIDGET (self), "disabled");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "disabled");

  /* Translators: a node on the canvas, as a screen reader says it: "Fetch price, HTTP Request" */
  accessible = g_strdup_printf (_("%s, %s"), shown, block_title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
zz_node_card_update_outputs (ZzNodeCard *self)
{
  const char *const *outputs = zz_node_card_outputs_for_node (self->node);
  GtkWidget         *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outputs_box))) != NULL)
    gtk_box_remove (self->outputs_box, child);

  for (guint i = 0; outputs[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (outputs[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "output-label");
      gtk_box_append (self->outputs_box, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->outputs_box), outputs[0] != NULL);
}

static void
on_node_notified_cb (ZzNodeCard *self,
                     GParamSpec *pspec,
                     ZzNode     *node)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "x") || g_str_equal (name, "y") || g_str_equal (name, "config") ||
      g_str_equal (name, "description"))
    return;

  zz_node_card_update (self);
  if (g_str_equal (name, "block-type"))
    zz_node_card_update_outputs (self);
}

static void
append_port (GtkSnapshot   *snapshot,
             double         x,
             double         y,
             const GdkRGBA *fill,
             const GdkRGBA *ring)
{
  GskRoundedRect circle;
  float          r = ZZ_NODE_CARD_PORT_RADIUS;
  const float    widths[4] = { 1.5, 1.5, 1.5, 1.5 };
  const GdkRGBA  rings[4] = { *ring, *ring, *ring, *ring };

  gsk_rounded_rect_init_from_rect (&circle, &GRAPHENE_RECT_INIT (x - r, y - r, 2 * r, 2 * r), r);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, fill, &circle.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &circle, widths, rings);
}

static void
zz_node_card_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  ZzNodeCard        *self = ZZ_NODE_CARD (widget);
  GtkStyleContext   *style = gtk_widget_get_style_context (widget);
  const char *const *outputs = zz_node_card_outputs_for_node (self->node);
  double             width = gtk_widget_get_width (widget);
  double             height = gtk_widget_get_height (widget);
  guint              n_outputs = MAX (g_strv_length ((char **) outputs), 1);
  GdkRGBA            fill, ring, stripe;
  GskRoundedRect     outline;

  /* The category's stripe along the top, inside the rounded corners. */
  zz_node_card_category_color (zz_node_card_category_for_node (self->node), &stripe);
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), 12);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &stripe, &GRAPHENE_RECT_INIT (0, 0, width, 4));
  gtk_snapshot_pop (snapshot);

  GTK_WIDGET_CLASS (zz_node_card_parent_class)->snapshot (widget, snapshot);

  if (!gtk_style_context_lookup_color (style, "card_bg_color", &fill))
    gdk_rgba_parse (&fill, "white");
  fill.alpha = 1.0;
  gtk_style_context_get_color (style, &ring);
  ring.alpha *= 0.55;

  if (zz_node_card_has_input_for_node (self->node))
    append_port (snapshot, 0, height / 2, &fill, &ring);
  for (guint i = 0; i < n_outputs; i++)
    append_port (snapshot, width, height * zz_node_card_output_y (i, n_outputs) / ZZ_NODE_CARD_HEIGHT,
                 &fill, &ring);
}

static void
zz_node_card_constructed (GObject *object)
{
  ZzNodeCard *self = ZZ_NODE_CARD (object);

  G_OBJECT_CLASS (zz_node_card_parent_class)->constructed (object);

  g_return_if_fail (ZZ_IS_NODE (self->node));

  gtk_widget_add_css_class (GTK_WIDGET (self), zz_node_card_category_for_node (self->node));
  g_signal_connect_object (self->node, "notify",
                           G_CALLBACK (on_node_notified_cb), self, G_CONNECT_SWAPPED);
  zz_node_card_update (self);
  zz_node_card_update_outputs (self);
}

static void
zz_node_card_dispose (GObject *object)
{
  ZzNodeCard *self = ZZ_NODE_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZZ_TYPE_NODE_CARD);
  g_clear_object (&self->node);
  g_clear_pointer (&self->status_detail, g_free);

  G_OBJECT_CLASS (zz_node_card_parent_class)->dispose (object);
}

static void
zz_node_card_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ZzNodeCard *self = ZZ_NODE_CARD (object);

  switch (prop_id)
    {
    case PROP_NODE:
      g_value_set_object (value, self->node);
      break;
    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_node_card_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ZzNodeCard *self = ZZ_NODE_CARD (object);

  switch (prop_id)
    {
    case PROP_NODE:
      self->node = g_value_dup_object (value);
      break;
    case PROP_SELECTED:
      zz_node_card_set_selected (self, g_value_get_boolean (value));
      break;
    case PROP_STATUS:
      zz_node_card_set_status (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_node_card_class_init (ZzNodeCardClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zz_node_card_constructed;
  object_class->dispose = zz_node_card_dispose;
  object_class->get_property = zz_node_card_get_property;
  object_class->set_property = zz_node_card_set_property;
  widget_class->snapshot = zz_node_card_snapshot;

  properties[PROP_NODE] =
    g_param_spec_object ("node", NULL, NULL, ZZ_TYPE_NODE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, ZZ_TYPE_RUN_STATUS, ZZ_RUN_STATUS_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Linking the static library keeps the resources only when referenced. */
  (void) zz_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/zzyra/Desktop/ui/zz-node-card.ui");
  gtk_widget_class_bind_template_child (widget_class, ZzNodeCard, box);
  gtk_widget_class_bind_template_child (widget_class, ZzNodeCard, icon);
  gtk_widget_class_bind_template_child (widget_class, ZzNodeCard, label);
  gtk_widget_class_bind_template_child (widget_class, ZzNodeCard, block_label);
  gtk_widget_class_bind_template_child (widget_class, ZzNodeCard, status_image);
  gtk_widget_class_bind_template_child (widget_class, ZzNodeCard, status_spinner);
  gtk_widget_class_bind_template_child (widget_class, ZzNodeCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, ZzNodeCard, outputs_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zznodecard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
zz_node_card_init (ZzNodeCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zz_node_card_new (ZzNode *node)
{
  g_return_val_if_fail (ZZ_IS_NODE (node), NULL);

  return g_object_new (ZZ_TYPE_NODE_CARD, "node", node, NULL);
}

ZzNode *
zz_node_card_get_node (ZzNodeCard *self)
{
  g_return_val_if_fail (ZZ_IS_NODE_CARD (self), NULL);

  return self->node;
}

gboolean
zz_node_card_get_selected (ZzNodeCard *self)
{
  g_return_val_if_fail (ZZ_IS_NODE_CARD (self), FALSE);

  return self->selected;
}

void
zz_node_card_set_selected (ZzNodeCard *self,
                           gboolean    selected)
{
  g_return_if_fail (ZZ_IS_NODE_CARD (self));

  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

ZzRunStatus
zz_node_card_get_status (ZzNodeCard *self)
{
  g_return_val_if_fail (ZZ_IS_NODE_CARD (self), ZZ_RUN_STATUS_NONE);

  return self->status;
}

void
zz_node_card_set_problem (ZzNodeCard       *self,
                          ZzProblemSeverity severity,
                          const char       *message)
{
  const char *style = zz_problem_severity_get_style_class (severity);

  g_return_if_fail (ZZ_IS_NODE_CARD (self));

  if (message == NULL && self->problem_image == NULL)
    return;

  if (self->problem_image == NULL)
    {
      GtkWidget *status = GTK_WIDGET (self->status_image);

      self->problem_image = gtk_image_new ();
      gtk_widget_set_valign (self->problem_image, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->problem_image, "node-problem");
      gtk_widget_insert_before (self->problem_image, gtk_widget_get_parent (status), status);
    }

  gtk_image_set_from_icon_name (GTK_IMAGE (self->problem_image), zz_problem_severity_get_icon_name (severity));
  gtk_widget_remove_css_class (self->problem_image, g_str_equal (style, "error") ? "warning" : "error");
  gtk_widget_add_css_class (self->problem_image, style);

  gtk_widget_set_tooltip_text (self->problem_image, message);
  gtk_widget_set_visible (self->problem_image, message != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message ? message : "",
                                  -1);
}

const char *
zz_node_card_get_problem (ZzNodeCard *self)
{
  g_return_val_if_fail (ZZ_IS_NODE_CARD (self), NULL);

  if (self->problem_image == NULL || !gtk_widget_get_visible (self->problem_image))
    return NULL;
  return gtk_widget_get_tooltip_text (self->problem_image);
}

const char *
zz_node_card_get_problem_icon_name (ZzNodeCard *self)
{
  g_return_val_if_fail (ZZ_IS_NODE_CARD (self), NULL);

  if (self->problem_image == NULL || !gtk_widget_get_visible (self->problem_image))
    return NULL;
  return gtk_image_get_icon_name (GTK_IMAGE (self->problem_image));
}

void
zz_node_card_set_status (ZzNodeCard *self,
                         ZzRunStatus status)
{
  gboolean running = status == ZZ_RUN_STATUS_RUNNING;

  g_return_if_fail (ZZ_IS_NODE_CARD (self));

  if (self->status == status)
    return;

  /* The whole card reacts too: a skipped node is dimmed, a failed one
   * outlined. Both take their CSS classes from the status's name. */
  if (self->status != ZZ_RUN_STATUS_NONE)
    {
      const char      *name = zz_run_status_to_string (self->status);
      g_autofree char *card_class = g_strconcat ("status-", name, NULL);

      gtk_widget_remove_css_class (GTK_WIDGET (self->status_image), name);
      gtk_widget_remove_css_class (GTK_WIDGET (self), card_class);
    }
  self->status = status;
  if (status != ZZ_RUN_STATUS_NONE)
    {
      g_autofree char *card_class = g_strconcat ("status-", zz_run_status_to_string (status), NULL);

      gtk_widget_add_css_class (GTK_WIDGET (self), card_class);
    }
  zz_node_card_set_status_detail (self, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->status_image), FALSE);
  if (status != ZZ_RUN_STATUS_NONE)
    {
      gtk_image_set_from_icon_name (self->status_image, zz_status_icon_name (status));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_image), zz_status_title (status));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_image), zz_run_status_to_string (status));
      /* A running node spins instead of showing a still icon. */
      gtk_widget_set_visible (GTK_WIDGET (self->status_image), !running);
    }
  gtk_spinner_set_spinning (self->status_spinner, running);
  gtk_widget_set_visible (GTK_WIDGET (self->status_spinner), running);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
zz_node_card_get_status_detail (ZzNodeCard *self)
{
  g_return_val_if_fail (ZZ_IS_NODE_CARD (self), NULL);

  return self->status_detail;
}

void
zz_node_card_set_status_detail (ZzNodeCard *self,
                                const char *detail)
{
  gboolean failed;

  g_return_if_fail (ZZ_IS_NODE_CARD (self));

  if (g_strcmp0 (self->status_detail, detail) == 0)
    return;
  g_free (self->status_detail);
  self->status_detail = g_strdup (detail);

  /* A completed node shows how long it took; a failed one its error, on
   * hover over the badge. */
  failed = self->status == ZZ_RUN_STATUS_FAILED;
  gtk_label_set_label (self->status_label, failed ? NULL : detail);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), !failed && detail != NULL && detail[0] != '\0');
  if (failed && detail != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_image), detail);
}
