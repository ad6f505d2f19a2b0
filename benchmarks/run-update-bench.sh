#!/usr/bin/env bash
#
# Driver hot-update benchmark: runs integration-tests' PlantUpdateIT with <updates> rounds. The
# simulated plant counts at 1 kHz on a Modbus machine and an OPC UA machine at once while each
# driver is replaced by a rebuilt bundle of a new version with millwright:driver-update, <updates>
# times per driver. Prints, per driver, the data gap of every update (from the update's start to
# the device's first sample after it: p50, max), the parts the simulator made against those the
# store holds (lost must be 0), and threads and loaded classes before and after (the level is taken
# after the first round). 100 rounds is the soak profile.
#
#   benchmarks/run-update-bench.sh [updates=100]
#
# Uses the built reactor (mvn -B -DskipTests install first). Takes about 1 s per update on an idle
# 2-core machine, plus a minute for the last count bucket to close.
#
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
updates=${1:-100}
cd "$root"
mvn -B -o -q verify -pl integration-tests -Dit.test=PlantUpdateIT -Dmillwright.updates="$updates" \
    -Dsurefire.failIfNoSpecifiedTests=false >&2
cat integration-tests/target/plant-update-figures.txt
