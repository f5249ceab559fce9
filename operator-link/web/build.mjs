// Bundles the tablet page into the jar's resources: src/ -> ../target/classes/web/.
// app.js is bundled with the npm "mqtt" package (MQTT over WebSockets); html and css are copied.
import * as esbuild from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] || join(here, "..", "target", "classes", "web");
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: [join(here, "src", "app.js")],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: "iife",
  platform: "browser",
  target: "es2022", // tablets from 2022 on (Safari 15.4+, Chrome 94+); mqtt needs it
  outfile: join(out, "app.js"),
  logLevel: "warning",
});
for (const f of ["index.html", "app.css"]) {
  copyFileSync(join(here, "src", f), join(out, f));
}
console.log("tablet page bundled into " + out);
