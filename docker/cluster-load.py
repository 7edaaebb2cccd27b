#!/usr/bin/env python3
"""Load and checks for the two-node cluster test (docker/cluster-test.sh starts the nodes).

Plays a round-robin load balancer in front of the nodes for API clients (HTTP Basic, no session): each
request goes to the next node alive; a request that fails because its node died is sent to the other.
Steps: sessions across nodes, a model deployed on node A started on node B, the calendar changed on A
seen on B, then COUNT 低保 applications walked to 公示 by both nodes while node A is killed (kill -9)
half-way, the 公示 timers left to the job executors, the district approval, and the checks. Writes
target/cluster/*.json and target/cluster/summary.txt. Python 3 standard library only.
"""
import argparse
import concurrent.futures
import http.cookiejar
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import base64

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".ci"))
from loadkit import INVESTIGATION, dibao_application  # noqa: E402

PASSWORD = "demo123"
REGION = "420112001001"  # 吴家山街示范一社区


class Nodes:
    """The nodes behind the load balancer; a dead node is skipped."""

    def __init__(self, urls):
        self.urls = list(urls)
        self.dead = set()
        self.counter = 0
        self.lock = threading.Lock()
        self.served = {u: 0 for u in urls}

    def order(self):
        with self.lock:
            self.counter += 1
            alive = [u for u in self.urls if u not in self.dead]
            start = self.counter % len(alive)
            return alive[start:] + alive[:start]

    def mark_dead(self, url):
        with self.lock:
            self.dead.add(url)


def call(url, method="GET", body=None, user=None, headers=None, timeout=60):
    data = None
    hdrs = dict(headers or {})
    if body is not None:
        data = json.dumps(body).encode()
        hdrs["Content-Type"] = "application/json"
    if user:
        hdrs["Authorization"] = "Basic " + base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
    req = urllib.request.Request(url, data=data, method=method, headers=hdrs)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
            return resp.status, (json.loads(raw) if raw and resp.headers.get_content_type().endswith("json") else raw)
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, raw


class Balancer:
    def __init__(self, nodes):
        self.nodes = nodes
        self.failovers = 0
        self.lock = threading.Lock()

    def request(self, path, method="GET", body=None, user=None):
        """Sends to the next live node; on a connection error (node died) to the next one."""
        last = None
        for _ in range(3):
            for base in self.nodes.order():
                try:
                    status, answer = call(base + path, method, body, user)
                    with self.nodes.lock:
                        self.nodes.served[base] += 1
                    return status, answer, base
                except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
                    last = e
                    with self.lock:
                        self.failovers += 1
            time.sleep(1)
        raise RuntimeError(f"no node answered {method} {path}: {last}")


# stage → (user, decision body) for the stages the load works
STEPS = {
    "Task_Accept": ("wjs-clerk", {"decision": "approve", "data": {}}),
    "Task_Investigate": ("wjs-clerk", {"decision": "approve", "data": INVESTIGATION}),
    "Task_StreetReview": ("wjs-reviewer", {"decision": "approve", "data": {"note": "同意"}}),
    "Task_DistrictApprove": ("qu-approver", {"decision": "approve", "data": {"homeVisitDone": False}}),
}


