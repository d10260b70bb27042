/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-util.c: ids, timestamps and JSON helpers of libzzyra-core */
#include "config.h"

#include <string.h>

#include "zz-id.h"
#include "zz-json.h"
#include "zz-time.h"

static void
test_id_is_a_cuid (void)
{
  g_autofree char *id = zz_id_new ();

  g_assert_cmpuint (strlen (id), ==, 25);
  g_assert_cmpint (id[0], ==, 'c');
  for (const char *p = id; *p; p++)
    g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p));
  g_assert_true (zz_id_is_valid (id));
}

static void
test_id_never_repeats (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 100000; i++)
    {
      char *id = zz_id_new ();
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, id);
    }
}

static void
test_id_validity (void)
{
  g_assert_true (zz_id_is_valid ("node-1"));
  g_assert_false (zz_id_is_valid (""));
  g_assert_false (zz_id_is_valid (NULL));
  g_assert_false (zz_id_is_valid ("has space"));
}

static void
test_time_format_is_utc_with_milliseconds (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) dt = g_date_time_new (tz, 2026, 11, 24, 16, 3, 7.123456);
  g_autofree char *text = zz_time_format_iso8601 (dt);
  g_autofree char *now = zz_time_now_iso8601 ();

  g_assert_cmpstr (text, ==, "2026-11-24T14:03:07.123Z");
  g_assert_cmpuint (strlen (now), ==, strlen ("2026-11-24T14:03:07.123Z"));
  g_assert_true (g_str_has_suffix (now, "Z"));
}

static void
test_time_diff (void)
{
  g_assert_cmpint (zz_time_diff_ms ("2026-11-24T14:03:07.123Z", "2026-11-24T14:03:08.000Z"), ==, 877);
  g_assert_cmpint (zz_time_diff_ms ("not a time", "2026-11-24T14:03:08.000Z"), ==, -1);
}

static void
test_time_relative (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 24, 14, 0, 0);
  g_autofree char *just_now = zz_time_format_relative ("2026-11-24T13:59:30.000Z", now);
  g_autofree char *minutes = zz_time_format_relative ("2026-11-24T13:55:00.000Z", now);
  g_autofree char *unknown = zz_time_format_relative ("garbage", now);

  g_assert_cmpstr (just_now, ==, "Just now");
  g_assert_cmpstr (minutes, ==, "5 minutes ago");
  g_assert_cmpstr (unknown, ==, "Unknown");
}

static void
test_json_syntax_error_names_line_and_column (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = zz_json_parse ("{\n  \"a\": 1,\n  \"b\": }\n", -1, &error);

  g_assert_null (node);
  g_assert_error (error, ZZ_JSON_ERROR, ZZ_JSON_ERROR_SYNTAX);
  g_assert_true (strstr (error->message, "line 3") != NULL);
  g_assert_true (strstr (error->message, "column") != NULL);
}

static void
test_json_top_level_must_be_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = zz_json_parse_object ("[1, 2]", -1, &error);

  g_assert_null (object);
  g_assert_error (error, ZZ_JSON_ERROR, ZZ_JSON_ERROR_TYPE);
}

static void
test_json_getters_tolerate_wrong_types (void)
{
  g_autoptr(JsonObject) object = zz_json_parse_object ("{\"s\": 5, \"n\": \"x\", \"d\": 2.5, \"b\": true, \"i\": 7}", -1, NULL);

  g_assert_nonnull (object);
  g_assert_cmpstr (zz_json_object_get_string (object, "s", "default"), ==, "default");
  g_assert_cmpint (zz_json_object_get_int (object, "n", 42), ==, 42);
  g_assert_cmpint (zz_json_object_get_int (object, "i", 0), ==, 7);
  g_assert_cmpfloat (zz_json_object_get_double (object, "d", 0), ==, 2.5);
  g_assert_cmpfloat (zz_json_object_get_double (object, "i", 0), ==, 7.0);
  g_assert_true (zz_json_object_get_bool (object, "b", FALSE));
  g_assert_null (zz_json_object_get_object (object, "s"));
  g_assert_null (zz_json_object_get_array (object, "missing"));
}

static void
test_json_string_arrays (void)
{
  const char      *tags[] = { "crypto", "price alerts", NULL };
  g_autofree char *text = zz_json_strv_to_string (tags);
  g_auto(GStrv) back = zz_json_strv_from_string (text);
  g_auto(GStrv) bad = zz_json_strv_from_string ("{\"not\": \"an array\"}");
  g_auto(GStrv) mixed = zz_json_strv_from_string ("[\"a\", 1, null, \"b\"]");

  g_assert_cmpstr (text, ==, "[\"crypto\",\"price alerts\"]");
  g_assert_cmpstrv (back, tags);
  g_assert_cmpuint (g_strv_length (bad), ==, 0);
  g_assert_cmpuint (g_strv_length (mixed), ==, 2);
}

static void
test_json_writes_shortest_doubles_and_escapes (void)
{
  g_autoptr(JsonNode) node = zz_json_parse ("{\"b\": 0.1, \"a\": 167.27, \"whole\": 5.0, \"big\": 1e300,"
                                             " \"n\": 3, \"s\": \"tab\\t \\\"quote\\\" \\u0001 \u00e9\","
                                             " \"list\": [true, null, {}], \"empty\": []}",
                                             -1, NULL);
  g_autofree char *compact = NULL;
  g_autofree char *pretty = NULL;
  g_autoptr(JsonNode) back = NULL;

  g_assert_nonnull (node);
  compact = zz_json_to_string (node, FALSE);
  g_assert_cmpstr (compact, ==,
                   "{\"b\":0.1,\"a\":167.27,\"whole\":5.0,\"big\":1e+300,\"n\":3,"
                   "\"s\":\"tab\\t \\\"quote\\\" \\u0001 \u00e9\",\"list\":[true,null,{}],\"empty\":[]}");

  /* What is written reads back as the same values, doubles still doubles. */
  back = zz_json_parse (compact, -1, NULL);
  g_assert_true (json_node_equal (node, back));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (json_node_get_object (back), "whole")), ==, G_TYPE_DOUBLE);

  g_clear_pointer (&node, json_node_unref);
  node = zz_json_parse ("{\"a\": [1, 2], \"b\": {}}", -1, NULL);
  pretty = zz_json_to_string (node, TRUE);
  g_assert_cmpstr (pretty, ==, "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/id/new-is-a-cuid", test_id_is_a_cuid);
  g_test_add_func ("/id/never-repeats-in-100000", test_id_never_repeats);
  g_test_add_func ("/id/accepts-tokens-refuses-blank", test_id_validity);
  g_test_add_func ("/time/format-is-utc-with-milliseconds", test_time_format_is_utc_with_milliseconds);
  g_test_add_func ("/time/diff-in-milliseconds", test_time_diff);
  g_test_add_func ("/time/relative-reads-as-people-say-it", test_time_relative);
  g_test_add_func ("/json/syntax-error-names-line-and-column", test_json_syntax_error_names_line_and_column);
  g_test_add_func ("/json/top-level-must-be-object", test_json_top_level_must_be_object);
  g_test_add_func ("/json/getters-tolerate-wrong-types", test_json_getters_tolerate_wrong_types);
  g_test_add_func ("/json/string-arrays-round-trip", test_json_string_arrays);
  g_test_add_func ("/json/writes-shortest-doubles-and-escapes", test_json_writes_shortest_doubles_and_escapes);

  return g_test_run ();
}
