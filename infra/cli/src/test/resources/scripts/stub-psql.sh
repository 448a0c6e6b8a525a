#!/bin/sh
# Stands in for psql in the script tests. `psql --version` prints a libpq 16 version. Any other call appends
# "psql ARGS" to $STUB_DIR/calls and "PGPASSWORD=..." (or unset) to $STUB_DIR/pgpassword, copies the PGPASSFILE it
# was given to $STUB_DIR/pgpass-N (N counts from 1), its `ls -l` mode to pgpass-N.mode and its path to pgpass-N.path,
# and answers like a server without TimescaleDB.
set -eu
if [ "${1:-}" = "--version" ]; then
  echo "psql (PostgreSQL) 16.2"
  exit 0
fi
dir="${STUB_DIR:?STUB_DIR not set}"
printf 'psql %s\n' "$*" >>"$dir/calls"
printf 'PGPASSWORD=%s\n' "${PGPASSWORD-unset}" >>"$dir/pgpassword"
if [ -n "${PGPASSFILE:-}" ]; then
  n=1
  while [ -e "$dir/pgpass-$n" ]; do n=$((n + 1)); done
  cp "$PGPASSFILE" "$dir/pgpass-$n"
  ls -l "$PGPASSFILE" | cut -c1-10 >"$dir/pgpass-$n.mode"
  printf '%s\n' "$PGPASSFILE" >"$dir/pgpass-$n.path"
fi
case "$*" in
  *"select version()"*) echo "PostgreSQL 16.2 (stub)" ;;
  *) echo "" ;;
esac
