// Drive the built CLI in a real pseudo-terminal through tmux, as a person would: start it, send
// keys, read the screen. Each session gets its own tmux server socket and is always killed.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../tmp.js";

export const ROOT = join(import.meta.dirname, "../..");
export const CLI = join(ROOT, "dist/cli.js");

export function haveTmux(): boolean {
  return spawnSync("tmux", ["-V"], { encoding: "utf8" }).status === 0;
}

export interface Terminal {
  screen(): string;
  /** A tmux format value of the pane, e.g. `#{alternate_on}` or `#{cursor_flag}`. */
  pane(format: string): string;
  /** The terminal's `stty -a` before the CLI started and after it ended (once it has). */
  stty(): { before: string; after: string | undefined };
  resize(width: number, height: number): void;
  /** Send a signal to the CLI's node process. */
  signal(sig: NodeJS.Signals): void;
  send(...keys: string[]): void;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Exit code of the CLI once it has ended, or undefined while it runs. */
  exitCode(): number | undefined;
  waitForExit(timeoutMs?: number): Promise<number>;
  kill(): void;
  /** Run any tmux command against this session's server (e.g. load-buffer, paste-buffer). */
  tmux(...args: string[]): string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startTerminal(args: string[], opts: { width?: number; height?: number; env?: Record<string, string>; stdin?: string } = {}): Terminal {
  const dir = tempDir("ctt-e2e-");
  const socket = `ctt-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const exitFile = join(dir, "exit");
  const env = { NO_COLOR: "1", CLOUDTRAIL_TUTOR_DATA: join(dir, "data"), ...opts.env };
  const envPrefix = Object.entries(env)
    .map(([k, v]) => `${k}='${v}'`)
    .join(" ");
  const quoted = args.map((a) => (a === ">" ? a : `'${a}'`)).join(" ");
  // CI=true from a CI runner is passed through on purpose: the CLI must draw for a person anyway.
  const pipe = opts.stdin === undefined ? "" : `printf '%s\\n' '${opts.stdin}' | `;
  const sttyBefore = join(dir, "stty-before");
  const sttyAfter = join(dir, "stty-after");
  const pidFile = join(dir, "pid");
  const shell = `cd '${ROOT}' && stty -a > '${sttyBefore}'; ${pipe}${envPrefix} node -e 'require("fs").writeFileSync("${pidFile}", String(process.pid)); process.argv.splice(1, 1, "${CLI}"); import("${CLI}")' _ ${quoted}; echo $? > '${exitFile}'; stty -a > '${sttyAfter}'; sleep 60`;
  const tmux = (...a: string[]) => execFileSync("tmux", ["-L", socket, ...a], { encoding: "utf8" });
  tmux("new-session", "-d", "-s", "t", "-x", String(opts.width ?? 100), "-y", String(opts.height ?? 30), shell);
  const screen = () => tmux("capture-pane", "-p", "-t", "t");
  const exitCode = () => (existsSync(exitFile) ? Number(readFileSync(exitFile, "utf8").trim()) : undefined);
  return {
    screen,
    pane: (format) => tmux("display-message", "-p", "-t", "t", format).trim(),
    stty: () => ({ before: readFileSync(sttyBefore, "utf8"), after: existsSync(sttyAfter) ? readFileSync(sttyAfter, "utf8") : undefined }),
    resize: (w, h) => void tmux("resize-window", "-t", "t", "-x", String(w), "-y", String(h)),
    signal: (sig) => process.kill(Number(readFileSync(pidFile, "utf8")), sig),
    send: (...keys) => {
      for (const k of keys) tmux("send-keys", "-t", "t", k);
    },
    async waitFor(text, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      let last = "";
      while (Date.now() < until) {
        last = screen();
        if (typeof text === "string" ? last.includes(text) : text.test(last)) return last;
        await sleep(50);
      }
      throw new Error(`timed out waiting for ${String(text)}; the screen shows:\n${last}`);
    },
    exitCode,
    async waitForExit(timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const c = exitCode();
        if (c !== undefined) return c;
        await sleep(50);
      }
      throw new Error(`the CLI did not exit; the screen shows:\n${screen()}`);
    },
    kill() {
      spawnSync("tmux", ["-L", socket, "kill-server"]);
    },
    tmux,
  };
}
