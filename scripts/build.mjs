// Bundles src/cli.ts into a minified dist/cli.js plus chunks. Code splitting keeps every lazily
// imported command (and Ink, SQLite, the simulator) out of the start-up path: `validate` or
// `--version` never parse React. Native and development-only modules stay out: better-sqlite3 is
// loaded from node_modules at run time; react-devtools-core only by ink's DEV-only chunk.
// Its options, and the patches of dependencies it applies, are in build-options.mjs.
import { build } from "esbuild";
import { chmodSync, rmSync } from "node:fs";
import { bundleOptions } from "./build-options.mjs";

rmSync("dist", { recursive: true, force: true });
await build(bundleOptions({ entryPoints: ["src/cli.ts"], outdir: "dist" }));
chmodSync("dist/cli.js", 0o755);
