// The same guarantee on screen: a configuration's trail Name (with its file name as the label) and
// an imported review's `chosen` never reach the terminal raw in the TUI or in plain stats.
import { render } from "ink-testing-library";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/simulator/config.js";
import { buildDeck } from "../../src/srs/cards.js";
import { fsrsStep, paramsFor, Rating } from "../../src/srs/index.js";
import { MemoryProgress } from "../../src/store/port.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { App } from "../../src/ui/App.js";
import { runMain } from "../cli/run-main.js";
import { KEY, loaded, press, shippedPack, type } from "../ui/helpers.js";

const RAW = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B-\u200F]/;
const HOSTILE = "\u001b]0;pwned\u0007\u001b[2J\r\u202e\u200b";
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("untrusted text on screen", () => {
  it("Simulate: a trail Name and the configuration's file name are shown escaped", async () => {
    const pack = shippedPack();
    const config = parseConfig(pack, { trails: [{ Name: `evil${HOSTILE}`, IsMultiRegionTrail: true }] });
    const { lastFrame, stdin, unmount } = render(
      <App
        pack={pack}
        progress={new MemoryProgress()}
        color={false}
        size={{ width: 110, height: 40 }}
        screen="simulate"
        params={{ config, configLabel: `cfg${HOSTILE}.json` }}
      />,
    );
    try {
      await loaded(lastFrame);
      await type(stdin, "getobject");
      await press(stdin, KEY.enter);
      const f = lastFrame()!;
      expect(f).toContain("trail:evil\\x1b]0;pwned");
      expect(f).toContain("cfg\\x1b]0;pwned");
      expect(f).not.toMatch(RAW);
    } finally {
      unmount();
    }
  });

  it("stats and import: a wrong pick's hostile text is shown escaped, and an import refuses it visibly", async () => {
    const d = mkdtempSync(join(tmpdir(), "ctt-untrusted-stats-"));
    dirs.push(d);
    const s = SqliteStore.open(d);
    const card = buildDeck(shippedPack())[0]!;
    const T0 = Date.now() - 3600_000;
    for (let i = 0; i < 3; i++)
      s.answer(
        {
          cardId: card.id,
          answerHash: card.answerHash,
          rating: Rating.Again,
          now: T0 + i * 1000,
          elapsedMs: 1000,
          chosen: `pick${HOSTILE}`,
          params: paramsFor({ retention: 0.9 }, T0),
        },
        fsrsStep,
      );
    const exported = join(d, "export.json");
    writeFileSync(exported, JSON.stringify(s.exportProgress()));
    s.close();
    const r = await runMain(["stats"], { env: { CLOUDTRAIL_TUTOR_DATA: d } });
    expect(r.code).toBe(0);
    expect(r.out).toContain("pick\\x1b]0;pwned");
    expect(r.out).not.toMatch(RAW);
    // Moved to another store, the poisoned rows are refused, and the refusal is printed escaped.
    const fresh = mkdtempSync(join(tmpdir(), "ctt-untrusted-stats-"));
    dirs.push(fresh);
    const imp = await runMain(["import", "progress", exported], { env: { CLOUDTRAIL_TUTOR_DATA: fresh } });
    expect(imp.code).toBe(1);
    expect(imp.out + imp.err).not.toMatch(RAW);
  });
});
