// Keys that arrive in one chunk are split into the keys a person typed.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { pacedStdin, splitKeys } from "../../src/ui/key-pacer.js";

describe("splitKeys", () => {
  it("splits characters and keeps escape sequences whole", () => {
    expect(splitKeys("2f")).toEqual(["2", "f"]);
    expect(splitKeys("1\r")).toEqual(["1", "\r"]);
    expect(splitKeys("\u001b[C1")).toEqual(["\u001b[C", "1"]);
    expect(splitKeys("\u001b[1;5Ax")).toEqual(["\u001b[1;5A", "x"]);
    expect(splitKeys("\u001bOPq")).toEqual(["\u001bOP", "q"]);
    expect(splitKeys("\u001b")).toEqual(["\u001b"]);
    expect(splitKeys("é✓")).toEqual(["é", "✓"]);
  });
});

describe("pacedStdin", () => {
  it("delivers a chunk's keys one read at a time and forwards raw mode", async () => {
    let raw: boolean | undefined;
    const real = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (m: boolean) => (raw = m), ref() {}, unref() {} }) as unknown as NodeJS.ReadStream;
    const paced = pacedStdin(real);
    paced.setRawMode(true);
    expect(raw).toBe(true);
    const seen: string[] = [];
    paced.on("data", (d: Buffer) => seen.push(d.toString()));
    (real as unknown as PassThrough).write("2f\r");
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual(["2", "f", "\r"]);
    paced.unref();
  });
});

import { editLine, isLineEdit } from "../../src/ui/text-input.js";

describe("editLine", () => {
  const k = { backspace: false, delete: false, ctrl: false, meta: false };
  it("types, deletes, caps the length, and leaves other keys alone", () => {
    expect(editLine("dat", "a", k, 80)).toBe("data");
    expect(editLine("data", "", { ...k, backspace: true }, 80)).toBe("dat");
    expect(editLine("abc", "de", k, 4)).toBe("abcd");
    expect(isLineEdit("c", { ...k, ctrl: true })).toBe(false);
    expect(isLineEdit("", k)).toBe(false);
    expect(editLine("abc", "", k, 80)).toBe("abc");
  });
});
