#!/usr/bin/env bash
# Build check of the distribution archive: the launcher, and the arm64 natives a Raspberry Pi
# needs, inside the jars that carry them. Usage: check-archive.sh robodog-<version>.tar.gz
set -euo pipefail
ARCHIVE="${1:?usage: check-archive.sh ARCHIVE.tar.gz}"
[ -f "$ARCHIVE" ] || { echo "check-archive: $ARCHIVE not found; the assembly did not run" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

tar -tzf "$ARCHIVE" >"$WORK/entries"
TOP="$(head -1 "$WORK/entries" | cut -d/ -f1)"
fail=0
need_entry() {
  grep -Eq "^$TOP/$1\$" "$WORK/entries" || { echo "check-archive: missing $1 in $ARCHIVE ($2)" >&2; fail=1; }
}
# One pass over the archive (it is a few hundred MB) for the jars whose contents are checked.
tar -xzf "$ARCHIVE" -C "$WORK" --wildcards "$TOP/lib/pytorch-*" "$TOP/lib/opencv-*" \
  "$TOP/lib/ihmc-pub-sub-*" "$TOP/lib/pi4j-*"
# $1 jar name pattern in lib/, $2 entry pattern inside it, $3 what it is
need_in_jar() {
  local jar
  jar="$(grep -E "^$TOP/lib/$1\$" "$WORK/entries" | head -1)" || true
  [ -n "$jar" ] || { echo "check-archive: no lib/$1 in $ARCHIVE ($3)" >&2; fail=1; return; }
  # Not grep -q: it would close the pipe early and pipefail would report unzip's SIGPIPE.
  unzip -Z1 "$WORK/$jar" | grep -E "$2" >/dev/null ||
    { echo "check-archive: $(basename "$jar") has no $2 ($3)" >&2; fail=1; }
}

need_entry 'bin/robodog' "the launcher"
need_entry 'systemd/robodog.service' "the systemd unit"
need_entry 'INSTALL' "install instructions"
need_entry 'config/robot.yaml' "shipped configuration"
need_entry 'models/terrain-policy/policy.txt' "the learned policy"
need_entry 'models/terrain-classifier/terrain-classifier-0000.params' "the terrain classifier"
need_entry 'lib/robodog-app-[^/]*\.jar' "the application"
need_in_jar 'pytorch-native-cpu-[^/]*-linux-aarch64\.jar' 'pytorch/cpu/linux-aarch64/libtorch\.so' "PyTorch for arm64"
need_in_jar 'pytorch-jni-[^/]*\.jar' 'jnilib/linux-aarch64/cpu/libdjl_torch\.so' "DJL's PyTorch JNI for arm64"
need_in_jar 'opencv-[^/]*\.jar' 'nu/pattern/opencv/linux/ARMv8/libopencv_java[0-9]*\.so' "OpenCV for arm64"
need_in_jar 'ihmc-pub-sub-[^/]*\.jar' 'native/Linux/aarch64/libFastRTPSWrapper\.so' "ROS 2 (Fast DDS) for arm64"
need_in_jar 'pi4j-library-linuxfs-[^/]*\.jar' 'lib/aarch64/.*\.so' "Pi4J linuxfs for arm64"
need_in_jar 'pi4j-plugin-raspberrypi-[^/]*\.jar' 'META-INF/services' "Pi4J Raspberry Pi plugin"

[ "$(tar -tvzf "$ARCHIVE" "$TOP/bin/robodog" 2>/dev/null | cut -c4)" = "x" ] ||
  { echo "check-archive: bin/robodog is not executable" >&2; fail=1; }
[ "$fail" -eq 0 ] || { echo "check-archive: $ARCHIVE is incomplete (above)" >&2; exit 1; }
echo "check-archive: $(basename "$ARCHIVE") has the launcher and the arm64 natives ($(grep -c '^'"$TOP"'/lib/.*\.jar$' "$WORK/entries") jars)"
