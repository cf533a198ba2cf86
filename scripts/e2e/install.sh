#!/usr/bin/env bash
# Installs what the real-editor tests (npm run test:vscode, npm run test:ui) need on a fresh
# Linux CI machine of this project's kind (Debian, Node 20, npm 11, root, only the npm registry
# and Debian's packages reachable). Idempotent: a second run only checks and takes seconds.
#
#   1. Debian packages: chromium (the browser playwright-core drives), ripgrep (its rg replaces the
#      binary @vscode/ripgrep would download from GitHub), the toolchain + headers that
#      code-server's native modules build with (build-essential pkg-config python3 libkrb5-dev),
#      a small CJK font (fonts-wqy-microhei) and an emoji font (fonts-noto-color-emoji, the hovers'
#      ❌/✅) for readable screenshots, and libreoffice-calc-nogui (soffice, for the wide CSV's round
#      trip through LibreOffice).
#   2. code-server@4.100.3 (VS Code 1.100.3 for the browser, on Node 20) into its OWN folder,
#      $GOVREPORT_E2E_CACHE (default ~/.cache/govreport-e2e/code-server), never into the project.
#   3. The project's own devDependencies (mocha, playwright-core, @vscode/test-electron, @vscode/vsce)
#      if node_modules lacks them.
#
# Facts behind the workarounds: /work/shared/REAL-VSCODE.md and docs/e2e.md.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# @vscode/ripgrep as pinned by code-server 4.100.3's lib/vscode: it looks for this tarball in
# $TMPDIR/vscode-ripgrep-cache-<its version>/ before trying to download it from GitHub.
RIPGREP_PKG_VERSION=1.15.11
RIPGREP_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

CS_DIR="${GOVREPORT_E2E_CACHE:-$HOME/.cache/govreport-e2e/code-server}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STAMP="$CS_DIR/.govreport-e2e-installed"

log() { printf '[e2e-install] %s\n' "$*"; }
die() { printf '[e2e-install] ERROR: %s\n' "$*" >&2; exit 1; }
t0=$(date +%s)

# ---------------------------------------------------------------- 1. Debian packages
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
{ command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1; } \
  || dpkg -s build-essential >/dev/null 2>&1 || need_apt+=(build-essential)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
# A CJK font, or the reports' Chinese text shows as boxes in the UI pass's screenshots (5 MB).
{ command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -1)" ]; } \
  || dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need_apt+=(fonts-wqy-microhei)
# A colour emoji font: the hovers mark identities ❌ / ✅, boxes without one (10 MB).
{ command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :charset=274c 2>/dev/null | head -1)" ]; } \
  || dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || need_apt+=(fonts-noto-color-emoji)
# LibreOffice's spreadsheet without its GUI, for the wide CSV's round trip (scripts/e2e/libreoffice.mjs;
# 57 packages, 90 MB to download, 276 MB installed: about a minute here).
{ command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; } \
  || dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || need_apt+=(libreoffice-calc-nogui)
