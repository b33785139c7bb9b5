#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests.
#
#   .ci/postgres.sh start   initdb a cluster in a fresh temp dir, listen on 127.0.0.1 on a free port,
#                           create a database, print its SQLAlchemy URL on stdout (and nothing else)
#   .ci/postgres.sh stop    stop that server and remove its directory
#
# PostgreSQL refuses to run as root, so as root the server runs as the 'postgres' system user (created
# by Debian's package) through runuser. The cluster is for tests only: password login on loopback,
# fsync off (a crash of the test machine loses nothing anyone needs).
# Where the running cluster lives is remembered in .ci/.postgres-dir (or $REVIEW_PG_STATE).
set -euo pipefail
cd "$(dirname "$0")/.."

STATE="${REVIEW_PG_STATE:-$PWD/.ci/.postgres-dir}"
DB_NAME="review_test"
DB_USER="review"

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    dir=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
  fi
  [ -x "$dir/initdb" ] || { log "no PostgreSQL binaries (install Debian's postgresql package)"; return 1; }
  echo "$dir"
}

# Run a command as the server's owner: ourselves, or 'postgres' when we are root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "${REVIEW_PG_OWNER:-postgres}" -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local bin dir port password
  bin=$(find_bin)
  if [ -f "$STATE" ]; then
    log "a server from an earlier start is still recorded in $STATE; stopping it first"
    stop || true
  fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/review-pg.XXXXXX")
  password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  port=$(free_port)
  printf '%s\n' "$password" > "$dir/pwfile"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R "${REVIEW_PG_OWNER:-postgres}" "$dir"
  fi
  chmod 700 "$dir"
  echo "$dir" > "$STATE"
  # The owner may not be allowed into the caller's working directory; run from the cluster's own.
  (
    cd "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U "$DB_USER" --pwfile="$dir/pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { log "initdb failed:"; cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" \
      >/dev/null 2>&1 || { log "server did not start:"; cat "$dir/server.log" >&2; exit 1; }
    as_owner env PGPASSWORD="$password" "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$DB_USER" "$DB_NAME" \
      || { log "createdb failed"; exit 1; }
  ) || { stop || true; return 1; }
  echo "postgresql+psycopg://$DB_USER:$password@127.0.0.1:$port/$DB_NAME"
}

stop() {
  local bin dir
  [ -f "$STATE" ] || { log "no server recorded in $STATE; nothing to stop"; return 0; }
  dir=$(cat "$STATE")
  bin=$(find_bin) || true
  if [ -n "$dir" ] && [ -d "$dir" ]; then
    if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
      (cd "$dir" && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1) \
        || log "pg_ctl stop failed; removing the directory anyway"
    fi
    rm -rf -- "$dir"
  fi
  rm -f -- "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
