// THIN_DOMAIN concerns one pack: a domain of an instructor's pack is counted in that pack's own
// scenarios and reported on that pack's pack.yaml, never on the shipped pack's (and vice versa).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../tmp.js";
import { lintPack, loadContent } from "../../src/content/load.js";
import { runMain } from "../cli/run-main.js";
import { scenarioYaml } from "./scenario-yaml.js";

const temp = (prefix: string) => tempDir(prefix);

const scenario = (id: string, domain: string) =>
  scenarioYaml({ id, domain, requirement: `Which service records who called which API for ${id}?`, keywords: ["who called"], tag: id });

/** An instructor's pack: `thick` has three scenarios; `thin` and the shipped domain id it reuses have one each. */
function instructorPack(): string {
  const dir = temp("thin-domain-");
  writeFileSync(
    join(dir, "pack.yaml"),
    `pack:
  id: class-pack
  title: Class pack
  domains:
    - { id: thick, name: Thick }
    - { id: thin, name: Thin }
    - { id: logging-monitoring, name: Our logging }
`,
  );
  writeFileSync(
    join(dir, "scenarios.yaml"),
    `scenarios:\n${scenario("t1", "thick")}${scenario("t2", "thick")}${scenario("t3", "thick")}${scenario("n1", "thin")}${scenario("l1", "logging-monitoring")}`,
  );
  return dir;
}

const thin = (problems: ReadonlyArray<{ code: string; file: string; message: string }>) => problems.filter((p) => p.code === "THIN_DOMAIN");

describe("THIN_DOMAIN", () => {
  it("fires for the instructor's thin domains, on the instructor's pack.yaml, counted in that pack alone", () => {
    const dir = instructorPack();
    const { pack, problems } = loadContent({ paths: [dir], includeShipped: true, cwd: dir });
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    const warnings = thin(lintPack(pack));
    // `logging-monitoring` has dozens of shipped scenarios, but this pack has one.
    expect(warnings.map((w) => [w.file, w.message]).sort()).toEqual([
      ["pack.yaml", "domain 'logging-monitoring' of pack 'class-pack' has 1 scenario(s)"],
      ["pack.yaml", "domain 'thin' of pack 'class-pack' has 1 scenario(s)"],
    ]);
  });

  it("never fires for a shipped domain when the shipped pack is loaded alone", () => {
    const { pack } = loadContent({ includeShipped: true });
    expect(thin(lintPack(pack))).toEqual([]);
  });

  it("shows in `validate PATH` (the instructor's warnings only)", async () => {
    const dir = instructorPack();
    const env = { CLOUDTRAIL_TUTOR_DATA: temp("thin-data-"), CLOUDTRAIL_TUTOR_CACHE: temp("thin-cache-") };
    const { code, out } = await runMain(["validate", "--json", dir], { cwd: dir, env });
    expect(code).toBe(0);
    const report = JSON.parse(out) as { warnings: Array<{ code: string; file: string; message: string }> };
    expect(
      thin(report.warnings)
        .map((w) => w.message)
        .sort(),
    ).toEqual(["domain 'logging-monitoring' of pack 'class-pack' has 1 scenario(s)", "domain 'thin' of pack 'class-pack' has 1 scenario(s)"]);
    expect(thin(report.warnings).every((w) => w.file === "pack.yaml")).toBe(true);
  });
});
