#!/usr/bin/env bash
# Two-node measurement of docs/scaling.md on one PostgreSQL: a copy of a benchmark database left with a
# kick-off pending (./mvnw -B -Pbench test ... -Dbench.leave-kickoff=<year>), two application processes
# (node-a, node-b) started from the jar, every job held until both are up; then
#   1. the kick-off on both nodes,
#   2. half of the kick-off's reminder jobs made due at once and drained by both nodes,
#   3. node-b stopped, the other half made due and drained by node-a alone;
# and checks: one list and one instance per active staff member, no job run twice (ACT_HI_JOB_LOG), one
# reminder mail per reminder job, incidents, successful jobs per node (HOSTNAME_ of the job log).
# Usage: tools/two-node-run.sh <source db> <year> [jar]
# Environment: NODES=1 runs the same phases on node-a alone (the one-node baseline on the same copy);
# NODE_ARGS adds arguments to every node (e.g. acquisition settings for a cluster); OUT the result folder.
set -euo pipefail
SRC=${1:?source database}
YEAR=${2:?year}
JAR=${3:-target/zeren-0.1.0-SNAPSHOT.jar}
DB=zeren_bench_nodes
OUT=${OUT:-target/two-node}
NODES=${NODES:-2}
NODE_ARGS=${NODE_ARGS:-}
PSQL="psql -h 127.0.0.1 -U postgres -Atq"
mkdir -p "$OUT"
db() { $PSQL -d "$DB" -c "$1"; }
now() { date +%s.%N; }
load() { cut -d' ' -f1 /proc/loadavg; }

start_node() { # name port
	ZEREN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" ZEREN_ADMIN_PASSWORD=bench-Pass-1 ZEREN_STAFF_PASSWORD=bench-Pass-1 \
		java -Xmx1g -jar "$JAR" --spring.profiles.active=postgres --server.port="$2" --zeren.mail.enabled=false \
		--camunda.bpm.generic-properties.properties.hostname="$1" \
		--logging.level.org.camunda.bpm.engine.jobexecutor=error $NODE_ARGS > "$OUT/$1.log" 2>&1 &
	echo $!
}
wait_up() { for _ in $(seq 1 400); do curl -sf "http://127.0.0.1:$1/actuator/health" > /dev/null && return 0; sleep 1; done; return 1; }
due_reminders() { db "select count(*) from act_ru_job where handler_type_ = 'zeren-task-deadline' and handler_cfg_ like 'REMIND|%' and duedate_ < now() and retries_ > 0"; }

$PSQL -d postgres -c "drop database if exists $DB with (force)"
$PSQL -d postgres -c "create database $DB template $SRC"
db "update act_ru_job set duedate_ = now() + interval '30 days' where duedate_ is null or duedate_ < now() + interval '30 days'"
A=$(start_node node-a 18081); wait_up 18081
B=
if [ "$NODES" = 2 ]; then B=$(start_node node-b 18082); wait_up 18082; fi
staff=$(db "select count(*) from zr_staff where active = 'Y'")
cycle=$(db "select id from zr_resp_cycle where cycle_year = $YEAR")
echo "nodes up; $staff active staff; load $(load)"

l0=$(load); t0=$(now)
db "update act_ru_job set duedate_ = null where process_instance_id_ in (select id_ from act_ru_execution where business_key_ = '$YEAR' and parent_id_ is null)"
until [ "$(db "select state from zr_resp_cycle where id = $cycle")" = "DEPLOYED" ]; do sleep 0.5; done
t1=$(now)
lists=$(db "select count(*) from zr_pers_list where cycle_id = $cycle")
instances=$(db "select count(*) from act_ru_execution where parent_id_ is null and business_key_ like '$YEAR:%'")
dupl=$(db "select count(*) from (select username from zr_pers_list where cycle_id = $cycle group by username having count(*) > 1) d")
perNodeKick=$(db "select string_agg(hostname_ || '=' || n, ' ') from (select hostname_, count(*) n from act_hi_job_log where job_state_ = 2 and job_def_configuration_ like '%' and timestamp_ >= to_timestamp($t0) group by hostname_ order by 1) x")
printf '| kick-off, %s node(s) | %s staff | %.1f s | %.1f lists/s | %s lists, %s instances, %s duplicate lists | successful jobs: %s | load %s-%s |\n' \
	"$NODES" "$staff" "$(echo "$t1 - $t0" | bc)" "$(echo "$lists / ($t1 - $t0)" | bc -l)" "$lists" "$instances" "$dupl" "$perNodeKick" "$l0" "$(load)" | tee -a "$OUT/results.md"

drain() { # label half
	local mails0 l0 t0 t1 n
	mails0=$(db "select count(*) from zr_mail_outbox where template like '%remind%'")
	l0=$(load); t0=$(now)
	n=$(db "with u as (update act_ru_job set duedate_ = now() - interval '1 minute' where handler_type_ = 'zeren-task-deadline' and handler_cfg_ like 'REMIND|%' and mod(abs(hashtext(id_)), 2) = $2 returning 1) select count(*) from u")
	until [ "$(due_reminders)" = "0" ]; do sleep 0.5; done
	t1=$(now)
	local mails=$(( $(db "select count(*) from zr_mail_outbox where template like '%remind%'") - mails0 ))
	local per; per=$(db "select string_agg(hostname_ || '=' || n, ' ') from (select hostname_, count(*) n from act_hi_job_log where job_state_ = 2 and timestamp_ >= to_timestamp($t0) group by hostname_ order by 1) x")
	printf '| reminder drain, %s | %s due | %.1f s | %.1f jobs/s | %s reminder mails | successful jobs: %s | load %s-%s |\n' \
		"$1" "$n" "$(echo "$t1 - $t0" | bc)" "$(echo "$n / ($t1 - $t0)" | bc -l)" "$mails" "$per" "$l0" "$(load)" | tee -a "$OUT/results.md"
}
if [ -n "$B" ]; then
	drain "2 nodes" 0
	kill "$B"; wait "$B" 2> /dev/null || true
	drain "1 node (node-b stopped)" 1
else
	drain "1 node, first half" 0
	drain "1 node, second half" 1
fi
kill "$A"; wait "$A" 2> /dev/null || true
jobdup=$($PSQL -d "$DB" -c "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_ having count(*) > 1) d")
incidents=$($PSQL -d "$DB" -c "select count(*) from act_ru_incident")
echo "| checks | jobs that ran successfully more than once: $jobdup | incidents: $incidents |" | tee -a "$OUT/results.md"
