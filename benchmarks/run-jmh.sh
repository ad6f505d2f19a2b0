#!/usr/bin/env bash
#
# JMH micro-benchmarks of this module: by default samples per second through the core's SampleSink
# (io.millwright.bench.core.SampleSinkBenchmark) against its baseline, with the GC profiler.
#
#   benchmarks/run-jmh.sh [pattern] [more JMH options...]
#
#   pattern   JMH benchmark regexp (default io.millwright.bench.core.SampleSinkBenchmark)
#   options   passed to JMH after the defaults, e.g. -prof stack
#
# Uses the millwright-core in ~/.m2: install it first (mvn -B -q install -DskipTests -pl
# bundles/api,bundles/core -am). One fork, 3 x 2 s warm-up and 5 x 3 s measurement per benchmark:
# about 1 minute for the two. JSON results go to benchmarks/target/jmh-results.json; JMH's table and
# a summary (samples/s, B/sample, ratio to the baseline) go to standard output.
#
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
pattern=${1:-io.millwright.bench.core.SampleSinkBenchmark}
shift || true
results="$bench/target/jmh-results.json"
classpath_file="$bench/target/jmh.classpath"

die() { echo "run-jmh: $*" >&2; exit 2; }

cd "$bench"
# compile runs the JMH annotation processor (jmh-generator-annprocess, provided scope), which writes
# the benchmark list JMH runs from. includeScope=compile also takes provided dependencies (jmh-core).
mvn -q -B compile dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$classpath_file" >&2
[ -s "$bench/target/classes/META-INF/BenchmarkList" ] \
    || die "no target/classes/META-INF/BenchmarkList: the JMH annotation processor did not run"

core_jar=$(tr ':' '\n' < "$classpath_file" | grep '/millwright-core-[^/]*\.jar$' || true)
[ -n "$core_jar" ] || die "millwright-core is not on the classpath"
if [ -n "$(find "$root/bundles/core/src/main" "$root/bundles/api/src/main" -newer "$core_jar" -type f -print -quit)" ]; then
    echo "run-jmh: warning: core or api sources are newer than $core_jar; re-install them to measure the current core" >&2
fi

echo "# nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg) at start" >&2
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" -cp "$bench/target/classes:$(cat "$classpath_file")" org.openjdk.jmh.Main "$pattern" \
    -prof gc -f 1 -wi 3 -w 2s -i 5 -r 3s -rf json -rff "$results" "$@"
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) at end" >&2

# JMH writes its JSON one key per line; take each benchmark's primary score (and its 99.9 % error)
# and the GC profiler's allocation scores.
awk '
    /"benchmark" :/          { split($0, f, "\""); name = f[4]; sub(/.*\./, "", name); names[++n] = name }
    /"primaryMetric" :/      { metric = "ops" }
    /"gc.alloc.rate" :/      { metric = "rate" }
    /"gc.alloc.rate.norm" :/ { metric = "norm" }
    /"score" :/ && metric != "" { v = $0; sub(/.*: */, "", v); sub(/,.*/, "", v); score[name, metric] = v + 0 }
    /"scoreError" :/ && metric != "" {
        v = $0; sub(/.*: */, "", v); sub(/,.*/, "", v); error[name, metric] = v + 0; metric = ""
    }
    END {
        if (n == 0) { exit }
        print ""
        print "| benchmark | samples/s (M) | ± 99.9 % (M) | B/sample | alloc MB/s |"
        print "|---|---|---|---|---|"
        for (i = 1; i <= n; i++) {
            b = names[i]
            printf "| %s | %.2f | %.2f | %.2f | %.1f |\n", b, score[b, "ops"] / 1e6, error[b, "ops"] / 1e6,
                score[b, "norm"], score[b, "rate"]
        }
        if (("core", "ops") in score && ("baseline", "ops") in score) {
            printf "\ncore / baseline = %.3f; target 5 M samples/s: %s\n", score["core", "ops"] / score["baseline", "ops"],
                (score["core", "ops"] >= 5e6 ? "met" : "NOT met")
        }
    }' "$results"
