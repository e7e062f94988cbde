#!/usr/bin/env bash
# Report workbooks are verified in a real spreadsheet engine: LibreOffice Calc (headless, with the Python UNO
# bridge for recalculation), poppler for rendering the PDF to PNG, openpyxl for the fill benchmark, and Carlito
# (metric-compatible with Calibri, the templates' font) so pages render as in Excel.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
as_root apt-get install -y -qq --no-install-recommends \
  libreoffice-calc-nogui libreoffice-script-provider-python python3-uno \
  poppler-utils python3-openpyxl fonts-dejavu-core fonts-liberation2 fonts-crosextra-carlito > /dev/null
# The tests call Debian's Python (which has the uno module), not whatever python3 comes first on PATH.
if [ -n "${CI_ENV:-}" ]; then
  echo "export KOSTRA_UNO_PYTHON=/usr/bin/python3" >> "$CI_ENV"
fi