if ((${#need_apt[@]})); then
  log "apt-get install ${need_apt[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then command -v sudo >/dev/null || die "need root or sudo for apt-get"; SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
else
  log "Debian packages present"
fi

# ---------------------------------------------------------------- 2. code-server
CS_PKG="$CS_DIR/node_modules/code-server"
VSC="$CS_PKG/lib/vscode"

# Native modules and links code-server's postinstall produces. If any is missing the install is
# incomplete (e.g. npm skipped install scripts).
cs_problems() {
  local p=()
  [ -f "$CS_PKG/out/node/entry.js" ] || p+=("code-server itself")
  [ -L "$VSC/node_modules.asar" ] || p+=("postinstall link lib/vscode/node_modules.asar")
  [ -f "$VSC/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] || p+=("@vscode/spdlog native module")
  [ -f "$VSC/node_modules/node-pty/build/Release/pty.node" ] || p+=("node-pty native module")
  [ -f "$VSC/node_modules/native-watchdog/build/Release/watchdog.node" ] || p+=("native-watchdog native module")
  [ -x "$VSC/node_modules/@vscode/ripgrep/bin/rg" ] || p+=("@vscode/ripgrep bin/rg")
  compgen -G "$CS_DIR/node_modules/argon2/lib/binding/*/argon2.node" >/dev/null || p+=("argon2 native module")
  printf '%s\n' "${p[@]+"${p[@]}"}"
}

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$CODE_SERVER_VERSION" ] && [ -z "$(cs_problems)" ]; then
  log "code-server $CODE_SERVER_VERSION cached in $CS_DIR"
else
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (about a minute, ~300 MB)"
  mkdir -p "$CS_DIR"
  # Its own package.json, so that npm treats the folder as a project of its own. allowScripts
  # approves the two packages with install scripts (npm 11's allowScripts policy; today npm only
  # warns about unreviewed scripts and still runs them, a later npm may not).
  cat > "$CS_DIR/package.json" <<JSON
{
  "name": "govreport-e2e-code-server",
  "private": true,
  "description": "code-server for govreport's real-editor tests; installed by scripts/e2e/install.sh",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
  # @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable); it first looks in its
  # cache under os.tmpdir(), so put Debian's rg there in the tarball it expects.
  RG_CACHE="$(node -p "require('os').tmpdir()")/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
  if [ ! -f "$RG_CACHE/$RIPGREP_TARBALL" ]; then
    mkdir -p "$RG_CACHE"
    tmp="$(mktemp -d)"; cp "$(command -v rg)" "$tmp/rg"
    tar -C "$tmp" -czf "$RG_CACHE/$RIPGREP_TARBALL" rg; rm -rf "$tmp"
  fi
  # unsafe_perm: code-server's postinstall refuses to run as root without it.
  # yes: node-pty's install runs `npx node-gyp`, which would otherwise prompt.
  export npm_config_unsafe_perm=true npm_config_yes=true npm_config_audit=false npm_config_fund=false \
         npm_config_update_notifier=false
  (cd "$CS_DIR" && npm install --no-package-lock --loglevel=error) \
    || die "npm install code-server@$CODE_SERVER_VERSION failed (see output above)"

  if [ -n "$(cs_problems)" ]; then
    # npm did not run (all) install scripts. Run code-server's postinstall by hand; it runs
    # `npm install --omit=dev` inside lib/vscode, whose own native modules need their scripts too.
    log "install scripts did not (all) run: $(cs_problems | paste -sd, -); running them explicitly"
    ua="npm/$(npm -v) node/$(node -v) linux x64"
    (cd "$CS_DIR" && npm_config_dangerously_allow_all_scripts=true npm rebuild argon2 --loglevel=error) || true
    (cd "$CS_PKG" && npm_config_user_agent="$ua" npm_config_dangerously_allow_all_scripts=true sh ./postinstall.sh) \
      || die "code-server's postinstall failed"
  fi
  # Last resort for ripgrep: if its postinstall could not use the cache, link Debian's rg.
  if [ ! -x "$VSC/node_modules/@vscode/ripgrep/bin/rg" ] && [ -d "$VSC/node_modules/@vscode/ripgrep" ]; then
    mkdir -p "$VSC/node_modules/@vscode/ripgrep/bin"; ln -sf "$(command -v rg)" "$VSC/node_modules/@vscode/ripgrep/bin/rg"
  fi
  probs="$(cs_problems)"
  [ -z "$probs" ] || die "code-server install incomplete: $(printf '%s' "$probs" | paste -sd, -)"
  "$CS_DIR/node_modules/.bin/code-server" --version >/dev/null \
    || die "code-server installed but does not start (node $(node -v))"
  echo "$CODE_SERVER_VERSION" > "$STAMP"
  log "code-server $("$CS_DIR/node_modules/.bin/code-server" --version | head -1) installed"
fi

# ---------------------------------------------------------------- 3. project devDependencies
if ! (cd "$ROOT" && node -e "for (const m of ['mocha','playwright-core','@vscode/test-electron','@vscode/vsce/package.json']) require.resolve(m)") 2>/dev/null; then
  log "installing the project's dependencies (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
else
  log "project devDependencies present"
fi

log "done in $(( $(date +%s) - t0 )) s"
