#!/usr/bin/env bash
#
# Benchmark of the Modbus TCP driver (io.millwright.bench.modbus.ModbusBenchmark), all on loopback
# against j2mod 3.3.0 slaves in the same JVM:
#   (a) registers per second through the driver (one coalesced 125-register request per poll,
#       decoded into 125 samples handed to a counting SampleSink, polls run back to back on the
#       caller's thread) against a plain j2mod read loop of the same 125 registers from the same
#       slave, in alternating rounds; ratio driver / j2mod, target >= 0.9;
#   (b) 100 devices (20 tags in 2 requests each) polled every 100 ms for 30 s by their own
#       threads: jitter = |gap between consecutive batches - interval|, p50/p99/max; process CPU
#       time / wall (includes the slaves) and the poll threads' CPU time / wall (the driver alone).
#
#   benchmarks/run-modbus-bench.sh [roundMillis=3000] [rounds=5] [devices=100] [intervalMs=100] [jitterSeconds=30]
#
# Uses the millwright-driver-modbus in ~/.m2: install it first
# (mvn -B -q -f drivers/modbus/pom.xml install -DskipTests). Takes about a minute and a half with
# the defaults. The Markdown summary goes to standard output.
#
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
classpath_file="$bench/target/modbus.classpath"

die() { echo "run-modbus-bench: $*" >&2; exit 2; }

cd "$bench"
mvn -q -B compile dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$classpath_file" >&2
driver_jar=$(tr ':' '\n' < "$classpath_file" | grep '/millwright-driver-modbus-[^/]*\.jar$' || true)
[ -n "$driver_jar" ] || die "millwright-driver-modbus is not on the classpath"
if [ -n "$(find "$root/drivers/modbus/src/main" -newer "$driver_jar" -type f -print -quit)" ]; then
    echo "run-modbus-bench: warning: driver sources are newer than $driver_jar; re-install it to measure the current driver" >&2
fi

echo "# nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $(java -version 2>&1 | head -1)" >&2
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$bench/target/classes:$(cat "$classpath_file")" io.millwright.bench.modbus.ModbusBenchmark "$@"
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) at end" >&2
