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

# The Bicep compiler, from NuGet (a download-only project puts it in the NuGet cache).
ensure_bicep() {
  dotnet restore "$repo_root/tools/bicep/bicep.csproj" --verbosity quiet >/dev/null
  local nuget_root="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
  BICEP="$(ls -d "$nuget_root"/azure.bicep.commandline.linux-x64/*/tools/bicep | sort -V | tail -n 1)"
  chmod +x "$BICEP"
  export BICEP
}
