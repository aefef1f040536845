// Thousands of random keys, CSI and SS3 sequences (most with no name Ink knows), pastes and control
// characters, sent to every screen through our input layer (splitKeys → normaliseKeys, as the paced
// stdin does): no screen crashes, and each still answers a key afterwards.
import { render } from "ink-testing-library";
import { afterAll, describe, expect, it } from "vitest";
import { createRng } from "../../src/quiz/rng.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { ProgressPort } from "../../src/store/port.js";
import { App } from "../../src/ui/App.js";
import { PassThrough } from "node:stream";
import { pacedStdin, splitKeys } from "../../src/ui/key-pacer.js";
import { isKnownKey, normaliseKeys } from "../../src/ui/key-normalise.js";
import type { ScreenName } from "../../src/ui/screen-props.js";
import { loaded, shippedPack } from "../ui/helpers.js";

const SCREENS: ScreenName[] = ["home", "study", "quiz", "exam", "drill", "simulate", "search", "stats", "help"];
export const CHUNKS_PER_SCREEN = Number(process.env.KEY_FUZZ_CHUNKS ?? 300);
const store = SqliteStore.open(":memory:");
afterAll(() => store.close());
const progress: ProgressPort = { recordAttempt: (a) => store.recordAttempt(a), attempts: (n) => store.attempts(n), study: store };

/** One read's worth of terminal input: keys, sequences, a paste now and then. Never q or Ctrl+C (they quit). */
function chunk(rng: () => number): string {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const int = (n: number) => Math.floor(rng() * n);
  const parts: string[] = [];
  for (let i = 0, n = 1 + int(4); i < n; i++) {
    const r = rng();
    if (r < 0.25) parts.push(pick("abcdefghijklmnoprstuvwxyz0123456789 ?/-.,:;'\"[]{}|\\`~!@#$%^&*()_+=ABCDEFGHIJKLMNOPQRSTUVWXYZéü東🚀".match(/./gu)!));
    else if (r < 0.35) parts.push(String.fromCharCode(pick([0, 1, 2, 4, 5, 8, 9, 10, 13, 21, 23, 26, 27, 28, 31, 127])));
    else if (r < 0.7) {
      const params = Array.from({ length: int(4) }, () => String(int(30))).join(";");
      parts.push(`\u001b[${pick(["", "?", "<", ">", "="])}${params}${pick(["", "", " ", "$"])}${String.fromCharCode(0x40 + int(0x3f))}`);
    } else if (r < 0.85) parts.push(`\u001bO${pick(["", "5", "2", "1;5"])}${String.fromCharCode(0x40 + int(0x3f))}`);
    else if (r < 0.9) parts.push(`\u001b${String.fromCharCode(0x20 + int(0x5f))}`);
    else if (r < 0.95) parts.push(pick(["\u001b[A", "\u001b[B", "\u001b[C", "\u001b[D", "\r", "\t", "\u001b[Z", "\u001b[5~", "\u001b[6~", "\u007f"]));
    else parts.push(rng() < 0.5 ? `\u001b[200~${"paste ".repeat(1 + int(50))}\r\n\u001b[201~` : "x".repeat(64 + int(200)));
  }
  return parts.join("").replace(/[q\u0003]/g, "");
}

describe("random keys on every screen", () => {
  let sent = 0;
  let raw = 0;
  afterAll(() => console.log(`key fuzz: ${raw} keys and sequences sent, ${sent} after normalising (${SCREENS.length} screens × ${CHUNKS_PER_SCREEN} reads)`));

  it("the normaliser passes only sequences Ink has a name for, and a paste as one key", () => {
    expect(normaliseKeys(splitKeys("\u001b[1;5P\u001b[1;5Q\u001b[1;5R\u001b[1;5S")).keys).toEqual([]);
    expect(normaliseKeys(splitKeys("\u001b[A\u001b[1;5C\u001b[3~\u001b[Z\u001bOB\u001bx")).keys).toEqual([
      "\u001b[A",
      "\u001b[1;5C",
      "\u001b[3~",
      "\u001b[Z",
      "\u001bOB",
      "\u001bx",
    ]);
    expect(normaliseKeys(splitKeys("\u001b[200~line one\r\nline\ttwo\u001b[31m\u001b[201~q")).keys).toEqual(["line one line two[31m", "q"]);
    const run = "y".repeat(100);
    expect(normaliseKeys(splitKeys(`${run}\r`)).keys).toEqual([run, "\r"]);
    expect(normaliseKeys(splitKeys("2f")).keys).toEqual(["2", "f"]);
    // A bracketed paste split over two reads.
    const a = normaliseKeys(splitKeys("\u001b[200~abc"));
    expect(a.keys).toEqual([]);
    expect(normaliseKeys(splitKeys("def\u001b[201~"), a.pasting).keys).toEqual(["abcdef"]);
    expect(isKnownKey("\u001b[<0;1;1M")).toBe(false);
  });

  it.each(SCREENS)("%s: survives the keys and still answers afterwards", async (screen) => {
    const rng = createRng(`keys-${screen}`);
    const { lastFrame, stdin, unmount, frames } = render(
      <App pack={shippedPack()} progress={progress} color={false} size={{ width: 100, height: 30 }} screen={screen} />,
    );
    try {
      await loaded(lastFrame);
      let pasting: { text: string } | undefined;
      for (let i = 0; i < CHUNKS_PER_SCREEN; i++) {
        const keys = splitKeys(chunk(rng));
        raw += keys.length;
        const n = normaliseKeys(keys, pasting);
        pasting = n.pasting;
        for (const k of n.keys) {
          stdin.write(k);
          sent++;
        }
        if (i % 20 === 0) await new Promise((r) => setImmediate(r));
      }
      await new Promise((r) => setTimeout(r, 50));
      for (const f of frames) expect(f).not.toMatch(/ERROR|TypeError|is not a function|Cannot read properties/);
      // Still alive: the keys overlay opens on "?" (or, in a text field, the "?" is typed).
      const before = lastFrame();
      stdin.write("\u001b");
      stdin.write("?");
      await new Promise((r) => setTimeout(r, 80));
      expect(lastFrame()).toBeTruthy();
      expect(lastFrame()).not.toBe("");
      void before;
    } finally {
      unmount();
    }
  });
});

describe("the paced stdin", () => {
  it("Ctrl+C is never queued behind other keys: it arrives next, and what waited is dropped", async () => {
    const real = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {}, ref() {}, unref() {} }) as unknown as NodeJS.ReadStream;
    const paced = pacedStdin(real);
    paced.setRawMode(true);
    const seen: string[] = [];
    paced.on("data", (d: Buffer) => seen.push(d.toString()));
    (real as unknown as PassThrough).write("1234567890123456789012345678901234567890");
    await new Promise((r) => setImmediate(r));
    (real as unknown as PassThrough).write("\u0003");
    await new Promise((r) => setTimeout(r, 150));
    expect(seen).toContain("\u0003");
    expect(seen.indexOf("\u0003")).toBeLessThan(5);
    expect(seen.at(-1)).toBe("\u0003");
    paced.unref();
  });
});
