#!/usr/bin/env bash
# Starts `App serve` on a fresh database and walks the README's curl flows against it, then restarts the server on
# the same database and checks that the data and the tokens survived. Fails on the first unexpected status. With
# SMOKE_INSTANCES=2 and a PostgreSQL SMOKE_DATABASE, two servers share it, the calls alternate between them, and the
# restart is of one while the other serves (.ci/lib/app-server.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

source .ci/lib/app-server.sh

start
register_and_log_in ada@example.com 'Str0ng!pass'
auth=(-H "Authorization: Bearer $access")
call GET /sessions 200 "${auth[@]}" | field "['total_count']" | grep -qx 1

printf 'date,description,amount\n2026-11-01,Salary,2500.00\n2026-11-02,Rent,-1200.00\n2026-11-03,Coffee,-4.50\n' >"$work/s.csv"
call POST "/imports?file_name=s.csv" 201 "${auth[@]}" --data-binary @"$work/s.csv" | field "['transactions_created']" | grep -qx 3
account=$(call GET /accounts 200 "${auth[@]}" | field "['accounts'][0]['id']")
call GET "/accounts/$account/transactions?limit=2&offset=0" 200 "${auth[@]}" | field "['has_more']" | grep -qx True
call GET "/accounts/$account/transactions?limit=2&offset=2" 200 "${auth[@]}" | field "['has_more']" | grep -qx False
call GET "/accounts/$account/transactions?limit=0" 400 "${auth[@]}" >/dev/null

connection=$(call POST /providers 201 "${auth[@]}" "${json[@]}" -d '{"provider_slug": "sandbox", "credentials": "sandbox-key"}' | field "['id']")
call POST "/providers/$connection/syncs" 200 "${auth[@]}" >/dev/null
call GET /holdings 200 "${auth[@]}" | field "['total_count']" | grep -qx 2
call GET /balance-snapshots/latest 200 "${auth[@]}" >/dev/null

refresh=$(call POST /tokens 200 "${json[@]}" -d "{\"refresh_token\": \"$refresh\"}" | field "['refresh_token']")
call POST /password-resets 202 "${json[@]}" -d '{"email": "ada@example.com"}' >/dev/null
reset=$(grep -o 'reset your password within the hour: [0-9a-f]*' "$work/server.log" | tail -1 | grep -o '[0-9a-f]\{64\}')
call POST /password-resets/confirmations 200 "${json[@]}" -d "{\"token\": \"$reset\", \"new_password\": \"N3w!password\"}" >/dev/null
# The reset logged the user out everywhere: the old access token stops at once. Log in again.
call GET /accounts 401 "${auth[@]}" >/dev/null
login=$(call POST /sessions 201 "${json[@]}" -d '{"email": "ada@example.com", "password": "N3w!password"}')
auth=(-H "Authorization: Bearer $(echo "$login" | field "['access_token']")")
refresh=$(echo "$login" | field "['refresh_token']")
# Registrations: 3 a minute per address, ada's included. With two instances the calls alternate between them, and
# the fourth is refused only if both count one budget (in the database).
for email in bob@example.com cy@example.com; do
  call POST /users 201 "${json[@]}" -d "{\"email\": \"$email\", \"password\": \"Str0ng!pass\"}" >/dev/null
done
call POST /users 429 "${json[@]}" -d '{"email": "dee@example.com", "password": "Str0ng!pass"}' >/dev/null
stop

# A restart on the same file: the data is there, and the access token still verifies (the keys file persisted).
start
call GET /accounts 200 "${auth[@]}" | field "['total_count']" | grep -qx 4
second=$(call POST /sessions 201 "${json[@]}" -d '{"email": "ada@example.com", "password": "N3w!password"}' | field "['session_id']")
call DELETE "/sessions/$second" 204 "${auth[@]}" >/dev/null
call POST /sessions/current/logout 200 "${auth[@]}" "${json[@]}" -d "{\"refresh_token\": \"$refresh\"}" >/dev/null
call GET /accounts 401 "${auth[@]}" >/dev/null
echo "API smoke run passed: $(grep -c 'Request' "$work/server.log") requests served by $instances instance(s)"
