import { describe, expect, it } from "vitest";
import { chosenPacks, EMPTY_MANIFEST, isRange, originKind, parseManifest, satisfies, unknownPack } from "../../src/packs/manifest.js";

describe("pack manifest rules", () => {
  it("tells a git URL, a .tgz and a directory apart", () => {
    expect(originKind("file:///tmp/repo", false)).toBe("git");
    expect(originKind("https://example.com/guardduty-pack.git", false)).toBe("git");
    expect(originKind("git@example.com:me/pack.git", false)).toBe("git");
    expect(originKind("class-pack-1.2.0.tgz", false)).toBe("tgz");
    expect(originKind("./my-pack", true)).toBe("dir");
    expect(originKind("./my-pack.git", true)).toBe("dir");
    expect(originKind("notes.txt", false)).toBeUndefined();
  });

  it("checks the tutor version a pack requires", () => {
    expect(satisfies("0.1.0", ">=0.1.0")).toBe(true);
    expect(satisfies("0.1.0", ">=0.2")).toBe(false);
    expect(satisfies("1.4.2", "^1.2")).toBe(true);
    expect(satisfies("2.0.0", "^1.2")).toBe(false);
    expect(satisfies("0.1.5", "^0.1.0")).toBe(true);
    expect(satisfies("0.2.0", "^0.1.0")).toBe(false);
    expect(satisfies("0.1.0", "0.1.0")).toBe(true);
    expect(satisfies("0.1.0", undefined)).toBe(true);
    expect(satisfies("0.1.0", "latest")).toBe(false);
    expect(isRange(">=0.1.0")).toBe(true);
    expect(isRange("newest please")).toBe(false);
  });

  it("chooses explicit packs, else the remembered ones, else the shipped pack", () => {
    const m = {
      ...EMPTY_MANIFEST,
      packs: [{ id: "guardduty", version: "1", title: "GD", origin: "/x", kind: "dir" as const, addedAt: "2026-12-01T00:00:00Z" }],
      chosen: ["guardduty"],
    };
    expect(chosenPacks(["cloudtrail", "cloudtrail"], m)).toEqual(["cloudtrail"]);
    expect(chosenPacks([], m)).toEqual(["guardduty"]);
    expect(chosenPacks([], EMPTY_MANIFEST)).toEqual(["cloudtrail"]);
    expect(unknownPack("guardduty", m)).toBeUndefined();
    expect(unknownPack("nope", m)).toMatch(/no pack 'nope' is installed \(installed: cloudtrail, guardduty\)/);
  });

  it("refuses a damaged manifest with the field that is wrong", () => {
    expect(() => parseManifest("{", "packs.json")).toThrow(/packs\.json is not valid JSON/);
    expect(() => parseManifest('{"version":1,"packs":[{"id":"Bad"}]}', "packs.json")).toThrow(/packs\.json: packs\.0\.id/);
    const pack = { id: "gd", version: "1", title: "GD", origin: "/x", kind: "dir", addedAt: "2026-12-01T00:00:00Z" };
    const bad = (m: unknown) => () => parseManifest(JSON.stringify(m), "packs.json");
    expect(bad([])).toThrow(/packs\.json: \(top\): expected object, received array/);
    expect(bad({ version: 2 })).toThrow(/packs\.json: version/);
    expect(bad({ version: 1, extra: true })).toThrow(/\(top\): unrecognized key\(s\): "extra"/);
    expect(bad({ version: 1, packs: {} })).toThrow(/packs: expected array/);
    expect(bad({ version: 1, packs: [{ ...pack, title: 3 }] })).toThrow(/packs\.0\.title: expected string, received number/);
    expect(bad({ version: 1, packs: [{ ...pack, origin: "" }] })).toThrow(/packs\.0\.origin/);
    expect(bad({ version: 1, packs: [{ ...pack, kind: "zip" }] })).toThrow(/packs\.0\.kind/);
    expect(bad({ version: 1, packs: [{ ...pack, updatedAt: 1 }] })).toThrow(/packs\.0\.updatedAt/);
    expect(bad({ version: 1, packs: [{ ...pack, more: 1 }] })).toThrow(/packs\.0: unrecognized key\(s\): "more"/);
    expect(bad({ version: 1, chosen: [1] })).toThrow(/chosen\.0: expected string/);
  });

  it("reads a sound manifest, filling in what it leaves out", () => {
    const pack = { id: "gd", version: "1", title: "GD", origin: "/x", kind: "git", addedAt: "a", updatedAt: "b" };
    expect(parseManifest('{"version":1}', "packs.json")).toEqual(EMPTY_MANIFEST);
    expect(parseManifest(JSON.stringify({ version: 1, packs: [pack], chosen: ["gd"] }), "packs.json")).toEqual({ version: 1, packs: [pack], chosen: ["gd"] });
  });
});
