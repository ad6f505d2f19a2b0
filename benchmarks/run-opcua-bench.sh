#!/usr/bin/env bash
#
# Benchmark of the OPC UA driver (io.millwright.bench.opcua.OpcUaBenchmark), all on loopback against
# a Milo 1.1.2 server in the same JVM holding <variables> Double variables that one thread changes
# every <updateMs> (default 10,000 every 100 ms = 100,000 changes/s). In alternating rounds:
#   (a) the driver: one OpcUaDevice with a tag per variable, publishingInterval = updateMs (so also
#       the sampling interval), maxItemsPerSubscription left at 1000 (10 subscriptions), values
#       delivered into a counting SampleSink;
#   (b) a plain Milo OpcUaClient subscribing to the same items the same way (1000 per subscription,
#       same sampling interval, queue size 2, discard oldest, same thread pools), counting values
#       in its listener.
# Each round connects, creates the items, waits until they deliver, settles, then counts for
# roundMillis: values/s, process CPU (includes the server), and the CPU of the client's own
# threads (millwright-opcua-<id>-* or plain-milo-<round>-*). Medians over the rounds; ratio
# driver / plain Milo, target >= 0.9.
#
#   benchmarks/run-opcua-bench.sh [roundMillis=5000] [rounds=5] [variables=10000] [updateMs=100] [settleMillis=2000]
#
# Uses the millwright-driver-opcua in ~/.m2: install it first
# (mvn -B -q -pl drivers/opcua install -DskipTests). Takes about two minutes with the defaults.
# The Markdown summary goes to standard output, per-round figures to standard error.
#
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
classpath_file="$bench/target/opcua.classpath"

die() { echo "run-opcua-bench: $*" >&2; exit 2; }

cd "$bench"
mvn -q -B compile dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file" >&2
driver_jar=$(tr ':' '\n' < "$classpath_file" | grep '/millwright-driver-opcua-[^/]*\.jar$' || true)
[ -n "$driver_jar" ] || die "millwright-driver-opcua is not on the classpath"
if [ -n "$(find "$root/drivers/opcua/src/main" -newer "$driver_jar" -type f -print -quit)" ]; then
    echo "run-opcua-bench: warning: driver sources are newer than $driver_jar; re-install it to measure the current driver" >&2
fi

# Milo 1.x calls the SLF4J 2 API (Logger.atLevel); the benchmarks module is on SLF4J 1.7, so put
# SLF4J 2 (api + simple) first on this run's class path, as Karaf's pax-logging provides it.
slf4j2="$bench/target/opcua-slf4j2"
for a in slf4j-api slf4j-simple; do
    [ -f "$slf4j2/$a-2.0.17.jar" ] || mvn -q -B dependency:copy -Dartifact=org.slf4j:$a:2.0.17 -DoutputDirectory="$slf4j2" >&2
done

echo "# nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $(java -version 2>&1 | head -1)" >&2
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$slf4j2/slf4j-api-2.0.17.jar:$slf4j2/slf4j-simple-2.0.17.jar:$bench/target/classes:$(cat "$classpath_file")" io.millwright.bench.opcua.OpcUaBenchmark "$@"
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) at end" >&2
