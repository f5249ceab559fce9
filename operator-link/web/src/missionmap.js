// The mission map: a route's breadcrumbs, waypoints (with their arrival circles) and landmarks,
// the path walked in the current run and the robot's pose, all in the route frame (x forward =
// right on screen, y left = up), scaled to fit with equal axes.

const COLORS = {
  background: "#101317",
  grid: "#252b33",
  breadcrumb: "#6b7480",
  path: "#3d7be0",
  reached: "#2e9d52",
  next: "#ffb300",
  ahead: "#9aa0a6",
  landmark: "#c77dff",
  trail: "#e8eaed",
  robot: "#ff3b30",
};
const PAD_PX = 18;

/** Draws onto a canvas; keeps nothing but its last transform (for tests and hit checks). */
export class MissionMap {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    this.canvas = canvas;
  }

  /**
   * @param {object|null} route the state/route message (waypoints, landmarks, breadcrumbs) or null
   * @param {number} next index of the next waypoint (those before it are reached), or -1
   * @param {number[][]} trail route-frame [x, y] poses of this run so far
   * @param {{x: number, y: number, yaw: number}|null} robot route-frame pose, or null
   */
  draw(route, next, trail, robot) {
    const c = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const w = c.clientWidth || c.width;
    const h = c.clientHeight || c.height;
    if (c.width !== Math.round(w * ratio)) c.width = Math.round(w * ratio);
    if (c.height !== Math.round(h * ratio)) c.height = Math.round(h * ratio);
    const g = c.getContext("2d");
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.fillStyle = COLORS.background;
    g.fillRect(0, 0, w, h);
    const points = [];
    if (route) {
      route.waypoints.forEach((p) => points.push([p.x, p.y]));
      route.landmarks.forEach((p) => points.push([p.x, p.y]));
      route.breadcrumbs.forEach((p) => points.push(p));
    }
    trail.forEach((p) => points.push(p));
    if (robot) points.push([robot.x, robot.y]);
    if (points.length === 0) {
      g.fillStyle = COLORS.ahead;
      g.font = "14px system-ui, sans-serif";
      g.fillText("no route selected", PAD_PX, h / 2);
      c.dataset.drawn = "";
      return;
    }
    const t = fit(points, w, h);
    this.gridLines(g, t, w, h);
    if (route) {
      g.fillStyle = COLORS.breadcrumb;
      for (const [x, y] of route.breadcrumbs) g.fillRect(t.px(x) - 1, t.py(y) - 1, 2, 2);
      polyline(g, t, route.waypoints.map((p) => [p.x, p.y]), COLORS.path, 2);
      route.waypoints.forEach((p, i) => {
        const color = next < 0 ? COLORS.ahead : i < next ? COLORS.reached : i === next ? COLORS.next : COLORS.ahead;
        g.strokeStyle = color;
        g.lineWidth = i === next ? 2.5 : 1.5;
        g.beginPath();
        g.arc(t.px(p.x), t.py(p.y), Math.max(3, p.tolerance_m * t.scale), 0, 2 * Math.PI);
        g.stroke();
        if (i < next) {
          g.fillStyle = color;
          g.beginPath();
          g.arc(t.px(p.x), t.py(p.y), 3, 0, 2 * Math.PI);
          g.fill();
        }
      });
      g.fillStyle = COLORS.landmark;
      g.font = "11px system-ui, sans-serif";
      for (const l of route.landmarks) {
        g.fillRect(t.px(l.x) - 4, t.py(l.y) - 4, 8, 8);
        g.fillText(String(l.marker), t.px(l.x) + 6, t.py(l.y) + 4);
      }
    }
    polyline(g, t, trail, COLORS.trail, 1.5);
    let robotPx = null;
    if (robot) {
      robotPx = [t.px(robot.x), t.py(robot.y)];
      g.save();
      g.translate(robotPx[0], robotPx[1]);
      g.rotate(-robot.yaw); // screen y points down
      g.fillStyle = COLORS.robot;
      g.beginPath();
      g.moveTo(12, 0);
      g.lineTo(-8, 7);
      g.lineTo(-8, -7);
      g.closePath();
      g.fill();
      g.restore();
    }
    // What was drawn where, in CSS pixels: lets a test check the picture, not just the numbers.
    c.dataset.drawn = JSON.stringify({
      waypoints: route ? route.waypoints.length : 0,
      robot: robotPx && robotPx.map((v) => Math.round(v)),
      scale: Math.round(t.scale),
    });
  }

  gridLines(g, t, w, h) {
    // One line per metre, when they are far enough apart to help.
    if (t.scale < 12) return;
    g.strokeStyle = COLORS.grid;
    g.lineWidth = 1;
    g.beginPath();
    for (let x = Math.ceil(t.x(0)); x <= t.x(w); x++) {
      g.moveTo(t.px(x), 0);
      g.lineTo(t.px(x), h);
    }
    for (let y = Math.ceil(t.y(h)); y <= t.y(0); y++) {
      g.moveTo(0, t.py(y));
      g.lineTo(w, t.py(y));
    }
    g.stroke();
  }
}

/** Equal-axis transform fitting the points' bounding box into w x h with a margin. */
function fit(points, w, h) {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const spanX = Math.max(maxX - minX, 1);
  const spanY = Math.max(maxY - minY, 1);
  const scale = Math.min((w - 2 * PAD_PX) / spanX, (h - 2 * PAD_PX) / spanY);
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return {
    scale,
    px: (x) => w / 2 + (x - cx) * scale,
    py: (y) => h / 2 - (y - cy) * scale,
    x: (px) => cx + (px - w / 2) / scale,
    y: (py) => cy - (py - h / 2) / scale,
  };
}

function polyline(g, t, pts, color, width) {
  if (pts.length < 2) return;
  g.strokeStyle = color;
  g.lineWidth = width;
  g.beginPath();
  g.moveTo(t.px(pts[0][0]), t.py(pts[0][1]));
  for (let i = 1; i < pts.length; i++) g.lineTo(t.px(pts[i][0]), t.py(pts[i][1]));
  g.stroke();
}
