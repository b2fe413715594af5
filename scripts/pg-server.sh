#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests: trust auth, 127.0.0.1 only, data in a temp folder.
#   scripts/pg-server.sh start   starts it (or finds it running), prints its admin URL and
#                                writes it to .pg-test/url
#   scripts/pg-server.sh stop    stops it and deletes its data
# Both are idempotent. PG_TEST_PORT picks the first port to try (default 55432; the next free
# one is used if it is taken). Needs initdb/pg_ctl/postgres on PATH, in /usr/local/bin or
# /usr/lib/postgresql/*/bin: on Debian `apt-get install -y postgresql` provides them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="$root/.pg-test"     # url, datadir
db_user=pgtest             # the server's superuser name, also the OS user when we are root

find_bin() {
  local dir
  for dir in "$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")" /usr/local/bin \
    $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then echo "$dir"; return; fi
  done
  echo "pg-server: no PostgreSQL server binaries found; install them with: apt-get install -y postgresql" >&2
  exit 1
}

# PostgreSQL refuses to run as root: as root, run it as an unprivileged user.
as_db_user() {
  if [[ $EUID -eq 0 ]]; then runuser -u "$db_user" -- "$@"; else "$@"; fi
}

is_running() {
  [[ -f "$state/datadir" ]] && as_db_user "$bin/pg_ctl" status -D "$(cat "$state/datadir")" >/dev/null 2>&1
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  if is_running; then cat "$state/url"; return; fi
  stop >/dev/null # leftovers of a crashed run
  if [[ $EUID -eq 0 ]] && ! id "$db_user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$db_user"
  fi
  local port="${PG_TEST_PORT:-55432}"
  until port_is_free "$port"; do port=$((port + 1)); done

  local data
  data="$(mktemp -d "${TMPDIR:-/tmp}/pg-test.XXXXXX")"
  [[ $EUID -eq 0 ]] && chown "$db_user" "$data"
  mkdir -p "$state"
  echo "$data" >"$state/datadir"
  as_db_user "$bin/initdb" -D "$data" -U "$db_user" --auth=trust -E UTF8 --no-locale --no-sync >"$data.initdb.log" 2>&1 ||
    { cat "$data.initdb.log" >&2; exit 1; }
  # Durability settings off: this server holds nothing worth keeping, and CREATE DATABASE per test file gets fast.
  as_db_user "$bin/pg_ctl" start -w -D "$data" -l "$data/server.log" -o \
    "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || { cat "$data/server.log" >&2; exit 1; }
  echo "postgresql://$db_user@127.0.0.1:$port/postgres" | tee "$state/url"
}

stop() {
  if [[ -f "$state/datadir" ]]; then
    local data
    data="$(cat "$state/datadir")"
    if is_running; then as_db_user "$bin/pg_ctl" stop -D "$data" -m fast -w >/dev/null; fi
    rm -rf "$data" "$data.initdb.log"
  fi
  rm -rf "$state"
}

bin="$(find_bin)"
case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
