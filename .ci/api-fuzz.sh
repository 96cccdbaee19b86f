#!/usr/bin/env bash
# Property-based testing of the App's generated routes from the outside: the OpenAPI document is checked by
# openapi-spec-validator, then schemathesis reads it from `App serve` on a fresh database and sends what it
# describes, and much that it does not, with a registered user's token. Any server error, any response that breaks
# the document (status, content type, headers, body schema), or a route that ignores its authentication fails the run.
# Bounded in examples and time, with a fixed seed: the same run every time.
set -euo pipefail
cd "$(dirname "$0")/.."

SMOKE_PORT="${FUZZ_PORT:-18081}"
source .ci/lib/app-server.sh

openapi-spec-validator Generated/openapi.json

start
register_and_log_in grace@example.com 'Str0ng!pass'
# Logging out ends the session of the one token the run sends: every later request would be a 401, and the routes
# behind it untested. The smoke run and the tests cover it.
schemathesis run "http://127.0.0.1:$port/openapi.json" \
  --header "Authorization: Bearer $access" \
  --exclude-path /api/v1/sessions/current/logout \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,ignored_auth \
  --max-examples "${FUZZ_EXAMPLES:-25}" --max-time "${FUZZ_SECONDS:-120}" --seed 20261205 \
  --workers 1 --no-color
