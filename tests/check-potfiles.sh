#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file with translatable strings must be in po/POTFILES.in,
# or its strings never reach translators.
set -eu
cd "${1:-.}"

missing=0
for file in $(grep -lE '(^|[^A-Za-z0-9_])(N?_|C_|g_dngettext) *\(' src/*/*.c 2>/dev/null; \
              grep -l 'translatable="yes"' resources/ui/*.ui 2>/dev/null); do
  if ! grep -qx "$file" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $file"
    missing=1
  fi
done

while read -r listed; do
  case "$listed" in ''|'#'*) continue ;; esac
  if [ ! -f "$listed" ]; then
    echo "listed in po/POTFILES.in but missing: $listed"
    missing=1
  fi
done < po/POTFILES.in

exit $missing
