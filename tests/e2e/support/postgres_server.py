"""A real PostgreSQL 15 server for the sync tests: a cluster made by initdb in a scratch
directory and started with pg_ctl (no system service, nothing outside the directory). It
listens on its own Unix socket and on 127.0.0.1 at a free port: the superuser `admin` comes
in through the socket without a password; every other role through TCP with its password
(scram-sha-256), as kiosks do. PostgreSQL refuses to run as root, so under root the cluster
belongs to the `postgres` account the package creates (else `nobody`)."""
import os
import pathlib
import pwd
import shutil
import socket
import subprocess
import time


def _bindir():
    for candidate in ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin"):
        if pathlib.Path(candidate, "initdb").exists():
            return pathlib.Path(candidate)
    found = shutil.which("pg_ctl")
    if found:
        return pathlib.Path(found).parent
    raise SystemExit("PostgreSQL server binaries not found: install postgresql-15 (scripts/setup.sh test)")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    def __init__(self, scratch):
        self.bin = _bindir()
        self.root = pathlib.Path(scratch) / "postgres"
        if self.root.exists():
            shutil.rmtree(self.root)
        self.root.mkdir(parents=True)
        self.data = self.root / "data"
        self.socket_dir = self.root / "socket"
        self.socket_dir.mkdir()
        self.log = self.root / "server.log"
        self.port = _free_port()
        self.owner = None
        if os.geteuid() == 0:
            for name in ("postgres", "nobody"):
                try:
                    self.owner = pwd.getpwnam(name)
                    break
                except KeyError:
                    pass
            os.chmod(self.root, 0o755)
            for path in (self.root, self.socket_dir):
                os.chown(path, self.owner.pw_uid, self.owner.pw_gid)
            # The account must reach the directory: every parent needs search permission.
            for parent in self.root.parents:
                if parent == pathlib.Path("/"):
                    break
                os.chmod(parent, os.stat(parent).st_mode | 0o011)
        self._as_owner([self.bin / "initdb", "-D", self.data, "-U", "admin", "-E", "UTF8", "--no-locale",
                        "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"])
        self.start()

    def _as_owner(self, args, check=True):
        args = [str(a) for a in args]
        if self.owner is not None:
            args = ["runuser", "-u", self.owner.pw_name, "--"] + args
        return subprocess.run(args, check=check, capture_output=True, text=True)

    def start(self):
        # fsync off: the tests kill the server (immediate stop), never the machine.
        options = (f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c full_page_writes=off -c max_connections=60")
        run = self._as_owner([self.bin / "pg_ctl", "-D", self.data, "-l", self.log, "-o", options, "-w",
                              "-t", "60", "start"], check=False)
        if run.returncode != 0:
            raise SystemExit(f"pg_ctl start failed: {run.stderr}\n{self.log.read_text() if self.log.exists() else ''}")

    def stop(self, mode="fast"):
        self._as_owner([self.bin / "pg_ctl", "-D", self.data, "-m", mode, "-w", "stop"], check=False)

    def restart_immediately(self):
        """Stops the server as a crash would (no checkpoint, clients cut off), then starts it."""
        self.stop("immediate")
        self.start()

    def psql(self, sql, database="postgres", user="admin", password=None, check=True):
        """Runs `sql` with psql; its unaligned, tuples-only output as a list of rows."""
        env = dict(os.environ)
        if password is None:
            args = ["-h", str(self.socket_dir)]
        else:
            args = ["-h", "127.0.0.1"]
            env["PGPASSWORD"] = password
        run = subprocess.run([str(self.bin / "psql"), *args, "-p", str(self.port), "-U", user, "-d", database,
                              "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                             capture_output=True, text=True, env=env)
        if check and run.returncode != 0:
            raise AssertionError(f"psql as {user} failed: {sql}\n{run.stderr}")
        if not check:
            return run
        return [line.split("\t") for line in run.stdout.splitlines() if line]

    def scalar(self, sql, **kwargs):
        rows = self.psql(sql, **kwargs)
        return rows[0][0] if rows else None

    def uri(self, user, database):
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}?sslmode=disable"

    def close(self):
        self.stop("immediate")
