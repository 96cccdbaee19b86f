# What the scripts that run `App serve` share: a fresh database in a temporary folder, starting and stopping the
# server, calls that check their status, and a registered, verified, logged-in user. Sourced, never run.

swift build --product App >/dev/null
app="$(swift build --show-bin-path)/App"
work="$(mktemp -d)"
port="${SMOKE_PORT:-18080}"
base="http://127.0.0.1:$port/api/v1"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# SMOKE_DATABASE: a PostgreSQL URL to serve from instead of a new SQLite file (an empty database).
database="${SMOKE_DATABASE:-$work/app.sqlite}"

start() {
  "$app" serve --port "$port" --database "$database" --keys "$work/app.keys" --bcrypt-cost 4 >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "the server did not start:"; cat "$work/server.log"; exit 1
}

stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

# call METHOD PATH EXPECTED-STATUS [curl arguments...]: prints the body, fails unless the status is the expected one.
call() {
  local method=$1 path=$2 expected=$3; shift 3
  local status
  status=$(curl -s -o "$work/body" -w '%{http_code}' -X "$method" "$base$path" "$@")
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
