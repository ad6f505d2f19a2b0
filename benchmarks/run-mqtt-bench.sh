#!/usr/bin/env bash
#
# Benchmark of the MQTT driver (io.millwright.bench.mqtt.MqttBenchmark), all on loopback: one broker
# (Debian's /usr/sbin/mosquitto on a free port by default; Moquette 0.17 in the same JVM as an
# option, but it cannot take a flat-out publisher: its session command queue overflows and it
# closes the subscriber) and one
# Paho publisher sending simulator-like JSON {"ts":..,"running":true,"totalCount":N,"speed":12.5}
# as fast as the broker takes it (at most <window> messages unwritten/unacknowledged). In
# alternating rounds, at QoS 0 and then at QoS 1:
#   (a) the driver: an MqttConnection started in-process from a configuration map (as
#       MqttConnectionTest does), one JSON device mapping running/totalCount/speed and the
#       timestamp, samples delivered into a counting SampleSink;
#   (b) a plain Paho MqttAsyncClient on the same topic at the same QoS with the same connect options,
#       parsing each payload with Jackson and counting.
# Each round subscribes, starts the publisher, settles, then counts messages reaching the sink /
# the listener for roundMillis; round 0 is a warm-up pair. Medians; ratio driver / plain Paho,
# target >= 0.9.
#
#   benchmarks/run-mqtt-bench.sh [roundMillis=5000] [rounds=5] [broker=mosquitto|moquette] [window=1000] [settleMillis=1000] [qos=0,1]
#
# Uses the millwright-driver-mqtt in ~/.m2: install it first
# (mvn -B -q -pl drivers/mqtt -am install -DskipTests). Takes about two minutes with the defaults.
# The Markdown summary goes to standard output, per-round figures to standard error.
#
set -euo pipefail

[ -x /usr/sbin/mosquitto ] || [ "${3:-mosquitto}" != mosquitto ] || { echo "run-mqtt-bench: /usr/sbin/mosquitto is missing (apt-get install -y mosquitto)" >&2; exit 2; }

bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
classpath_file="$bench/target/mqtt.classpath"

die() { echo "run-mqtt-bench: $*" >&2; exit 2; }

cd "$bench"
mvn -q -B compile dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file" >&2
driver_jar=$(tr ':' '\n' < "$classpath_file" | grep '/millwright-driver-mqtt-[^/]*\.jar$' || true)
[ -n "$driver_jar" ] || die "millwright-driver-mqtt is not on the classpath"
if [ -n "$(find "$root/drivers/mqtt/src/main" -newer "$driver_jar" -type f -print -quit)" ]; then
    echo "run-mqtt-bench: warning: driver sources are newer than $driver_jar; re-install it to measure the current driver" >&2
fi

echo "# nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $(java -version 2>&1 | head -1)" >&2
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$bench/target/classes:$(cat "$classpath_file")" io.millwright.bench.mqtt.MqttBenchmark "$@"
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) at end" >&2
