// Copies the front-end packages that npm installed into regie/static/vendor,
// so Django serves them without a build chain (NL Design System CSS, htmx, axe-core).
import { cpSync, mkdirSync } from "node:fs";

const files = {
  "node_modules/@utrecht/component-library-css/dist/index.css": "utrecht/component-library.css",
  "node_modules/@utrecht/design-tokens/dist/theme.css": "utrecht/theme.css",
  "node_modules/htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
  "node_modules/axe-core/axe.min.js": "axe-core/axe.min.js",
};
for (const [from, to] of Object.entries(files)) {
  const target = `regie/static/vendor/${to}`;
  mkdirSync(target.substring(0, target.lastIndexOf("/")), { recursive: true });
  cpSync(from, target);
}
console.log("vendored", Object.keys(files).length, "files into regie/static/vendor");
