#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a source file with translatable strings is missing from po/POTFILES.in,
or when POTFILES.in lists a file that does not exist."""
import os
import re
import sys

root = sys.argv[1]
listed = set()
with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)

c_marks = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext)\s*\(\s*"')
ui_marks = re.compile(r'translatable="yes"')
found = set()
for top in ("src", "data"):
    for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
        for name in files:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if name.endswith((".c", ".h")):
                with open(path, encoding="utf-8") as f:
                    if c_marks.search(f.read()):
                        found.add(rel)
            elif name.endswith((".ui", ".ui.in")):
                with open(path, encoding="utf-8") as f:
                    if ui_marks.search(f.read()):
                        found.add(rel)
            elif name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
                found.add(rel)

missing = sorted(found - listed)
stale = sorted(p for p in listed if not os.path.exists(os.path.join(root, p)))
print("1..2")
if missing:
    print("not ok 1 - files with translatable strings missing from po/POTFILES.in:")
    for p in missing:
        print("#   " + p)
else:
    print(f"ok 1 - all {len(found)} files with translatable strings are listed")
if stale:
    print("not ok 2 - po/POTFILES.in lists files that do not exist:")
    for p in stale:
        print("#   " + p)
else:
    print("ok 2 - every listed file exists")
sys.exit(1 if missing or stale else 0)
