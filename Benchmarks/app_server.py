"""What the benchmarks that run `App serve` share: its build, a server on a fresh database in a temporary folder,
calls to its API, and users signed up, verified with the token the server logs, and logged in."""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "Str0ng!pass"


def app_binary(configuration="release"):
    """Builds `App` in `configuration` (nothing to do when it is up to date) and returns its path."""
    build = ["swift", "build", "-c", configuration]
    subprocess.run(build + ["--product", "App"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    folder = subprocess.run(build + ["--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return os.path.join(folder.strip(), "App")


class AppServer:
    """`App serve` on loopback, its log kept for the tokens it mails; a context manager that stops the server and
    removes its folder. By default over a fresh SQLite file in that folder; given a PostgreSQL `database` URL and a
    `keys` file, over that database, which other instances given the same two may share."""

    def __init__(self, binary, port, database=None, keys=None):
        self.binary, self.port, self.database, self.keys = binary, port, database, keys
        self.origin = f"http://127.0.0.1:{port}"
        self.base = self.origin + "/api/v1"

    def __enter__(self):
        self.folder = tempfile.TemporaryDirectory(prefix="cqrs-gen-app-")
        self.log_path = os.path.join(self.folder.name, "server.log")
        database = self.database or os.path.join(self.folder.name, "app.sqlite")
        keys = self.keys or database + ".keys"
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                [self.binary, "serve", "--port", str(self.port), "--database", database, "--keys", keys,
                 "--bcrypt-cost", "4"],
                stdout=log, stderr=subprocess.STDOUT)
        for _ in range(300):
            try:
                urllib.request.urlopen(self.origin + "/health", timeout=1)
                return self
            except OSError:
                time.sleep(0.05)
        self.__exit__(None, None, None)
        sys.exit(f"the server at {self.origin} did not start")

    def __exit__(self, *_):
        self.process.terminate()
        self.process.wait()
        self.folder.cleanup()

    def call(self, method, path, body=None, token=None, content_type="application/json"):
        """One request; a dictionary body is sent as JSON. Returns the decoded JSON answer, or {} when it is empty."""
        data = json.dumps(body).encode() if isinstance(body, dict) else body
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", content_type)
        if token:
            request.add_header("Authorization", "Bearer " + token)
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read() or b"{}")

    def verification_tokens(self):
        with open(self.log_path) as log:
            return re.findall(r"token: ([0-9a-f]{64})", log.read())

    def sign_up(self, email):
        """Registers `email`, verifies it with the token the server logs, and logs in: the access token."""
        before = len(self.verification_tokens())
        self.call("POST", "/users", {"email": email, "password": PASSWORD})
        for _ in range(200):
            tokens = self.verification_tokens()
            if len(tokens) > before:
                break
            time.sleep(0.05)
        self.call("POST", "/email-verifications", {"token": tokens[-1]})
        return self.call("POST", "/sessions", {"email": email, "password": PASSWORD})["access_token"]
