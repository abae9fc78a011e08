#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `meson install` into a DESTDIR puts every file a desktop needs where it belongs.
set -u
build_root=$1
prefix=$2
dest=$(mktemp -d "${TMPDIR:-/tmp}/ssv-install-XXXXXX")
trap 'rm -rf "$dest"' EXIT

echo "1..2"
if meson install -C "$build_root" --destdir "$dest" --no-rebuild --quiet >"$dest.log" 2>&1; then
  echo "ok 1 - meson install into a DESTDIR"
else
  echo "not ok 1 - meson install into a DESTDIR"
  sed 's/^/# /' "$dest.log"
  rm -f "$dest.log"
  exit 1
fi
rm -f "$dest.log"

root="$dest$prefix"
missing=""
for f in \
  bin/soulsync-video \
  bin/soulsync-video-cli \
  share/applications/com.soulsync.Video.desktop \
  share/metainfo/com.soulsync.Video.metainfo.xml \
  share/glib-2.0/schemas/com.soulsync.Video.gschema.xml \
  share/dbus-1/services/com.soulsync.Video.service \
  share/gnome-shell/search-providers/com.soulsync.Video.search-provider.ini \
  share/icons/hicolor/scalable/apps/com.soulsync.Video.svg \
  share/icons/hicolor/symbolic/apps/com.soulsync.Video-symbolic.svg
do
  [ -e "$root/$f" ] || missing="$missing $f"
done

if [ -z "$missing" ]; then
  echo "ok 2 - binaries, desktop file, metainfo, schema, service and icons installed"
else
  echo "not ok 2 - missing after install:$missing"
  find "$dest" -type f | sed 's/^/# /'
  exit 1
fi
