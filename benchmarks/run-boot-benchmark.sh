#!/usr/bin/env bash
#
# Boot benchmark: Millwright distribution against stock Apache Karaf of the same version.
#
#   benchmarks/run-boot-benchmark.sh [runs] [output-file]
#
#   runs          runs per variant, alternating (default 5)
#   output-file   where the Markdown table goes (default benchmarks/target/boot-results.md); it is also printed
#
# Needs the built distribution (mvn -B -DskipTests install), Linux (/proc), tar, and Maven to
# fetch stock Karaf from Maven Central. Run it on a quiet machine: it boots 3 x runs Karafs.
#
set -euo pipefail

runs=${1:-5}
bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
output=${2:-$bench/target/boot-results.md}
case "$output" in /*) ;; *) output="$PWD/$output" ;; esac

die() { echo "run-boot-benchmark: $*" >&2; exit 2; }

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "runs must be a positive number, not '$runs'"

karaf_version=$(sed -n 's:.*<karaf.version>\(.*\)</karaf.version>.*:\1:p' "$root/pom.xml" | head -1)
[ -n "$karaf_version" ] || die "no <karaf.version> in $root/pom.xml"

shopt -s nullglob
built=("$root"/karaf-assembly/target/millwright-distribution-*.tar.gz)
shopt -u nullglob
[ "${#built[@]}" -ge 1 ] || die "no Millwright archive in karaf-assembly/target: run 'mvn -B -DskipTests install' in $root first"
[ "${#built[@]}" -eq 1 ] || die "more than one Millwright archive in karaf-assembly/target: ${built[*]}"

mkdir -p "$bench/target/stock"
millwright="$bench/target/$(basename "${built[0]}")"
cp "${built[0]}" "$millwright"

stock="$bench/target/stock/apache-karaf-$karaf_version.tar.gz"
# Maven's output goes to stderr, so that standard output carries only the table.
mvn_quiet() { mvn -q -B "$@" >&2; }

cd "$bench"
if [ ! -f "$stock" ]; then
    echo "Fetching stock Apache Karaf $karaf_version ..." >&2
    mvn_quiet dependency:copy -Dartifact="org.apache.karaf:apache-karaf:$karaf_version:tar.gz" \
        -DoutputDirectory="$bench/target/stock"
fi

classpath_file="$bench/target/boot-benchmark.classpath"
mvn_quiet compile dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -cp "$bench/target/classes:$(cat "$classpath_file")" io.millwright.bench.boot.BootBenchmark \
    --millwright "$millwright" --stock "$stock" --runs "$runs" --out "$output" \
    --work "$bench/target/boot-bench"
