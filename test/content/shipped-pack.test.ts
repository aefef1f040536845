// The pack learners get: big enough to study from, faithful to the study card, and with every
// domain and topic taught by more than a token scenario.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { errorsOf, loadContent, type Pack } from "../../src/content/index.js";

// A copy of the study card kept in the repository (see test/fixtures/study-card/SOURCE.md).
const SEED = join(import.meta.dirname, "../fixtures/study-card/000_0965c2d15e939797.txt");
let pack: Pack;

beforeAll(() => {
  const { pack: p, problems } = loadContent({});
  expect(errorsOf(problems)).toEqual([]);
  pack = p;
});

describe("the shipped CloudTrail pack", () => {
  it("has enough material to study and drill from", () => {
    expect(pack.scenarios.length).toBeGreaterThanOrEqual(45);
    expect(pack.facts.length).toBeGreaterThanOrEqual(30);
    expect(pack.eventTypes.map((e) => e.id).sort()).toEqual([
      "data-events",
      "insights-events",
      "management-events",
      "network-activity-events",
    ]);
    expect(pack.actions.length).toBeGreaterThanOrEqual(120);
    expect(new Set(pack.actions.map((a) => a.eventSource)).size).toBeGreaterThanOrEqual(15);
  });

  it("teaches each domain and topic with at least three scenarios", () => {
    for (const d of pack.meta.domains) {
      expect(pack.scenarios.filter((s) => s.domain === d.id).length, `domain ${d.id}`).toBeGreaterThanOrEqual(3);
    }
    for (const t of pack.meta.topics) {
      const n = pack.scenarios.filter((s) => s.topic === t.id).length + pack.facts.filter((f) => f.topic === t.id).length;
      expect(n, `topic ${t.id}`).toBeGreaterThanOrEqual(3);
    }
  });

  it("carries the study card's five exam-thinking scenarios with the card's own reasons", () => {
    const seed = readFileSync(SEED, "utf8");
    const seedScenarios = [
      ["who-made-api-call", "Determine who made a specific API call and when", "cloudtrail"],
      ["spike-in-api-call-rate", "Detect an unusual spike/burst in management API call rate", "cloudtrail-insights"],
      ["denied-at-vpc-endpoint", "Detect denied access attempts or external credential use at a VPC endpoint", "network-activity-events"],
      ["object-level-activity-sensitive-bucket", "Capture S3 object-level read/write activity for a specific sensitive bucket", "data-events"],
      ["ad-hoc-sql-over-a-year", "Run ad-hoc SQL analysis across a year of activity logs with natural-language queries", "cloudtrail-lake"],
    ] as const;
    for (const [id, requirement, answer] of seedScenarios) {
      expect(seed).toContain(requirement);
      const s = pack.scenarios.find((x) => x.id === id);
      expect(s, id).toBeDefined();
      expect(s!.requirement).toBe(requirement);
      expect(s!.answer).toBe(answer);
      // Every reason the card gives for a distractor (the last cell of its table rows) appears word
      // for word on one of ours.
      const start = seed.indexOf(requirement);
      const rows = seed.slice(start, seed.indexOf("\n", seed.indexOf("Why it's wrong", start)) + 1);
      const after = seed.slice(start + rows.length).split("\n");
      const cardReasons: string[] = [];
      for (const line of after) {
        if (!line.includes("|")) break;
        const cells = line.split("|").map((c) => c.trim()).filter(Boolean);
        cardReasons.push(cells[cells.length - 1]!);
      }
      expect(cardReasons.length, id).toBeGreaterThan(0);
      const ours = s!.distractors.map((d) => d.why.replace(/\s+/g, " "));
      for (const reason of cardReasons) expect(ours.some((w) => w.includes(reason)), `${id}: ${reason}`).toBe(true);
    }
  });

  it("lists the card's must-memorize items word for word", () => {
    const seed = readFileSync(SEED, "utf8");
    const block = seed.slice(seed.indexOf("Must Memorize\n") + "Must Memorize\n".length, seed.indexOf("Must Understand"));
    const card = block.split("\n").filter((l) => l.startsWith("- ")).map((l) => l.slice(2).trim());
    expect(card.length).toBeGreaterThanOrEqual(4);
    expect(pack.meta.mustMemorize).toEqual(card);
  });

  it("gives every scenario three or more authored distractors", () => {
    expect(pack.scenarios.filter((s) => s.distractors.length < 3).map((s) => s.id)).toEqual([]);
  });

  it("cites only sources a learner can open: study-card sections or AWS pages", () => {
    const sources = [
      ...pack.scenarios.map((s) => [`scenario:${s.id}`, s.source] as const),
      ...pack.facts.map((f) => [`fact:${f.id}`, f.source ?? ""] as const),
      ...pack.services.map((s) => [`service:${s.id}`, s.source ?? ""] as const),
      ...pack.eventTypes.map((e) => [`event-type:${e.id}`, e.source ?? ""] as const),
    ];
    const bad = sources.filter(([, src]) =>
      src.split("; ").some((part) => !part.startsWith("seed: ") && !/\(https:\/\/docs\.aws\.amazon\.com\/[^\s)]+\)$/.test(part)),
    );
    expect(bad).toEqual([]);
  });

  it("cites a source for every scenario, fact and action", () => {
    const missing = [
      ...pack.scenarios.filter((s) => !s.source).map((s) => `scenario:${s.id}`),
      ...pack.facts.filter((f) => !f.source).map((f) => `fact:${f.id}`),
      ...pack.actions.filter((a) => !a.source).map((a) => `action:${a.id}`),
    ];
    expect(missing).toEqual([]);
  });
});
