#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for the integration tests (PostgresIT) and the database benchmark.
#   .ci/postgres.sh start   creates the cluster in a temporary folder, starts it on a free port, loads the test tables,
#                           and writes target/postgres/env (source it: it exports BATON_TEST_PG_*)
#   .ci/postgres.sh stop    stops it and removes the cluster
# Runs initdb and the server as the postgres user when started as root (PostgreSQL refuses to run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
env_dir="$root/target/postgres"
# The cluster lives outside the checkout: the postgres user may not be allowed into the folders above it.
dir="${TMPDIR:-/tmp}/baton-postgres-$(printf '%s' "$root" | md5sum | cut -c1-8)"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
  if [ -f "$env_dir/env" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    echo "PostgreSQL test server already running ($env_dir/env)"; exit 0
  fi
  rm -rf "$dir" "$env_dir"; mkdir -p "$dir" "$env_dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  password="baton-test-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" > "$dir/pw"; chmod 600 "$dir/pw"; [ "$(id -u)" -eq 0 ] && chown postgres "$dir/pw"
  # Passwords are checked on TCP (scram-sha-256), so the tests see a real refusal; the local socket trusts its owner.
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pw" --auth-host=scram-sha-256 --auth-local=trust \
    -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=128MB" start >/dev/null
  # As the invoking user over the cluster's socket (trusted), so that psql reads the sample data from the checkout.
  psql=("$bin/psql" -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -q)
  "${psql[@]}" -d postgres -c "CREATE ROLE baton LOGIN PASSWORD '$password'" -c "CREATE DATABASE baton_test OWNER baton"
  "${psql[@]}" -d baton_test -f .ci/postgres-tables.sql
  # penguins.csv as shipped: 'NA' means missing.
  "${psql[@]}" -d baton_test -c "\\copy penguins FROM '$root/sample-data/penguins.csv' WITH (FORMAT csv, HEADER, NULL 'NA')"
  "${psql[@]}" -d baton_test -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO baton"
  cat > "$env_dir/env" <<ENV
export BATON_TEST_PG_HOST=127.0.0.1
export BATON_TEST_PG_PORT=$port
export BATON_TEST_PG_DATABASE=baton_test
export BATON_TEST_PG_USER=baton
export BATON_TEST_PG_PASSWORD=$password
ENV
  echo "PostgreSQL test server on 127.0.0.1:$port (source $env_dir/env)"
  ;;
stop)
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir" "$env_dir"
  ;;
*)
  echo "usage: $0 start|stop" >&2; exit 2
  ;;
esac
