// What the robot tells the page (state/telemetry, state/error, state/status, state/camera), shown
// in the telemetry panel, the camera view and the stale-link warning.

const STALE_MS = 1000;
const CAMERA_STALE_MS = 3000;
const MODES = { SITTING: "sit", STANDING: "stand", WALKING: "walk" };
// Battery cues for the crew, in % of charge (battery_pct). Below 20 % a LiPo should be swapped
// soon to keep its cells healthy; below 5 % (about 3.6 V per cell, the robot's warning threshold)
// the robot is minutes from sitting down on its own.
const BATTERY_LOW_PCT = 20;
const BATTERY_CRITICAL_PCT = 5;
const decoder = new TextDecoder();
// Leg names by ordinal, the order of failed_leg_mask's bits.
const LEGS = ["lf", "lm", "lr", "rf", "rm", "rr"];

const $ = (id) => document.getElementById(id);

function fmt(v, digits, unit) {
  return typeof v === "number" && Number.isFinite(v) ? `${v.toFixed(digits)} ${unit}` : "–";
}

export class Telemetry {
  /** @param {{gaits?: string[]}} config @param {() => string} clientId this page's MQTT id */
  constructor(config, clientId) {
    this.gaits = config.gaits || [];
    this.clientId = clientId;
    this.last = null; // last telemetry object
    this.lastAt = 0; // performance.now() of the last telemetry
    this.startedAt = performance.now();
    this.leaseHolder = undefined;
    this.estop = undefined;
    this.cameraAt = 0;
    this.cameraUrl = null;
    this.online = undefined;
  }

  stale() {
    return performance.now() - this.lastAt > STALE_MS;
  }

  onMessage(topic, payload) {
    if (topic === "state/camera") {
      this.camera(payload);
      return;
    }
    let msg;
    try {
      msg = JSON.parse(decoder.decode(payload));
    } catch (e) {
      $("last-error").textContent = `unreadable ${topic} from the robot: ${e.message}`;
      return;
    }
    if (topic === "state/telemetry") this.telemetry(msg);
    else if (topic === "state/error") this.error(msg);
    else if (topic === "state/status") this.online = msg.online === true;
  }

  telemetry(t) {
    this.last = t;
    this.lastAt = performance.now();
    this.leaseHolder = t.lease_holder || null;
    this.estop = t.estop === true;
    $("t-mode").textContent = t.mode || "–";
    const gait = this.gaits[t.gait];
    const g = t.ground || {};
    $("t-gait").textContent =
      (gait !== undefined ? gait : String(t.gait ?? "–")) + (g.auto_gait ? " (auto)" : "");
    $("t-ground").textContent = g.call
      ? `${g.call}, slip ${fmt(g.slip_mps, 2, "m/s")}, ${g.recoveries ?? 0} recoveries`
      : "–";
    $("t-ground").className = g.call === "recovering" || g.call === "slippery" ? "bad-text" : "";
    $("t-speed").textContent = fmt(Math.hypot(t.vx || 0, t.vy || 0), 2, "m/s");
    $("t-yaw-rate").textContent = fmt(t.yaw_rate, 2, "rad/s");
    const p = t.pose || {};
    $("t-pose").textContent =
      Number.isFinite(p.x) && Number.isFinite(p.y) ? `${p.x.toFixed(2)}, ${p.y.toFixed(2)} m` : "–";
    $("t-yaw").textContent = Number.isFinite(p.yaw) ? `${((p.yaw * 180) / Math.PI).toFixed(0)}°` : "–";
    this.battery(t.battery_v, t.battery_pct);
    $("t-lease").textContent =
      t.lease_holder == null ? "free" : t.lease_holder === this.clientId() ? "you" : t.lease_holder;
    $("t-estop").textContent = t.estop ? "ENGAGED" : "off";
    $("t-estop").className = t.estop ? "bad-text" : "";
    $("t-notice").textContent = t.notice || "–";
    this.comms(t.comms);
    this.legs(t.failed_leg_mask || 0, t.leg_failure);
    for (const b of document.querySelectorAll("button.mode")) {
      b.classList.toggle("active", MODES[t.mode] === b.dataset.mode);
    }
    for (const b of document.querySelectorAll("button.gait")) {
      b.classList.toggle("active", g.auto_gait ? b.textContent === "auto" : b.textContent === gait);
    }
    // advisor.state: none (no policy loaded), no-model, on, off, rejected or stale (the last two
    // still lay the last safe setting over the operator's command, so they count as on).
    const advisor = t.advisor ? t.advisor.state : "none";
    this.advisorOn = advisor === "on" || advisor === "rejected" || advisor === "stale";
    const pb = $("policy");
    if (pb) {
      pb.textContent = "learned: " + advisor;
      pb.disabled = advisor === "none" || advisor === "no-model";
      pb.classList.toggle("active", this.advisorOn);
    }
  }

