#!/usr/bin/env bash
# Makes sure the type checks of the guide's snippets (scripts/snippets/typecheck.test.ts) have
# what they compile against:
# - the check-only npm packages of scripts/typecheck (exact versions, its own package-lock.json),
#   installed with `npm ci` when node_modules is missing or older than the lockfile;
# - Go's gofmt (Debian's golang-go) and the Debian jars the Java snippets may compile against,
#   installed when root on Debian, like ensure-nginx.sh. Elsewhere those checks are skipped with
#   a warning (in CI the test fails instead).
# The Java check also needs a JDK 25 or newer (the guide targets Java 25), which Debian 12 does not
# have (openjdk-17 only): the test uses one from JAVA_HOME or /usr/lib/jvm, and says if none.
set -euo pipefail

cd "$(dirname "$0")/.."
dir=scripts/typecheck

# The lockfile's hash, written after a successful `npm ci`: a changed lockfile reinstalls.
stamp="$dir/node_modules/.lockfile-sha256"
want=$(node -e 'const c=require("node:crypto"),f=require("node:fs");process.stdout.write(c.createHash("sha256").update(f.readFileSync(process.argv[1])).digest("hex"))' "$dir/package-lock.json")
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "ensure-typecheck: npm ci in $dir (the packages the snippets are compiled against)" >&2
  bounded=()
  if command -v timeout >/dev/null 2>&1; then bounded=(timeout 900); fi
  # No install scripts: only the packages' code and types are read, nothing is run.
  ${bounded[@]+"${bounded[@]}"} npm ci --prefix "$dir" --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
  printf '%s\n' "$want" >"$stamp"
fi

# Debian packages: gofmt, and the jars (scripts/snippets/typecheck-java.ts names the same list).
packages=()
if ! command -v gofmt >/dev/null 2>&1 && [ ! -x /usr/lib/go/bin/gofmt ]; then packages+=(golang-go); fi
for pair in \
  slf4j-api:libslf4j-java \
  jackson-core:libjackson2-core-java \
  jackson-annotations:libjackson2-annotations-java \
  jackson-databind:libjackson2-databind-java \
  postgresql:libpostgresql-jdbc-java; do
  [ -f "/usr/share/java/${pair%%:*}.jar" ] || packages+=("${pair#*:}")
done

if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-typecheck: installing Debian's ${packages[*]}" >&2
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
    fi
  else
    echo "ensure-typecheck: not installed: ${packages[*]} (Debian package names)." >&2
    echo "ensure-typecheck: the Go and Java type checks will skip what needs them, with a warning." >&2
  fi
fi

exit 0
