#!/usr/bin/env bash
# The repository explains itself: no comment or document cites a file or an issue outside it, and every
# repository path a comment or document names exists. Run by scripts/test.sh; prints each offence.
set -euo pipefail
cd "$(dirname "$0")/.."

files() {
  git ls-files --cached --others --exclude-standard -- \
    '*.cs' '*.csproj' '*.props' '*.targets' '*.sh' '*.bicep' '*.json' '*.yaml' '*.md' '.editorconfig' \
    | grep -v -e '^docs/benchmarks/' -e 'package-lock.json' \
    | while read -r f; do [ -f "$f" ] && echo "$f"; done
}

status=0

# Citations of the contract and environment notes that live outside the repository, and of issue numbers.
# Each word is written with a bracket so that this line does not cite them itself, and the script checks itself too.
outside='DESIG[N] §|DESIG[N]\.md|ENVIRONMEN[T]\.md|\.\./share[d]/|share[d]/seed|[Gg]otch[a] [0-9]|\b[Ii]ssu[e] [0-9]+'
if files | xargs grep -nE "$outside" -- 2>/dev/null; then
  echo "Cites something outside the repository (above): point at docs/ or say it in place." >&2
  status=1
fi

# Paths into the repository that a comment or document names must exist.
while IFS=: read -r file line path; do
  [ -e "$path" ] && continue
  [ "${file%.md}" != "$file" ] && [ -e "$(dirname "$file")/$path" ] && continue # a document's relative link
  echo "$file:$line: names $path, which does not exist" >&2
  status=1
done < <(files | xargs grep -noE '(\.\./)*(src|tests|bench|docs|scripts|infra|tools)/[A-Za-z0-9_./-]+\.(cs|csproj|md|sh|bicep|json|props|png)' -- 2>/dev/null \
  | sed -E 's#:(\.\./)+#:#')

exit "$status"
