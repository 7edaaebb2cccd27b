#!/usr/bin/env python3
"""Fault tests against the real app process (the packaged jar) and a PostgreSQL instance of their own.

A  kill -9 of the app while applications are submitted and worked, then restart and check the database.
B  PostgreSQL restarted under load: the app recovers without a restart, 503 problem+json meanwhile,
   no half-written case.

Standard library only. Started by .ci/faults (which builds the jar); results in target/faults/*.json and
target/faults/summary.txt. Settings by environment: FAULTS_APPS (1000), FAULTS_THREADS (6),
FAULTS_PG_PORT (5440), FAULTS_APP_PORT (18080), FAULTS_PG_DOWN_SECONDS (10).
"""
import base64
import glob
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

from loadkit import INVESTIGATION, dibao_application  # noqa: E402 (.ci/, next to this script)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "faults")
APPS = int(os.environ.get("FAULTS_APPS", "1000"))
THREADS = int(os.environ.get("FAULTS_THREADS", "6"))
PG_PORT = int(os.environ.get("FAULTS_PG_PORT", "5440"))
APP_PORT = int(os.environ.get("FAULTS_APP_PORT", "18080"))
PG_DOWN = float(os.environ.get("FAULTS_PG_DOWN_SECONDS", "10"))
NOTICE_PERIOD_SECONDS = 20
DB = "minzheng_faults"
PASSWORD = "demo123"
STREETS = {  # community → (clerk, reviewer)
    "420112001001": ("wjs-clerk", "wjs-reviewer"),
    "420112002001": ("jjl-clerk", "jjl-reviewer"),
}


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


# ---------------------------------------------------------------- HTTP with keep-alive, one connection per thread
class Client:
    def __init__(self, user):
        self.auth = "Basic " + base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
        self.conn = None

    def call(self, method, path, body=None, timeout=40):
        """(status, json or text); status 0 when no answer came (refused, reset, timed out)."""
        for attempt in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("localhost", APP_PORT, timeout=timeout)
                headers = {"Authorization": self.auth, "Accept": "application/json"}
                data = None
                if body is not None:
                    data = json.dumps(body).encode()
                    headers["Content-Type"] = "application/json"
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                raw = response.read()
                try:
                    payload = json.loads(raw) if raw else None
                except ValueError:
                    payload = raw.decode(errors="replace")
                return response.status, payload, response.getheader("Content-Type", "")
            except (OSError, http.client.HTTPException):
                self.close()
                # a request that may have reached the server is not sent again (its outcome is unknown)
                if method != "GET" or attempt:
                    return 0, None, ""
        return 0, None, ""

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


# ---------------------------------------------------------------- processes
def run(cmd, **kw):
    done = subprocess.run(cmd, text=True, capture_output=True, **kw)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:6])} … failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def pg_bin():
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]))
    if not dirs:
        sys.exit("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin")
    return dirs[-1]


