#!/usr/bin/env bash
# Proves the distribution archive runs on arm64 (the Raspberry Pi's architecture) without a Pi:
# an arm64 Debian bookworm root built by debootstrap, the archive unpacked inside, and the robot
# run in it under QEMU user emulation. Checks from the host that the tablet page answers over
# HTTP and that the robot's output shows it standing, the learned policy loaded, perception on
# and the PyTorch native loaded by DJL.
#
# Usage: scripts/check-aarch64.sh [ARCHIVE]   (default: dist/target/robodog-*.tar.gz; build it
#        first with mvn package). Needs root (debootstrap, chroot, mounts).
# Environment:
#   ROBODOG_ARM64_ROOT  cached arm64 root (default /var/tmp/robodog-arm64); delete it to rebuild
#   ROBODOG_CMD         the command run inside (default below; falls back for older builds)
#   ROBODOG_SCENARIO    scenario with a scene, so the simulated camera and perception run
#   ROBODOG_DURATION    seconds the robot runs (default 20)
#   ROBODOG_RATE        control rate in Hz of the command run inside (default 100: QEMU
#                       emulates arm64 several times slower than the host runs natively)
#   DEBIAN_MIRROR       default http://deb.debian.org/debian
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${ROBODOG_DURATION:-20}"
ROBODOG_CMD="${ROBODOG_CMD:-run --hardware hil --duration $DURATION --rate ${ROBODOG_RATE:-100}}"
FALLBACK_CMD="sim --realtime --hil --duration $DURATION --rate ${ROBODOG_RATE:-100}"
SCENARIO="${ROBODOG_SCENARIO:-crew-on-set}"
ARM_ROOT="${ROBODOG_ARM64_ROOT:-/var/tmp/robodog-arm64}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
PACKAGES="openjdk-17-jre-headless,ca-certificates,procps"

die() { echo "check-aarch64: $*" >&2; exit 1; }
say() { echo "check-aarch64: $*"; }

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot and bind mounts); run it with sudo"

# --- host tools ------------------------------------------------------------------------------
missing=()
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v qemu-aarch64-static >/dev/null || missing+=(qemu-user-static)
command -v update-binfmts >/dev/null || missing+=(binfmt-support)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Without a binfmt_misc handler for arm64 ELF files, every arm64 program the chroot starts
# (dpkg's maintainer scripts, the java launcher's own re-exec) fails with "Exec format error".
# qemu-user-static registers one with the F flag, so the interpreter works inside a chroot too.
BINFMT=/proc/sys/fs/binfmt_misc
if [ ! -e "$BINFMT/register" ]; then
  mount -t binfmt_misc binfmt_misc "$BINFMT" 2>/dev/null ||
    say "binfmt_misc cannot be mounted here; running the JVM through qemu-aarch64-static explicitly"
fi
if [ -e "$BINFMT/register" ] && [ ! -e "$BINFMT/qemu-aarch64" ]; then
  update-binfmts --enable qemu-aarch64 2>/dev/null ||
    say "update-binfmts could not enable qemu-aarch64; running the JVM through qemu explicitly"
fi
HAVE_BINFMT=0
[ -e "$BINFMT/qemu-aarch64" ] && grep -q enabled "$BINFMT/qemu-aarch64" && HAVE_BINFMT=1

