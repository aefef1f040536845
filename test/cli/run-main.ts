// Run the CLI's main() in-process with captured streams and optional stdin text.
import { PassThrough } from "node:stream";
import { main } from "../../src/cli.js";

export async function runMain(argv: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d) => (out += d));
  stderr.on("data", (d) => (err += d));
  stdin.end(opts.input ?? "");
  const code = await main(argv, { stdin, stdout, stderr, env: { ...opts.env }, cwd: opts.cwd ?? process.cwd() });
  return { code, out, err };
}
