#!/usr/bin/env bash
# Stops the cluster started by pg-up.sh.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA=${1:?usage: pg-down.sh DATA_DIR}
[ -f "$PGDATA/db/postmaster.pid" ] || exit 0
if [ "$(id -u)" = 0 ]; then AS="runuser -u postgres --"; else AS=""; fi
$AS "$PGBIN/pg_ctl" -D "$PGDATA/db" -m fast -w stop >/dev/null
