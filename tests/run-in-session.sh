#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test inside its own D-Bus session with a real, unlocked gnome-keyring
# and (with --x11) its own X server, so tests never touch the person's desktop.
set -eu

use_x11=0
if [ "${1:-}" = "--x11" ]; then
  use_x11=1
  shift
fi

if [ -z "${SSV_IN_SESSION:-}" ]; then
  export SSV_IN_SESSION=1
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/ssv-session-XXXXXX")
  trap 'rm -rf "$scratch"' EXIT
  export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
         XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/runtime"
  mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
  if [ "$use_x11" = 1 ]; then
    dbus-run-session -- "$0" --x11 "$@"
  else
    dbus-run-session -- "$0" "$@"
  fi
  exit $?
fi

# Inside the session: create and unlock a login keyring, then start its secrets component.
# The keyring is not what is tested: without the tests' G_DEBUG=fatal-criticals, a critical
# of its own (it has one when a prompt cannot be shown) does not abort it.
if command -v gnome-keyring-daemon >/dev/null 2>&1; then
  printf 'ssv-test' | env -u G_DEBUG gnome-keyring-daemon --login >/dev/null 2>&1 || true
  eval "$(env -u G_DEBUG gnome-keyring-daemon --start --components=secrets 2>/dev/null)" || true
  export GNOME_KEYRING_CONTROL
fi

if [ "$use_x11" = 1 ]; then
  exec xvfb-run -a -s '-screen 0 1280x800x24 -nolisten tcp' "$@"
fi
exec "$@"
