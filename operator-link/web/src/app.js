// The operator's tablet page: wires the controls to the robot link. Safety rules kept here:
// - the stick sends cmd/velocity at 10 Hz with ttl_ms 300 only while held; letting go sends a zero
//   velocity at once, and anything that interrupts the touch (cancel, lost capture, page hidden)
//   counts as letting go;
// - while the page holds the lease and the stick is idle it sends cmd/heartbeat at 10 Hz; a hidden
//   page or a sleeping tablet sends nothing, so the robot's 500 ms watchdog stops it;
// - when telemetry stops arriving (1 s) a big warning shows and the stick drives nothing;
// - E-STOP is sent on pointerdown (no click delay), QoS 1, with or without the lease. Everything
//   else is QoS 0: MQTT.js resends unacknowledged QoS 1 messages after a reconnection, and a late
//   "walk" or E-stop release must never arrive as if fresh (an engage may: it is always safe).
import { attachJoystick } from "./joystick.js";
import { RobotLink } from "./link.js";
import { MissionPanel } from "./mission.js";
import { Telemetry } from "./telemetry.js";

const PERIOD_MS = 100; // command rate: 10 Hz
const TTL_MS = 300; // a velocity the robot drops unless refreshed
const LEASE_GRACE_MS = 600; // how long to trust our own acquire/release before telemetry says so

const $ = (id) => document.getElementById(id);
const stick = { x: 0, y: 0, held: false };
let link = null;
let view = null;
let mission = null;
let leaseClaimAt = 0;
let leaseReleaseAt = 0;

/** True while this page may command: it holds the lease and sees the robot's telemetry. */
function holding() {
  if (!link.connected || view.stale()) return false;
  const now = performance.now();
  if (now - leaseReleaseAt < LEASE_GRACE_MS) return false;
  return view.leaseHolder === link.clientId || now - leaseClaimAt < LEASE_GRACE_MS;
}

function maxSpeed() {
  return Number($("speed").value);
}

/** Left/right on the stick strafes (vy) instead of turning while the Strafe toggle is on. */
function strafing() {
  return $("strafe").getAttribute("aria-pressed") === "true";
}

function velocityFromStick() {
  if (!stick.held || view.stale()) return { vx: 0, vy: 0, yaw_rate: 0, ttl_ms: TTL_MS };
  const vx = stick.y * maxSpeed();
  // Right on the stick is negative y (base_link y points left) and clockwise (negative yaw).
  const vy = strafing() ? -stick.x * maxSpeed() : 0;
  const yawRate = strafing() ? 0 : -stick.x * 2.5 * maxSpeed();
  return { vx: round(vx), vy: round(vy), yaw_rate: round(yawRate), ttl_ms: TTL_MS };
}

function describe(v) {
  const side = strafing()
    ? `sideways ${v.vy.toFixed(2)} m/s`
    : `turn ${v.yaw_rate.toFixed(2)} rad/s`;
  return `stick: vx ${v.vx.toFixed(2)} m/s, ${side}`;
}

function round(v) {
  return Math.round(v * 1000) / 1000;
}

function tick() {
  if (mission) mission.tick();
  if (document.hidden || !holding()) return;
  if (stick.held) {
    link.send("velocity", velocityFromStick());
  } else {
    link.send("heartbeat", {});
  }
}

function onStick(s) {
  const wasHeld = stick.held;
  Object.assign(stick, s);
  const v = velocityFromStick();
  $("stick-out").textContent = s.held ? describe(v) : "stick: released";
  if (!s.held && wasHeld && link.connected && view.leaseHolder === link.clientId) {
    link.send("velocity", { vx: 0, vy: 0, yaw_rate: 0, ttl_ms: TTL_MS }); // stop now
    return;
  }
  if (!holding()) {
    if (s.held) $("stick-out").textContent = "acquire the lease (and see the robot) to drive";
    return;
  }
  if (s.held && !wasHeld) {
    link.send("velocity", v);
  }
}

function estop() {
  joystick.release();
  // Any client may engage; QoS 1 so a lossy link retries it.
  link.send("estop", { engage: true }, 1, true);
  $("estop").classList.add("engaged");
}

let joystick = null;

