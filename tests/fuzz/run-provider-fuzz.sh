#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A metadata provider's libFuzzer target for a while: a fresh corpus seeded from the fixtures (never
# written back into the source tree), a time budget, and any crash is a failure.
set -eu
target=$1
seeds=$2
seconds=${3:-20}
# A crashing input is kept where the run started (the build folder), to reproduce.
artifacts=${SSV_FUZZ_ARTIFACTS:-$(pwd)}
corpus=$(mktemp -d "${TMPDIR:-/tmp}/ssv-fuzz-XXXXXX")
trap 'rm -rf "$corpus"' EXIT
"$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$artifacts/$(basename "$target")-" "$corpus" "$seeds"
