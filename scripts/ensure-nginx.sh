#!/usr/bin/env bash
# Makes sure nginx exists for the snippet check (scripts/snippets): `nginx -t` is the parser of
# the guide's nginx blocks. Installs Debian's package where we can (root with apt-get), without
# starting a server; elsewhere the check skips nginx blocks and says so.
set -euo pipefail

if [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-nginx: installing Debian's nginx package (not started)" >&2
  created_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    # Exit code 101 tells Debian's maintainer scripts not to start the service.
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    created_policy=1
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx
  fi
  [ -z "$created_policy" ] || rm -f /usr/sbin/policy-rc.d
  exit 0
fi

echo "ensure-nginx: nginx not found; the snippet check will skip nginx blocks." >&2
echo "ensure-nginx: install nginx (apt-get install nginx, brew install nginx) to check them." >&2
exit 0
