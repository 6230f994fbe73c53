#!/usr/bin/env bash
# The VS Code extension's end-to-end tests, for CI (.ci/run calls this) and for anyone:
#   bash scripts/ci-e2e.sh
# 1. installs Debian's chromium and code-server (scripts/install-code-server.sh; reused when done),
# 2. runs the browser server bundle in a web worker in chromium (npm run test:web),
# 3. packages the .vsix and drives it in code-server (npm run test:e2e).
# Screenshots of each step are left in test-results/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)
bash scripts/install-code-server.sh
t1=$(date +%s)
npm run test:web
t2=$(date +%s)
npm run test:e2e
t3=$(date +%s)
echo "ci-e2e: install $((t1 - t0)) s, web worker tests $((t2 - t1)) s, code-server tests $((t3 - t2)) s"
