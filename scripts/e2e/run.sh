#!/usr/bin/env bash
# End-to-end tests in a real VS Code (code-server 4.100.3 + headless Chromium), against one server:
#   (a) UI checks with playwright (test/e2e/ui/*.ui.mjs): what actually renders;
#   (b) the in-host mocha suite (test/e2e/suite) through the workbench URL payload extensionTestsPath.
# Usage: scripts/e2e/run.sh [devpath|vsix]    (default devpath: payload extensionDevelopmentPath;
#        vsix: package with `npm run package`, install the .vsix into a fresh extensions dir)
# Env: HM_E2E_PARTS=ui,suite (default both)  HM_E2E_GREP=<mocha grep>  HM_CACHE=<install cache>
# Every run gets a fresh dir under .e2e/runs/; it is kept (logs, screenshots) when something fails.
set -euo pipefail
MODE="${1:-${HM_E2E_MODE:-devpath}}"
case "$MODE" in devpath|vsix) ;; *) echo "usage: $0 [devpath|vsix]" >&2; exit 2 ;; esac
PARTS=",${HM_E2E_PARTS:-ui,suite},"
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$REPO"

T_START=$(date +%s); T_PHASE=$T_START; TIMINGS=()
phase() { local now; now=$(date +%s); TIMINGS+=("$1: $((now - T_PHASE)) s"); echo "[e2e] $1: $((now - T_PHASE)) s"; T_PHASE=$now; }
say() { echo "[e2e] $*"; }

# --- prerequisites (cached) -----------------------------------------------------------------------
CS_DIR="$(bash scripts/e2e/install.sh | tail -n 1)"
CS="$CS_DIR/node_modules/.bin/code-server"
phase "install (cached after the first run)"

mkdir -p "$REPO/.e2e/runs"   # runs kept for failures are pruned after a day
find "$REPO/.e2e/runs" -mindepth 1 -maxdepth 1 -mtime +0 -exec rm -rf {} + 2>/dev/null || true
RUN="$REPO/.e2e/runs/$(date +%Y%m%d-%H%M%S)-$MODE-$$"
mkdir -p "$RUN"/{exts,user-data/User,shots}
SOCK_TMP="$(mktemp -d /tmp/hm-e2e.XXXXXX)"   # short: IPC socket paths must stay under 107 chars
: > "$RUN/config.yaml"
cat > "$RUN/user-data/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "security.workspace.trust.enabled": false, "telemetry.telemetryLevel": "off",
  "extensions.autoUpdate": false, "extensions.autoCheckUpdates": false, "git.enabled": false,
  "workbench.tips.enabled": false, "update.mode": "none", "window.restoreWindows": "none" }
JSON
cp -r test/e2e/workspace "$RUN/workspace"    # tests edit files (quick fixes): never the repo's copy
say "run dir: $RUN"

