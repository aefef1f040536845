// What every bundle of the tutor is built with: the shipped CLI (scripts/build.mjs) and the bundle
// `npm run bench` times (bench/shipped.ts), so the bench measures the code as it ships, dependency
// patches included. Each patch replaces or rewrites a dependency's file only while that file has the
// shape it was written for, and says so in a build warning when it no longer has.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { INK_OUTPUT_SHA256 } from "./ink-output-fast.mjs";
import { withFastPath } from "./string-width-fast.mjs";

const ROOT = join(import.meta.dirname, "..");

// The parsed-content cache is keyed by this: any change to the sources (parser, schema) misses it.
export function codeHash() {
  const h = createHash("sha256").update(readFileSync(join(ROOT, "package.json")));
  const walk = (d) =>
    readdirSync(d, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : h.update(e.name).update(readFileSync(join(d, e.name)))));
  walk(join(ROOT, "src"));
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

// Ink's Output (the frame composer): see ink-output-fast.mjs. Put in its place only while Ink's file is
// the one it was written against.
const INK_OUTPUT = /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/;
const FAST_OUTPUT = join(import.meta.dirname, "ink-output-fast.mjs");
const inkOutputFast = {
  name: "ink-output-fast",
  setup(b) {
    b.onLoad({ filter: INK_OUTPUT }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (createHash("sha256").update(source).digest("hex") !== INK_OUTPUT_SHA256)
        return {
          contents: source,
          loader: "js",
          warnings: [{ text: "ink's output.js changed: built with Ink's own (slower) Output; review scripts/ink-output-fast.mjs" }],
        };
      // Resolved from Ink's folder, as Ink's own file would be.
      return {
        contents: readFileSync(FAST_OUTPUT, "utf8").replace(
          'from "./string-width-fast.mjs"',
          `from ${JSON.stringify(join(import.meta.dirname, "string-width-fast.mjs"))}`,
        ),
        loader: "js",
      };
    });
  },
};

/** esbuild options for a bundle of `entryPoints` into `outdir` (production unless NODE_ENV=development). */
export function bundleOptions({ entryPoints, outdir }) {
  const production = process.env.NODE_ENV !== "development";
  return {
    entryPoints,
    outdir,
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
    plugins: [yogaWithoutFetch, stringWidthFast, inkOutputFast],
    banner: {
      js: [
        "#!/usr/bin/env node",
        'import { createRequire as __ctCreateRequire } from "node:module";',
        "const require = __ctCreateRequire(import.meta.url);",
      ].join("\n"),
    },
    logLevel: "warning",
  };
}
