// Bundles src/cli.ts into a minified dist/cli.js plus chunks. Code splitting keeps every lazily
// imported command (and Ink, SQLite, the simulator) out of the start-up path: `validate` or
// `--version` never parse React. Native and development-only modules stay out: better-sqlite3 is
// loaded from node_modules at run time; react-devtools-core only by ink's DEV-only chunk.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { chmodSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { withFastPath } from "./string-width-fast.mjs";

// The parsed-content cache is keyed by this: any change to the sources (parser, schema) misses it.
function codeHash() {
  const h = createHash("sha256").update(readFileSync("package.json"));
  const walk = (d) =>
    readdirSync(d, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : h.update(e.name).update(readFileSync(join(d, e.name)))));
  walk("src");
  return h.digest("hex").slice(0, 16);
}

// Ink lays out with yoga, whose WebAssembly is inlined as a base64 data: URL. Its loader hands that
// URL to `fetch` when there is one, which on Node makes the first frame wait for undici to load and
// decode 120 KB of URL (about 40 ms); without `fetch` it decodes the base64 itself. Build it so.
const YOGA_WASM = /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
const FETCH_TEST = '"function"!=typeof fetch';
const yogaWithoutFetch = {
  name: "yoga-without-fetch",
  setup(b) {
    b.onLoad({ filter: YOGA_WASM }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const found = source.split(FETCH_TEST).length - 1;
      if (found === 0)
        return { contents: source, loader: "js", warnings: [{ text: "yoga's loader changed: it may fetch its WebAssembly again (start-up ~40 ms slower)" }] };
      return { contents: source.replaceAll(FETCH_TEST, "!0"), loader: "js" };
    });
  },
};

// string-width, every copy (Ink's, wrap-ansi's, ours): see string-width-fast.mjs.
const STRING_WIDTH = /[\\/]node_modules[\\/]string-width[\\/]index\.js$/;
const stringWidthFast = {
  name: "string-width-fast",
  setup(b) {
    b.onLoad({ filter: STRING_WIDTH }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const fast = withFastPath(source);
      if (fast === undefined) return { contents: source, loader: "js", warnings: [{ text: `${args.path} changed shape: built without its fast path` }] };
      return { contents: fast, loader: "js" };
    });
  },
};

rmSync("dist", { recursive: true, force: true });
const production = process.env.NODE_ENV !== "development";
await build({
  entryPoints: ["src/cli.ts"],
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: production,
  sourcemap: production ? false : "inline",
  legalComments: "none",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": JSON.stringify(production ? "production" : "development"), __CODE_HASH__: JSON.stringify(codeHash()) },
  external: ["better-sqlite3", "react-devtools-core"],
  plugins: [yogaWithoutFetch, stringWidthFast],
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
