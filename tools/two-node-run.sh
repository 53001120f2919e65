#!/usr/bin/env bash
# Two-node measurement of docs/scaling.md: the same kick-off and reminder drain with one and with two
# application processes on one PostgreSQL. Needs a zeren_bench left by
#   ./mvnw -B -Pbench test ... -Dbench.leave-kickoff=<year>
# and the jar (./mvnw -B package -DskipTests). Usage: tools/two-node-run.sh <year> <jar>
set -euo pipefail
YEAR=${1:?year}
JAR=${2:-target/zeren-0.1.0-SNAPSHOT.jar}
PSQL="psql -h 127.0.0.1 -U postgres -Atq"
OUT=${OUT:-target/two-node}
mkdir -p "$OUT"

db() { $PSQL -d "$1" -c "$2"; }

start_node() { # db name port
	ZEREN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$1" ZEREN_ADMIN_PASSWORD=bench-Pass-1 ZEREN_STAFF_PASSWORD=bench-Pass-1 \
		java -Xmx1g -jar "$JAR" --spring.profiles.active=postgres --server.port="$3" --zeren.mail.enabled=false \
		--camunda.bpm.generic-properties.properties.hostname="$2" --logging.level.org.camunda.bpm.engine.jobexecutor=error \
		> "$OUT/$1-$2.log" 2>&1 &
	echo $!
}

wait_up() { # port
	for _ in $(seq 1 240); do
		curl -sf "http://127.0.0.1:$1/actuator/health" > /dev/null && return 0
		sleep 1
	done
	echo "node on $1 did not start" >&2; return 1
}

measure() { # label db nodes...
	local label=$1 dbname=$2; shift 2
	$PSQL -d postgres -c "drop database if exists $dbname with (force)"
	$PSQL -d postgres -c "create database $dbname template zeren_bench"
	# Hold every job until all nodes are up.
	db "$dbname" "update act_ru_job set duedate_ = now() + interval '10 days' where duedate_ is null or duedate_ < now() + interval '10 days'"
	local pids=() port=18080
	for node in "$@"; do port=$((port + 1)); pids+=("$(start_node "$dbname" "$node" "$port")"); done
	port=18080
	for node in "$@"; do port=$((port + 1)); wait_up "$port"; done
	local staff; staff=$(db "$dbname" "select count(*) from zr_staff where active = 'Y'")
	local cycle; cycle=$(db "$dbname" "select id from zr_resp_cycle where cycle_year = $YEAR")
	local load0; load0=$(cut -d' ' -f1 /proc/loadavg)
	local t0; t0=$(date +%s.%N)
	db "$dbname" "update act_ru_job set duedate_ = null where process_instance_id_ in (select id_ from act_ru_execution where business_key_ = '$YEAR' and parent_id_ is null)"
	until [ "$(db "$dbname" "select state from zr_resp_cycle where id = $cycle")" = "DEPLOYED" ]; do sleep 0.5; done
	local t1; t1=$(date +%s.%N)
	local lists; lists=$(db "$dbname" "select count(*) from zr_pers_list where cycle_id = $cycle")
	local dupl; dupl=$(db "$dbname" "select count(*) from (select username from zr_pers_list where cycle_id = $cycle group by username having count(*) > 1) d")
	local inst; inst=$(db "$dbname" "select count(*) from act_ru_execution where parent_id_ is null and business_key_ like '$YEAR:%'")
	# Reminders: this kick-off's reminder jobs due at once.
	local due; due=$(db "$dbname" "with u as (update act_ru_job set duedate_ = now() - interval '1 minute' where handler_type_ = 'zeren-task-deadline' and handler_cfg_ like 'REMIND|%' returning 1) select count(*) from u")
	local mails0; mails0=$(db "$dbname" "select count(*) from zr_mail_outbox where template like '%remind%'")
	local t2; t2=$(date +%s.%N)
	until [ "$(db "$dbname" "select count(*) from act_ru_job where duedate_ < now() and retries_ > 0 and handler_type_ = 'zeren-task-deadline' and handler_cfg_ like 'REMIND|%'")" = "0" ]; do sleep 0.5; done
	local t3; t3=$(date +%s.%N)
	local load1; load1=$(cut -d' ' -f1 /proc/loadavg)
	local mails; mails=$(( $(db "$dbname" "select count(*) from zr_mail_outbox where template like '%remind%'") - mails0 ))
	local jobdup; jobdup=$(db "$dbname" "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_ having count(*) > 1) d")
	local incidents; incidents=$(db "$dbname" "select count(*) from act_ru_incident")
	local per_node; per_node=$(db "$dbname" "select string_agg(hostname_ || '=' || n, ' ') from (select hostname_, count(*) n from act_hi_job_log where job_state_ = 2 and timestamp_ >= to_timestamp($t0) group by hostname_ order by 1) x")
	for pid in "${pids[@]}"; do kill "$pid"; done
	wait "${pids[@]}" 2> /dev/null || true
	printf '| %s | %s | %.1f | %.1f | %s / %s | %s | %s | %.1f | %s | %s | %s | %s | %s-%s |\n' "$label" "$staff" \
		"$(echo "$t1 - $t0" | bc)" "$(echo "$lists / ($t1 - $t0)" | bc -l)" "$lists" "$inst" "$dupl" "$due" \
		"$(echo "$due / ($t3 - $t2)" | bc -l)" "$mails" "$jobdup" "$incidents" "$per_node" "$load0" "$load1" | tee -a "$OUT/results.md"
}

echo "| nodes | active staff | kick-off s | lists/s | lists / instances | duplicate lists | reminders due | reminders/s | reminder mails | duplicate job runs | incidents | successful jobs per node | load |" | tee "$OUT/results.md"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |" | tee -a "$OUT/results.md"
for i in $(seq 1 "${RUNS:-1}"); do
	measure "1 (node-a)" zeren_bench_n1 node-a
	measure "2 (node-a, node-b)" zeren_bench_n2 node-a node-b
done
