#!/usr/bin/env bash
# Renders each kind of notebook output to docs/images/*.png: the ScreenshotPages test writes one HTML page per kind
# (formatted through Microsoft.DotNet.Interactive.Formatting, plotly.js embedded), headless Chromium screenshots them.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
pages="$(mktemp -d)"
NNN_PAGES_DIR="$pages" dotnet test "$root/tests/NotebookNN.Tests" -c Release -m:1 --filter "FullyQualifiedName~ScreenshotPages" >/dev/null
declare -A size=([summary]=720,330 [tensor]=1000,560 [history]=900,420 [images]=760,420 [progress]=760,200 [heatmap]=520,300)
for name in "${!size[@]}"; do
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$(mktemp -d)" --virtual-time-budget=5000 \
    --screenshot="$root/docs/images/$name.png" --window-size="${size[$name]}" "file://$pages/$name.html" 2>/dev/null
done
echo "pages in $pages"
