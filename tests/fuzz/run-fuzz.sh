#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a libFuzzer target for a while on a fresh corpus (never written back into the
# source tree); any crash, leak or timeout fails. Seeds are a folder of files (the
# provider fixtures), or a folder of *.jsonl corpora whose "name" fields are used.
#   run-fuzz.sh FUZZER SECONDS SEEDS_DIR [DICT]
set -eu
fuzzer=$1; seconds=$2; seeds=$3; dict=${4:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/ssv-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/seeds"
# A crashing input is kept in the build folder, to reproduce.
artifacts=${SSV_FUZZ_ARTIFACTS:-$(pwd)}/$(basename "$fuzzer")-

if ls "$seeds"/*.jsonl >/dev/null 2>&1; then
  python3 - "$seeds" "$work/seeds" <<'PY'
import glob, hashlib, json, os, sys
src, out = sys.argv[1], sys.argv[2]
for path in glob.glob(os.path.join(src, "*.jsonl")):
    for line in open(path, encoding="utf-8"):
        if line.strip():
            name = json.loads(line)["name"].encode("utf-8", "surrogatepass")
            open(os.path.join(out, hashlib.sha1(name).hexdigest()), "wb").write(name)
PY
else
  cp -r "$seeds"/. "$work/seeds/"
fi

set -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$artifacts"
[ -n "$dict" ] && set -- "$@" -dict="$dict"

echo "1..1"
if "$fuzzer" "$@" "$work/corpus" "$work/seeds" >"$work/log" 2>&1; then
  grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$work/log" | sed 's/^/# /'
  echo "ok 1 - $(basename "$fuzzer") ran $seconds s without a crash"
else
  tail -40 "$work/log" | sed 's/^/# /'
  echo "# crashing inputs: ${artifacts}*"
  echo "not ok 1 - $(basename "$fuzzer") found a problem"
  exit 1
fi
