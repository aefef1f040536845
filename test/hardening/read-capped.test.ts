// readCapped reads a file whole in one read when stat can size it, and never more than cap + 1
// bytes, whatever the file's size.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCapped } from "../../src/shell/read-capped.js";
import { tempDir } from "../tmp.js";

describe("readCapped", () => {
  const dir = tempDir("ctt-read-");
  const file = (name: string, bytes: Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7) % 251));

  it("returns a file under the cap byte for byte, small, empty or over a MiB", () => {
    for (const n of [0, 1, 65_536, 3 * 1024 * 1024 + 5]) {
      const b = bytes(n);
      expect(readCapped(file(`f${n}`, b), 16 * 1024 * 1024).equals(b)).toBe(true);
    }
  });

  it("stops at cap + 1 bytes", () => {
    const b = bytes(2 * 1024 * 1024);
    for (const cap of [0, 10, 1024 * 1024, 2 * 1024 * 1024 - 1]) {
      const r = readCapped(file(`c${cap}`, b), cap);
      expect(r.length).toBe(cap + 1);
      expect(r.equals(b.subarray(0, cap + 1))).toBe(true);
    }
    expect(readCapped(file("exact", b), b.length).length).toBe(b.length);
  });

  it.skipIf(process.platform !== "linux")("reads what stat cannot size to its end", () => {
    // /proc files report size 0 and still have content.
    const r = readCapped("/proc/self/status", 1024 * 1024);
    expect(r.toString("utf8")).toMatch(/^Name:/);
  });
});
