#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest is valid JSON and matches the meson project: id, command, module."""
import json
import re
import sys

root = sys.argv[1]
app_id = sys.argv[2]
project = sys.argv[3]
checks = []

with open(f"{root}/{app_id}.json", encoding="utf-8") as f:
    try:
        manifest = json.load(f)
        checks.append((True, "the manifest is valid JSON"))
    except json.JSONDecodeError as e:
        print("1..1\nnot ok 1 - not valid JSON: %s" % e)
        sys.exit(1)

with open(f"{root}/meson.build", encoding="utf-8") as f:
    meson = f.read()
meson_project = re.search(r"project\('([^']+)'", meson).group(1)
meson_app_id = re.search(r"app_id = '([^']+)'", meson).group(1)

checks.append((manifest.get("id") == app_id == meson_app_id, f"id is {app_id} as in meson.build"))
checks.append((manifest.get("command") == "soulsync-video", "command is the installed binary"))
checks.append((manifest.get("runtime") == "org.gnome.Platform", "runtime is the GNOME platform"))
checks.append((manifest.get("sdk") == "org.gnome.Sdk", "sdk is the GNOME SDK"))
finish = manifest.get("finish-args", [])
for arg in ("--share=network", "--socket=wayland", "--socket=fallback-x11", "--device=dri", "--share=ipc"):
    checks.append((arg in finish, f"finish-args has {arg}"))
# The scheduler runs a missed job when the machine wakes: logind's PrepareForSleep.
checks.append(("--system-talk-name=org.freedesktop.login1" in finish,
               "finish-args lets the scheduler hear logind on the system bus"))
# Starting at login goes through the Background portal, never a file the sandbox writes.
checks.append((not any(a.startswith("--filesystem=xdg-config/autostart") for a in finish),
               "no access to the autostart folder: the Background portal asks instead"))
checks.append((not any(a.startswith("--filesystem=home") or a == "--filesystem=host" for a in finish),
               "no blanket home or host filesystem access"))
# Import (issue 12) reads what the download clients finished and writes the library: the
# Videos folder read-write by default; other folders the person picks come through the
# file chooser portal's persisted grants, and replaced files through the Trash portal.
import os
if os.path.exists(f"{root}/src/core/downloads/ssv-importer.c"):
    videos = [a for a in finish if a.startswith("--filesystem=xdg-videos")]
    checks.append((videos == ["--filesystem=xdg-videos"] or videos == ["--filesystem=xdg-videos:rw"],
                   "import writes the library: the Videos folder is read-write"))
    checks.append((any(a in ("--filesystem=xdg-download", "--filesystem=xdg-download:ro") for a in finish),
                   "import reads finished downloads: the Downloads folder is readable"))
    with open(f"{root}/data/{app_id}.gschema.xml", encoding="utf-8") as f:
        schema = f.read()
    checks.append((all(f'name="{k}"' in schema for k in ("movies-folder", "shows-folder", "import-mode")),
                   "the import folders are settings the folder chooser fills (portal grants persist)"))
modules = manifest.get("modules", [])
last = modules[-1] if modules else {}
checks.append((last.get("name") == project == meson_project, f"the last module is {project}"))
checks.append((last.get("buildsystem") == "meson", "it builds with meson"))
sources = last.get("sources", [])
checks.append((any(s.get("type") == "dir" and s.get("path") == "." for s in sources),
               "it builds from the local directory"))
checks.append(("-Dtests=false" in last.get("config-opts", []), "tests are not built in the Flatpak"))

print(f"1..{len(checks)}")
failed = 0
for i, (ok, what) in enumerate(checks, 1):
    print(("ok" if ok else "not ok") + f" {i} - {what}")
    failed += not ok
sys.exit(1 if failed else 0)
