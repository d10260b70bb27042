/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-time.c: timestamps as the platform stores them
 *
 * Every DateTime column holds UTC ISO-8601 with milliseconds, e.g.
 * 2026-11-24T14:03:07.123Z, so that text order is time order and a row
 * reads the same here, in the web platform and on the team server.
 */
#define G_LOG_DOMAIN "zz-time"

#include "config.h"

#include <glib/gi18n.h>
#include <time.h>

#include "zz-time.h"

/**
 * zz_time_format_iso8601:
 * @datetime: a #GDateTime in any time zone
 *
 * Returns: (transfer full): @datetime in UTC as `YYYY-MM-DDTHH:MM:SS.mmmZ`
 */
char *
zz_time_format_iso8601 (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (datetime != NULL, NULL);

  utc = g_date_time_to_utc (datetime);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          g_date_time_get_year (utc),
                          g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc),
                          g_date_time_get_second (utc),
                          g_date_time_get_microsecond (utc) / 1000);
}

/**
 * zz_time_now_iso8601:
 *
 * Returns: (transfer full): the current time, formatted for a DateTime column
 */
char *
zz_time_now_iso8601 (void)
{
  /* On every row written: gmtime_r() instead of a GDateTime. */
  gint64    now = g_get_real_time ();
  time_t    seconds = (time_t) (now / G_USEC_PER_SEC);
  struct tm tm;

  gmtime_r (&seconds, &tm);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                          tm.tm_hour, tm.tm_min, tm.tm_sec,
                          (int) ((now % G_USEC_PER_SEC) / 1000));
}

/**
 * zz_time_parse_iso8601:
 * @text: (nullable): an ISO-8601 timestamp
 *
 * Returns: (transfer full) (nullable): the time, or %NULL if @text is not
 *   an ISO-8601 timestamp with a time zone
 */
GDateTime *
zz_time_parse_iso8601 (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

/**
 * zz_time_diff_ms:
 * @start: an ISO-8601 timestamp
 * @end: an ISO-8601 timestamp
 *
 * Returns: milliseconds from @start to @end, or -1 if either is not a time
 */
gint64
zz_time_diff_ms (const char *start,
                 const char *end)
{
  g_autoptr(GDateTime) a = zz_time_parse_iso8601 (start);
  g_autoptr(GDateTime) b = zz_time_parse_iso8601 (end);

  if (a == NULL || b == NULL)
    return -1;

  return g_date_time_difference (b, a) / 1000;
}

/**
 * zz_time_format_relative:
 * @iso8601: an ISO-8601 timestamp
 * @now: (nullable): the time to compare with, or %NULL for now
 *
 * Formats a time as people read it in a list: "Just now", "5 minutes ago",
 * "Yesterday", or a date.
 *
 * Returns: (transfer full): a translated, human-readable string
 */
char *
zz_time_format_relative (const char *iso8601,
                         GDateTime  *now)
{
  g_autoptr(GDateTime) when = zz_time_parse_iso8601 (iso8601);
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) local_when = NULL;
  GTimeSpan span;
  int       days;

  if (when == NULL)
    return g_strdup (_("Unknown"));

  local_now = now ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  local_when = g_date_time_to_local (when);
  span = g_date_time_difference (local_now, local_when);

  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));

  if (span < G_TIME_SPAN_HOUR)
    {
      int minutes = (int) (span / G_TIME_SPAN_MINUTE);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", minutes), minutes);
    }

  days = g_date_time_get_day_of_year (local_now) - g_date_time_get_day_of_year (local_when);
  if (g_date_time_get_year (local_now) == g_date_time_get_year (local_when) && days == 0)
    {
      int hours = (int) (span / G_TIME_SPAN_HOUR);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", hours), hours);
    }

  if (g_date_time_get_year (local_now) == g_date_time_get_year (local_when) && days == 1)
    return g_strdup (_("Yesterday"));

  if (g_date_time_get_year (local_now) == g_date_time_get_year (local_when))
    /* Translators: a date in this year, see strftime(3) */
    return g_date_time_format (local_when, _("%b %e"));

  /* Translators: a date in another year, see strftime(3) */
  return g_date_time_format (local_when, _("%b %e, %Y"));
}
