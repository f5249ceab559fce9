// The mission screen: routes, dispatch with a payload declaration, pause / resume / abort /
// return home, live progress on a map. Speaks cmd/mission and listens to state/mission,
// state/route and state/error (docs/missions.md). Safety rules kept here:
// - the page that supervises a run (dispatched or last resumed it) sends a cmd/mission heartbeat
//   every 0.5 s, but only while it is visible, connected and seeing telemetry: a sleeping tablet
//   goes silent and the run's comms-loss policy (by default: stop and wait) takes over;
// - dispatch needs the lease; the robot, not the page, decides: its refusals are shown here.
import { MissionMap } from "./missionmap.js";

const HEARTBEAT_MS = 500;
const HOLDING = new Set(["paused", "interrupted", "waiting", "comms_lost"]);
const decoder = new TextDecoder();
const $ = (id) => document.getElementById(id);

export class MissionPanel {
  /**
   * @param {import("./link.js").RobotLink} link
   * @param {() => boolean} canSend true while the page is visible, connected and sees telemetry
   * @param {() => void} onDispatch told when a dispatch goes out: the lease is about to pass to
   *     autonomy, so teleop must fall silent now rather than at the next telemetry
   */
  constructor(link, canSend, onDispatch) {
    this.link = link;
    this.canSend = canSend;
    this.onDispatch = onDispatch;
    this.map = new MissionMap($("m-map"));
    this.state = null; // last state/mission
    this.routeMap = null; // last state/route
    this.asked = null; // route name whose map was last asked for
    this.trail = [];
    this.trailRun = null;
    this.lastHeartbeat = 0;
    this.lastAsk = -Infinity;
    $("m-route").addEventListener("change", () => this.showRoute($("m-route").value));
    $("m-dispatch").addEventListener("click", () => this.dispatch());
    for (const op of ["pause", "resume", "abort", "return_home"]) {
      $("m-" + op.replace("_", "-")).addEventListener("click", () => this.send(op, {}));
    }
    this.render();
  }

  onMessage(topic, payload) {
    let msg;
    try {
      msg = JSON.parse(decoder.decode(payload));
    } catch (e) {
      this.showError(`unreadable ${topic} from the robot: ${e.message}`);
      return;
    }
    if (topic === "state/mission") this.onState(msg);
    else if (topic === "state/route") this.onRoute(msg);
    else if (topic === "state/error" && typeof msg.error === "string") {
      // Mission refusals and run notices; the general error line shows everything else.
      if (/^(cmd\/mission|run \d)/.test(msg.error)) this.showError(msg.error);
    }
  }

  onState(s) {
    this.state = s;
    const select = $("m-route");
    const names = Array.isArray(s.routes) ? s.routes : [];
    const current = [...select.options].map((o) => o.value);
    if (names.join("\n") !== current.join("\n")) {
      const keep = select.value;
      select.replaceChildren(
        ...names.map((n) => {
          const o = document.createElement("option");
          o.value = n;
          o.textContent = n;
          return o;
        }),
      );
      if (names.includes(keep)) select.value = keep;
    }
    const run = s.run;
    if (run) {
      if (this.trailRun !== run.id) {
        this.trail = [];
        this.trailRun = run.id;
      }
      const last = this.trail[this.trail.length - 1];
      if (!last || Math.hypot(last[0] - run.x, last[1] - run.y) > 0.02) this.trail.push([run.x, run.y]);
      if (select.value !== run.route && names.includes(run.route)) select.value = run.route;
    }
    const want = run ? run.route : select.value;
    if (want && this.asked !== want) this.showRoute(want);
    this.render();
  }

  onRoute(r) {
    if (r && Array.isArray(r.waypoints) && r.route === this.asked) {
      this.routeMap = r;
      this.render();
    }
  }

  showRoute(name) {
    if (!name) return;
    if (this.link.send("mission", { op: "show_route", route: name })) this.asked = name;
  }

