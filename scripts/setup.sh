#!/usr/bin/env bash
# Sets up a fresh Debian machine for hybrid-mesh's tests: Debian packages, npm dependencies,
# a build, and the cached real VS Code (code-server) + Chromium used by the end-to-end tests.
# Idempotent: a second run only checks what is there.
#   --no-e2e   skip code-server and Chromium (unit tests only)
set -euo pipefail
cd "$(dirname "$0")/.."

want_e2e=1
[ "${1:-}" = "--no-e2e" ] && want_e2e=0

# openssh: the SSH transport is tested against a real sshd on 127.0.0.1.
# openssl: certificate checks in tests compare with it.
need=()
command -v sshd >/dev/null 2>&1 || [ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh >/dev/null 2>&1 || need+=(openssh-client)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if ((${#need[@]})); then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "[setup] apt: installing ${need[*]}"
  flock /tmp/apt.lock bash -c "$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq ${need[*]} >/dev/null"
fi

echo "[setup] npm ci"
npm ci --no-audit --no-fund --loglevel=error
npm run build

if [ "$want_e2e" = 1 ]; then
  bash scripts/e2e/install.sh >/dev/null
fi
echo "[setup] done"