# --- the arm64 root, cached --------------------------------------------------------------------
MOUNTS=()
cleanup() {
  local i
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do umount -l "${MOUNTS[$i]}" 2>/dev/null || true; done
  [ -n "${ROBOT_PID:-}" ] && kill "$ROBOT_PID" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM # so an interrupted check still unmounts
bind() { mkdir -p "$ARM_ROOT$1"; mount --bind "$1" "$ARM_ROOT$1"; MOUNTS+=("$ARM_ROOT$1"); }

if [ ! -f "$ARM_ROOT/.robodog-root-ready" ]; then
  [ "$HAVE_BINFMT" -eq 1 ] ||
    die "building the arm64 root needs binfmt_misc (debootstrap's second stage runs arm64 dpkg); mount it or provide a ready root in ROBODOG_ARM64_ROOT"
  say "building the arm64 bookworm root in $ARM_ROOT (first run only; minutes under QEMU)"
  # A root left mounted by a killed run would take the host's /dev with it.
  ! grep -q " $ARM_ROOT/" /proc/mounts ||
    die "$ARM_ROOT still has mounts (a killed earlier run?); umount them (grep $ARM_ROOT /proc/mounts) and re-run"
  rm -rf --one-file-system "$ARM_ROOT"
  mkdir -p "$ARM_ROOT"
  debootstrap --arch=arm64 --variant=minbase --foreign --include="$PACKAGES" \
    bookworm "$ARM_ROOT" "$MIRROR" || die "debootstrap first stage failed (mirror $MIRROR reachable?)"
  cp "$(command -v qemu-aarch64-static)" "$ARM_ROOT/usr/bin/"
  bind /proc; bind /sys; bind /dev
  chroot "$ARM_ROOT" /debootstrap/debootstrap --second-stage ||
    die "debootstrap second stage failed; see $ARM_ROOT/debootstrap/debootstrap.log"
  touch "$ARM_ROOT/.robodog-root-ready"
else
  say "reusing the arm64 root in $ARM_ROOT"
  cp "$(command -v qemu-aarch64-static)" "$ARM_ROOT/usr/bin/"
fi
[ ${#MOUNTS[@]} -eq 0 ] && { bind /proc; bind /sys; bind /dev; }

JAVA_HOME_ARM="$(cd "$ARM_ROOT" && ls -d usr/lib/jvm/java-17-openjdk-arm64 2>/dev/null)" ||
  die "no usr/lib/jvm/java-17-openjdk-arm64 in $ARM_ROOT; delete the root to rebuild it"
JAVA_HOME_ARM="/$JAVA_HOME_ARM"

# --- the archive ---------------------------------------------------------------------------------
ARCHIVE="${1:-}"
if [ -z "$ARCHIVE" ]; then
  ARCHIVE="$(ls "$REPO"/dist/target/robodog-*.tar.gz 2>/dev/null | head -1)" || true
fi
[ -n "$ARCHIVE" ] && [ -f "$ARCHIVE" ] ||
  die "no distribution archive (dist/target/robodog-*.tar.gz); build it: mvn -B -DskipTests package"
rm -rf "$ARM_ROOT/opt/robodog"
mkdir -p "$ARM_ROOT/opt/robodog"
tar -xzf "$ARCHIVE" -C "$ARM_ROOT/opt/robodog" --strip-components=1
say "unpacked $(basename "$ARCHIVE") into $ARM_ROOT/opt/robodog"

# A fresh cache dir shows that DJL extracts PyTorch from lib/ and downloads nothing.
rm -rf "$ARM_ROOT/var/cache/robodog"

# With binfmt the chroot runs arm64 programs directly; without, each one goes through qemu, and
# the launcher (a bash script calling arm64 coreutils) cannot run, so java is started directly
# with the launcher's flags.
arm() {
  local wrap=()
  [ "$HAVE_BINFMT" -eq 1 ] || wrap=(/usr/bin/qemu-aarch64-static)
  chroot "$ARM_ROOT" "${wrap[@]}" "$@"
}
in_root() {
  local env=(PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 JAVA_HOME="$JAVA_HOME_ARM"
    ROBODOG_CACHE_DIR=/var/cache/robodog ROBODOG_JAVA_OPTS="${ROBODOG_JAVA_OPTS:-}")
  if [ "$HAVE_BINFMT" -eq 1 ]; then
    chroot "$ARM_ROOT" /usr/bin/env -i "${env[@]}" /bin/bash /opt/robodog/bin/robodog "$@"
  else
    # shellcheck disable=SC2086
    chroot "$ARM_ROOT" /usr/bin/qemu-aarch64-static "$JAVA_HOME_ARM/bin/java" \
      -XX:+UseZGC ${ROBODOG_JAVA_OPTS:-} -Drobodog.home=/opt/robodog -Dai.djl.offline=true \
      -DDJL_CACHE_DIR=/var/cache/robodog/djl -cp '/opt/robodog/lib/*' robodog.app.Main "$@"
  fi
}

# The robot names itself after the host (its default robot id); the chroot shares the host's
# network, so it gets the host's name resolution too.
cp /etc/hosts "$ARM_ROOT/etc/hosts"
cp /etc/resolv.conf "$ARM_ROOT/etc/resolv.conf" 2>/dev/null || true

say "arm64 check: $(arm /usr/bin/uname -m 2>&1) inside, $(uname -m) outside"
say "java: $(arm "$JAVA_HOME_ARM/bin/java" -version 2>&1 | head -1)"

# --- the command, with the fallback for builds whose run command has no --hardware ----------
if ! in_root run --help 2>/dev/null | grep -q -- '--hardware'; then
  say "run --help lists no --hardware: using '$FALLBACK_CMD'"
  ROBODOG_CMD="${ROBODOG_CMD_FALLBACK:-$FALLBACK_CMD}"
fi
# shellcheck disable=SC2206 # the command is a word list by design
CMD=($ROBODOG_CMD)
# Free ports, the scene and the rate only where the chosen command takes them (the run command's
# options differ from sim's); --stand because run starts the robot passive without an operator.
HELP="$(in_root "${CMD[0]}" --help 2>/dev/null || true)"
takes() { grep -q -- "$1[=, ]" <<<"$HELP"; }
for opt in --mqtt-port --ws-port --http-port; do takes "$opt" && CMD+=("$opt" 0); done
takes --scenario && CMD+=(--scenario "$SCENARIO")
takes --stand && CMD+=(--stand)
LOG="$(mktemp /tmp/robodog-arm64.XXXXXX.log)"
say "running inside: robodog ${CMD[*]} (log $LOG)"
START=$(date +%s)
in_root "${CMD[@]}" >"$LOG" 2>&1 &
ROBOT_PID=$!

# --- checks from the host ------------------------------------------------------------------
url=""
for _ in $(seq 1 600); do
  url="$(grep -o 'Tablet page http://[0-9.:]*/' "$LOG" | head -1 | cut -d' ' -f3)" || true
  [ -n "$url" ] && break
  kill -0 "$ROBOT_PID" 2>/dev/null || break
  sleep 0.5
done
[ -n "$url" ] || { tail -30 "$LOG" >&2; die "the robot printed no tablet page address; log above"; }
say "tablet page announced after $(($(date +%s) - START)) s: $url"
page_ok=0
if curl -fsS --max-time 20 "$url" -o /tmp/robodog-arm64-page.html; then
  page_ok=1
  say "tablet page answered over HTTP: $(wc -c </tmp/robodog-arm64-page.html) bytes, title '$(grep -o '<title>[^<]*' /tmp/robodog-arm64-page.html | cut -c8-)'"
fi

# Telemetry over MQTT shows the mode from outside (the sim command prints no mode line).
mode_seen=""
broker="$(grep -o 'MQTT broker tcp://[0-9.:]*' "$LOG" | head -1 | sed 's|.*tcp://||')" || true
robot_id="$(grep -o 'topics robodog/[^/]*/cmd' "$LOG" | head -1 | cut -d/ -f2)" || true
if [ -n "$broker" ] && [ -n "$robot_id" ] && command -v mosquitto_sub >/dev/null; then
  telemetry="$(timeout 60 mosquitto_sub -h "${broker%:*}" -p "${broker##*:}" \
    -t "robodog/$robot_id/state/telemetry" -C 1 2>/dev/null)" || true
  mode_seen="$(grep -o '"mode":"[A-Z_]*"' <<<"$telemetry" | head -1)" || true
  say "telemetry over MQTT (robodog/$robot_id/state/telemetry): ${telemetry:0:160}${telemetry:+...}"
else
  say "no telemetry check: needs the broker address, the robot id and mosquitto_sub (mosquitto-clients)"
fi

# Which native libraries the emulated JVM has mapped: QEMU maps the guest's shared objects into
# its own address space, so the host's /proc/PID/maps names them. Sampled until the robot ends.
MAPS="$LOG.natives"
(
  while kill -0 "$ROBOT_PID" 2>/dev/null; do
    for p in $(pgrep -f 'robodog.app.Main' || true); do
      [ "$(readlink "/proc/$p/root" 2>/dev/null)" = "$(readlink -f "$ARM_ROOT")" ] || continue
      grep -o '/[^ ]*\.so[.0-9]*$' "/proc/$p/maps" 2>/dev/null | sort -u >"$MAPS.tmp" &&
        [ -s "$MAPS.tmp" ] && mv "$MAPS.tmp" "$MAPS"
    done
    sleep 10
  done
) &

set +e
wait "$ROBOT_PID"; rc=$?
set -e
ROBOT_PID=""
say "robot exited with status $rc after $(($(date +%s) - START)) s"

# --- what the robot said -----------------------------------------------------------------------
echo "----- robot output (control-loop overrun warnings and progress lines left out) -----"
sed 's/\r/\n/g' "$LOG" | grep -v '^$' | grep -Ev ' sim +[0-9.]+ / [0-9.]+ s ' | grep -Ev '^[A-Z][a-z]{2} [0-9]{2}, [0-9]{4} ' |
  grep -v 'tick overran its period' | grep -v 'simulation stalled before' | head -40
echo "control-loop overrun warnings: $(grep -c 'tick overran its period' "$LOG" || true), last: $(grep 'tick overran' "$LOG" | tail -1 | sed 's/.*tick overran/tick overran/')"
echo "----- native libraries mapped by the emulated JVM (last sample) -----"
if [ -s "$MAPS" ]; then
  sed 's|.*/||' "$MAPS" | grep -Ev '^(ld-linux|lib(c|m|dl|pthread|rt|gcc_s|stdc\+\+|z))\.so' | sort -u | tr '\n' ' '; echo
else
  echo "(no sample)"
fi
echo "-------------------------------------------------"
fail=0
check() { if eval "$2"; then say "PASS $1"; else say "FAIL $1"; fail=1; fi; }
check "tablet page over HTTP" '[ "$page_ok" -eq 1 ]'
check "robot standing (mode line, or telemetry mode)" \
  'grep -Eq "^mode (STAND|WALK)" "$LOG" || [[ "$mode_seen" == *STAND* ]] || [[ "$mode_seen" == *WALK* ]]'
check "no fall" '! grep -Eq "falls [1-9]" "$LOG"'
check "learned policy loaded" 'grep -Eq "^policy: .* loaded" "$LOG"'
check "perception on" 'grep -Eq "^perception: on|perception [0-9]+ frames" "$LOG"'
check "OpenCV native (frames processed)" 'grep -Eq "perception: on, [1-9][0-9]* frames|perception [1-9][0-9]* frames" "$LOG"'
check "terrain classifier ran on PyTorch (DJL)" 'grep -Eq "terrain [1-9][0-9]* patches" "$LOG"'
check "libtorch_cpu.so (aarch64) mapped by the JVM" 'grep -q "linux-aarch64/libtorch_cpu.so" "$MAPS" 2>/dev/null'
check "OpenCV native mapped by the JVM" 'grep -q "opencv_java" "$MAPS" 2>/dev/null'
torch_dir="$(ls -d "$ARM_ROOT"/var/cache/robodog/djl/pytorch/*aarch64* 2>/dev/null | head -1)" || true
check "libtorch.so for aarch64 extracted from lib/ (${torch_dir#"$ARM_ROOT"})" \
  '[ -n "$torch_dir" ] && [ -f "$torch_dir/libtorch.so" ]'
check "robot exited cleanly" '[ "$rc" -eq 0 ]'
[ "$fail" -eq 0 ] || die "some checks failed (above); full log: $LOG"
say "all checks passed in $(($(date +%s) - START)) s"
