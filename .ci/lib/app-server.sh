# What the scripts that run `App serve` share: a fresh database in a temporary folder, starting and stopping the
# server, calls that check their status, and a registered, verified, logged-in user. Sourced, never run.

swift build --product App >/dev/null
app="$(swift build --show-bin-path)/App"
work="$(mktemp -d)"
port="${SMOKE_PORT:-18080}"
base="http://127.0.0.1:$port/api/v1"
server=""

# SMOKE_DATABASE: a PostgreSQL URL to serve from instead of a new SQLite file (an empty database).
# SMOKE_INSTANCES=2 (PostgreSQL only): two servers share the database, on $port and $port + 1; calls alternate
# between them, and `stop` stops the first alone, so that a stop and a start restart one while the other serves.
database="${SMOKE_DATABASE:-$work/app.sqlite}"
instances="${SMOKE_INSTANCES:-1}"
servers=()
# The number of calls made, in a file: most calls run in a subshell (`$(call …)`, `call … | field`).
echo 0 >"$work/calls"

start_instance() {
  local index=$1 instance_port=$((port + $1))
  "$app" serve --port "$instance_port" --database "$database" --keys "$work/app.keys" --bcrypt-cost 4 \
    >>"$work/server.log" 2>&1 &
  servers[$index]=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$instance_port/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "the server did not start:"; cat "$work/server.log"; exit 1
}

start() {
  for index in $(seq 0 $((instances - 1))); do
    [ -n "${servers[$index]:-}" ] || start_instance "$index"
  done
  server="${servers[0]}"
}

stop() { kill "${servers[0]}"; wait "${servers[0]}" 2>/dev/null || true; servers[0]=""; server=""; }

cleanup() {
  for pid in "${servers[@]}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null; done
  wait 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT

# call METHOD PATH EXPECTED-STATUS [curl arguments...]: prints the body, fails unless the status is the expected one.
call() {
  local method=$1 path=$2 expected=$3; shift 3
  local status target=$port
  local calls
  calls=$(cat "$work/calls")
  echo $((calls + 1)) >"$work/calls"
  [ "$instances" -gt 1 ] && target=$((port + calls % instances))
  status=$(curl -s -o "$work/body" -w '%{http_code}' -X "$method" "http://127.0.0.1:$target/api/v1$path" "$@")
  if [ "$status" != "$expected" ]; then
    echo "$method $path: expected $expected, got $status: $(cat "$work/body")"; exit 1
  fi
  cat "$work/body"
}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
json=(-H 'Content-Type: application/json')

# register_and_log_in EMAIL PASSWORD: registers, verifies with the token the server logs, and logs in; sets $login,
# $access and $refresh.
register_and_log_in() {
  call POST /users 201 "${json[@]}" -d "{\"email\": \"$1\", \"password\": \"$2\"}" >/dev/null
  local token
  token=$(grep -o 'token: [0-9a-f]*' "$work/server.log" | tail -1 | cut -d' ' -f2)
  call POST /email-verifications 200 "${json[@]}" -d "{\"token\": \"$token\"}" >/dev/null
  login=$(call POST /sessions 201 "${json[@]}" -d "{\"email\": \"$1\", \"password\": \"$2\"}")
  access=$(echo "$login" | field "['access_token']")
  refresh=$(echo "$login" | field "['refresh_token']")
}
