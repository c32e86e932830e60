#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/screenshots/) from the browser walk of a whole strategy in Finnish
# and English (tests/StrategyFlow.EndToEnd.Tests/Browser/WholeStrategyBrowserTests.cs), which photographs each
# kind of page it checks when STRATEGYFLOW_SCREENSHOTS names a folder.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh

ensure_azurite
ensure_chromium
dotnet build StrategyFlow.sln -c Release -nologo -clp:NoSummary

shots="$(mktemp -d)"
trap 'rm -rf "$shots"' EXIT
STRATEGYFLOW_SCREENSHOTS="$shots" dotnet test tests/StrategyFlow.EndToEnd.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~WholeStrategyBrowserTests"

# walk's name -> README's name
while read -r from to; do
  cp "$shots/$from.png" "docs/screenshots/$to.png"
done <<'NAMES'
mailbox-fi mailbox
form-fi stakeholder-form
receipt-fi answer-receipt
closed-round-fi closed-round
review-fi review-page
review-blocked-fi review-blocked
review-tie-fi review-tie
reader-fi strategy-reader
progress-fi owner-progress
progress-phone-en owner-progress-phone
archived-html-fi strategy-fi
archived-html-en strategy-en
NAMES
echo "Screenshots written to docs/screenshots/."
