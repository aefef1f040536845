// Bundles src/cli.ts into one minified dist/cli.js. Native and development-only modules stay out:
// better-sqlite3 is loaded from node_modules at run time; react-devtools-core is never loaded in
// production (ink only imports it when DEV is set).
import { build } from "esbuild";
import { chmodSync } from "node:fs";

const production = process.env.NODE_ENV !== "development";
await build({
  entryPoints: ["src/cli.ts"],
  outfile: "dist/cli.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: production,
  sourcemap: production ? false : "inline",
  legalComments: "none",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": JSON.stringify(production ? "production" : "development") },
  external: ["better-sqlite3", "react-devtools-core"],
  banner: {
    js: [
      "#!/usr/bin/env node",
      'import { createRequire as __ctCreateRequire } from "node:module";',
      "const require = __ctCreateRequire(import.meta.url);",
    ].join("\n"),
  },
  logLevel: "warning",
});
chmodSync("dist/cli.js", 0o755);
