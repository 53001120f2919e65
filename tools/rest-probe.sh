#!/usr/bin/env bash
# Tasklist's two filters and the count through the engine REST API as random generated staff / section heads,
# against a running node (docs/performance.md). Usage: tools/rest-probe.sh <db> <port> <samples>
set -euo pipefail
DB=$1; PORT=$2; N=${3:-100}
PSQL="psql -h 127.0.0.1 -U postgres -Atq -d $DB"
MINE=$($PSQL -c "select id_ from act_ru_filter where name_ = '我的待办'")
CLAIM=$($PSQL -c "select id_ from act_ru_filter where name_ = '待认领'")
mapfile -t STAFF < <($PSQL -c "select username from zr_staff where username like 'b%' order by random() limit $N")
mapfile -t HEADS < <($PSQL -c "select s.username from zr_unit u join zr_staff s on s.id = u.head_id where u.code like 'B%' and u.kind = 'SECTION' order by random() limit $N")
call() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -u "$1:bench-Pass-1" -H 'Content-Type: application/json' -X POST -d '{}' "http://127.0.0.1:$PORT$2"; }
: > /tmp/probe-mine; : > /tmp/probe-claim; : > /tmp/probe-count
for i in $(seq 0 $((N - 1))); do
	call "${STAFF[$i]}" "/engine-rest/filter/$MINE/list?firstResult=0&maxResults=50" >> /tmp/probe-mine
	call "${HEADS[$((i % ${#HEADS[@]}))]}" "/engine-rest/filter/$CLAIM/list?firstResult=0&maxResults=50" >> /tmp/probe-claim
	call "${HEADS[$((i % ${#HEADS[@]}))]}" "/engine-rest/filter/$CLAIM/count" >> /tmp/probe-count
done
for f in mine claim count; do
	python3 - "$f" <<'PY'
import sys
rows=[l.split() for l in open('/tmp/probe-'+sys.argv[1])]
bad=[r for r in rows if r[0]!='200']
t=sorted(float(r[1])*1000 for r in rows)
p=lambda q:t[min(len(t)-1,max(0,int(round(q/100*len(t)+0.5))-1))]
print(f"{sys.argv[1]}: n={len(t)} non-200={len(bad)} p50={p(50):.1f} p95={p(95):.1f} p99={p(99):.1f} ms")
PY
done
