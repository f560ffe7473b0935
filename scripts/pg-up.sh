#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster on a free loopback port; prints DATABASE_URL=… for eval.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA=${1:?usage: pg-up.sh DATA_DIR}
PGPORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
if [ "$(id -u)" = 0 ]; then AS="runuser -u postgres --"; chown postgres:postgres "$PGDATA"; else AS=""; fi
$AS "$PGBIN/initdb" -D "$PGDATA/db" -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null
$AS "$PGBIN/pg_ctl" -D "$PGDATA/db" -l "$PGDATA/db/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories='' -c max_connections=200" start >/dev/null
echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/postgres"
