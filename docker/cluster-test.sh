#!/usr/bin/env bash
# Two-node cluster test on one machine, without docker: two processes of the packaged jar on ports 18090
# (node A) and 18091 (node B), profiles postgres + cluster, one PostgreSQL database (CLUSTER_DB, dropped and
# created), then docker/cluster-load.py: sessions across nodes, a model deployed on A started on B, the
# calendar changed on A seen on B, COUNT 低保 applications worked by both nodes with node A killed (kill -9)
# half-way, the 公示 timers finished by node B. Results: target/cluster/cluster.json, summary.txt, node logs.
#
#   docker/cluster-test.sh                 # after mvn package (or verify); builds the jar if it is missing
#   COUNT=50 docker/cluster-test.sh        # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

DB="${CLUSTER_DB:-minzheng_cluster}"
PORT_A="${PORT_A:-18090}"
PORT_B="${PORT_B:-18091}"
COUNT="${COUNT:-200}"
PERIOD="${PERIOD:-30}"          # 公示 period, seconds
LOCK_MS="${LOCK_MS:-15000}"     # job lock time: a dead node's jobs are taken by the other after it
OUT=target/cluster
mkdir -p "$OUT"

JAR=$(ls target/minzheng-approvals-*.jar 2>/dev/null | grep -v original | head -n1 || true)
if [ -z "$JAR" ]; then
  mvn -B -ntp -q package -DskipTests
  JAR=$(ls target/minzheng-approvals-*.jar | grep -v original | head -n1)
fi

psql -h localhost -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

start_node() { # name port
  DB_URL="jdbc:postgresql://localhost:5432/$DB" CLUSTER_NODE="$1" JOB_LOCK_TIME_MS="$LOCK_MS" JOB_MAX_WAIT_MS=2000 \
    CALENDAR_REFRESH=PT5S \
    java -Xmx640m -XX:+UseSerialGC -Duser.timezone=Asia/Shanghai -jar "$JAR" \
      --spring.profiles.active=postgres,cluster --server.port="$2" \
      --approvals.demo-data=true --approvals.public-notice-period="PT${PERIOD}S" \
      >"$OUT/$1.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}

wait_up() { # port pid
  for _ in $(seq 1 180); do
    if curl -fs "http://localhost:$1/actuator/health" >/dev/null 2>&1; then return 0; fi
    kill -0 "$2" 2>/dev/null || { echo "node on port $1 died at start-up, see $OUT"; return 1; }
    sleep 1
  done
  echo "node on port $1 did not start in 180 s"; return 1
}

# node A alone first: it creates Camunda's and our tables and deploys the models; node B then finds them
started=$(date +%s)
start_node node-a "$PORT_A"; PID_A=$STARTED_PID
wait_up "$PORT_A" "$PID_A"
start_node node-b "$PORT_B"; PID_B=$STARTED_PID
wait_up "$PORT_B" "$PID_B"
echo "nodes up in $(( $(date +%s) - started )) s: node A pid $PID_A :$PORT_A, node B pid $PID_B :$PORT_B"

python3 docker/cluster-load.py --node "http://localhost:$PORT_A" --node "http://localhost:$PORT_B" \
  --kill-pid "$PID_A" --db "$DB" --count "$COUNT" --kill-after $(( COUNT / 2 )) --period "$PERIOD" \
  --lock-time "$LOCK_MS" --model processes/dibao.bpmn --out "$OUT"
