#!/usr/bin/env bash
# The cluster path of docs/cluster.md, on a real single-node Slurm and in the layout of the
# Kubernetes image: the array and merge scripts and the Job's command are taken from the docs
# verbatim, so this fails when the docs break.
#
#   Tests/cluster/slurm-test.sh [path/to/motcua]     (default .build/release/motcua; run as root)
#
# Cases: a 0-based array with an afterok merge; an array numbered from 1 (with FIRST_TASK, and
# refused without it); `--shard env` on a stepped array; a failed task requeued with
# `scontrol requeue`; a failed task re-run with `sbatch --array=2`; the Kubernetes command with
# JOB_COMPLETION_INDEX. Each merged report must
# equal a single machine's run byte for byte. Installs Debian's slurm-wlm and munge when
# missing; skips (exit 0, with a note) only when they cannot be installed.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
motcua=$(realpath "${1:-$repo/.build/release/motcua}")
docs=$repo/docs/cluster.md
# Small enough to keep the whole test within a couple of minutes on 2 shared cores.
scenario=scenarios/go-vap-2024.json
replications=8
shortHorizon=(--set horizon.days=20)
timeout=${SLURM_TEST_TIMEOUT:-240}

fail() { echo "slurm-test: FAIL: $*" >&2; exit 1; }
[ -x "$motcua" ] || fail "no motcua binary at $motcua (swift build -c release first)"

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ] || ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge) >/dev/null 2>&1; then
    echo "slurm-test: SKIPPED: Debian's slurm-wlm and munge could not be installed (needs root and apt); the Slurm path of docs/cluster.md is untested"
    exit 0
  fi
fi
[ "$(id -u)" -eq 0 ] || { echo "slurm-test: SKIPPED: the single-node Slurm runs its daemons as root; run as root"; exit 0; }

# --- the docs' blocks: the fenced block that follows each marker comment -------------------
block() {  # block MARKER: the first fenced block after the line starting with "<!-- MARKER"
  awk -v marker="<!-- $1" 'index($0, marker) == 1 { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$docs"
}
work=$(mktemp -d /tmp/motcua-slurm-test.XXXXXX)
block slurm-array-script >"$work/motcua-array.sh"
block slurm-merge-script >"$work/motcua-merge.sh"
block kubernetes-job >"$work/job.yaml"
for f in motcua-array.sh motcua-merge.sh job.yaml; do
  [ -s "$work/$f" ] || fail "docs/cluster.md has no block after the marker for $f"
done

# --- a single-node Slurm: munged and the two daemons, all state in $work ---------------------
host=$(hostname -s)
mkdir -p "$work/munge" "$work/state" "$work/spool"
chmod 700 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
cat >"$work/slurm.conf" <<EOF
ClusterName=motcua-ci
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.sock
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
# A merge whose array failed is cancelled instead of pending for ever.
DependencyParameters=kill_invalid_depend
MinJobAge=600
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=2 RealMemory=1000 State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$work/slurm.conf

stopDaemons() {
  set +e
  scancel --quiet --user=root --partition=ci >/dev/null 2>&1
  for pidFile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munge/munged.pid"; do
    [ -s "$pidFile" ] || continue
    pid=$(cat "$pidFile")
    kill "$pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  if [ "${keep:-0}" = 1 ]; then echo "slurm-test: logs kept in $work"; else rm -rf "$work"; fi
}
keep=1
trap stopDaemons EXIT

munged --socket="$work/munge/munge.sock" --key-file="$work/munge/munge.key" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" \
  --seed-file="$work/munge/munged.seed" --force
slurmctld -c -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do
  [ "$(sinfo -h -n "$host" -o %t 2>/dev/null)" = idle ] && break
  sleep 0.2
done
[ "$(sinfo -h -n "$host" -o %t 2>/dev/null)" = idle ] || fail "the Slurm node did not come up: $(sinfo 2>&1; tail -5 "$work/slurmctld.log" "$work/slurmd.log")"
echo "slurm-test: $(sinfo -V) up on $host"

