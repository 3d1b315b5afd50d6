#!/usr/bin/env bash
# Builds the libFuzzer targets (the clang ASan+UBSan build of scripts/sanitize.sh, shared
# with the sanitizer doctest run) and runs each for SECONDS seconds (default 20) on a seed
# corpus from data/. Usage: bash scripts/fuzz.sh [SECONDS]
# Ten minutes each: bash scripts/fuzz.sh 600
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
export BUILD=${BUILD:-build/sanitize}
bash scripts/sanitize.sh >/dev/null
bin=$BUILD/lambdasim/tests/fuzz
build=$BUILD/fuzz
corpus=$build/corpus
seed() {  # seed <target> <files...>
  mkdir -p "$corpus/$1"
  shift_target=$1; shift
  for f in "$@"; do cp "$f" "$corpus/$shift_target/"; done
}
rm -rf "$corpus"
seed profile_json tests/fuzz/seeds/profile.json
seed platform_json models/aws-lambda.json models/aws-lambda-2020.json
seed price_json models/prices-aws-lambda.json
seed powertuning_json data/powertuning/*.json
seed report_lines data/report_logs/report_log_lines.txt
seed csv data/lin_khazaei_2020/summary_by_function_memory.csv tests/fuzz/seeds/app6_head.csv
mkdir -p "$corpus/visualization"
python3 - "$corpus/visualization" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
runs = json.load(open("data/powertuning/unfaasener_runs.json"))
runs += json.load(open("data/powertuning/powertuning_misc_outputs_decoded.json"))
for i, r in enumerate(runs):
    (out / f"viz{i}").write_text(r["output"]["stateMachine"]["visualization"])
PY
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in profile_json platform_json price_json powertuning_json visualization report_lines csv; do
  mkdir -p "$build/crashes/$t"
  log=$build/fuzz_$t.log
  if ! "$bin/fuzz_$t" -max_total_time="$secs" -max_len=65536 -timeout=10 \
        -artifact_prefix="$build/crashes/$t/" "$corpus/$t" >"$log" 2>&1; then
    echo "fuzz_$t: FAILED (see $log and $build/crashes/$t/)"; tail -30 "$log"; exit 1
  fi
  echo "fuzz_$t: $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)"
done