  /** Called 10 times a second. */
  tick() {
    const run = this.state && this.state.run;
    const now = performance.now();
    // The robot publishes state/mission (retained) on changes only: ask until it has answered.
    if (!this.state && this.link.connected && now - this.lastAsk >= 1000) {
      this.lastAsk = now;
      this.link.send("mission", { op: "list_routes" });
    }
    if (run && run.dispatched_by === this.link.clientId && this.canSend() && now - this.lastHeartbeat >= HEARTBEAT_MS) {
      this.lastHeartbeat = now;
      this.link.send("mission", { op: "heartbeat" });
    }
  }

  dispatch() {
    const payload = {};
    for (const [id, key, label] of [
      ["m-mass", "mass_kg", "mass"],
      ["m-com", "com_height_m", "centre of mass height"],
      ["m-fragility", "fragility", "fragility"],
    ]) {
      const text = $(id).value.trim();
      const v = text === "" ? 0 : Number(text);
      if (!Number.isFinite(v)) {
        this.showError(`${label}: "${text}" is not a number`);
        return;
      }
      payload[key] = v; // ranges are the robot's to check; its refusal is shown here
    }
    const route = $("m-route").value;
    if (!route) {
      this.showError("no route to dispatch: the robot has none stored");
      return;
    }
    if (this.send("dispatch", { route, payload, comms_loss: { policy: $("m-comms").value } })) {
      this.onDispatch();
    }
  }

  send(op, fields) {
    if (!this.link.send("mission", Object.assign({ op }, fields))) {
      this.showError(`${op} not sent: not connected to the robot`);
      return false;
    }
    $("m-error").textContent = `sent ${op.replace("_", " ")}`;
    $("m-error").classList.remove("has-error");
    return true;
  }

  showError(text) {
    $("m-error").textContent = `${new Date().toLocaleTimeString()}: ${text}`;
    $("m-error").classList.add("has-error");
  }

  render() {
    const s = this.state;
    const run = s && s.run;
    const state = s ? s.state : "unknown";
    $("m-state").textContent = state.replace("_", " ");
    const off = state === "unavailable"; // missions are off: the robot says why (s.error)
    $("m-state").className =
      "pill " + (state === "running" || state === "returning_home" ? "ok" : run ? "warn" : off ? "bad" : "");
    $("m-run").textContent = run
      ? `run ${run.id}: ${run.route}, ${run.profile} ride, by ${run.dispatched_by}` +
        (run.paused_by ? `, paused by ${run.paused_by}` : "")
      : off
        ? String(s.error || "missions are off")
        : "no run";
    $("m-next").textContent = run ? `${Math.min(run.next_waypoint + 1, run.waypoints)} / ${run.waypoints}` : "–";
    $("m-left").textContent = run ? `${run.distance_left_m.toFixed(2)} m` : "–";
    $("m-walked").textContent = run ? `${run.distance_walked_m.toFixed(2)} m` : "–";
    $("m-eta").textContent = run ? eta(run.eta_s, state) : "–";
    const connected = this.link.connected;
    $("m-dispatch").disabled = !connected || !!run || state === "recording" || off;
    $("m-pause").disabled = !connected || !run || HOLDING.has(state);
    $("m-resume").disabled = !connected || !run || !HOLDING.has(state);
    $("m-abort").disabled = !connected || !run;
    $("m-return-home").disabled = !connected || !run;
    const route = this.routeMap && (!run || this.routeMap.route === run.route) ? this.routeMap : null;
    this.map.draw(route, run ? run.next_waypoint : -1, run ? this.trail : [], run ? { x: run.x, y: run.y, yaw: run.yaw } : null);
  }
}

function eta(seconds, state) {
  if (!Number.isFinite(seconds)) return "–";
  const m = Math.floor(seconds / 60);
  const text = m > 0 ? `${m} min ${Math.round(seconds % 60)} s` : `${Math.round(seconds)} s`;
  return state === "running" || state === "returning_home" ? text : `${text} (${state.replace("_", " ")})`;
}
