"""The benchmark's processes: management commands, the gunicorn server and wrk, with their settings.

Shared by the figures (bench/run.py) and the soak and fault drill (bench/soak.py). No Django here:
the driver only starts processes and reads what they answer.
"""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
LUA = str(ROOT / "bench" / "wrk_report.lua")
VAR = ROOT / "var" / "bench"

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/roland_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
DURATION = int(os.environ.get("BENCH_DURATION", 5))
CONNECTIONS = [int(c) for c in os.environ.get("BENCH_CONNECTIONS", "8,64").split(",")]
# One gunicorn access-log line: status, microseconds, path and query (read by bench.soak).
ACCESS_LOG_FORMAT = "%(s)s %(D)s %(U)s?%(q)s"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def server_env(
    cached: bool, redis_url: str = "", search_url: str = "", database_url: str = ""
) -> dict[str, str]:
    """The production settings the server runs with; the same for the commands beside it."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "REDIS_URL", "SEARCH_URL", "DJANGO_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY="bench-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url or DATABASE_URL,
        REDIS_URL=redis_url or REDIS_URL,
        SECURE_SSL_REDIRECT="false",
        API_RATE_LIMIT_ANONYMOUS=str(10**9),
        API_CACHE_SERVER_SECONDS="600" if cached else "0",
        LOG_LEVEL="WARNING",
        ROLAND_VAR_DIR=str(VAR),
    )
    if search_url:
        env["SEARCH_URL"] = search_url
    return env


def manage(*args: str, capture: bool = False, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env or server_env(cached=False),
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with 2 sync workers, as the Dockerfile runs it.

    With `logs` (a path stem) it writes an access log (`<stem>.access.log`, ACCESS_LOG_FORMAT) and
    its stderr, where Django logs tracebacks, to `<stem>.log`.
    """

    def __init__(
        self,
        cached: bool,
        redis_url: str = "",
        search_url: str = "",
        logs: Path | None = None,
        timeout: int | None = None,
        database_url: str = "",
    ):
        self.cached = cached
        self.timeout = timeout  # gunicorn's worker timeout (its default, 30 s, as the Dockerfile sets)
        self.workers = 2
        self.env = server_env(cached, redis_url, search_url, database_url)
        self.logs = logs
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def access_log(self) -> Path | None:
        return self.logs.with_suffix(".access.log") if self.logs else None

    @property
    def error_log(self) -> Path | None:
        return self.logs.with_suffix(".log") if self.logs else None

    def __enter__(self) -> "Server":
        command = [GUNICORN, "cms.wsgi:application", "-w", str(self.workers), "-b", f"127.0.0.1:{self.port}"]
        command += ["--log-level", "warning"]
        if self.timeout is not None:
            command += ["--timeout", str(self.timeout)]
        stderr = None
        if self.logs:
            self.logs.parent.mkdir(parents=True, exist_ok=True)
            for path in (self.access_log, self.error_log):
                path.unlink(missing_ok=True)
            command += ["--access-logfile", str(self.access_log), "--access-logformat", ACCESS_LOG_FORMAT]
            stderr = self.error_log.open("w")
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stderr=stderr)
        if stderr:
            stderr.close()  # the child holds its own copy
        for _ in range(200):
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn did not start")
        return self

    def __exit__(self, *exc) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(30)

    def worker_pids(self) -> list[int]:
        assert self.process is not None
        children = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        return sorted(int(pid) for pid in children)

    def worker_rss_kb(self) -> int:
        total = 0
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except FileNotFoundError:
                continue  # a worker that just exited
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        return total

    def warm(self, path: str, times: int = 3) -> str:
        """A few requests before measuring (connections, per-site facts, the answer cache)."""
        etag = ""
        for _ in range(times):
            with urllib.request.urlopen(self.base + path, timeout=120) as response:
                response.read()
                etag = response.headers.get("ETag", "")
        return etag


def wrk_command(server: Server, path: str, connections: int, seconds: int, script: str = LUA) -> list[str]:
    threads = min(2, connections)
    return ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
            "-s", script, server.base + path]  # fmt: skip


def wrk_figures(output: str) -> dict:
    """The summary the Lua script prints (`BENCH_JSON {...}`)."""
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    return json.loads(line.removeprefix("BENCH_JSON "))


def wrk(server: Server, path: str, connections: int, header: str = "", seconds: int = 0) -> dict:
    env = {**os.environ, "BENCH_HEADER": header}
    output = subprocess.run(
        wrk_command(server, path, connections, seconds or DURATION),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    return wrk_figures(output)
