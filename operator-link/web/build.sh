#!/usr/bin/env bash
# Called by Maven (exec-maven-plugin, generate-resources): installs the npm packages when
# node_modules is missing or older than the lockfile, then bundles the page into $1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "operator-link/web: Node.js and npm are needed to build the tablet web app, but" \
    "'node' or 'npm' is not on the PATH. Install Node.js 18+ with npm (e.g. Debian packages" \
    "nodejs and npm), then build again." >&2
  exit 1
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
    || [ ! -f node_modules/.package-lock.json ]; then
  echo "operator-link/web: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
node build.mjs "$@"
