#!/usr/bin/env bash
# `npm run demo`: a real editor on a copy of examples/ plus demo/try-me.yaml (opened first: a few
# mistakes the editor flags), with two simulated VM sidecars configured in its workspace settings
# (hybridMesh.proxies): shopping-cart-vm-1 healthy, shopping-cart-vm-2 `degraded` (workload
# certificate expiring in 2 hours and unhealthy / outlier-ejected endpoints). Desktop VS Code
# (`code`) when installed, otherwise code-server (installed once into ~/.cache/hybrid-mesh) on a
# local URL. Ctrl-C stops everything this script started.
# Options: --check  (code-server only: load the workbench in headless Chromium, screenshots, exit)
# Env: HM_DEMO_EDITOR=code|code-server (force one)  HM_DEMO_PORT=N (code-server port)
#      HM_DEMO_SCENARIO=NAME (second VM's simulator scenario, default degraded)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
CHECK=0; [ "${1:-}" = "--check" ] && CHECK=1
T0=$(date +%s)
DEMO="$REPO/.e2e/demo"
say() { echo "[demo] $*"; }

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -- "-$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do   # each started with setsid: its pid is its process group
    for _ in $(seq 50); do kill -0 -- "-$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 -- "-$p" 2>/dev/null || true
  done
  rm -rf "${SOCK_TMP:-}"
}
trap cleanup EXIT
trap 'echo; say "stopping"; exit 0' INT TERM

say "building"
npm run --silent build
rm -rf "$DEMO"; mkdir -p "$DEMO"
# A copy of examples/ (the demo may edit files; the repo's examples stay clean) plus demo/'s files.
cp -r examples "$DEMO/workspace"
cp -r demo/. "$DEMO/workspace/"
FIRST_FILE="$DEMO/workspace/try-me.yaml"
if [ "$CHECK" = 1 ]; then
  # try-me.yaml's mistakes give their diagnostics, and only there: the example files stay clean.
  LINT="$(node bin/hybrid-mesh.js lint "$DEMO/workspace" 2>&1 || true)"
  OUTSIDE="$(grep -E '^[^ ]+:[0-9]+:[0-9]+: ' <<<"$LINT" | grep -v '/try-me\.yaml:' || true)"
  if [ -n "$OUTSIDE" ]; then say "lint: findings outside try-me.yaml:"; echo "$OUTSIDE" >&2; exit 1; fi
  for c in HM2006 IST0106 HM3001 HM4001 IST0101; do
    if grep -q " $c " <<<"$LINT"; then say "lint: try-me.yaml gives $c"
    else say "lint: try-me.yaml should give $c:"; echo "$LINT" >&2; exit 1; fi
  done
fi

# Two simulated VM sidecars, written into the copy's .vscode/settings.json (hybridMesh.proxies).
setsid node scripts/e2e/sidecars.mjs --settings "$DEMO/workspace/.vscode/settings.json" --out "$DEMO/sidecars.json" \
  shopping-cart-vm-1:healthy:shop "shopping-cart-vm-2:${HM_DEMO_SCENARIO:-degraded}:shop" > "$DEMO/sidecars.log" 2>&1 < /dev/null &
PIDS+=($!)
for _ in $(seq 300); do [ -s "$DEMO/sidecars.json" ] && break; kill -0 "${PIDS[0]}" 2>/dev/null || break; sleep 0.1; done
if [ ! -s "$DEMO/sidecars.json" ]; then
  say "could not start the simulated VM sidecars:"; cat "$DEMO/sidecars.log" >&2; exit 1
fi
sed 's/^/[demo] /' "$DEMO/sidecars.log"

EDITOR_KIND="${HM_DEMO_EDITOR:-}"
if [ -z "$EDITOR_KIND" ]; then
  if command -v code >/dev/null 2>&1 && [ "$CHECK" = 0 ]; then EDITOR_KIND=code; else EDITOR_KIND=code-server; fi
fi

if [ "$EDITOR_KIND" = code ]; then
  say "opening VS Code with the extension from $REPO"
  code --new-window --extensionDevelopmentPath="$REPO" "$DEMO/workspace" "$FIRST_FILE"
else
  if ! compgen -G "${HM_CACHE:-$HOME/.cache/hybrid-mesh}/code-server-*/.installed-*" >/dev/null; then
    say "the demo runs VS Code in the browser (code-server); it is not installed yet, so this first run"
    say "installs it into ${HM_CACHE:-$HOME/.cache/hybrid-mesh} (once; 2-3 minutes while its native modules"
    say "compile). Later runs start in seconds. With desktop VS Code ('code' on PATH) no install is needed."
  fi
  CS_DIR="$(bash scripts/e2e/install.sh $([ "$CHECK" = 1 ] || echo --no-browser) | tail -n 1)"
  [ -x "$CS_DIR/node_modules/.bin/code-server" ] || { say "code-server install failed (see above); or install desktop VS Code ('code')"; exit 1; }
  CS="$CS_DIR/node_modules/.bin/code-server"
  mkdir -p "$DEMO/exts" "$DEMO/user-data/User"; : > "$DEMO/config.yaml"
  # A fresh extensions dir holding a link to this checkout loads the extension (no install step).
  ln -s "$REPO" "$DEMO/exts/$(node -p 'const p=require("./package.json"); `${p.publisher}.${p.name}-${p.version}`')"
  echo '{"workbench.startupEditor":"none","security.workspace.trust.enabled":false,"telemetry.telemetryLevel":"off","extensions.autoCheckUpdates":false,"git.enabled":false}' \
    > "$DEMO/user-data/User/settings.json"
  PORT="${HM_DEMO_PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}"
  SOCK_TMP="$(mktemp -d /tmp/hm-demo.XXXXXX)"
  TMPDIR="$SOCK_TMP" EXTENSIONS_GALLERY='{}' setsid "$CS" --config "$DEMO/config.yaml" --bind-addr "127.0.0.1:$PORT" \
    --auth none --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
    --user-data-dir "$DEMO/user-data" --extensions-dir "$DEMO/exts" > "$DEMO/code-server.log" 2>&1 < /dev/null &
  PIDS+=($!)
  node -e 'const u=process.argv[1],t0=Date.now();(async()=>{for(;;){try{if((await fetch(u)).ok)return}catch{}
    if(Date.now()-t0>30000){console.error("[demo] code-server did not answer "+u);process.exit(1)}
    await new Promise(r=>setTimeout(r,200))}})()' "http://127.0.0.1:$PORT/healthz"
  # folder plus try-me.yaml opened in the editor (workbench payload)
  URL="$(node -p 'const [port, ws, file] = process.argv.slice(1);
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify([["openFile", `vscode-remote://127.0.0.1:${port}${file}`]]))}`' \
    "$PORT" "$DEMO/workspace" "$FIRST_FILE")"
  say "code-server up after $(( $(date +%s) - T0 )) s"
  if [ "$CHECK" = 1 ]; then
    node scripts/demo-check.mjs "$URL" "$DEMO/demo.png" shopping-cart-vm-2 shopping-cart-vm-1
    say "demo start to checked workbench: $(( $(date +%s) - T0 )) s"
    if grep -rqs "_doActivateExtension hybrid-mesh.hybrid-mesh" "$DEMO/user-data/logs"; then
      say "the extension activated in code-server"; exit 0
    fi
    say "the extension did not activate (logs: $DEMO/user-data/logs)"; exit 1
  fi
  say "open this in a browser on this machine:"
  echo
  echo "    $URL"
  echo
fi
say "the sidecars keep running until you press Ctrl-C (logs in $DEMO)"
while :; do sleep 3600 & wait $!; done