  /**
   * The six legs, folded ones struck through, the one the robot found broken in red; and the
   * banner naming that leg, its evidence and how to clear it, while the robot reports it.
   */
  legs(failedMask, lf) {
    const broken = lf && typeof lf.leg === "string" ? lf.leg : null;
    const cell = $("t-legs");
    const html = LEGS.map((name, i) => {
      const cls = name === broken ? "leg broken" : failedMask & (1 << i) ? "leg folded" : "leg";
      return `<span class="${cls}">${name}</span>`;
    }).join("");
    if (cell.innerHTML !== html) cell.innerHTML = html;
    const banner = $("leg-failure");
    banner.hidden = broken === null;
    if (broken !== null) {
      // Unconfirmed: folded while its joint is tested in the air; it may prove only obstructed.
      const testing = lf.confirmed === false;
      $("leg-failure-title").textContent = testing ? "LEG CHECK" : "LEG FAILURE";
      $("leg-failure-leg").textContent =
        broken +
        (typeof lf.joint === "string" ? ` ${lf.joint}` : "") +
        (testing ? " folded, testing it in the air" : " folded, walking on five");
      $("leg-failure-detail").textContent = testing
        ? `${lf.reason || lf.evidence || ""}. If it moves freely it walks again.`
        : `${lf.reason || lf.evidence || ""}. Power the robot off and on once the leg is repaired.`;
    }
  }

  /**
   * The robot's comms-loss stage for the lease holder: "ok · 0.1 s", or e.g. "sitting · 12.3 s
   * without the holder", amber once stopped, red once the servos are off; "no holder" when free.
   */
  comms(c) {
    const cell = $("t-comms");
    if (!c) {
      cell.textContent = "–";
      return;
    }
    const silent = typeof c.holder_silent_s === "number" ? c.holder_silent_s : null;
    const stage = String(c.stage || "ok").replace("_", " ");
    cell.textContent =
      silent === null
        ? "no holder"
        : c.stage === "ok"
          ? `ok · ${silent.toFixed(1)} s`
          : `${stage} · ${silent.toFixed(1)} s without the holder`;
    const level = c.stage === "servos_off" ? "bad-text" : c.stage && c.stage !== "ok" ? "warn-text" : "";
    if (cell.className !== level) cell.className = level;
  }

  /** "7.90 V · 62 %", coloured when low or critical; "–" when the robot does not know. */
  battery(volts, pct) {
    const cell = $("t-battery");
    const known = typeof pct === "number" && Number.isFinite(pct);
    cell.textContent = known ? `${fmt(volts, 2, "V")} · ${pct.toFixed(0)} %` : fmt(volts, 2, "V");
    let level = "";
    let why = "battery voltage and charge";
    if (known && pct < BATTERY_CRITICAL_PCT) {
      level = "bad-text";
      why = "battery critical: sit the robot down and swap the pack";
    } else if (known && pct < BATTERY_LOW_PCT) {
      level = "warn-text";
      why = "battery low: swap the pack soon";
    }
    if (cell.className !== level) cell.className = level;
    cell.title = why;
  }

  error(msg) {
    const text = typeof msg.error === "string" ? msg.error : JSON.stringify(msg);
    const time = new Date().toLocaleTimeString();
    $("last-error").textContent = `${time}: ${text}`;
    $("last-error").classList.add("has-error");
  }

  camera(jpeg) {
    const url = URL.createObjectURL(new Blob([jpeg], { type: "image/jpeg" }));
    const img = $("camera-img");
    const previous = this.cameraUrl;
    img.onload = () => previous && URL.revokeObjectURL(previous);
    img.src = url;
    this.cameraUrl = url;
    this.cameraAt = performance.now();
  }

  /** Called 4 times a second: the stale-link warning and the camera placeholder. */
  refresh(connected) {
    const now = performance.now();
    const cameraLive = this.cameraAt > 0 && now - this.cameraAt < CAMERA_STALE_MS;
    $("camera-img").hidden = !cameraLive;
    $("no-camera").hidden = cameraLive;
    const waited = now - (this.lastAt || this.startedAt);
    const warn = !connected || waited > STALE_MS;
    $("stale").hidden = !warn;
    if (warn) {
      const why = !connected
        ? "not connected to the robot's broker: reconnecting"
        : this.lastAt === 0
          ? "connected, but no telemetry yet"
          : `last telemetry ${(waited / 1000).toFixed(1)} s ago`;
      $("stale-detail").textContent =
        `${why}. The stick is disabled; the robot stops by itself when it stops hearing this tablet.` +
        (this.online === false ? " The robot reported itself offline." : "");
    }
  }
}