class Sql:
    def __init__(self, db):
        self.db = db

    def rows(self, query):
        out = subprocess.run(["psql", "-h", "localhost", "-U", "postgres", "-d", self.db, "-At", "-F", "\t", "-c", query],
                             check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    def value(self, query):
        rows = self.rows(query)
        return rows[0][0] if rows else None


class Load:
    def __init__(self, args):
        self.args = args
        self.nodes = Nodes(args.node)
        self.lb = Balancer(self.nodes)
        self.sql = Sql(args.db)
        self.apps = {}  # id → {number, node created on}
        self.lock = threading.Lock()
        self.reviewed = 0
        self.killed_at = None
        self.kill_event = threading.Event()
        self.errors = []

    # --- one application to 公示 ---------------------------------------------------------------
    def task_of(self, app, key, user):
        for _ in range(30):
            status, page, _ = self.lb.request("/api/tasks?q=" + urllib.parse.quote(app["number"]), user=user)
            if status == 200:
                for item in page.get("items", []):
                    if item.get("taskKey") == key:
                        return item["id"]
            time.sleep(0.5)
        raise RuntimeError(f"{app['number']}: no {key} task for {user}")

    def stage(self, app):
        status, body, _ = self.lb.request(f"/api/applications/{app['id']}", user="wjs-clerk")
        if status != 200:
            raise RuntimeError(f"{app['number']}: GET {status} {body}")
        return body

    def work(self, app, key):
        user, decision = STEPS[key]
        for attempt in range(5):
            task = self.task_of(app, key, user)
            status, body, _ = self.lb.request(f"/api/tasks/{task}/complete", "POST", decision, user)
            if status == 204:
                return
            # a completion whose node died after the commit: the stage has moved on
            if self.stage(app).get("stage") != key:
                return
            time.sleep(0.5)
        raise RuntimeError(f"{app['number']}: {key} not completed: {status} {body}")

    def to_public_notice(self, n):
        request = dibao_application(REGION)
        status, body, node = self.lb.request("/api/applications", "POST", request, "wjs-clerk")
        if status != 201:
            raise RuntimeError(f"application {n}: {status} {body}")
        app = {"id": body["id"], "number": body["number"], "createdOn": node,
               "processInstanceId": body["processInstanceId"]}
        with self.lock:
            self.apps[app["id"]] = app
        for key in ("Task_Accept", "Task_Investigate", "Task_StreetReview"):
            self.work(app, key)
        with self.lock:
            self.reviewed += 1
            if self.reviewed == self.args.kill_after and not self.kill_event.is_set():
                self.kill_event.set()
                self.kill()
        return app

    def kill(self):
        # the moment node A holds a job lock, if that comes within 20 s: its jobs must then wait for the lock time
        until = time.monotonic() + 20
        while time.monotonic() < until and \
                int(self.sql.value("SELECT count(*) FROM act_ru_job WHERE lock_owner_ = 'node-a'")) == 0:
            time.sleep(0.05)
        os.kill(self.args.kill_pid, signal.SIGKILL)
        self.killed_at = self.sql.value("SELECT to_char(clock_timestamp() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS.MS')")
        self.nodes.mark_dead(self.args.node[0])
        locked = self.sql.rows("SELECT id_, lock_owner_, to_char(lock_exp_time_, 'HH24:MI:SS') FROM act_ru_job "
                               "WHERE lock_owner_ IS NOT NULL")
        self.locked_at_kill = [{"job": r[0], "owner": r[1], "lockExpires": r[2]} for r in locked]
        print(f"  kill -9 node A (pid {self.args.kill_pid}) at {self.killed_at} after {self.reviewed} street reviews; "
              f"jobs locked then: {len(locked)} ({sum(1 for r in locked if r[1] == 'node-a')} by node-a)", flush=True)

    # --- checks before the load ---------------------------------------------------------------
    def sessions(self):
        """A browser login through both nodes: the CSRF cookie of node A's login page is taken by node B."""
        a, b = self.args.node
        jar = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
        opener.open(a + "/login").read()
        token = next((c.value for c in jar if c.name == "MZ-XSRF-TOKEN"), None)
        form = urllib.parse.urlencode({"username": "wjs-clerk", "password": PASSWORD, "_csrf": token or ""}).encode()
        try:
            resp = opener.open(urllib.request.Request(b + "/login", data=form, method="POST"))
            status, location = resp.status, resp.headers.get("Location")
        except urllib.error.HTTPError as e:
            status, location = e.code, e.headers.get("Location")
        session = next((c.value for c in jar if c.name == "JSESSIONID"), None)

        def me(base):
            req = urllib.request.Request(base + "/api/me", headers={"Cookie": f"JSESSIONID={session}"})
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    return r.status
            except urllib.error.HTTPError as e:
                return e.code
        result = {"csrfCookieFromNodeA": token is not None, "loginOnNodeB": status,
                  "loginRedirect": location, "sessionOnNodeB": me(b), "sameSessionOnNodeA": me(a)}
        result["ok"] = (token is not None and status == 302 and location is not None and "error" not in location
                        and result["sessionOnNodeB"] == 200)
        return result

    def deploy_on_a_start_on_b(self):
        """A new version of dibao.bpmn deployed through node A's admin API; an application filed on node B starts it."""
        a, b = self.args.node
        with open(self.args.model, "rb") as f:
            model = f.read().decode()
        # a visible change: the process name gets a suffix, so the deployment is a new version
        marker = "（集群测试 " + uuid.uuid4().hex[:6] + "）"
        start = model.index("<bpmn:process ")
        name_at = model.index('name="', start) + len('name="')
        model = model[:name_at] + model[name_at:model.index('"', name_at)] + marker + model[model.index('"', name_at):]
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n集群测试：在节点A部署\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dibao.bpmn\"\r\n"
                f"Content-Type: application/xml\r\n\r\n{model}\r\n--{boundary}--\r\n").encode()
        req = urllib.request.Request(a + "/api/admin/models", data=body, method="POST", headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Authorization": "Basic " + base64.b64encode(f"admin:{PASSWORD}".encode()).decode()})
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                deployed = json.loads(r.read())
        except urllib.error.HTTPError as e:
            return {"ok": False, "deployStatus": e.code, "answer": e.read().decode(errors="replace")[:2000]}
        definition = self.sql.value(f"SELECT id_ FROM act_re_procdef WHERE deployment_id_ = '{deployed['deploymentId']}' "
                                    "AND key_ = 'dibao'")
        status, created = call(b + "/api/applications", "POST", dibao_application(REGION), "wjs-clerk")
        started = self.sql.value(f"SELECT proc_def_id_ FROM act_ru_execution WHERE id_ = '{created.get('processInstanceId')}'") \
            if status == 201 else None
        return {"ok": status == 201 and started == definition, "deployedOn": "node A", "deployed": deployed,
                "definitionId": definition, "startedOn": "node B", "applicationStatus": status,
                "applicationNumber": created.get("number") if isinstance(created, dict) else None,
                "startedDefinitionId": started}

    def calendar_across_nodes(self):
        """2027 added through node A; node B's deadlines use it within approvals.calendar.refresh."""
        a, b = self.args.node
        call(b + "/api/calendar/workdays?from=2026-12-31&add=1", user="wjs-clerk")  # B has read its calendar
        text = "2027-01-01..2027-01-03 休 元旦\n2027-02-06..2027-02-12 休 春节\n2027-02-14 班 春节调休\n"
        status, _ = call(a + "/api/admin/calendar/2027", "POST",
                         {"source": "国务院办公厅关于2027年部分节假日安排的通知", "note": "集群测试", "text": text}, "admin")
        if status == 409:  # a database kept from an earlier run
            status, _ = call(a + "/api/admin/calendar/2027", "PUT",
                             {"source": "国务院办公厅关于2027年部分节假日安排的通知", "note": "集群测试", "text": text}, "admin")
        changed = time.monotonic()
        seen = None
        while time.monotonic() - changed < 120:
            s, answer = call(b + "/api/calendar/workdays?from=2027-02-05&add=1", user="wjs-clerk")
            if s == 200 and answer.get("date") == "2027-02-14":
                seen = round(time.monotonic() - changed, 1)
                break
            time.sleep(0.5)
        return {"ok": status in (200, 201) and seen is not None, "changedOn": "node A", "adminStatus": status,
                "seenOnNodeBAfterSeconds": seen}

    # --- the load -----------------------------------------------------------------------------
    def run(self):
        out = self.args.out
        os.makedirs(out, exist_ok=True)
        results = {"nodes": self.args.node, "applications": self.args.count,
                   "publicNoticePeriodSeconds": self.args.period, "lockTimeMillis": self.args.lock_time}
        print("sessions …", flush=True)
        results["sessions"] = self.sessions()
        print("  ", results["sessions"], flush=True)
        print("model deployed on node A, started on node B …", flush=True)
        results["deployment"] = self.deploy_on_a_start_on_b()
        print("  ", {k: v for k, v in results["deployment"].items() if k != "answer"}, flush=True)
        print("calendar changed on node A, seen on node B …", flush=True)
        results["calendar"] = self.calendar_across_nodes()
        print("  ", results["calendar"], flush=True)

        print(f"load: {self.args.count} applications to 公示, node A killed after {self.args.kill_after} …", flush=True)
        started = time.monotonic()
        self.load_start = self.sql.value("SELECT to_char(clock_timestamp() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS.MS')")
        with concurrent.futures.ThreadPoolExecutor(self.args.threads) as pool:
            for f in concurrent.futures.as_completed([pool.submit(self.to_public_notice, n) for n in range(self.args.count)]):
                try:
                    f.result()
                except Exception as e:  # counted and reported; the checks below fail the run
                    self.errors.append(str(e))
        to_notice = time.monotonic() - started
        print(f"  {len(self.apps)} applications at 公示 in {to_notice:.0f} s, errors {len(self.errors)}", flush=True)

        ids = ",".join(str(i) for i in self.apps) or "0"
        roots = f"SELECT process_instance_id FROM mz_application WHERE id IN ({ids})"
        timers_open = f"SELECT count(*) FROM act_ru_job j JOIN act_ru_execution e ON e.id_ = j.process_instance_id_ " \
                      f"WHERE e.root_proc_inst_id_ IN ({roots})"
        deadline = time.monotonic() + self.args.period + self.args.lock_time / 1000 + 180
        open_jobs = None
        while time.monotonic() < deadline:
            open_jobs = int(self.sql.value(timers_open))
            if open_jobs == 0:
                break
            time.sleep(2)
        jobs_done_at = time.monotonic()
        print(f"  公示 timers open after waiting: {open_jobs}", flush=True)

        print("district approval …", flush=True)
        with concurrent.futures.ThreadPoolExecutor(self.args.threads) as pool:
            futures = [pool.submit(self.work, app, "Task_DistrictApprove") for app in self.apps.values()]
            for f in concurrent.futures.as_completed(futures):
                try:
                    f.result()
                except Exception as e:
                    self.errors.append(str(e))
        total = time.monotonic() - started

        results.update(self.checks(ids, roots))
        results["load"] = {
            "seconds": {"toPublicNotice": round(to_notice, 1), "timersDone": round(jobs_done_at - started, 1),
                        "total": round(total, 1)},
            "killedNodeAAt": self.killed_at, "loadStartedAt": self.load_start,
            "jobsLockedAtKill": getattr(self, "locked_at_kill", []),
            "requestsServed": {("node A" if u == self.args.node[0] else "node B"): n for u, n in self.nodes.served.items()},
            "failovers": self.lb.failovers, "errors": self.errors[:20], "errorCount": len(self.errors),
        }
        results["ok"] = all(results[k]["ok"] for k in ("sessions", "deployment", "calendar", "cases", "jobs")) \
            and not self.errors
        with open(os.path.join(out, "cluster.json"), "w") as f:
            json.dump(results, f, ensure_ascii=False, indent=2)
        summary = self.summary(results)
        with open(os.path.join(out, "summary.txt"), "w") as f:
            f.write(summary)
        print(summary, flush=True)
        return results["ok"]

    def checks(self, ids, roots):
        cases = self.sql.rows(f"SELECT status, count(*) FROM mz_application WHERE id IN ({ids}) GROUP BY status")
        by_status = {r[0]: int(r[1]) for r in cases}
        published = int(self.sql.value(
            f"SELECT count(*) FROM act_hi_actinst WHERE act_id_ = 'End_Published' AND proc_inst_id_ IN ({roots})"))
        open_jobs = int(self.sql.value(f"SELECT count(*) FROM act_ru_job j JOIN act_ru_execution e "
                                       f"ON e.id_ = j.process_instance_id_ WHERE e.root_proc_inst_id_ IN ({roots})"))
        incidents = int(self.sql.value("SELECT count(*) FROM act_ru_incident"))
        locked_left = self.sql.rows("SELECT id_, lock_owner_, to_char(lock_exp_time_, 'HH24:MI:SS') FROM act_ru_job "
                                    "WHERE lock_owner_ IS NOT NULL")
        kill = self.killed_at or "9999-12-31"
        log = self.sql.rows(
            "SELECT hostname_, CASE WHEN timestamp_ < TIMESTAMP '" + kill + "' THEN 'before' ELSE 'after' END, count(*), "
            "to_char(max(timestamp_), 'YYYY-MM-DD HH24:MI:SS.MS') FROM act_hi_job_log WHERE job_state_ = 2 "
            "AND job_def_type_ = 'timer-intermediate-transition' AND timestamp_ >= TIMESTAMP '" + self.load_start + "' "
            "GROUP BY 1, 2 ORDER BY 1, 2")
        done = {}
        for host, when, n, last in log:
            done.setdefault(host, {})[when] = int(n)
        last_job = max((r[3] for r in log), default=None)
        failed = int(self.sql.value("SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 1 AND timestamp_ >= TIMESTAMP '"
                                    + self.load_start + "'"))
        # the longest a timer waited past its due date (a job node A held when it died waits for its lock time)
        late = self.sql.rows(
            "SELECT hostname_, round(max(extract(epoch FROM l.timestamp_ - l.job_duedate_))::numeric, 1) FROM act_hi_job_log l "
            "WHERE job_state_ = 2 AND job_def_type_ = 'timer-intermediate-transition' AND timestamp_ >= TIMESTAMP '"
            + self.load_start + "' GROUP BY 1")
        after_kill = self.sql.value(
            "SELECT round(extract(epoch FROM max(timestamp_) - TIMESTAMP '" + kill + "')::numeric, 1) FROM act_hi_job_log "
            "WHERE job_state_ = 2 AND job_def_type_ = 'timer-intermediate-transition'") if self.killed_at else None
        # the jobs node A held when it died: who finished them, how long after the kill
        taken_over = []
        for job in getattr(self, "locked_at_kill", []):
            if job["owner"] != "node-a":
                continue
            row = self.sql.rows("SELECT hostname_, round(extract(epoch FROM timestamp_ - TIMESTAMP '" + kill + "')::numeric, 1) "
                                "FROM act_hi_job_log WHERE job_state_ = 2 AND job_id_ = '" + job["job"] + "'")
            taken_over.append({"job": job["job"], "doneBy": row[0][0] if row else None,
                               "secondsAfterKill": float(row[0][1]) if row else None})
        expected = len(self.apps)
        return {
            "cases": {"ok": by_status.get("approved", 0) == expected == self.args.count and published == expected,
                      "byStatus": by_status, "atEndPublished": published, "expected": self.args.count},
            "jobs": {"ok": open_jobs == 0 and incidents == 0 and not locked_left
                     and sum(sum(v.values()) for v in done.values()) == expected,
                     "openJobsOfTheLoad": open_jobs, "incidents": incidents, "lockedLeft": locked_left,
                     "timersDoneByNode": done, "failedJobExecutions": failed, "lastTimerDoneAt": last_job,
                     "lastTimerSecondsAfterKill": after_kill,
                     "maxSecondsPastDueByNode": {r[0]: float(r[1]) for r in late},
                     "jobsOfNodeAAtKill": taken_over},
        }

    def summary(self, r):
        d, s, c, j, load = r["deployment"], r["sessions"], r["calendar"], r["jobs"], r["load"]
        lines = [
            f"Two-node cluster test — {'PASSED' if r['ok'] else 'FAILED'}",
            f"nodes {', '.join(r['nodes'])} (node A = first), one PostgreSQL database; 公示 {r['publicNoticePeriodSeconds']} s, "
            f"job lock time {r['lockTimeMillis']} ms",
            f"sessions: CSRF cookie of node A's login page accepted by node B's login: {s['loginOnNodeB']} → "
            f"{s['loginRedirect']}; session on node B {s['sessionOnNodeB']}, the same session on node A "
            f"{s['sameSessionOnNodeA']} (sessions stay on their node: sticky load balancer)",
            f"model: dibao deployed on node A ({d.get('definitionId')}), application filed on node B started "
            f"{d.get('startedDefinitionId')} — {'same' if d['ok'] else 'NOT the same'}",
            f"calendar: 2027 added on node A, seen by node B after {c['seenOnNodeBAfterSeconds']} s",
            f"load: {r['applications']} 低保 applications (受理, 调查, 街道初审 on both nodes round-robin, 公示 timer, 区审核确认); "
            f"node A killed (kill -9) at {load['killedNodeAAt']}; jobs locked at that moment: "
            f"{len(load['jobsLockedAtKill'])} ({sum(1 for x in load['jobsLockedAtKill'] if x['owner'] == 'node-a')} by node-a)",
            f"requests served: {load['requestsServed']}, failed over to the other node: {load['failovers']}, errors: "
            f"{load['errorCount']}",
            f"公示 timers done by node (before/after the kill): {j['timersDoneByNode']}; failed executions "
            f"{j['failedJobExecutions']}; longest past due by node (s): {j['maxSecondsPastDueByNode']}",
            f"last timer done {j['lastTimerSecondsAfterKill']} s after the kill; open jobs of the load left: "
            f"{j['openJobsOfTheLoad']}; jobs still locked: {len(j['lockedLeft'])}; incidents: {j['incidents']}",
            f"jobs node A held when killed, finished by: {j['jobsOfNodeAAtKill']}",
            f"cases: {r['cases']['byStatus']}, at End_Published: {r['cases']['atEndPublished']} of {r['cases']['expected']}",
            f"time: to 公示 {load['seconds']['toPublicNotice']} s, timers done at {load['seconds']['timersDone']} s, "
            f"all done {load['seconds']['total']} s",
        ]
        return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--node", action="append", required=True, help="base URL; the first is node A (killed)")
    p.add_argument("--kill-pid", type=int, required=True)
    p.add_argument("--db", required=True)
    p.add_argument("--count", type=int, default=200)
    p.add_argument("--kill-after", type=int, default=100, help="street reviews done before node A is killed")
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--period", type=int, default=30, help="public-notice period of the nodes, seconds")
    p.add_argument("--lock-time", type=int, default=15000)
    p.add_argument("--model", required=True)
    p.add_argument("--out", default="target/cluster")
    args = p.parse_args()
    raise SystemExit(0 if Load(args).run() else 1)


if __name__ == "__main__":
    main()