function wireControls(config) {
  joystick = attachJoystick($("joystick"), $("knob"), onStick);
  $("strafe").addEventListener("click", () => {
    const on = !strafing();
    $("strafe").setAttribute("aria-pressed", String(on));
    $("strafe").classList.toggle("active", on);
    if (stick.held) $("stick-out").textContent = describe(velocityFromStick()); // next tick sends it
  });
  $("estop").addEventListener("pointerdown", (ev) => {
    ev.preventDefault();
    estop();
  });
  $("estop").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || ev.key === " ") estop();
  });
  $("estop-release").addEventListener("click", () => {
    if (confirm("Release the E-stop? The robot may move again.")) {
      link.send("estop", { engage: false });
    }
  });
  $("lease-acquire").addEventListener("click", () => lease("acquire"));
  $("lease-take").addEventListener("click", () => {
    if (confirm(`Take control from ${view.leaseHolder}?`)) lease("take");
  });
  $("lease-release").addEventListener("click", () => lease("release"));
  for (const b of document.querySelectorAll("button.mode")) {
    b.addEventListener("click", () => link.send("mode", { mode: b.dataset.mode }));
  }
  const gaits = $("gaits");
  // "auto" first: the robot picks the gait from the ground it feels until a gait is chosen.
  ["auto", ...(config.gaits || [])].forEach((name) => {
    const b = document.createElement("button");
    b.className = "gait";
    b.id = "gait-" + name;
    b.textContent = name;
    b.addEventListener("click", () => link.send("gait", { gait: name }));
    gaits.appendChild(b);
  });
  // The learned gait advisor's switch (cmd/policy). Choosing a gait above switches it off on the
  // robot; this turns it back on. Telemetry's advisor.state drives the label.
  const policy = document.createElement("button");
  policy.id = "policy";
  policy.className = "policy";
  policy.textContent = "learned: –";
  policy.disabled = true;
  policy.addEventListener("click", () => link.send("policy", { enabled: !view.advisorOn }));
  gaits.appendChild(policy);
  const h = $("height");
  const bh = config.body_height_m;
  if (bh) {
    h.min = bh.min;
    h.max = bh.max;
    h.value = bh.neutral;
  }
  const showHeight = () => ($("height-out").textContent = `${(h.value * 100).toFixed(1)} cm`);
  showHeight();
  h.addEventListener("input", showHeight);
  h.addEventListener("change", () => link.send("body", { height: Number(h.value) }));
  $("speed").addEventListener("input", () => {
    $("speed-out").textContent = `${Number($("speed").value).toFixed(2)} m/s`;
  });
  $("login-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    link.connect($("username").value.trim(), $("password").value);
    $("login").open = false;
  });
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) joystick.release();
  });
  window.addEventListener("blur", () => joystick.release());
}

function lease(action) {
  if (action === "release") {
    joystick.release();
    leaseClaimAt = 0;
  }
  if (link.send("lease", { action })) {
    if (action === "release") leaseReleaseAt = performance.now();
    else {
      leaseClaimAt = performance.now();
      leaseReleaseAt = 0;
    }
  }
}

/** Enables what the current lease allows. */
function refreshLease() {
  const mine = holding();
  const holder = view.leaseHolder;
  const pill = $("lease");
  const blind = !link.connected || view.stale();
  pill.textContent = blind
    ? "lease: ?"
    : mine
      ? "lease: you"
      : holder
        ? `lease: ${holder}`
        : "lease: free";
  pill.className = "pill " + (blind ? "bad" : mine ? "ok" : holder ? "warn" : "");
  $("lease-acquire").disabled = blind || mine || !!holder;
  $("lease-take").disabled = blind || mine || !holder;
  $("lease-release").disabled = !mine;
  for (const b of document.querySelectorAll("#controls button, #estop-release")) b.disabled = !mine;
  $("height").disabled = !mine;
}

function onLinkState(state, detail) {
  const pill = $("link");
  pill.textContent = "link: " + state;
  pill.title = detail || "";
  pill.className = "pill " + (state === "connected" ? "ok" : state === "connecting" ? "warn" : "bad");
  if (state !== "connected") joystick.release();
  if (state === "login refused") $("login").open = true; // ask for (other) credentials
}

async function main() {
  let config;
  try {
    const r = await fetch("config.json", { cache: "no-store" });
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    config = await r.json();
  } catch (e) {
    $("stale").hidden = false;
    $("stale-detail").textContent = "cannot load config.json from the robot: " + e.message;
    return;
  }
  $("robot-id").textContent = config.robot_id;
  document.title = `robodog ${config.robot_id}`;
  view = new Telemetry(config, () => link && link.clientId);
  link = new RobotLink(config, {
    onState: onLinkState,
    onMessage: (topic, payload) => {
      view.onMessage(topic, payload);
      if (topic === "state/mission" || topic === "state/route" || topic === "state/error") {
        mission.onMessage(topic, payload);
      }
    },
  });
  wireControls(config);
  mission = new MissionPanel(
    link,
    () => !document.hidden && link.connected && !view.stale(),
    () => {
      // The robot hands the lease to autonomy: stop the stick and the teleop heartbeat at once.
      joystick.release();
      leaseClaimAt = 0;
      leaseReleaseAt = performance.now();
    },
  );
  link.connect();
  setInterval(tick, PERIOD_MS);
  setInterval(() => {
    view.refresh(link.connected);
    refreshLease();
    $("estop").classList.toggle("engaged", view.estop === true);
    mission.render();
  }, 250);
  refreshLease();
}

main();
