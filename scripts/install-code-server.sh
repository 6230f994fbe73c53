#!/usr/bin/env bash
# Installs what the Plain Words end-to-end tests need, from the npm registry and
# Debian's packages only (nothing else is downloaded):
#   - Debian's chromium (driven by playwright-core, which is a devDependency),
#   - code-server: the real VS Code workbench served to a browser.
#
#   scripts/install-code-server.sh [DEST]
#   DEST defaults to $PLAINWORDS_CODE_SERVER_DIR or ~/.cache/plainwords/code-server.
#   CODE_SERVER_VERSION picks the release (default 4.100.3, the last line on Node 20).
#
# code-server's postinstall downloads ripgrep from the internet, which the test
# machines cannot reach. So scripts are skipped, the native modules are rebuilt
# with node-gyp against the local Node headers, and Debian's ripgrep is put where
# VS Code looks for it. A finished install is marked with DEST/.complete and
# reused; a half-finished one is started again.
set -euo pipefail
DEST="${1:-${PLAINWORDS_CODE_SERVER_DIR:-$HOME/.cache/plainwords/code-server}}"
VERSION="${CODE_SERVER_VERSION:-4.100.3}"
started=$(date +%s)

need=()
for p in chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config python3 make g++ fonts-dejavu-core; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "install-code-server: apt-get install ${need[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -x "$DEST/node_modules/.bin/code-server" ] && [ -f "$DEST/.complete" ] && [ "$(cat "$DEST/.complete")" = "$VERSION" ]; then
  echo "install-code-server: code-server $VERSION already installed in $DEST"
  exit 0
fi

rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
echo '{"name":"plainwords-code-server","private":true}' > package.json
echo "install-code-server: npm install code-server@$VERSION (scripts skipped)"
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >/dev/null
npm rebuild argon2 >/dev/null

cd node_modules/code-server/lib/vscode
echo "install-code-server: installing VS Code's own dependencies"
npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
for m in kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid; do
  [ -d "node_modules/$m" ] || continue
  echo "install-code-server: building native module $m"
  if ! (cd "node_modules/$m" && npx --yes node-gyp rebuild >"$DEST/node-gyp-${m//\//-}.log" 2>&1); then
    echo "install-code-server: native build failed for $m, see $DEST/node-gyp-${m//\//-}.log" >&2
    exit 1
  fi
done
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
echo "install-code-server: installing the built-in extensions' dependencies"
(cd extensions && npm install --omit=dev --no-audit --no-fund >/dev/null)

echo "$VERSION" > "$DEST/.complete"
echo "install-code-server: code-server $VERSION installed in $DEST in $(( $(date +%s) - started )) s"
