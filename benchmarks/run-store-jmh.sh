#!/usr/bin/env bash
#
# JMH benchmark of the Derby store: durable events per second appended in batches of 500 mixed
# events (io.millwright.bench.store.DerbyStoreBenchmark.batched) and of 5,000 (batchedLarge, what
# the core appends when it catches up a backlog) beside the same events appended one per
# transaction (oneByOne), on a fresh Derby database in a temporary directory, with Derby's
# default durability (every commit synced to disk); each for two mixes: "plant" (87 % count
# buckets, the rest state changes and downtimes) and "counts" (count buckets only).
#
#   benchmarks/run-store-jmh.sh [pattern] [more JMH options...]
#
#   pattern   JMH benchmark regexp (default io.millwright.bench.store.DerbyStoreBenchmark)
#   options   passed to JMH after the defaults, e.g. -prof gc
#
# Uses the millwright-store-derby in ~/.m2: install it first
# (mvn -B -q install -DskipTests -pl bundles/api,bundles/store-derby -am). One fork, 3 x 5 s warm-up
# and 5 x 4 s measurement per benchmark and mix: about 4 minutes for the six. The database goes to java.io.tmpdir
# (override with JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=...; it must be a real disk, not tmpfs, or the syncs
# cost nothing). JSON results go to benchmarks/target/jmh-store-results.json; JMH's table and a summary
# (events/s, ratio, target) go to standard output.
#
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
pattern=${1:-io.millwright.bench.store.DerbyStoreBenchmark}
shift || true
results="$bench/target/jmh-store-results.json"
classpath_file="$bench/target/jmh.classpath"

die() { echo "run-store-jmh: $*" >&2; exit 2; }

cd "$bench"
# compile runs the JMH annotation processor, which writes the benchmark list JMH runs from;
# includeScope=compile also takes provided dependencies (jmh-core)
mvn -q -B compile dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$classpath_file" >&2
[ -s "$bench/target/classes/META-INF/BenchmarkList" ] \
    || die "no target/classes/META-INF/BenchmarkList: the JMH annotation processor did not run"

store_jar=$(tr ':' '\n' < "$classpath_file" | grep '/millwright-store-derby-[^/]*\.jar$' || true)
[ -n "$store_jar" ] || die "millwright-store-derby is not on the classpath"
if [ -n "$(find "$root/bundles/store-derby/src/main" "$root/bundles/api/src/main" -newer "$store_jar" -type f -print -quit)" ]; then
    echo "run-store-jmh: warning: store or api sources are newer than $store_jar; re-install them to measure the current store" >&2
fi

tmp=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.io.tmpdir = //p')
echo "# nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg) at start" >&2
echo "# database under ${tmp:-/tmp}: $(df -T "${tmp:-/tmp}" | awk 'NR==2 { print $2 " on " $1 }')" >&2
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" -cp "$bench/target/classes:$(cat "$classpath_file")" org.openjdk.jmh.Main "$pattern" \
    -f 1 -rf json -rff "$results" "$@"
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) at end" >&2

# JMH writes its JSON one key per line: take each benchmark's mix, primary score and 99.9 % error
awk '
    /"benchmark" :/     { split($0, f, "\""); name = f[4]; sub(/.*\./, "", name) }
    /"mix" :/           { split($0, f, "\""); key = name ":" f[4]; keys[++n] = key; mixes[f[4]] = 1 }
    /"primaryMetric" :/ { metric = 1 }
    /"score" :/ && metric       { v = $0; sub(/.*: */, "", v); sub(/,.*/, "", v); score[key] = v + 0 }
    /"scoreError" :/ && metric  { v = $0; sub(/.*: */, "", v); sub(/,.*/, "", v); error[key] = v + 0; metric = 0 }
    END {
        if (n == 0) { exit }
        print ""
        print "| benchmark | mix | durable events/s | ± 99.9 % |"
        print "|---|---|---|---|"
        for (i = 1; i <= n; i++) {
            split(keys[i], k, ":")
            printf "| %s | %s | %.0f | %.0f |\n", k[1], k[2], score[keys[i]], error[keys[i]]
        }
        print ""
        for (m in mixes) {
            o = "oneByOne:" m
            split("batched batchedLarge", kinds, " ")
            for (j = 1; j <= 2; j++) {
                b = kinds[j] ":" m
                if ((b in score) && (o in score)) {
                    printf "%s: %s / one-by-one = %.1f; target 50,000 events/s batched: %s\n", m, kinds[j],
                        score[b] / score[o], (score[b] >= 50000 ? "met" : "NOT met")
                }
            }
        }
    }' "$results"
