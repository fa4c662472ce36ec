#!/bin/sh
# Writes src/assets/fonts/source-sans-3-figure-400.woff2: the figure font (Source Sans 3 regular, OFL-1.1,
# from @fontsource/source-sans-3's Latin subset) cut down to the characters of FIGURE_CHARS
# (src/scripts/build-text-metrics.ts) with no hinting and no layout features (no kerning, so the
# browser sets exactly the advance widths text-metrics.ts adds up). About 5.6 KiB instead of 15.3 KiB.
# Needs fontTools with brotli (pip install fonttools brotli); run by hand when FIGURE_CHARS changes,
# and commit the result. Subsetting keeps each glyph's advance width unchanged.
set -e
cd "$(dirname "$0")/../.."
pyftsubset node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2 \
  --unicodes="U+0020-007E,U+2013-2014,U+2018-2019,U+201C-201D,U+2026" \
  --layout-features='' --no-hinting --desubroutinize --flavor=woff2 \
  --output-file=src/assets/fonts/source-sans-3-figure-400.woff2
cp node_modules/@fontsource/source-sans-3/LICENSE src/assets/fonts/source-sans-3-OFL.txt
