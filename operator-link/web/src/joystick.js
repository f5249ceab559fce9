// A virtual joystick on pointer events (touch, mouse and pen alike). The knob follows the one
// pointer that went down on the base; when that pointer lifts, is cancelled (a system gesture, the
// tablet going to sleep) or loses capture, the stick springs back and reports "released".

const DEAD_ZONE = 0.08; // fraction of full travel ignored around the centre

/**
 * @param {HTMLElement} base the round stick area
 * @param {HTMLElement} knob the moving knob inside it
 * @param {(s: {x: number, y: number, held: boolean}) => void} onChange x right, y forward, -1..1
 * @returns {{release: () => void}} release() springs the stick back from code
 */
export function attachJoystick(base, knob, onChange) {
  let pointerId = null;

  function shape(v) {
    const a = Math.abs(v);
    return a < DEAD_ZONE ? 0 : (Math.sign(v) * (a - DEAD_ZONE)) / (1 - DEAD_ZONE);
  }

  function follow(ev) {
    const r = base.getBoundingClientRect();
    const travel = r.width / 2 - knob.offsetWidth / 4;
    let dx = ev.clientX - (r.left + r.width / 2);
    let dy = ev.clientY - (r.top + r.height / 2);
    const len = Math.hypot(dx, dy);
    if (len > travel) {
      dx *= travel / len;
      dy *= travel / len;
    }
    knob.style.transform = `translate(${dx}px, ${dy}px)`;
    onChange({ x: shape(dx / travel), y: shape(-dy / travel), held: true });
  }

  function springBack() {
    pointerId = null;
    knob.style.transform = "";
    base.classList.remove("held");
    onChange({ x: 0, y: 0, held: false });
  }

  base.addEventListener("pointerdown", (ev) => {
    if (pointerId !== null) return; // a second finger does not steal the stick
    pointerId = ev.pointerId;
    try {
      base.setPointerCapture(ev.pointerId);
    } catch (e) {
      // capture is a convenience: moves outside the base are then simply not seen
    }
    base.classList.add("held");
    ev.preventDefault();
    follow(ev);
  });
  base.addEventListener("pointermove", (ev) => {
    if (ev.pointerId === pointerId) follow(ev);
  });
  for (const type of ["pointerup", "pointercancel", "lostpointercapture"]) {
    base.addEventListener(type, (ev) => {
      if (ev.pointerId === pointerId) springBack();
    });
  }
  base.addEventListener("contextmenu", (ev) => ev.preventDefault()); // long press on touch

  return {
    release() {
      if (pointerId === null) return;
      try {
        base.releasePointerCapture(pointerId);
      } catch (e) {
        // already released
      }
      springBack();
    },
  };
}
