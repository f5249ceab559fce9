#!/usr/bin/env bash
# Measures the ROS 2 bridge as an independent Cyclone DDS peer sees it: receive rates of
# rt/joint_states and rt/odom, and the stop after the driving peer is killed with SIGKILL.
# Loopback only (ROS_LOCALHOST_ONLY=1). Needs cyclonedds-dev, cyclonedds-tools, gcc.
# Usage: scripts/ros2-measure.sh [domain]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOMAIN="${1:-77}"
WORK="$(mktemp -d)"
trap 'kill $SIM 2>/dev/null || true; rm -rf "$WORK"' EXIT
cp "$ROOT"/app/src/test/resources/ros2peer/{ros_msgs.idl,ros2peer.c} "$WORK"
(cd "$WORK" && idlc -Wno-implicit-extensibility ros_msgs.idl \
  && gcc -O1 -o ros2peer ros2peer.c ros_msgs.c -I. -lddsc)
export ROS_LOCALHOST_ONLY=1 ROS_DOMAIN_ID="$DOMAIN"
export CYCLONEDDS_URI='<CycloneDDS><Domain><General><Interfaces><NetworkInterface address="127.0.0.1" multicast="true"/></Interfaces></General></Domain></CycloneDDS>'
"$ROOT/robodog" sim --realtime --duration 40 --mqtt-port 0 --ros2 --ros2-drive --ros2-lease >"$WORK/sim.out" 2>&1 &
SIM=$!
for _ in $(seq 180); do grep -q '^ROS 2:' "$WORK/sim.out" && break; sleep 1; done
grep '^ROS 2:' "$WORK/sim.out"
"$WORK/ros2peer" 12 - - >"$WORK/observer.txt" &
OBS=$!
"$WORK/ros2peer" 60 0.12 - >"$WORK/driver.txt" &
DRV=$!
for _ in $(seq 300); do grep -q '^READY' "$WORK/driver.txt" && break; sleep 0.1; done
sleep 6  # walk at full speed, then kill the driver mid-walk
kill -9 $DRV
wait $OBS
LAST=$(grep '^CMD' "$WORK/driver.txt" | tail -1 | cut -d' ' -f2)
for k in JS ODOM; do
  grep "^$k " "$WORK/observer.txt" | awk -v k=$k '
    NR==1 {a=$2} {b=$2; n++}
    END {printf "%s: %d samples in %.2f s = %.1f Hz\n", k, n, (b-a)/1e9, (n-1)/((b-a)/1e9)}'
done
grep '^ODOM ' "$WORK/observer.txt" | awk -v last="$LAST" '
  $2 > last && d == "" && $4 < 0.12 - 1e-6 {d = ($2 - last) / 1e6}
  $2 > last && z == "" && $4 == 0 {z = ($2 - last) / 1e6}
  END {printf "after SIGKILL of the driver: stop commanded %.0f ms, commanded speed 0 at %.0f ms\n", d, z}'
