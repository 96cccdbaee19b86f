# PostgreSQL on loopback for the App's second engine: starts Debian's cluster, lets it take the tests' many
# connections, and creates a role and empty databases for them. Sourced by .ci/run after the package is installed;
# sets APP_TEST_POSTGRES_URL (the App's tests, a schema each), POSTGRES_SMOKE_URL and POSTGRES_PAIR_SMOKE_URL (the
# API smoke runs, one instance and two) and POSTGRES_LOAD_URL (the load benchmark's smoke run).

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- env PGOPTIONS="-c client_min_messages=warning" "$@"
  else sudo -u postgres env PGOPTIONS="-c client_min_messages=warning" "$@"; fi
}

read -r pg_version pg_cluster < <(pg_lsclusters -h | awk 'NR == 1 { print $1, $2 }')
if [ -z "${pg_version:-}" ]; then
  pg_version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_cluster=main
  if [ "$(id -u)" -eq 0 ]; then pg_createcluster "$pg_version" "$pg_cluster"; else sudo pg_createcluster "$pg_version" "$pg_cluster"; fi
fi
# The tests open many databases of the App at once, each with a pool of its own.
if [ "$(id -u)" -eq 0 ]; then pg_ctlcluster "$pg_version" "$pg_cluster" start 2>/dev/null || true
else sudo pg_ctlcluster "$pg_version" "$pg_cluster" start 2>/dev/null || true; fi
as_postgres psql -qtA -c "ALTER SYSTEM SET max_connections = 1000" >/dev/null
if [ "$(id -u)" -eq 0 ]; then pg_ctlcluster "$pg_version" "$pg_cluster" restart
else sudo pg_ctlcluster "$pg_version" "$pg_cluster" restart; fi
pg_port=$(pg_lsclusters -h | awk -v v="$pg_version" -v c="$pg_cluster" '$1 == v && $2 == c { print $3 }')

for database in app_tests app_smoke app_smoke_pair app_load; do
  as_postgres psql -qtA -c "DROP DATABASE IF EXISTS $database" >/dev/null
done
as_postgres psql -qtA -c "DROP ROLE IF EXISTS cqrs_ci" >/dev/null
as_postgres psql -qtA -c "CREATE ROLE cqrs_ci LOGIN PASSWORD 'cqrs_ci'" >/dev/null
for database in app_tests app_smoke app_smoke_pair app_load; do
  as_postgres psql -qtA -c "CREATE DATABASE $database OWNER cqrs_ci" >/dev/null
done
export APP_TEST_POSTGRES_URL="postgres://cqrs_ci:cqrs_ci@127.0.0.1:$pg_port/app_tests"
export POSTGRES_SMOKE_URL="postgres://cqrs_ci:cqrs_ci@127.0.0.1:$pg_port/app_smoke"
export POSTGRES_PAIR_SMOKE_URL="postgres://cqrs_ci:cqrs_ci@127.0.0.1:$pg_port/app_smoke_pair"
export POSTGRES_LOAD_URL="postgres://cqrs_ci:cqrs_ci@127.0.0.1:$pg_port/app_load"
echo "PostgreSQL $pg_version on 127.0.0.1:$pg_port"
