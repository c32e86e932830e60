#!/usr/bin/env bash
# Load benchmark of the local host (method and results in docs/benchmarks.md).
#   scripts/bench.sh [--strategies N] [--stakeholders K] [--backend azurite|memory|both] [--partitions P]
#                    [--idle-seconds S] [--timeout-minutes M] [--host-processors C] [--direct-storage] [--azurite-in-memory] [--azurite-one-process]
#                    [--versus Section:Key=Value | --versus-azurite-processes | --baseline-host DLL | --floor]
#                    [--arrival-rate R --duration M | --find-rate R1,R2,... --duration M] [--think-time S] [--seed N]
#                    [--kill-after S]
# Builds Release, then the bench starts its own Azurite (temporary folder, free ports, no telemetry),
# a counting storage proxy and the local host (own data folder, free port), drives N strategies through
# all four stages by HTTP, prints a table, a per-minute series and the targets met or missed, writes JSON
# under docs/benchmarks/, and kills what it started by process id. Defaults: N=10, K=3, azurite, P=1.
# --floor: StrategyFlow, then the bare Durable human-interaction pattern at the same N and K, side by side.
# --arrival-rate R --duration M: open loop, one strategy every 60/R s for M minutes (instead of N at once).
# --think-time S: each person waits an exponential time of mean S s (seeded) before acting.
# --find-rate R1,R2,...: open loop at each rate in turn, stopping after the first that is not steady.
# --kill-after S: kill -9 of the host S s into the run, restart on the same data, report the resume.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh

case "${1:-}" in
  -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

ensure_azurite
mkdir -p .artifacts
echo "Building (Release)..."
if ! dotnet build bench/StrategyFlow.Bench -c Release -nologo > .artifacts/bench-build.log 2>&1; then
  grep -E 'error' .artifacts/bench-build.log >&2 || cat .artifacts/bench-build.log >&2
  exit 1
fi
exec dotnet bench/StrategyFlow.Bench/bin/Release/net10.0/StrategyFlow.Bench.dll --out docs/benchmarks "$@"