class OwnPostgres:
    """A throw-away cluster on its own port; initdb/pg_ctl as user postgres when we run as root."""

    def __init__(self, port):
        self.port = port
        self.bin = pg_bin()
        self.dir = tempfile.mkdtemp(prefix="mz-faults-pg-")
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = os.path.join(self.dir, "data")
        self.logfile = os.path.join(self.dir, "server.log")

    def _cmd(self, *args):
        cmd = [os.path.join(self.bin, args[0]), *args[1:]]
        return ["runuser", "-u", "postgres", "--", *cmd] if self.as_postgres else cmd

    def init(self):
        run(self._cmd("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"))
        with open(os.path.join(self.data, "postgresql.conf"), "a") as conf:
            conf.write(f"\nport = {self.port}\nlisten_addresses = 'localhost'\nunix_socket_directories = '{self.dir}'\n"
                       "max_connections = 100\ntimezone = 'Asia/Shanghai'\n")
        self.start()
        self.psql("postgres", f"CREATE DATABASE {DB}")

    def start(self):
        run(self._cmd("pg_ctl", "-D", self.data, "-l", self.logfile, "-w", "-t", "60", "start"))

    def stop(self, mode="fast"):
        run(self._cmd("pg_ctl", "-D", self.data, "-m", mode, "-w", "stop"))

    def destroy(self):
        try:
            self.stop("immediate")
        except RuntimeError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def psql(self, db, sql):
        out = run(["psql", "-h", "localhost", "-p", str(self.port), "-U", "postgres", "-d", db, "-X", "-q", "-A",
                   "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql])
        return [line.split("\t") for line in out.splitlines() if line]


class App:
    def __init__(self, jar):
        self.jar = jar
        self.process = None
        self.starts = 0

    def start(self):
        self.starts += 1
        logfile = open(os.path.join(OUT, f"app-{self.starts}.log"), "w")
        env = dict(os.environ, DB_URL=f"jdbc:postgresql://localhost:{PG_PORT}/{DB}", DB_USER="postgres", DB_PASSWORD="")
        self.process = subprocess.Popen(
            ["java", "-Xmx768m", "-Duser.timezone=Asia/Shanghai", "-jar", self.jar, "--spring.profiles.active=postgres",
             f"--server.port={APP_PORT}", "--approvals.demo-data=true",
             f"--approvals.public-notice-period=PT{NOTICE_PERIOD_SECONDS}S", "--camunda.bpm.job-execution.enabled=true"],
            stdout=logfile, stderr=subprocess.STDOUT, env=env, cwd=OUT)
        started = time.time()
        while time.time() - started < 300:
            if self.process.poll() is not None:
                sys.exit(f"the app ended at start-up, see target/faults/app-{self.starts}.log")
            if health() == "UP":
                log(f"app up (pid {self.process.pid}) after {time.time() - started:.1f} s")
                return time.time() - started
            time.sleep(0.5)
        sys.exit("the app did not come up within 300 s")

    def kill9(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.kill9()


def health():
    try:
        conn = http.client.HTTPConnection("localhost", APP_PORT, timeout=5)
        conn.request("GET", "/actuator/health")
        response = conn.getresponse()
        body = response.read()
        conn.close()
        return json.loads(body).get("status") if response.status in (200, 503) else None
    except (OSError, ValueError, http.client.HTTPException):
        return None


# ---------------------------------------------------------------- load
class Load:
    """Threads that submit applications and work them (受理 → 调查 → 街道初审 → 公示 timer)."""

    def __init__(self, total, threads):
        self.total = total
        self.threads = threads
        self.lock = threading.Lock()
        self.next = 0
        self.acked = []        # {id, number, idNumber} of every 201
        self.unknown = []      # idNumber of submissions without an answer (may or may not exist)
        self.statuses = []     # (time, method, path kind, status, content type)
        self.worked = 0
        self.stop_flag = threading.Event()
        self.app_down = threading.Event()

    def record(self, method, kind, status, content_type):
        with self.lock:
            self.statuses.append((time.time(), method, kind, status, content_type))

    def take(self):
        with self.lock:
            if self.next >= self.total or self.stop_flag.is_set():
                return None
            self.next += 1
            return self.next

    def wait_up(self):
        while self.app_down.is_set() and not self.stop_flag.is_set():
            time.sleep(0.2)

    def task(self, client, number, key):
        status, page, ctype = client.call("GET", f"/api/tasks?q={number}&size=50")
        self.record("GET", "tasks", status, ctype)
        if status != 200:
            return None
        for item in page.get("items", []):
            if item.get("taskKey") == key:
                return item["id"]
        return None

    def complete(self, client, number, key, data):
        for _ in range(40):
            if self.stop_flag.is_set():
                return False
            self.wait_up()
            task = self.task(client, number, key)
            if task is None:
                time.sleep(0.3)
                continue
            status, _, ctype = client.call("POST", f"/api/tasks/{task}/complete", {"decision": "approve", "data": data})
            self.record("POST", "complete", status, ctype)
            if status == 204:
                return True
            if status == 409:      # finished by an earlier attempt whose answer was lost
                continue
            time.sleep(0.3)
        return False

    def worker(self, index):
        community = list(STREETS)[index % len(STREETS)]
        clerk_name, reviewer_name = STREETS[community]
        clerk, reviewer = Client(clerk_name), Client(reviewer_name)
        while True:
            n = self.take()
            if n is None:
                return
            self.wait_up()
            body = dibao_application(community)
            status, answer, ctype = clerk.call("POST", "/api/applications", body)
            self.record("POST", "submit", status, ctype)
            if status == 201:
                with self.lock:
                    self.acked.append({"id": answer["id"], "number": answer["number"],
                                       "idNumber": body["applicant"]["idNumber"]})
            else:
                if status == 0:
                    with self.lock:
                        self.unknown.append(body["applicant"]["idNumber"])
                continue
            number = answer["number"]
            # every application is accepted; two in three go on to 调查 and 初审, and so into the 公示 timer
            if not self.complete(clerk, number, "Task_Accept", {}):
                continue
            if n % 3 == 0:
                continue
            if self.complete(clerk, number, "Task_Investigate", INVESTIGATION) and \
                    self.complete(reviewer, number, "Task_StreetReview", {"note": "同意"}):
                with self.lock:
                    self.worked += 1

    def start(self):
        self.pool = [threading.Thread(target=self.worker, args=(i,), daemon=True) for i in range(self.threads)]
        for t in self.pool:
            t.start()

    def join(self, timeout=None):
        deadline = None if timeout is None else time.time() + timeout
        for t in self.pool:
            t.join(None if deadline is None else max(0, deadline - time.time()))


# ---------------------------------------------------------------- checks in the database
def doc_numbers(pg):
    """Per organ and year: numbers used twice, numbers skipped (below the highest) and the counter."""
    rows = pg.psql(DB, "SELECT organ_code, doc_number FROM mz_notice")
    per = {}
    for organ, doc in rows:
        m = re.search(r"〔(\d{4})〕(\d+)号$", doc)
        per.setdefault((organ, m.group(1)), []).append(int(m.group(2)))
    counters = {r[0]: int(r[1]) for r in pg.psql(DB, "SELECT counter_key, counter_value FROM mz_counter WHERE counter_key LIKE 'doc:%'")}
    result = []
    for (organ, year), numbers in sorted(per.items()):
        distinct = set(numbers)
        top = max(distinct)
        result.append({"organ": organ, "year": year, "notices": len(numbers), "duplicates": len(numbers) - len(distinct),
                       "gaps": len(set(range(1, top + 1)) - distinct), "highest": top,
                       "counter": counters.get(f"doc:{organ}:{year}")})
    return result


def half_written(pg):
    """Applications without a process instance, or whose instance is gone without an end; instances without an application."""
    no_instance = pg.psql(DB, """
        SELECT count(*) FROM mz_application a
        WHERE a.process_instance_id IS NULL
           OR (NOT EXISTS (SELECT 1 FROM act_ru_execution e WHERE e.id_ = a.process_instance_id)
               AND NOT EXISTS (SELECT 1 FROM act_hi_procinst h WHERE h.id_ = a.process_instance_id AND h.end_time_ IS NOT NULL))""")[0][0]
    orphans = pg.psql(DB, """
        SELECT count(*) FROM act_ru_execution e
        WHERE e.id_ = e.proc_inst_id_ AND e.super_exec_ IS NULL
          AND NOT EXISTS (SELECT 1 FROM mz_application a WHERE CAST(a.id AS VARCHAR) = e.business_key_)""")[0][0]
    return int(no_instance), int(orphans)


def stuck(pg):
    """Running cases with nothing to resume them: no open task, no job (timer or async continuation) in their tree."""
    return int(pg.psql(DB, """
        SELECT count(*) FROM mz_application a
        WHERE EXISTS (SELECT 1 FROM act_ru_execution e WHERE e.id_ = a.process_instance_id)
          AND NOT EXISTS (SELECT 1 FROM act_ru_task t JOIN act_ru_execution p ON p.id_ = t.proc_inst_id_
                          WHERE p.business_key_ = CAST(a.id AS VARCHAR))
          AND NOT EXISTS (SELECT 1 FROM act_ru_job j JOIN act_ru_execution p ON p.id_ = j.process_instance_id_
                          WHERE p.business_key_ = CAST(a.id AS VARCHAR) AND j.retries_ > 0)""")[0][0])


def acked_check(pg, acked):
    rows = pg.psql(DB, "SELECT id, app_no FROM mz_application")
    by_id = {}
    by_number = {}
    for app_id, number in rows:
        by_id[int(app_id)] = by_id.get(int(app_id), 0) + 1
        by_number[number] = by_number.get(number, 0) + 1
    missing = [a for a in acked if by_id.get(a["id"], 0) == 0 or by_number.get(a["number"], 0) == 0]
    twice = [a for a in acked if by_number.get(a["number"], 0) > 1]
    person_twice = int(pg.psql(DB, """SELECT count(*) FROM (SELECT applicant_id_number FROM mz_application
        WHERE app_type = 'dibao' GROUP BY applicant_id_number HAVING count(*) > 1) d""")[0][0])
    return len(rows), missing, twice, person_twice


def overdue_timers(pg, seconds_late=5):
    return int(pg.psql(DB, f"""SELECT count(*) FROM act_ru_job WHERE type_ = 'timer' AND retries_ > 0
        AND duedate_ < (LOCALTIMESTAMP - INTERVAL '{seconds_late} seconds')""")[0][0])


def incidents(pg):
    return int(pg.psql(DB, "SELECT count(*) FROM act_ru_incident")[0][0])


# ---------------------------------------------------------------- scenario A
def scenario_kill9(pg, app):
    log(f"A: {APPS} applications from {THREADS} threads, kill -9 midway")
    app.start()
    load = Load(APPS, THREADS)
    started = time.time()
    load.start()
    while len(load.acked) < APPS // 2 and any(t.is_alive() for t in load.pool):
        time.sleep(0.2)
    load.app_down.set()
    killed_at = time.time()
    acked_before = len(load.acked)
    app.kill9()
    log(f"A: kill -9 after {acked_before} acknowledged applications ({killed_at - started:.0f} s)")
    # stay down one 公示 period: every 公示 started before the kill falls due while nothing runs
    time.sleep(NOTICE_PERIOD_SECONDS + 2)
    due_ids = [r[0] for r in pg.psql(DB, "SELECT id_ FROM act_ru_job WHERE type_ = 'timer' AND duedate_ <= LOCALTIMESTAMP")]
    restart_seconds = app.start()
    ready_at = time.time()
    load.app_down.clear()
    load.join(timeout=1800)
    load.stop_flag.set()
    log(f"A: load done: {len(load.acked)} acknowledged, {len(load.unknown)} without answer, "
        f"{load.worked} worked to 公示 ({time.time() - started:.0f} s)")
    # every timer that was due at the restart must fire; then every 公示 due by now
    fired_wait_started = time.time()
    deadline = time.time() + 180
    remaining = len(due_ids)
    while time.time() < deadline:
        if due_ids:
            remaining = int(pg.psql(DB, "SELECT count(*) FROM act_ru_job WHERE id_ IN (%s)"
                                    % ",".join("'%s'" % i for i in due_ids))[0][0])
        if remaining == 0 and overdue_timers(pg) == 0:
            break
        time.sleep(2)
    total_rows, missing, twice, person_twice = acked_check(pg, load.acked)
    no_instance, orphans = half_written(pg)
    result = {
        "applications": APPS, "threads": THREADS, "acknowledged": len(load.acked),
        "acknowledgedBeforeKill": acked_before, "unanswered": len(load.unknown), "rows": total_rows,
        "acknowledgedFound": len(load.acked) - len(missing), "missing": [a["number"] for a in missing],
        "duplicates": len(twice), "personTwice": person_twice,
        "applicationsWithoutInstance": no_instance, "instancesWithoutApplication": orphans,
        "stuck": stuck(pg), "incidents": incidents(pg),
        "timersDueWhileDown": len(due_ids), "timersDueWhileDownNotFired": remaining,
        "timersOverdueAtEnd": overdue_timers(pg), "timerWaitSeconds": round(time.time() - fired_wait_started, 1),
        "atDistrictReview": int(pg.psql(DB, "SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'Task_DistrictApprove'")[0][0]),
        "docNumbers": doc_numbers(pg),
        "restartSeconds": round(restart_seconds, 1), "downSeconds": round(ready_at - killed_at, 1),
        "seconds": round(time.time() - started, 1),
        "status5xx": sum(1 for s in load.statuses if s[3] >= 500),
    }
    result["docDuplicates"] = sum(d["duplicates"] for d in result["docNumbers"])
    result["docGaps"] = sum(d["gaps"] for d in result["docNumbers"])
    result["docCounterMismatch"] = sum(1 for d in result["docNumbers"] if d["counter"] != d["highest"])
    result["passed"] = (not missing and not twice and person_twice == 0 and no_instance == 0 and orphans == 0
                        and result["stuck"] == 0 and result["docDuplicates"] == 0 and result["docGaps"] == 0
                        and result["docCounterMismatch"] == 0 and remaining == 0 and result["timersOverdueAtEnd"] == 0
                        and result["timersDueWhileDown"] > 0)
    return result


# ---------------------------------------------------------------- scenario B
def scenario_pg_restart(pg, app):
    log(f"B: PostgreSQL stopped for {PG_DOWN:.0f} s under load")
    load = Load(10 ** 6, THREADS)
    starts_before = app.starts
    started = time.time()
    load.start()
    time.sleep(15)
    before = len(load.acked)
    stopped_at = time.time()
    pg.stop("fast")
    log("B: PostgreSQL stopped")
    time.sleep(PG_DOWN)
    pg.start()
    db_back_at = time.time()
    log("B: PostgreSQL started again")
    # recovery: the first submission acknowledged after the database is back
    recovered_at = None
    while time.time() - db_back_at < 120:
        with load.lock:
            ok = [s for s in load.statuses if s[0] > db_back_at and s[2] == "submit" and s[3] == 201]
        if ok:
            recovered_at = ok[0][0]
            break
        time.sleep(0.1)
    time.sleep(10)
    load.stop_flag.set()
    load.join(timeout=120)
    outage = [s for s in load.statuses if stopped_at <= s[0] <= (recovered_at or time.time())]
    codes = {}
    for s in outage:
        codes[str(s[3])] = codes.get(str(s[3]), 0) + 1
    unavailable = [s for s in outage if s[3] == 503]
    problem_json = all(s[4].startswith("application/problem+json") for s in unavailable)
    # a 503 must say why, in Chinese and English
    sample = Client("wjs-clerk")
    total_rows, missing, twice, person_twice = acked_check(pg, load.acked)
    no_instance, orphans = half_written(pg)
    result = {
        "pgDownSeconds": PG_DOWN, "acknowledgedBefore": before, "acknowledged": len(load.acked),
        "recoverySeconds": None if recovered_at is None else round(recovered_at - db_back_at, 1),
        "requestsDuringOutage": len(outage), "statusesDuringOutage": codes, "status503": len(unavailable),
        "status503ProblemJson": problem_json,
        "status5xxOtherThan503": sum(1 for s in load.statuses if s[3] >= 500 and s[3] != 503),
        "acknowledgedMissing": len(missing), "duplicates": len(twice), "personTwice": person_twice,
        "applicationsWithoutInstance": no_instance, "instancesWithoutApplication": orphans, "stuck": stuck(pg),
        "appRestarts": app.starts - starts_before, "appAlive": app.process.poll() is None,
        "seconds": round(time.time() - started, 1),
    }
    sample.close()
    result["passed"] = (recovered_at is not None and result["recoverySeconds"] <= 30 and len(unavailable) > 0
                        and problem_json and result["status5xxOtherThan503"] == 0 and not missing and not twice
                        and no_instance == 0 and orphans == 0 and result["appAlive"] and result["appRestarts"] == 0)
    return result


def unavailable_body(pg, app):
    """One 503 body while the database is down, to show what a client reads."""
    pg.stop("fast")
    try:
        status, body, ctype = Client("wjs-clerk").call("GET", "/api/applications?size=1")
        return {"status": status, "contentType": ctype, "body": body}
    finally:
        pg.start()


def main():
    os.makedirs(OUT, exist_ok=True)
    jars = [j for j in glob.glob(os.path.join(ROOT, "target", "minzheng-approvals-*.jar")) if not j.endswith("-plain.jar")]
    if not jars:
        sys.exit("no target/minzheng-approvals-*.jar: build it first (.ci/faults does)")
    pg = OwnPostgres(PG_PORT)
    app = App(jars[0])
    summary = []
    failed = False
    try:
        pg.init()
        log(f"own PostgreSQL on port {PG_PORT} in {pg.dir}")
        a = scenario_kill9(pg, app)
        with open(os.path.join(OUT, "kill9.json"), "w") as f:
            json.dump(a, f, ensure_ascii=False, indent=2)
        b = scenario_pg_restart(pg, app)
        b["sample503"] = unavailable_body(pg, app)
        with open(os.path.join(OUT, "pg-restart.json"), "w") as f:
            json.dump(b, f, ensure_ascii=False, indent=2)
        docs = "; ".join(f"{d['organ']} {d['year']}: {d['notices']} notices, highest {d['highest']}, counter {d['counter']}"
                         for d in a["docNumbers"])
        summary = [
            f"Fault tests, {time.strftime('%Y-%m-%d %H:%M')} (load average {os.getloadavg()[0]:.1f})",
            f"A kill -9: {'PASSED' if a['passed'] else 'FAILED'}",
            f"  {a['acknowledged']} of {a['applications']} applications acknowledged (201), {a['acknowledgedBeforeKill']} before the kill, "
            f"{a['unanswered']} without an answer; found {a['acknowledgedFound']}, missing {len(a['missing'])}, duplicates {a['duplicates']}, "
            f"same person twice {a['personTwice']}",
            f"  app down {a['downSeconds']} s (start-up {a['restartSeconds']} s); without instance {a['applicationsWithoutInstance']}, "
            f"instances without application {a['instancesWithoutApplication']}, stuck {a['stuck']}, incidents {a['incidents']}",
            f"  公示 timers due while down {a['timersDueWhileDown']}, not fired after restart {a['timersDueWhileDownNotFired']}, "
            f"overdue at the end {a['timersOverdueAtEnd']}; at 区民政局审核确认 {a['atDistrictReview']}",
            f"  文号 duplicates {a['docDuplicates']}, gaps {a['docGaps']}, counter mismatches {a['docCounterMismatch']} ({docs})",
            f"  5xx answers {a['status5xx']}; {a['seconds']} s in all",
            f"B PostgreSQL restart: {'PASSED' if b['passed'] else 'FAILED'}",
            f"  down {b['pgDownSeconds']} s; recovered {b['recoverySeconds']} s after it was back, no app restart ({b['appAlive']})",
            f"  during the outage {b['requestsDuringOutage']} answers {b['statusesDuringOutage']}: 503 {b['status503']} "
            f"(problem+json {b['status503ProblemJson']}), other 5xx {b['status5xxOtherThan503']}",
            f"  acknowledged {b['acknowledged']}, missing {b['acknowledgedMissing']}, duplicates {b['duplicates']}, "
            f"without instance {b['applicationsWithoutInstance']}, instances without application {b['instancesWithoutApplication']}, stuck {b['stuck']}",
        ]
        failed = not (a["passed"] and b["passed"])
    finally:
        app.stop()
        pg.destroy()
        with open(os.path.join(OUT, "summary.txt"), "w") as f:
            f.write("\n".join(summary) + "\n")
        print("\n".join(summary))
    sys.exit(1 if failed or not summary else 0)


if __name__ == "__main__":
    main()
