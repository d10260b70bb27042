/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zz-block-type.h"
#include "zz-workflow.h"

G_BEGIN_DECLS

#define ZZ_TYPE_BLOCK_REGISTRY (zz_block_registry_get_type ())

G_DECLARE_FINAL_TYPE (ZzBlockRegistry, zz_block_registry, ZZ, BLOCK_REGISTRY, GObject)

/* The block types this app knows, as a list model of ZzBlockType (for the
 * palette) and by id (for the executor and validation). */
ZzBlockRegistry *zz_block_registry_new               (void);
ZzBlockRegistry *zz_block_registry_get_default       (void);
GListModel      *zz_block_registry_get_types         (ZzBlockRegistry  *self);
ZzBlockType     *zz_block_registry_lookup            (ZzBlockRegistry  *self,
                                                      const char       *id);
gboolean         zz_block_registry_add               (ZzBlockRegistry  *self,
                                                      ZzBlockType      *type);
/* A ZzBlockTypeCheck for zz_workflow_validate(): @user_data is the registry.
 * Only types that can run here count as known. */
gboolean         zz_block_registry_check             (const char          *block_type,
                                                      const char * const **required,
                                                      gpointer             user_data);

GPtrArray       *zz_block_registry_check_configs     (ZzBlockRegistry  *self,
                                                      ZzWorkflow       *workflow);
GPtrArray       *zz_block_registry_check_workflow    (ZzBlockRegistry  *self,
                                                      ZzWorkflow       *workflow);

G_END_DECLS
