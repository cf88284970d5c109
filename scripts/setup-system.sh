#!/usr/bin/env bash
# Installs the Debian packages the tests drive for real, when they are missing:
#   chromium            – the task pane end-to-end test (playwright-core drives Debian's Chromium)
#   fonts-wqy-microhei  – Chinese glyphs in that browser (boxes without it)
#   libreoffice-calc-nogui – recalculates our native-formula templates headless
#   libreoffice-writer-nogui – opens the generated 自评报告 .docx (converted to PDF in the report test)
# On a machine without apt-get it only says what is missing.
set -euo pipefail

missing=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in chromium fonts-wqy-microhei libreoffice-calc-nogui libreoffice-writer-nogui; do
  have_pkg "$pkg" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: chromium, fonts-wqy-microhei, libreoffice-calc-nogui and libreoffice-writer-nogui are installed."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: please install: ${missing[*]} (Debian package names)." >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
# Another apt (unattended-upgrades, a second terminal) may hold the dpkg or lists lock: wait for it
# (up to 10 minutes) instead of failing. DPkg::Lock::Timeout covers the dpkg lock; `apt-get update`
# on older apt does not wait for the lists lock, so it is retried while the lock is the reason.
LOCK_WAIT=600
POLL="${SETUP_SYSTEM_LOCK_POLL:-5}" # seconds between tries (tests use less)
APT=(apt-get -o "DPkg::Lock::Timeout=${LOCK_WAIT}" -o "Acquire::Retries=3")
apt_update() {
  local waited=0 out
  while true; do
    if out=$($SUDO "${APT[@]}" update -qq 2>&1); then return 0; fi
    if ! grep -qi "lock" <<<"$out" || [ "$waited" -ge "$LOCK_WAIT" ]; then
      echo "$out" >&2
      return 1
    fi
    [ "$waited" -eq 0 ] && echo "setup-system: another apt is running; waiting for it to finish …"
    sleep "$POLL"
    waited=$((waited + ${POLL%.*} + 1))
  done
}
echo "setup-system: installing ${missing[*]} …"
apt_update
$SUDO env DEBIAN_FRONTEND=noninteractive "${APT[@]}" install -y -qq "${missing[@]}"
