#!/usr/bin/env bash
# Installs the Debian packages the tests drive for real, when they are missing:
#   chromium            – the task pane end-to-end test (playwright-core drives Debian's Chromium)
#   fonts-wqy-microhei  – Chinese glyphs in that browser (boxes without it)
#   libreoffice-calc-nogui – recalculates our native-formula templates headless
# On a machine without apt-get it only says what is missing.
set -euo pipefail

missing=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in chromium fonts-wqy-microhei libreoffice-calc-nogui; do
  have_pkg "$pkg" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: chromium, fonts-wqy-microhei and libreoffice-calc-nogui are installed."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: please install: ${missing[*]} (Debian package names)." >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup-system: installing ${missing[*]} …"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
