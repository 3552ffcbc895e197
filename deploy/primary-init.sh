#!/bin/bash
# Runs once, when the primary's data directory is created: lets the replica stream (password auth on
# the compose network) and keeps WAL for it in a slot while it is away.
set -euo pipefail
echo "host replication postgres all scram-sha-256" >> "$PGDATA/pg_hba.conf"
psql -v ON_ERROR_STOP=1 -U postgres -d postgres -c "SELECT pg_create_physical_replication_slot('replica1')"
