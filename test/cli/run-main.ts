import { PassThrough } from "node:stream";
import { main } from "../../src/cli.js";
import { tempDir } from "../tmp.js";

export async function runMain(argv: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d) => (out += d));
  stderr.on("data", (d) => (err += d));
  stdin.end(opts.input ?? "");
  const env = { CLOUDTRAIL_TUTOR_DATA: tempDir("ctt-data-"), CLOUDTRAIL_TUTOR_CACHE: tempDir("ctt-cache-"), ...opts.env };
  const code = await main(argv, { stdin, stdout, stderr, env, cwd: opts.cwd ?? process.cwd() });
  return { code, out, err };
}
