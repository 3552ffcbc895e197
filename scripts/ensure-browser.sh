#!/usr/bin/env bash
# The end-to-end specs need Debian's Chromium and a font with the rupee sign (₹). Installs what is
# missing when it can (root, or sudo without a password); otherwise says in one line what to run.
# Used by `npm test` and by CI. CHROMIUM_PATH names another Chromium and skips the check.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] && exit 0
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2; exit 1
fi
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-core >/dev/null 2>&1 || missing+=(fonts-noto-core)
if [ ${#missing[@]} -eq 0 ]; then
  echo "chromium and fonts already installed"
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "The end-to-end specs need: sudo apt-get install ${missing[*]}   (or set CHROMIUM_PATH)" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "The end-to-end specs need Chromium and the Noto fonts; install them, or set CHROMIUM_PATH" >&2
  exit 1
fi
echo "installing: ${missing[*]}"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
