#!/usr/bin/env bash
# Installs what the real-VS-Code end-to-end tests need, once, into a cache outside the repo:
#   apt: chromium (headless browser), ripgrep (seeds code-server's offline install), libkrb5-dev (kerberos build)
#   npm: code-server 4.100.3 (pinned: the ripgrep cache file name and the DOM hooks depend on it)
# Idempotent: a marker file is written only after the native modules are checked, so a second run is ~0 s.
# --no-browser: skip Chromium (the demo needs only code-server).
# Prints the directory of the code-server install as its last line (`code-server` binary under bin/).
set -euo pipefail

CS_VERSION=4.100.3
RG_PKG_VERSION=1.15.11            # @vscode/ripgrep version that code-server 4.100.3 pulls in
RG_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
CACHE="${HM_CACHE:-$HOME/.cache/hybrid-mesh}"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
ARCH=$(node -p 'process.arch')
CS_DIR="$CACHE/code-server-$CS_VERSION-node$NODE_MAJOR-$ARCH"
MARKER="$CS_DIR/.installed-$CS_VERSION"

log() { echo "[e2e-install] $*" >&2; }
t0=$(date +%s)

# --- apt packages -----------------------------------------------------------------------------
WANT_BROWSER=1; [ "${1:-}" = "--no-browser" ] && WANT_BROWSER=0
need_apt=()
[ "$WANT_BROWSER" = 0 ] || command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if ((${#need_apt[@]})); then
  log "apt: installing ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  # one apt at a time on a shared machine; update once per install
  flock /tmp/apt.lock bash -c "$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq ${need_apt[*]} >/dev/null"
  log "apt: done in $(( $(date +%s) - t0 )) s"
fi
t1=$(date +%s)

# --- code-server ------------------------------------------------------------------------------
if [ "$NODE_MAJOR" != 20 ]; then
  log "code-server $CS_VERSION needs Node 20 (found $(node -v)); its native modules will not build"
  exit 1
fi
pty_ok() { compgen -G "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node" >/dev/null \
        || compgen -G "$CS_DIR/node_modules/node-pty/build/Release/pty.node" >/dev/null; }
if [ -f "$MARKER" ] && [ -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  log "code-server $CS_VERSION: cached in $CS_DIR"
else
  log "code-server $CS_VERSION: installing into $CS_DIR (minutes: native modules are built)"
  mkdir -p "$CS_DIR"
  # Its @vscode/ripgrep postinstall downloads from GitHub; pre-seed its cache with the distro's rg.
  RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
  if [ ! -f "$RG_CACHE/$RG_TARBALL" ]; then
    mkdir -p "$RG_CACHE"; W=$(mktemp -d); cp "$(command -v rg)" "$W/rg"
    tar -C "$W" -czf "$RG_CACHE/$RG_TARBALL" rg; rm -rf "$W"
  fi
  [ -f "$CS_DIR/package.json" ] || echo '{"name":"hm-code-server-cache","private":true}' > "$CS_DIR/package.json"
  ( cd "$CS_DIR" && npm_config_yes=true npm_config_unsafe_perm=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >&2 )
  if ! pty_ok; then
    log "code-server install incomplete: node-pty's pty.node was not built (were install scripts skipped?)"
    exit 1
  fi
  date -u +%FT%TZ > "$MARKER"
  log "code-server: installed in $(( $(date +%s) - t1 )) s"
fi

# --- harness: playwright-core comes from the repo's devDependencies ----------------------------
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
if ! [ -d "$REPO/node_modules/playwright-core" ]; then
  log "playwright-core missing from $REPO/node_modules: run npm ci first"; exit 1
fi
log "install total: $(( $(date +%s) - t0 )) s"
echo "$CS_DIR"
