// With an instructor's pack chosen, what the tutor shows is that pack's: its title on Home and
// Help and as the Anki deck, and no screen or command that needs data the pack lacks (Simulate and
// explain need the simulator's catalog).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { tempDir } from "../tmp.js";
import { loadContent } from "../../src/content/load.js";
import { selectPacks } from "../../src/content/select.js";
import { MemoryProgress } from "../../src/store/port.js";
import { App } from "../../src/ui/App.js";
import { frameShows, loaded } from "../ui/helpers.js";
import { shippedPack } from "../ui/helpers.js";
import { runMain } from "./run-main.js";
import { scenarioYaml } from "../content/scenario-yaml.js";

const temp = (prefix: string) => tempDir(prefix);

const TITLE = "GuardDuty, Macie and Inspector basics";

function classPack(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = temp("screens-pack-");
  writeFileSync(join(dir, "pack.yaml"), `pack:\n  id: gd-basics\n  title: ${TITLE}\n  domains:\n    - { id: gd-detection, name: Threat detection }\n`);
  writeFileSync(
    join(dir, "scenarios.yaml"),
    `scenarios:\n${scenarioYaml({ id: "gd-who-called", domain: "gd-detection", requirement: "Which service records which principal called DeleteBucket?", keywords: ["which principal"] })}`,
  );
  return { dir, env: { CLOUDTRAIL_TUTOR_DATA: temp("screens-data-"), CLOUDTRAIL_TUTOR_CACHE: "off" } };
}

const chosen = (dir: string) => selectPacks(loadContent({ paths: [dir], includeShipped: true }).pack, [dir]);
const home = (pack: ReturnType<typeof chosen>, screen: "home" | "help" = "home") =>
  render(<App pack={pack} progress={new MemoryProgress()} color={false} size={{ width: 100, height: 30 }} screen={screen} />);

describe("an instructor's pack chosen", () => {
  it("Home shows its title and hides Simulate (no simulator catalog); the shipped pack keeps Simulate", async () => {
    const { dir } = classPack();
    const mine = home(chosen(dir));
    await loaded(mine.lastFrame);
    const f = await frameShows(mine.lastFrame, TITLE);
    expect(f).toContain("Quiz");
    expect(f).not.toContain("Simulate");
    mine.unmount();
    const shipped = home(shippedPack());
    await loaded(shipped.lastFrame);
    expect(await frameShows(shipped.lastFrame, "Quiz")).toContain("Simulate");
    shipped.unmount();
  });

  it("Help is titled with the pack and lists no simulate or explain command", async () => {
    const { dir } = classPack();
    const help = home(chosen(dir), "help");
    await loaded(help.lastFrame);
    const f = await frameShows(help.lastFrame, `Help · ${TITLE}`);
    expect(f).not.toMatch(/simulate --action|explain FILE/);
    expect(f).toContain("quiz [--topic T]");
    help.unmount();
  });

  it("export anki puts new notes in a deck named after the pack; the shipped pack keeps 'CloudTrail'", async () => {
    const { dir, env } = classPack();
    const out = join(temp("screens-out-"), "deck.txt");
    const r = await runMain(["--content", dir, "export", "anki", "--out", out], { env });
    expect(r.code, r.err).toBe(0);
    const rows = readFileSync(out, "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((l) => l.split("\t")[1]))).toEqual(new Set([TITLE]));
    const shipped = await runMain(["export", "anki", "--out", out], { env });
    expect(shipped.code, shipped.err).toBe(0);
    expect(
      readFileSync(out, "utf8")
        .split("\n")
        .find((l) => l && !l.startsWith("#"))!
        .split("\t")[1],
    ).toBe("CloudTrail");
  });

  it("simulate and explain say the pack has no simulator catalog and exit 1", async () => {
    const { dir, env } = classPack();
    const sim = await runMain(["--content", dir, "simulate", "--action", "s3:GetObject"], { env });
    expect(sim.code).toBe(1);
    expect(sim.err).toContain("this pack has no simulator catalog");
    const records = join(temp("screens-rec-"), "r.json");
    writeFileSync(records, JSON.stringify({ Records: [] }));
    const ex = await runMain(["--content", dir, "explain", records], { env });
    expect(ex.code).toBe(1);
    expect(ex.err).toContain("this pack has no simulator catalog");
    const ok = await runMain(["--pack", "cloudtrail", "--content", dir, "simulate", "--action", "s3:GetObject"], { env });
    expect(ok.code, ok.err).toBe(0);
  });
});