# --- helpers ------------------------------------------------------------------------------
# A folder laid out as the docs assume: the checkout's scenarios and .build/release/motcua.
checkout() {
  mkdir -p "$work/$1/.build/release"
  ln -s "$motcua" "$work/$1/.build/release/motcua"
  ln -s "$repo/scenarios" "$work/$1/scenarios"
  cp "$work/motcua-array.sh" "$work/motcua-merge.sh" "$work/$1/"
}
state() { scontrol show job "$1" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | sort -u | tr '\n' ' ' | sed 's/ $//'; }
deadline=$((SECONDS + timeout))
waitFor() {  # waitFor JOB...: until none is pending or running, within the test's time limit
  for job in "$@"; do
    while squeue -h -j "$job" -t PENDING,RUNNING,CONFIGURING,COMPLETING 2>/dev/null | grep -q .; do
      [ "$SECONDS" -lt "$deadline" ] || fail "job $job still $(state "$job") after ${timeout}s: $(squeue -h -j "$job" -o '%i %T %r')"
      sleep 0.5
    done
  done
}
expectCompleted() {  # expectCompleted DIR JOB: every task of JOB completed
  [ "$(state "$2")" = COMPLETED ] || { tail -n 5 "$work/$1"/slurm-*.out >&2; fail "$1: job $2 ended $(state "$2")"; }
}
sameReport() {  # sameReport DIR: DIR/report.json equals the single machine's run, byte for byte
  cmp "$work/single.json" "$work/$1/report.json" || fail "$1: the merged report differs from the single run"
  echo "slurm-test: $1: merged report = single run ($(wc -c <"$work/single.json") bytes)"
}
submit() { sbatch --parsable "$@" | cut -d';' -f1; }
# The documented tasks ask for 2 CPUs and 4 GiB; here one CPU each, so two run at once.
small=(--cpus-per-task=1 --mem=100M)

# The reference: one machine, every replication.
checkout single
(cd "$work/single" && "$motcua" run "$scenario" --replications "$replications" "${shortHorizon[@]}" \
  --json "$work/single.json" >/dev/null)

# 1. The documented array (0-based) and the afterok merge.
checkout zero
cd "$work/zero"
zeroArray=$(SCENARIO=$scenario REPLICATIONS=$replications SHARDS=4 submit --array=0-3 "${small[@]}" motcua-array.sh "${shortHorizon[@]}")
zeroMerge=$(submit --dependency=afterok:"$zeroArray" --mem=100M motcua-merge.sh)

# 2. An array numbered from 1, with FIRST_TASK as the docs say; and without it, refused.
checkout one
cd "$work/one"
oneArray=$(SCENARIO=$scenario REPLICATIONS=$replications SHARDS=4 FIRST_TASK=1 submit --array=1-4 "${small[@]}" motcua-array.sh "${shortHorizon[@]}")
oneMerge=$(submit --dependency=afterok:"$oneArray" --mem=100M motcua-merge.sh)
checkout unnumbered
cd "$work/unnumbered"
unnumberedArray=$(SCENARIO=$scenario REPLICATIONS=$replications SHARDS=4 submit --array=1-4 "${small[@]}" motcua-array.sh "${shortHorizon[@]}")

# 3. --shard env on a stepped array, with Slurm's own variables.
checkout stepped
cd "$work/stepped"
mkdir -p slices
steppedArray=$(submit --array=1-7:2 "${small[@]}" --wrap "$motcua run $scenario --replications $replications ${shortHorizon[*]} --jobs 1 --shard env --json slices/slice-\$SLURM_ARRAY_TASK_ID.json")
steppedMerge=$(submit --dependency=afterok:"$steppedArray" --mem=100M motcua-merge.sh)

# 4. A task that fails (its slice's path is taken by a folder), requeued once repaired.
checkout requeue
cd "$work/requeue"
mkdir -p slices/slice-1.json
requeueArray=$(SCENARIO=$scenario REPLICATIONS=$replications SHARDS=4 submit --array=0-3 "${small[@]}" motcua-array.sh "${shortHorizon[@]}")

waitFor "$zeroMerge" "$oneMerge" "$unnumberedArray" "$steppedMerge" "$requeueArray"
expectCompleted zero "$zeroArray"; expectCompleted zero "$zeroMerge"; sameReport zero
expectCompleted one "$oneArray"; expectCompleted one "$oneMerge"; sameReport one
expectCompleted stepped "$steppedArray"; expectCompleted stepped "$steppedMerge"; sameReport stepped
[ "$(state "$unnumberedArray")" = FAILED ] || fail "unnumbered: --array=1-4 without FIRST_TASK ended $(state "$unnumberedArray"), expected every task refused"
for task in 1 2 3 4; do
  out=$work/unnumbered/slurm-${unnumberedArray}_$task.out
  grep -q "^error: --shard env-0/4: SLURM_ARRAY_TASK_ID=$task in an array of 4 tasks (MIN=1, MAX=4, STEP=1)" "$out" \
    || fail "unnumbered: task $task did not refuse with the values found: $(cat "$out")"
  [ "$(wc -l <"$out")" -eq 1 ] || fail "unnumbered: task $task printed more than the one-line refusal: $(cat "$out")"
