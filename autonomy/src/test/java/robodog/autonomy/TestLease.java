package robodog.autonomy;

import robodog.core.MotionCommand;

/**
 * The lease rules of the operator link reduced to what autonomy sees: one holder, handed over only
 * by the holder. (The real operator link is exercised in app's MissionMqttTest.)
 */
final class TestLease implements DrivePort {
  volatile String holder;
  final MotionCommand last = new MotionCommand();
  int driven;

  TestLease(String holder) {
    this.holder = holder;
  }

  @Override
  public synchronized String leaseHolder() {
    return holder;
  }

  @Override
  public synchronized boolean grant(String from, String to) {
    if (!from.equals(holder)) {
      return false;
    }
    holder = to;
    return true;
  }

  @Override
  public synchronized boolean drive(MotionCommand cmd) {
    if (!AUTONOMY.equals(holder)) {
      return false;
    }
    last.copyFrom(cmd);
    driven++;
    return true;
  }
}
