#!/usr/bin/env bash
# Builds StrategyFlow and runs every test project; ends with one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh

[ -f package-lock.json ] && ensure_azurite
[ -d tests/StrategyFlow.EndToEnd.Tests ] && ensure_chromium
[ -f tools/bicep/bicep.csproj ] && ensure_bicep

dotnet build StrategyFlow.sln -c Release -nologo -clp:NoSummary

results=".artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

status=0
for project in tests/*.Tests/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

# Sum the counters of every TRX file: a project that wrote none counts as a failure.
passed=0 failed=0 skipped=0
for project in tests/*.Tests/*.csproj; do
  name="$(basename "$project" .csproj)"
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "No results from $name" >&2
    failed=$((failed + 1))
    continue
  fi
  counters="$(grep -o '<Counters [^>]*>' "$trx")"
  count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + $(count notExecuted)))
done

# The repository explains itself: no citation of anything outside it, no path that does not exist.
echo "== references"
if bash scripts/check-references.sh; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

[ "$failed" -gt 0 ] && status=1
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
