// The pack learners get: big enough to study from, faithful to the study card, and with every
// domain and topic taught by more than a token scenario.
import { beforeAll, describe, expect, it } from "vitest";
import { errorsOf, loadContent, type Pack } from "../../src/content/load.js";

let pack: Pack;

// What these tests check of the study card, stated here so the suite needs nothing outside the
// repository: the card's "AWS Exam Thinking" requirements with the reason its table gives for each
// distractor, and its "Must Memorize" list, copied word for word from the card.
const CARD_EXAM_THINKING = [
  {
    id: "who-made-api-call",
    requirement: "Determine who made a specific API call and when",
    answer: "cloudtrail",
    reasons: [
      "Records resource configuration STATE over time, not who made which API call",
      "Records network-layer traffic metadata, not API-level identity/action information",
    ],
  },
  {
    id: "spike-in-api-call-rate",
    requirement: "Detect an unusual spike/burst in management API call rate",
    answer: "cloudtrail-insights",
    reasons: [
      "Broader ML/threat-intel-based behavioral detection across multiple log sources — Insights is the narrower, more precise tool specifically for rate/volume anomalies in API calls",
      "Possible, but requires you to build and tune the anomaly logic yourself — Insights does this automatically via statistical baselining",
    ],
  },
  {
    id: "denied-at-vpc-endpoint",
    requirement: "Detect denied access attempts or external credential use at a VPC endpoint",
    answer: "network-activity-events",
    reasons: [
      "Capture data-plane actions on the resource directly, not specifically API calls traversing a VPC endpoint, including denied ones",
      "Show network-layer connection metadata, not the specific AWS API call and whether it was denied by endpoint policy",
    ],
  },
  {
    id: "object-level-activity-sensitive-bucket",
    requirement: "Capture S3 object-level read/write activity for a specific sensitive bucket",
    answer: "data-events",
    reasons: ["Only capture control-plane actions (e.g. creating the bucket), not object-level reads/writes"],
  },
  {
    id: "ad-hoc-sql-over-a-year",
    requirement: "Run ad-hoc SQL analysis across a year of activity logs with natural-language queries",
    answer: "cloudtrail-lake",
    reasons: ["Works, but requires building your own query/dashboard layer — Lake/CloudWatch are purpose-built for this"],
  },
] as const;

const CARD_MUST_MEMORIZE = [
  "4 event types: management (default on), data (opt-in), network activity (opt-in, VPC endpoints), Insights (anomaly detection)",
  "90-day Event History is free and automatic, no trail required",
  "Insights = statistical rate/volume anomaly detection, NOT broad ML threat detection (that's GuardDuty)",
  "CloudTrail Lake is closing to new customers May 31, 2026 — existing customers unaffected",
];

beforeAll(() => {
  const { pack: p, problems } = loadContent({});
  expect(errorsOf(problems)).toEqual([]);
  pack = p;
});

describe("the shipped CloudTrail pack", () => {
  it("has enough material to study and drill from", () => {
    expect(pack.scenarios.length).toBeGreaterThanOrEqual(45);
    expect(pack.facts.length).toBeGreaterThanOrEqual(30);
    expect(pack.eventTypes.map((e) => e.id).sort()).toEqual(["data-events", "insights-events", "management-events", "network-activity-events"]);
    expect(pack.actions.length).toBeGreaterThanOrEqual(120);
    expect(new Set(pack.actions.map((a) => a.eventSource)).size).toBeGreaterThanOrEqual(15);
  });

  it("teaches each domain and topic with at least three scenarios", () => {
    for (const d of pack.meta.domains) {
      expect(pack.scenarios.filter((s) => s.domain === d.id).length, `domain ${d.id}`).toBeGreaterThanOrEqual(3);
    }
    for (const t of pack.meta.topics) {
      expect(pack.scenarios.filter((s) => s.topic === t.id).length, `topic ${t.id}`).toBeGreaterThanOrEqual(3);
    }
    // Every domain and topic the pack declares is one a learner can pick, and none is empty.
    expect(pack.meta.domains.length).toBeGreaterThanOrEqual(3);
    expect(pack.meta.topics.length).toBeGreaterThanOrEqual(5);
  });

  it("carries the study card's five exam-thinking scenarios with the card's own reasons", () => {
    for (const card of CARD_EXAM_THINKING) {
      const s = pack.scenarios.find((x) => x.id === card.id);
      expect(s, card.id).toBeDefined();
      expect(s!.requirement).toContain(card.requirement);
      expect(s!.answer).toBe(card.answer);
      // Every reason the card gives for a distractor appears word for word on one of ours.
      const ours = s!.distractors.map((d) => d.why.replace(/\s+/g, " "));
      for (const reason of card.reasons)
        expect(
          ours.some((w) => w.includes(reason)),
          `${card.id}: ${reason}`,
        ).toBe(true);
    }
  });

  it("lists the card's must-memorize items word for word", () => {
    expect(pack.meta.mustMemorize).toEqual(CARD_MUST_MEMORIZE);
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
