#!/bin/sh
# A varied load for the dashboard: bursts of fast and slow jobs on all priorities, retries, dead
# letters, and a schedule that fires every minute (README, Dashboards). Runs for $1 seconds
# (default 480) against TASKQUEUE_URL (default the local stack) with the key in ADMIN_KEY_FILE.
set -eu
base=${TASKQUEUE_URL:-http://127.0.0.1:8080}
auth="Authorization: Bearer $(cat "${ADMIN_KEY_FILE:-.taskqueue/admin.key}")"
post() { curl -s -o /dev/null -w '%{http_code} ' -H "$auth" -H 'Content-Type: application/json' -X POST "$base$1" -d "$2"; }
post /api/schedules '{"name": "dashboard-demo", "cron": "* * * * *", "timeZone": "UTC", "job": {"type": "echo", "payload": {"report": "demo"}, "priority": "low"}}'
batch() { # $1 copies of the job $2 in one request
  jobs="$2"
  i=1
  while [ "$i" -lt "$1" ]; do
    jobs="$jobs,$2"
    i=$((i + 1))
  done
  post /api/jobs/batch "[$jobs]"
}
end=$(( $(date +%s) + ${1:-480} ))
round=0
while [ "$(date +%s)" -lt "$end" ]; do
  round=$((round + 1))
  batch 300 '{"type": "echo", "payload": {"n": 1}, "priority": "high"}'
  batch 40 '{"type": "sleep", "payload": {"ms": 150}, "priority": "medium"}'
  batch 5 '{"type": "fail", "payload": {"times": 2}, "priority": "medium", "maxAttempts": 4}'
  batch 2 '{"type": "fail", "payload": {"permanent": true}, "priority": "low"}'
  if [ $((round % 6)) -eq 0 ]; then
    batch 400 '{"type": "sleep", "payload": {"ms": 40}, "priority": "low"}'
  fi
  sleep 5
done
echo
