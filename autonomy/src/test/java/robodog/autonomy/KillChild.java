package robodog.autonomy;

import java.nio.file.Path;
import robodog.autonomy.store.Incident;

/**
 * Child process for {@link KillRestartTest}: dispatches the test route and runs it slowly (2 ms
 * sleep per 50 ms step), printing "saved N" as it goes, while a second thread commits incident rows
 * back to back so that the kill lands in the middle of a write.
 */
public final class KillChild {
  private KillChild() {}

  public static void main(String[] args) throws Exception {
    Bench b = new Bench(Path.of(args[0]));
    b.db.saveRoute(Routes.ell("ell"), "test", true);
    b.send("{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\"}");
    if (b.svc.mission() == null) {
      System.out.println("refused " + b.errors);
      return;
    }
    long run = b.svc.runId();
    Thread writer =
        new Thread(
            () -> {
              for (int i = 0; ; i++) {
                b.db.addIncident(run, new Incident(i, "stress", "write " + i));
              }
            });
    writer.setDaemon(true);
    writer.start();
    for (long i = 0; b.svc.mission() != null; i++) {
      b.step();
      if (i % 20 == 0) {
        System.out.println("saved " + b.svc.mission().nextWaypoint());
        System.out.flush();
      }
      Thread.sleep(2);
    }
    System.out.println("finished");
  }
}
