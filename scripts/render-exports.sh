#!/usr/bin/env bash
# Renders the exports to PNG pages with LibreOffice so a person can look at them.
#   scripts/render-exports.sh [outdir]                 sample data
#   scripts/render-exports.sh [outdir] --db F --year Y  the plan of a database (e.g. after `npm run cli -- demo --db F`)
# Output: <outdir>/<name>.pdf and <outdir>/<name>-<page>.png (60 dpi). Needs soffice and pdftoppm.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-.tmp/render}"; shift || true
mkdir -p "$OUT"
npx tsx scripts/render-exports-build.ts "$OUT" "$@"
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
export FONTCONFIG_FILE="${FONTCONFIG_FILE:-$(pwd)/test/fixtures/fonts/fonts.conf}"
for f in "$OUT"/*.docx "$OUT"/*.xlsx; do
  [ -e "$f" ] || continue
  soffice -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf --outdir "$OUT" "$f" >/dev/null 2>&1
  base="${f%.*}"
  rm -f "$base"-*.png
  pdftoppm -r 60 -png "$base.pdf" "$base"
  echo "$(basename "$f") → $(ls "$base"-*.png | wc -l) 页"
done
