// Keys that arrive together (a fast typist, a paste, a script driving the terminal) reach the
// screens one at a time, a moment apart, so each is handled against the screen it was typed at.
// Without this, Ink hands "2f" to a handler as one string and both keys are lost, and two keys in
// one chunk would be handled by the same, stale, render.
import { PassThrough } from "node:stream";
import { CTRL_C, normaliseKeys } from "./key-normalise.js";

const GAP_MS = 2;

/** Split terminal input into keys: escape sequences whole, everything else one character each. */
export function splitKeys(input: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < input.length) {
    if (input[i] === "\u001b") {
      const csi = /^\u001b\[[\x30-\x3f[]*[\x20-\x2f]*[\x40-\x7e]/.exec(input.slice(i));
      const ss3 = /^\u001bO./.exec(input.slice(i));
      const len = csi?.[0].length ?? ss3?.[0].length ?? (i + 1 < input.length && input[i + 1] !== "\u001b" ? 2 : 1);
      keys.push(input.slice(i, i + len));
      i += len;
      continue;
    }
    const cp = input.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    keys.push(ch);
    i += ch.length;
  }
  return keys;
}

/** A stdin for Ink that forwards raw mode and ref/unref to the real one and paces its keys. */
export function pacedStdin(real: NodeJS.ReadStream): NodeJS.ReadStream {
  const out = new PassThrough() as unknown as NodeJS.ReadStream & PassThrough;
  const queue: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let attached = false;
  const pump = () => {
    timer = undefined;
    const key = queue.shift();
    if (key !== undefined) out.write(key);
    if (queue.length) timer = setTimeout(pump, GAP_MS);
  };
  let pasting: { text: string } | undefined;
  const onData = (chunk: Buffer | string) => {
    const n = normaliseKeys(splitKeys(typeof chunk === "string" ? chunk : chunk.toString("utf8")), pasting);
    pasting = n.pasting;
    // Ctrl+C is never queued behind other keys: it goes first, and what was waiting is dropped.
    if (n.keys.includes(CTRL_C)) {
      queue.length = 0;
      clearTimeout(timer);
      timer = undefined;
      out.write(CTRL_C);
      return;
    }
    queue.push(...n.keys);
    if (!timer) pump();
  };
  const attach = () => {
    if (attached) return;
    attached = true;
    real.on("data", onData);
    real.resume();
  };
  const detach = () => {
    if (!attached) return;
    attached = false;
    real.off("data", onData);
    real.pause();
  };
  Object.assign(out, {
    isTTY: real.isTTY,
    setRawMode(mode: boolean) {
      real.setRawMode?.(mode);
      if (mode) attach();
      else detach();
      return out;
    },
    ref() {
      real.ref();
      return out;
    },
    unref() {
      detach();
      clearTimeout(timer);
      real.unref();
      return out;
    },
  });
  return out;
}
