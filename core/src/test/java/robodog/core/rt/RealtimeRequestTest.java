package robodog.core.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Validation of what may be asked, with messages that name the setting and what is allowed. */
class RealtimeRequestTest {
  @Test
  void aCpuThisMachineDoesNotHaveIsRefusedNamingItsCpus() {
    String online = RealtimeRequest.onlineCpus();
    int beyond = RealtimeSetupTest.lastCpu(online) + 1;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new RealtimeRequest(80, true, beyond, true));
    assertEquals("cpu " + beyond + ": this machine has CPUs " + online, e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RealtimeRequest.fifo(80).withCpu(-2));
  }

  @Test
  void fifoPrioritiesAreOneToNinetyNineOrOff() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RealtimeRequest.fifo(100));
    assertEquals(
        "rt-priority 100: SCHED_FIFO priorities are 1-99, 0 = do not ask for SCHED_FIFO",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RealtimeRequest.fifo(-1));
    assertTrue(RealtimeRequest.fifo(1).wantsFifo());
    assertTrue(RealtimeRequest.fifo(99).wantsFifo());
    assertFalse(new RealtimeRequest(0, true, RealtimeRequest.ANY_CPU, true).wantsFifo());
    assertTrue(RealtimeRequest.none().isEmpty());
  }

  @Test
  void kernelCpuListsAreRead() {
    assertTrue(RealtimeRequest.cpuListContains("0-1", 0));
    assertTrue(RealtimeRequest.cpuListContains("0-1", 1));
    assertFalse(RealtimeRequest.cpuListContains("0-1", 2));
    assertTrue(RealtimeRequest.cpuListContains("0-3,6,8-9", 6));
    assertTrue(RealtimeRequest.cpuListContains("0-3,6,8-9", 9));
    assertFalse(RealtimeRequest.cpuListContains("0-3,6,8-9", 7));
    assertFalse(RealtimeRequest.cpuListContains("garbage", 0));
  }
}