PGID=""; SC_PGID=""; STATUS=1
cleanup() {
  [ -z "$SC_PGID" ] || kill -- "-$SC_PGID" 2>/dev/null || true
  if [ -n "$PGID" ]; then   # the whole group: extension hosts outlive the browser, the LS is their child
    kill -- "-$PGID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 -- "-$PGID" 2>/dev/null || break; sleep 0.1; done
    kill -9 -- "-$PGID" 2>/dev/null || true
  fi
  rm -rf "$SOCK_TMP"
  if [ "$STATUS" != 0 ]; then
    say "FAILED: kept $RUN"
    for f in "$RUN/cs.log" $(find "$RUN/user-data/logs" -name 'remoteexthost.log' 2>/dev/null) \
             $(find "$RUN/user-data/logs" \( -path '*output_logging*' -o -path '*/hybrid-mesh.hybrid-mesh/*' \) -name '*.log' 2>/dev/null | tr ' ' '?') \
             "$RUN"/shots/*-browser-console.log; do
      [ -s "$f" ] || continue
      echo "----- tail ${f#"$RUN"/}"; tail -n 25 "$f"
    done
    echo "----- screenshots: $(ls "$RUN/shots"/*.png 2>/dev/null | tr '\n' ' ')"
  else
    rm -rf "$RUN/user-data" "$RUN/exts" "$RUN/workspace" "$RUN/ext"
    say "screenshots and logs: $RUN/shots"
  fi
  say "timings: $(IFS=';'; echo "${TIMINGS[*]}"); total $(( $(date +%s) - T_START )) s"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build --------------------------------------------------------------------------------------
# devpath: a development build staged in the run dir (a private copy: other builds of dist/ in the
# checkout cannot change it mid-run). HM_E2E_EXT=<folder> loads another extension folder instead.
EXT="${HM_E2E_EXT:-$RUN/ext}"
if [ -z "${HM_E2E_EXT:-}" ]; then   # vsix mode too: the simulator CLI comes from this build
  timeout 300 node scripts/package.mjs --stage "$RUN/ext" > "$RUN/build.log" 2>&1 || { cat "$RUN/build.log"; exit 1; }
  phase "build"
fi
CLI="$RUN/ext/dist/cli.js"; [ -f "$CLI" ] || CLI="$REPO/bin/hybrid-mesh.js"
if [ "$MODE" = vsix ]; then
  timeout 300 node scripts/package.mjs --out "$RUN/hybrid-mesh.vsix" > "$RUN/package.log" 2>&1 || { cat "$RUN/package.log"; exit 1; }
  tail -n 1 "$RUN/package.log"
  timeout 120 "$CS" --config "$RUN/config.yaml" --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/exts" \
    --install-extension "$RUN/hybrid-mesh.vsix" --force > "$RUN/install-vsix.log" 2>&1 \
    || { cat "$RUN/install-vsix.log"; exit 1; }
  phase "package + install vsix"
fi
if [ "$MODE" = devpath ]; then
  for f in dist/client.js dist/server.js; do
    [ -f "$EXT/$f" ] || { say "$EXT/$f is missing: the extension did not build"; exit 1; }
  done
fi

# --- simulated VM sidecars, configured in the run's workspace settings -------------------------------
SIDECARS="$RUN/sidecars.json"
setsid node scripts/e2e/sidecars.mjs --cli "$CLI" --settings "$RUN/workspace/.vscode/settings.json" --out "$SIDECARS" \
  vm-healthy:healthy vm-expiring:cert-expiring vm-hostile:hostile-names vm-down:unreachable > "$RUN/sidecars.log" 2>&1 < /dev/null &
SC_PGID=$!
for _ in $(seq 300); do [ -s "$SIDECARS" ] && break; kill -0 "$SC_PGID" 2>/dev/null || break; sleep 0.1; done
if [ -s "$SIDECARS" ]; then sed 's/^/[e2e]   /' "$RUN/sidecars.log"
else say "no simulated sidecars (proxy tests will skip): $(tail -n 1 "$RUN/sidecars.log")"; SIDECARS=""; fi
phase "sidecars"

# --- server ---------------------------------------------------------------------------------------
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
TMPDIR="$SOCK_TMP" EXTENSIONS_GALLERY='{}' HM_E2E_RESULTS="$RUN/results.json" HM_E2E_SIDECARS="$SIDECARS" HM_E2E_MODE="$MODE" HM_E2E_EXT_PATH="$EXT" HM_E2E_GREP="${HM_E2E_GREP:-}" \
  setsid "$CS" --config "$RUN/config.yaml" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry \
  --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/exts" > "$RUN/cs.log" 2>&1 < /dev/null &
CS_PID=$!
PGID=$CS_PID   # setsid from a non-interactive shell: the server leads its own process group
node -e '
  const [url, ms] = [process.argv[1], 30000]; const t0 = Date.now();
  (async () => { for (;;) { try { if ((await fetch(url)).ok) return; } catch {} 
    if (Date.now() - t0 > ms) { console.error(`no ${url} after ${ms} ms`); process.exit(1); }
    await new Promise((r) => setTimeout(r, 200)); } })();' "http://127.0.0.1:$PORT/healthz" \
  || { say "code-server did not come up"; exit 1; }
phase "server up (port $PORT)"

ARGS=(--port "$PORT" --workspace "$RUN/workspace" --ext "$EXT" --shots "$RUN/shots" --mode "$MODE")
RC=0
if [[ "$PARTS" == *,ui,* ]]; then
  for ui in test/e2e/ui/*.ui.mjs; do
    say "UI: $ui"
    HM_E2E_SIDECARS="$SIDECARS" timeout 240 node "$ui" "${ARGS[@]}" || RC=1
  done
  phase "UI checks"
fi
if [[ "$PARTS" == *,suite,* ]]; then
  say "in-host suite"
  timeout 240 node test/e2e/runInHost.mjs "${ARGS[@]}" || RC=1
  if [ -f "$RUN/results.json" ]; then
    node -e 'const r=require(process.argv[1]); console.log(`[e2e] in-host: ${r.passes.length} passed, ${r.failures.length} failed, ${r.pending.length} skipped`);
      for (const p of r.pending) console.log(`[e2e]   skipped: ${p.title}: ${p.reason}`);
      for (const f of r.failures) console.log(`[e2e]   FAILED: ${f.title}: ${f.error}`);' "$RUN/results.json"
  else
    say "in-host suite wrote no results (did the extension host start?)"; RC=1
  fi
  phase "in-host suite"
fi
STATUS=$RC
exit $RC
