#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a libFuzzer target for a while, seeded with every name of the release corpora.
#   run-fuzz.sh FUZZER SECONDS CORPUS_DIR DICT
set -eu
fuzzer=$1; seconds=$2; corpus_dir=$3; dict=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/seeds"
python3 - "$corpus_dir" "$work/seeds" <<'PY'
import json, os, sys, glob, hashlib
src, out = sys.argv[1], sys.argv[2]
for path in glob.glob(os.path.join(src, "*.jsonl")):
    for line in open(path, encoding="utf-8"):
        if line.strip():
            name = json.loads(line)["name"].encode("utf-8", "surrogatepass")
            open(os.path.join(out, hashlib.sha1(name).hexdigest()), "wb").write(name)
PY
echo "1..1"
if "$fuzzer" -max_total_time="$seconds" -dict="$dict" -max_len=512 -print_final_stats=1 \
     -artifact_prefix="$work/" "$work/seeds" >"$work/log" 2>&1; then
  grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$work/log" | sed 's/^/# /'
  echo "ok 1 - fuzzed for $seconds s without a crash"
else
  tail -40 "$work/log" | sed 's/^/# /'
  for f in "$work"/crash-* "$work"/leak-* "$work"/timeout-*; do
    [ -e "$f" ] && echo "# input: $(od -An -c "$f" | head -5 | tr -s ' ')"
  done
  echo "not ok 1 - the fuzzer found a problem"
  exit 1
fi
