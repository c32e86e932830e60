# shellcheck shell=bash
# Installs what StrategyFlow's scripts need, only when missing. Sourced by run.sh, test.sh, bench.sh.
# Everything comes from the project's own files: npm lockfile, Debian packages, NuGet.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Azurite (the storage emulator), pinned by package-lock.json.
ensure_azurite() {
  if [ ! -x "$repo_root/node_modules/.bin/azurite" ]; then
    echo "Installing Azurite (npm ci)..."
    (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then
    echo "Installing Chromium from Debian's packages..."
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
}

# The Bicep compiler, from NuGet (a download-only project puts it in the NuGet cache). Exports
# $BICEP, the binary of exactly the version tools/bicep/bicep.csproj pins.
ensure_bicep() {
  local project="$repo_root/tools/bicep/bicep.csproj" log
  log="$(dotnet restore "$project" --verbosity quiet 2>&1)" || { echo "$log" >&2; return 1; }
  local version
  version="$(grep -o 'Azure.Bicep.CommandLine.linux-x64" Version="\[[^]]*\]' "$project" | grep -o '\[.*\]' | tr -d '[]')"
  BICEP="${NUGET_PACKAGES:-$HOME/.nuget/packages}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
  [ -f "$BICEP" ] || { echo "Bicep $version not found at $BICEP" >&2; return 1; }
  chmod +x "$BICEP"
  export BICEP
}
