#!/usr/bin/env bash
# Runs StrategyFlow on this machine: Azurite (storage) and the local host (workflow, API, mailbox).
#   scripts/run.sh          start, print the URLs and the ops key, run until Ctrl-C
#   scripts/run.sh --demo   also start a sample Finnish strategy (scripts/demo-strategy.json)
# Environment: STRATEGYFLOW_URL (http://127.0.0.1:7071), STRATEGYFLOW_OPS_KEY (local-dev-key),
# STRATEGYFLOW_DATA (<repo>/.data), STRATEGYFLOW_STORAGE (UseDevelopmentStorage=true: Azurite on 10000-10002).
# Unfinished strategies live in Azurite under the data folder: running again resumes them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh

demo=false
for argument in "$@"; do
  case "$argument" in
    --demo) demo=true ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $argument (try --help)" >&2; exit 2 ;;
  esac
done

export STRATEGYFLOW_URL="${STRATEGYFLOW_URL:-http://127.0.0.1:7071}"
export STRATEGYFLOW_DATA="${STRATEGYFLOW_DATA:-$PWD/.data}"
export STRATEGYFLOW_STORAGE="${STRATEGYFLOW_STORAGE:-UseDevelopmentStorage=true}"
ops_key="${STRATEGYFLOW_OPS_KEY:-local-dev-key}"
export STRATEGYFLOW_OPS_KEY="$ops_key"
mkdir -p "$STRATEGYFLOW_DATA"

ensure_azurite
echo "Building the local host..."
if ! dotnet build src/StrategyFlow.LocalHost -c Release -nologo > "$STRATEGYFLOW_DATA/build.log" 2>&1; then
  grep -E 'error|Error' "$STRATEGYFLOW_DATA/build.log" >&2 || cat "$STRATEGYFLOW_DATA/build.log" >&2
  exit 1
fi

azurite_pid="" host_pid=""
# SIGTERM, then SIGKILL if it has not exited after the given seconds.
stop_process() {
  local pid="$1" name="$2" seconds="$3"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  echo "Stopping $name..."
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + seconds))
  while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$name did not stop within $seconds s; killing it." >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
stop() {
  trap - INT TERM EXIT
  stop_process "$host_pid" "the local host" 30   # releases its partition leases in about a second
  stop_process "$azurite_pid" "Azurite" 30       # writes its data to disk on the way out
}
trap stop EXIT
trap 'exit 130' INT TERM

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Wait until a command succeeds, or fail after a deadline (seconds).
wait_until() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

if [ "$STRATEGYFLOW_STORAGE" = "UseDevelopmentStorage=true" ]; then
  if listening 10000 && listening 10001 && listening 10002; then
    echo "Using the Azurite already listening on 127.0.0.1:10000-10002."
  else
    mkdir -p "$STRATEGYFLOW_DATA/azurite"
    # Its own session: Ctrl-C reaches the host only, and Azurite is stopped after the host let go of it.
    # scripts/azurite-queue-fix.cjs: without it every queue request slows down as durable timers pile up;
    # scripts/azurite-table-index.cjs: without it every history load reads the whole history table.
    NODE_OPTIONS="--require \"$PWD/scripts/azurite-queue-fix.cjs\" --require \"$PWD/scripts/azurite-table-index.cjs\"" setsid node_modules/.bin/azurite --silent --location "$STRATEGYFLOW_DATA/azurite" --skipApiVersionCheck --loose --disableTelemetry \
      > "$STRATEGYFLOW_DATA/azurite.log" 2>&1 &
    azurite_pid=$!
    all_listening() { listening 10000 && listening 10001 && listening 10002; }
    wait_until 60 all_listening || { echo "Azurite did not start; see $STRATEGYFLOW_DATA/azurite.log" >&2; exit 1; }
  fi
fi

dotnet src/StrategyFlow.LocalHost/bin/Release/net10.0/StrategyFlow.LocalHost.dll &
host_pid=$!
healthy() {
  kill -0 "$host_pid" 2>/dev/null || { echo "The local host exited." >&2; exit 1; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$STRATEGYFLOW_URL/api/health")" = "200" ]
}
wait_until 90 healthy || { echo "The local host did not become healthy within 90 s." >&2; exit 1; }

cat <<EOT

StrategyFlow is running.
  API       $STRATEGYFLOW_URL/api          (health: $STRATEGYFLOW_URL/api/health)
  Mailbox   $STRATEGYFLOW_URL/dev/mailbox  (every email sent lands here)
  Ops key   $ops_key                       (header x-functions-key)
  Data      $STRATEGYFLOW_DATA
Press Ctrl-C to stop.

EOT

if $demo; then
  echo "Starting the demo strategy (scripts/demo-strategy.json)..."
  status=$(curl -s -o "$STRATEGYFLOW_DATA/demo-response.json" -w '%{http_code}' -X POST "$STRATEGYFLOW_URL/api/strategies" \
    -H "x-functions-key: $ops_key" -H 'Content-Type: application/json' --data-binary @scripts/demo-strategy.json)
  case "$status" in
    2??) echo "Demo strategy started ($status): open $STRATEGYFLOW_URL/dev/mailbox and follow the links." ;;
    409) echo "Demo strategy already exists: open $STRATEGYFLOW_URL/dev/mailbox." ;;
    *) echo "Starting the demo strategy answered $status:"; cat "$STRATEGYFLOW_DATA/demo-response.json"; echo ;;
  esac
fi

wait "$host_pid"
