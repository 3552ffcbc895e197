#!/bin/bash
# The read replica: on first start a base backup of the primary (standby.signal and primary_conninfo
# written by -R), then PostgreSQL in hot standby streaming from slot replica1.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h primary -U postgres -q; do sleep 1; done
  mkdir -p "$PGDATA" && chmod 700 "$PGDATA"
  pg_basebackup -h primary -U postgres -D "$PGDATA" -R -X stream -S replica1
fi
exec postgres -D "$PGDATA" -c hot_standby=on
