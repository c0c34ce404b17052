#!/usr/bin/env bash
# Instruction counts of Predict at batch 32, old build against new, under callgrind (deterministic; bench/README.md,
# "infer-b32"). Usage: bench/predict-callgrind/run.sh OLD_BENCH_DIR NEW_BENCH_DIR [rows warmups measured] [old-defines]
#   OLD_BENCH_DIR / NEW_BENCH_DIR: bench/NotebookNN.Bench/bin/Release/net10.0 of each commit (built with dotnet build -c Release)
#   old-defines: OLD for a build from before the namespaces followed the folders (c5c56cd)
# Environment passed on to the runs, e.g. DOTNET_PROCESSOR_COUNT=1 (no parallel lanes) or DOTNET_TieredCompilation=0.
# Needs valgrind, gcc and /usr/include/valgrind (Debian's valgrind package).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
old=$(cd "$1" && pwd); new=$(cd "$2" && pwd)
rows=${3:-640}; warm=${4:-15}; reps=${5:-4}; olddefs=${6:-}
work=$(mktemp -d)
gcc -O2 -shared -fPIC -o "$work/libcgctl.so" "$here/cgctl.c"
for v in old new; do
  dir=$([ $v = old ] && echo "$old" || echo "$new")
  mkdir -p "$work/$v"; cp "$here/Program.cs" "$here/Driver.csproj" "$work/$v/"
  defs=$([ $v = old ] && echo "$olddefs" || true)
  dotnet build -c Release -v q "$work/$v" -p:NotebookNNDir="$dir" ${defs:+-p:DefineConstants=$defs} >/dev/null
  cp "$work/libcgctl.so" "$work/$v/bin/Release/net10.0/"
done
for v in old new; do
  (DOTNET_PerfMapEnabled=1 valgrind --tool=callgrind --dump-instr=yes --callgrind-out-file="$work/$v.%p.out" \
     dotnet "$work/$v/bin/Release/net10.0/Driver.dll" "$rows" "$warm" "$reps" > "$work/$v.log" 2>&1) &
done
wait
args=()
for v in old new; do
  out=$(ls "$work"/$v.*.out.1); pid=${out%.out.1}; pid=${pid##*.}
  echo "== $v: $(grep '^summary' "$out")"
  python3 "$here/cgmap.py" "$out" "/tmp/perf-$pid.map" 25
  args+=("$out" "/tmp/perf-$pid.map")
done
echo "== new against old, by function"
python3 "$here/cgmap.py" "${args[@]}" 40
echo "files in $work"
