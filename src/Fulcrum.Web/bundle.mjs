// Copies the chart library from node_modules into wwwroot/lib so the dashboard works offline (no CDN).
// Run by the MSBuild target in Fulcrum.Web.csproj after `npm ci` when the bundle is missing.
import { copyFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const files = [
  ["node_modules/echarts/dist/echarts.min.js", "wwwroot/lib/echarts/echarts.min.js"],
  ["node_modules/echarts/LICENSE", "wwwroot/lib/echarts/LICENSE"],
];
for (const [from, to] of files) {
  const source = join(here, from);
  if (!existsSync(source)) {
    console.error(`bundle: ${from} is missing; run npm ci first`);
    process.exit(1);
  }
  mkdirSync(dirname(join(here, to)), { recursive: true });
  copyFileSync(source, join(here, to));
  console.log(`bundle: ${from} -> ${to}`);
}
