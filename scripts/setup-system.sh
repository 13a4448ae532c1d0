#!/usr/bin/env bash
# Installs the Debian packages Bekal needs, when run as root on Debian and they are missing.
#   scripts/setup-system.sh site   -> Pango and a font for the PDF handouts
#   scripts/setup-system.sh test   -> the above plus Chromium (browser tests) and Java (HTML checker)
set -euo pipefail
want="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
if [ "${1:-site}" = "test" ]; then
  want="$want chromium default-jre-headless"
fi
missing=""
for pkg in $want; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "Please install these system packages first:$missing" >&2
  exit 1
fi
echo "Installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