done
[ ! -e "$work/unnumbered/slices/slice-1.json" ] || fail "unnumbered: a refused task wrote a slice"
echo "slurm-test: unnumbered: --array=1-4 without FIRST_TASK refused by every task, before any work"

[ "$(state "${requeueArray}_1")" = FAILED ] || fail "requeue: task 1 ended $(state "${requeueArray}_1"), expected FAILED"
rmdir "$work/requeue/slices/slice-1.json"
scontrol requeue "${requeueArray}_1"
# Slurm 22.05 holds a requeued task back about two and a half minutes; the docs say how to skip it.
scontrol update JobId="${requeueArray}_1" StartTime=now
# afterok on the whole array never holds again once a task failed: the docs wait for the task.
requeueMerge=$(submit --dependency=afterok:"${requeueArray}_1" --mem=100M motcua-merge.sh)

# 5. A failed task of the 0-based array, re-run the natural way: sbatch --array=2.
cd "$work/zero"
rm -f slices/slice-2.json report.json results/*-rep2.json results/*-rep6.json
rerun=$(SCENARIO=$scenario REPLICATIONS=$replications SHARDS=4 submit --array=2 "${small[@]}" motcua-array.sh "${shortHorizon[@]}")
rerunMerge=$(submit --dependency=afterok:"$rerun" --mem=100M motcua-merge.sh)
waitFor "$rerunMerge" "$requeueMerge"
expectCompleted requeue "$requeueArray"; expectCompleted requeue "$requeueMerge"; sameReport requeue
expectCompleted zero "$rerun"; expectCompleted zero "$rerunMerge"
grep -q "^shard 2/4: 2 of $replications replications" "$work/zero/slurm-${rerun}_2.out" || fail "re-run: task 2 did not compute shard 2/4: $(cat "$work/zero/slurm-${rerun}_2.out")"
sameReport zero

# 6. Kubernetes: the Job's command in the image's layout, JOB_COMPLETION_INDEX as Kubernetes sets it.
image=$work/image
mkdir -p "$image/app" "$image/data"
cp "$motcua" "$image/app/motcua"
cp -R "$repo/scenarios" "$image/app/scenarios"
completions=$(sed -n 's/^ *completions: *\([0-9]*\).*/\1/p' "$work/job.yaml")
mapfile -t command < <(python3 - "$work/job.yaml" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
# The command is a flow sequence of JSON strings, possibly over several lines.
match = re.search(r'command:\s*(\[.*?\])', text, re.S)
for argument in json.loads(match.group(1)):
    print(argument)
PY
)
[ "${#command[@]}" -gt 3 ] && [ -n "$completions" ] || fail "no command or completions in the docs' Kubernetes Job"
# The only changes to the command: the image's and volume's root folders are in $image, and the
# study is cut to the test's size (the replications and a short horizon).
for i in "${!command[@]}"; do
  command[i]=${command[i]/#\/app/$image/app}
  command[i]=${command[i]/#\/data/$image/data}
done
# One replication per pod, so that every pod has work.
(cd "$image/app" && "$motcua" run "$image/app/$scenario" --replications "$completions" "${shortHorizon[@]}" \
  --json "$image/single.json" >/dev/null) || fail "kubernetes: the single run failed"
for i in "${!command[@]}"; do
  [ "${command[i]}" = --replications ] && command[i+1]=$completions
done
for ((index = 0; index < completions; index++)); do
  pod=("${command[@]//\$(JOB_COMPLETION_INDEX)/$index}")
  (cd / && env -u SLURM_ARRAY_TASK_ID JOB_COMPLETION_INDEX=$index "${pod[@]}" "${shortHorizon[@]}" >/dev/null) \
    || fail "kubernetes: the pod with JOB_COMPLETION_INDEX=$index failed: ${pod[*]}"
done
[ "$(ls "$image"/data/slice-*.json | wc -l)" -eq "$completions" ] || fail "kubernetes: expected $completions slices in $image/data"
"$motcua" merge "$image"/data/slice-*.json --json "$image/report.json" >/dev/null || fail "kubernetes: the merge failed"
cmp "$image/single.json" "$image/report.json" || fail "kubernetes: the merged report differs from the single run"
echo "slurm-test: kubernetes: $completions pods (JOB_COMPLETION_INDEX 0…$((completions - 1))) merged = single run"

keep=0
echo "slurm-test: passed in ${SECONDS}s"
