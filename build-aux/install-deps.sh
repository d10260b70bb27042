#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs everything Zzyra Desktop needs to build and to run its whole test
# suite on Debian 12 (bookworm) or newer. The README and .ci/run both call this
# script, so the package list lives in exactly one place. clang, its runtime
# libraries (libFuzzer, ASan, UBSan: libclang-rt-dev) and llvm (for
# llvm-symbolizer's file:line stacks) serve build-aux/run-fuzzers.sh.
# util-linux's unshare gives tests/test-cli.c a tmpfs of its own to fill.
set -eu

PACKAGES="
  build-essential
  git
  meson
  ninja-build
  pkg-config
  gettext
  itstool
  libglib2.0-dev
  libglib2.0-dev-bin
  libglib2.0-bin
  libgtk-4-dev
  libadwaita-1-dev
  libjson-glib-dev
  libsoup-3.0-dev
  libsqlite3-dev
  sqlite3
  desktop-file-utils
  appstream
  xvfb
  xauth
  dbus
  dbus-x11
  at-spi2-core
  adwaita-icon-theme
  fonts-cantarell
  valgrind
  util-linux
  clang
  libclang-rt-dev
  llvm
"

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
else
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
# shellcheck disable=SC2086
$SUDO apt-get install -y --no-install-recommends $PACKAGES
