#!/usr/bin/env bash
# PostgreSQL from Debian, started as a process for the *Postgres*IT tests (no Docker here); without it they start
# their own server from Maven (README, "PostgreSQL in the tests"), which EmbeddedPostgresIT always uses.
set -euo pipefail
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q online; then
  pg_ctlcluster "$version" main start || { pg_createcluster "$version" main && pg_ctlcluster "$version" main start; }
fi
for i in $(seq 1 30); do pg_isready -q && break; sleep 1; done
su postgres -c "psql -q -c \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'kostra') then create role kostra login password 'kostra'; end if; end \\\$\\\$;\""
su postgres -c "psql -q -tc \"select 1 from pg_database where datname = 'kostra_test'\" | grep -q 1 || createdb -O kostra kostra_test"
{
  echo "export KOSTRA_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/kostra_test"
  echo "export KOSTRA_TEST_PG_USER=kostra"
  echo "export KOSTRA_TEST_PG_PASSWORD=kostra"
} >> "$CI_ENV"
