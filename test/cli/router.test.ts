// The command line's front door: global flags anywhere, did-you-mean for typos, one-line errors.
import { describe, expect, it } from "vitest";
import { splitArgs } from "../../src/cli.js";
import { runMain } from "./run-main.js";

describe("splitArgs", () => {
  it("takes global flags wherever they stand and leaves the rest to the command", () => {
    const s = splitArgs(["--content", "a", "quiz", "--count", "3", "--plain", "--content=b", "--data-dir", "/tmp/x"], {});
    expect(s.command).toBe("quiz");
    expect(s.rest).toEqual(["--count", "3"]);
    expect(s.globals).toMatchObject({ content: ["a", "b"], plain: true, dataDir: "/tmp/x" });
  });

  it("turns colour off for NO_COLOR and TERM=dumb, and reads the data dir from the environment", () => {
    expect(splitArgs([], { NO_COLOR: "1" }).globals.color).toBe(false);
    expect(splitArgs([], { TERM: "dumb" }).globals.color).toBe(false);
    expect(splitArgs([], {}).globals.color).toBe(true);
    expect(splitArgs([], { CLOUDTRAIL_TUTOR_DATA: "/d" }).globals.dataDir).toBe("/d");
  });

  it("follows NO_COLOR, FORCE_COLOR and --no-color, the flag and NO_COLOR winning", () => {
    expect(splitArgs([], { FORCE_COLOR: "1" }).globals).toMatchObject({ color: true, forceColor: true });
    expect(splitArgs([], { FORCE_COLOR: "0" }).globals.color).toBe(false);
    expect(splitArgs([], { FORCE_COLOR: "1", TERM: "dumb" }).globals.color).toBe(true);
    expect(splitArgs(["--no-color"], { FORCE_COLOR: "1" }).globals.color).toBe(false);
    expect(splitArgs([], { FORCE_COLOR: "1", NO_COLOR: "1" }).globals.color).toBe(false);
    expect(splitArgs([], { NO_COLOR: "" }).globals.color).toBe(true);
  });

  it("parses the global flags by one spec: -h anywhere, values inline or next, a command's flags untouched", () => {
    const s = splitArgs(["quiz", "-h", "--kind=trap", "--content", "x", "--", "--plain"], {});
    expect(s).toMatchObject({ command: "quiz", help: true, rest: ["--kind=trap", "--", "--plain"] });
    expect(s.globals.content).toEqual(["x"]);
    expect(s.globals.plain).toBe(false);
    expect(() => splitArgs(["--data-dir", "--plain"], {})).toThrow("--data-dir needs a value");
  });
});

describe("main", () => {
  it("suggests the closest command for a typo and exits 2", async () => {
    const r = await runMain(["valdiate"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("cloudtrail-tutor: unknown command 'valdiate'\n  did you mean 'validate'?\n");
  });

  it("says a value-taking global flag needs its value", async () => {
    const r = await runMain(["validate", "--content"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--content needs a value");
  });

  it("prints help for the program and for a command", async () => {
    const all = await runMain(["--help"]);
    expect(all.code).toBe(0);
    expect(all.out).toContain("validate");
    const one = await runMain(["validate", "--help"]);
    expect(one.out).toMatch(/^Usage: cloudtrail-tutor validate/);
    // Usage of the global flags is generated from their spec, in both places.
    for (const out of [all.out, one.out]) expect(out).toMatch(/--data-dir DIR +keep progress in DIR/);
  });

  it("reports a missing content directory as a failed check, not a crash", async () => {
    const r = await runMain(["validate", "--content", "/definitely/not/here", "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.errors.map((e: { code: string }) => e.code)).toContain("CONTENT_DIR_MISSING");
  });
});
