// The MQTT link to the robot over WebSockets (npm "mqtt", MQTT 3.1.1 as Moquette speaks it).
// Topics and payloads: docs/operator-protocol.md.
import mqtt from "mqtt";

/** A client id that survives a page reload in the same tab, so the tab keeps its lease. */
function tabClientId() {
  const key = "robodog-client-id";
  let id = null;
  try {
    id = sessionStorage.getItem(key);
  } catch (e) {
    // storage disabled: a fresh id per load
  }
  if (!id || !/^tablet-[0-9a-f]{8}$/.test(id)) {
    const r = new Uint32Array(1);
    crypto.getRandomValues(r);
    id = "tablet-" + r[0].toString(16).padStart(8, "0");
    try {
      sessionStorage.setItem(key, id);
    } catch (e) {
      // as above
    }
  }
  return id;
}

/**
 * The broker URL for this page: MQTT over secure WebSockets (wss_url, the robot's TLS certificate)
 * when the page itself came over https (a browser refuses plain ws:// from an https page) or was
 * opened with ?tls=1; otherwise the plain ws_url.
 * @param {{ws_url: string, wss_url?: string}} config from /config.json
 */
export function brokerUrl(config, location = window.location) {
  const wantTls =
    location.protocol === "https:" || new URLSearchParams(location.search).get("tls") === "1";
  return wantTls && config.wss_url ? config.wss_url : config.ws_url;
}

export class RobotLink {
  /**
   * @param {{robot_id: string, ws_url: string, wss_url?: string}} config from /config.json
   * @param {{onState: (s: string, detail?: string) => void,
   *          onMessage: (topic: string, payload: Uint8Array) => void}} handlers
   */
  constructor(config, handlers) {
    this.prefix = `robodog/${config.robot_id}/`;
    this.url = brokerUrl(config);
    this.handlers = handlers;
    this.mqttClientId = tabClientId();
    this.user = "";
    // The robot drops any seq not above the last one it saw from this client id. Starting from the
    // clock (µs since 1970, well below 2^53) keeps seq increasing across reloads of this tab.
    this.seq = Date.now() * 1000;
    this.client = null;
    // Where commands go under the prefix: "cmd/" on the robot's own broker (it knows each
    // connection's client id); "op/{user}/cmd/" behind an external broker, whose ACL lets each user
    // write only under its own name: the robot takes the sender from that path.
    this.commandPath = config.command_path || "cmd/";
    this.commandPrefix = this.commandPath.replace("{user}", "");
  }

  /** (Re)connects, with optional credentials for a broker that requires them. */
  connect(username, password) {
    if (this.client) {
      this.client.end(true);
    }
    const options = {
      clientId: this.mqttClientId,
      protocolVersion: 4,
      clean: true,
      keepalive: 5, // s: the broker notices a vanished tablet within 7.5 s
      reconnectPeriod: 1000,
      connectTimeout: 4000,
      // Commands queued while offline would arrive late: the robot must never get a stale drive
      // command after a reconnect, so nothing is queued.
      queueQoSZero: false,
      resubscribe: true,
    };
    this.user = username || "";
    this.commandPrefix = this.commandPath.replace("{user}", this.user);
    if (username) {
      options.username = username;
      options.password = password || "";
    }
    const c = mqtt.connect(this.url, options);
    this.client = c;
    this.handlers.onState("connecting", this.url);
    c.on("connect", () => {
      this.handlers.onState("connected", this.url);
      c.subscribe(this.prefix + "state/#", { qos: 0 });
    });
    c.on("reconnect", () => this.handlers.onState("connecting", this.url));
    c.on("close", () => {
      if (!c.disconnecting && !c.disconnected) this.handlers.onState("offline", this.url);
    });
    c.on("error", (e) => {
      const msg = e && e.message ? e.message : String(e);
      if (e && (e.code === 2 || e.code === 4 || e.code === 5)) {
        // Client id refused (another user's), bad user name or password, or not authorised:
        // retrying the same login is pointless.
        c.end(true);
        this.handlers.onState("login refused", msg);
      } else {
        this.handlers.onState("error", msg);
      }
    });
    c.on("message", (topic, payload) => {
      if (topic.startsWith(this.prefix)) {
        this.handlers.onMessage(topic.substring(this.prefix.length), payload);
      }
    });
  }

  /**
   * The name the robot knows this page by (the lease holder in telemetry): the MQTT client id on
   * the robot's broker, the login name behind an external broker (its command path).
   */
  get clientId() {
    return this.commandPath.includes("{user}") ? this.user : this.mqttClientId;
  }

  get connected() {
    return this.client !== null && this.client.connected;
  }

  /**
   * Publishes {@code body} with a fresh seq on <command path><name>. Nothing is sent (and false returned)
   * while disconnected: a command is only worth sending now. Except with {@code evenOffline} (the
   * E-STOP engage, QoS 1): MQTT.js then keeps it and sends it as soon as the link is back.
   */
  send(name, body, qos = 0, evenOffline = false) {
    if (!this.client || (!this.connected && !evenOffline)) return false;
    // The sender is the connection (embedded broker) or the path (external broker), never a
    // payload field.
    const payload = JSON.stringify(Object.assign({ seq: ++this.seq }, body));
    this.client.publish(this.prefix + this.commandPrefix + name, payload, { qos, retain: false });
    return true;
  }
}
