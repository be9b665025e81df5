#!/usr/bin/env bash
# Renders the exports to PNG pages with LibreOffice so a person can look at them.
#   scripts/render-exports.sh [outdir]                 sample data
#   scripts/render-exports.sh [outdir] --db F --year Y  every export of that year of a database (e.g. after
#                                                       `npm run cli -- demo --db F`: the example year)
# Output: <outdir>/<name>.pdf and <outdir>/<name>-<page>.png (60 dpi). Needs soffice and pdftoppm.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-.tmp/render}"; shift || true
mkdir -p "$OUT"
npx tsx scripts/render-exports-build.ts "$OUT" "$@"
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
export FONTCONFIG_FILE="${FONTCONFIG_FILE:-$(pwd)/test/fixtures/fonts/fonts.conf}"
shopt -s nullglob
files=("$OUT"/*.docx "$OUT"/*.xlsx)
# One LibreOffice run for all the files (starting it once per file costs seconds each).
soffice -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf --outdir "$OUT" "${files[@]}" >/dev/null 2>&1
for f in "${files[@]}"; do
  base="${f%.*}"
  rm -f "$base"-*.png
  pdftoppm -r 60 -png "$base.pdf" "$base"
  echo "$(basename "$f") → $(ls "$base"-*.png | wc -l) 页"
done
