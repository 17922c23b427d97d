#!/usr/bin/env bash
# Throwaway Redis and PostgreSQL on 127.0.0.1, for the queue workers (issue 16) and their tests.
#
#   scripts/services.sh start    starts both (or finds them running) and prints
#                                REDIS_URL=redis://127.0.0.1:PORT and DATABASE_URL=postgres://…
#   scripts/services.sh status   prints the same lines when both run; exit 1 when either does not
#   scripts/services.sh stop     stops both and deletes their data
#
# Data lives in .services/ at the top of the repository (gitignored), or in $QUOTEGRAPH_SERVICES.
# Redis keeps nothing on disk (--save '' --appendonly no). PostgreSQL refuses to run as root:
# run as root, the script runs it as the user `postgres` (created with useradd when missing).
# Ports are free ones picked at the first start and kept in the folder, so a second `start`
# prints the same URLs. Binaries: redis-server on PATH (or $REDIS_SERVER), PostgreSQL's initdb,
# pg_ctl and postgres in $PG_BIN, /usr/lib/postgresql/*/bin or on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${QUOTEGRAPH_SERVICES:-$ROOT/.services}"

find_pg_bin() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/pg_ctl" ]; then echo "$PG_BIN"; return 0; fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return 0; fi
  return 1
}

REDIS_SERVER="${REDIS_SERVER:-$(command -v redis-server || echo /usr/bin/redis-server)}"
REDIS_CLI="$(dirname "$REDIS_SERVER")/redis-cli"
PG="$(find_pg_bin || true)"

# The user PostgreSQL runs as: this one, or `postgres` when this is root.
pg_user() {
  if [ "$(id -u)" -ne 0 ]; then id -un; return; fi
  if ! id postgres >/dev/null 2>&1; then useradd --system --no-create-home --shell /usr/sbin/nologin postgres; fi
  echo postgres
}
as_pg() {
  local user="$1"; shift
  if [ "$user" = "$(id -un)" ]; then "$@"; else runuser -u "$user" -- "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

redis_up() { [ -f "$DIR/redis.port" ] && "$REDIS_CLI" -h 127.0.0.1 -p "$(cat "$DIR/redis.port")" ping 2>/dev/null | grep -q PONG; }
pg_up() { [ -n "$PG" ] && [ -f "$DIR/pg.port" ] && "$PG/pg_isready" -q -h 127.0.0.1 -p "$(cat "$DIR/pg.port")"; }

print_urls() {
  echo "REDIS_URL=redis://127.0.0.1:$(cat "$DIR/redis.port")"
  echo "DATABASE_URL=postgres://quotegraph@127.0.0.1:$(cat "$DIR/pg.port")/quotegraph"
}

start() {
  [ -x "$REDIS_SERVER" ] || { echo "services: no redis-server (apt-get install redis-server)" >&2; exit 1; }
  [ -n "$PG" ] || { echo "services: no PostgreSQL binaries (apt-get install postgresql)" >&2; exit 1; }
  mkdir -p "$DIR"
  if ! redis_up; then
    [ -f "$DIR/redis.port" ] || free_port > "$DIR/redis.port"
    "$REDIS_SERVER" --bind 127.0.0.1 --port "$(cat "$DIR/redis.port")" --save '' --appendonly no \
      --daemonize yes --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" --dir "$DIR"
    for _ in $(seq 50); do redis_up && break; sleep 0.1; done
    redis_up || { echo "services: redis-server did not start (see $DIR/redis.log)" >&2; exit 1; }
  fi
  if ! pg_up; then
    local user; user="$(pg_user)"
    [ -f "$DIR/pg.port" ] || free_port > "$DIR/pg.port"
    as_pg "$user" test -x "$DIR" || { echo "services: the user $user cannot reach $DIR (a parent folder closed to others?); chmod o+x its folders or set QUOTEGRAPH_SERVICES" >&2; exit 1; }
    if [ ! -f "$DIR/pg/PG_VERSION" ]; then
      rm -rf "$DIR/pg"; mkdir -p "$DIR/pg"; chown "$user" "$DIR/pg"; chmod 700 "$DIR/pg"
      as_pg "$user" "$PG/initdb" -D "$DIR/pg" -U quotegraph --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
        || { echo "services: initdb failed (see $DIR/initdb.log)" >&2; exit 1; }
    fi
    touch "$DIR/pg.log"; chown "$user" "$DIR/pg.log"
    # fsync off: a throwaway database for tests and benchmarks, not one to keep.
    as_pg "$user" "$PG/pg_ctl" -D "$DIR/pg" -l "$DIR/pg.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$(cat "$DIR/pg.port") -c unix_socket_directories='' -c fsync=off -c max_connections=100" start >/dev/null \
      || { echo "services: PostgreSQL did not start (see $DIR/pg.log)" >&2; exit 1; }
    if ! as_pg "$user" "$PG/psql" -h 127.0.0.1 -p "$(cat "$DIR/pg.port")" -U quotegraph -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'quotegraph'" | grep -q 1; then
      as_pg "$user" "$PG/createdb" -h 127.0.0.1 -p "$(cat "$DIR/pg.port")" -U quotegraph quotegraph
    fi
  fi
  print_urls
}

stop() {
  if [ -f "$DIR/redis.pid" ]; then kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true; fi
  if [ -n "$PG" ] && [ -f "$DIR/pg/postmaster.pid" ]; then
    as_pg "$(stat -c %U "$DIR/pg")" "$PG/pg_ctl" -D "$DIR/pg" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  for _ in $(seq 50); do redis_up || break; sleep 0.1; done
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if redis_up && pg_up; then print_urls; else
      redis_up && echo "redis: running" || echo "redis: stopped"
      pg_up && echo "postgres: running" || echo "postgres: stopped"
      exit 1
    fi ;;
  *) echo "usage: scripts/services.sh start|stop|status" >&2; exit 2 ;;
esac
