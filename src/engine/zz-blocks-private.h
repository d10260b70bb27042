/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The built-in blocks: one file per family, each giving its static info. */

#include "zz-block-type.h"

G_BEGIN_DECLS

const ZzBlockTypeInfo *_zz_block_manual_trigger_get_info (void);
const ZzBlockTypeInfo *_zz_block_schedule_get_info       (void);
const ZzBlockTypeInfo *_zz_block_http_request_get_info   (void);
const ZzBlockTypeInfo *_zz_block_webhook_get_info        (void);
const ZzBlockTypeInfo *_zz_block_condition_get_info      (void);
const ZzBlockTypeInfo *_zz_block_data_transform_get_info (void);
const ZzBlockTypeInfo *_zz_block_calculator_get_info     (void);
const ZzBlockTypeInfo *_zz_block_delay_get_info          (void);
const ZzBlockTypeInfo *_zz_block_notification_get_info   (void);
const ZzBlockTypeInfo *_zz_block_email_get_info          (void);
const ZzBlockTypeInfo *_zz_block_custom_get_info         (void);

/* Completes @task with @output (taking it) on the task's context. */
void                   _zz_block_return_output           (GTask    *task,
                                                          JsonNode *output);

G_END_DECLS
