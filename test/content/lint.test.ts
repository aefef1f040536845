// One test per lint code: each warns on the content that earns it, with file:line, and is silenced
// by lintIgnore on that item.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPack, parseContentText } from "../../src/content/load.js";
import { LINT_CODES, lintPack, openableSource, type LintCode } from "../../src/content/lint.js";

const PACK = `pack:
  id: t
  title: T
  domains:
    - { id: d1, name: D1 }
    - { id: d2, name: D2 }
`;
const OPTIONS = `services:
  - { id: svc-a, name: Service A, summary: A, does: [a], doesNot: [b], source: "seed: x" }
  - { id: svc-b, name: Service B, summary: B, does: [a], doesNot: [b], source: "seed: x" }
  - { id: svc-c, name: Service C, summary: C, does: [a], doesNot: [b], source: "seed: x" }
  - { id: svc-unused, name: Service Unused, summary: U, does: [a], doesNot: [b], source: "seed: x" }
`;
const others = (answer: string) => ["svc-a", "svc-b", "svc-c"].filter((x) => x !== answer);
const scenario = (
  id: string,
  o: { requirement?: string; answer?: string; label?: string; dlabel?: string; why?: string; explanation?: string; ignore?: string; domain?: string } = {},
) => `  - id: ${id}
    domain: ${o.domain ?? "d1"}
    requirement: ${o.requirement ?? `Requirement number ${id} about something quite specific ${id}`}
    keywords: [k]
    answerKind: service
    answer: ${o.answer ?? "svc-a"}
${o.label ? `    answerLabel: ${o.label}\n` : ""}    distractors:
      - { option: ${others(o.answer ?? "svc-a")[0]},${o.dlabel ? ` label: "${o.dlabel}",` : ""} why: "${o.why ?? "It does not do it"}" }
      - { option: ${others(o.answer ?? "svc-a")[1]},${o.dlabel ? ` label: "${o.dlabel} again",` : ""} why: "Nor does this one" }
    explanation: ${o.explanation ?? "Because A does it."}
    source: "seed: x"
${o.ignore ? `    lintIgnore: [${o.ignore}]\n` : ""}`;

function lint(scenarios: string, extra = ""): Array<{ code: string; file: string; line: number }> {
  const files = [
    parseContentText("pack.yaml", PACK),
    parseContentText("options.yaml", OPTIONS),
    parseContentText("s.yaml", `scenarios:\n${scenarios}`),
    ...(extra ? [parseContentText("facts.yaml", extra)] : []),
  ];
  const { pack, problems } = buildPack(files);
  expect(problems.filter((p) => p.severity === "error").map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
  return lintPack(pack);
}
const codes = (ws: Array<{ code: string }>) => ws.map((w) => w.code);
const base = [
  scenario("x1", { answer: "svc-b" }),
  scenario("x2", { answer: "svc-c", domain: "d2" }),
  scenario("x3", { answer: "svc-unused", domain: "d2" }),
  scenario("x4", { domain: "d2" }),
].join("");

describe("lint", () => {
  it("has a test below for every code", () => {
    expect(Object.keys(LINT_CODES).sort()).toEqual([
      "ANSWER_LENGTH_GIVEAWAY",
      "AUTHORING_NOTE",
      "DISTRACTOR_REPEATS_EXPLANATION",
      "FACT_WITHOUT_SOURCE",
      "FEW_DISTRACTORS",
      "KEYWORD_ECHOES_ANSWER",
      "LABEL_IN_REASON",
      "MIXED_OPTIONS",
      "NEAR_DUPLICATE_SCENARIO",
      "SOURCE_NOT_OPENABLE",
      "SYNONYM_OPTIONS",
      "THIN_DOMAIN",
      "UNUSED_OPTION",
      "WHY_STEP_UNAVAILABLE",
    ] satisfies LintCode[]);
  });

  it("DISTRACTOR_REPEATS_EXPLANATION, at the scenario's line, silenced per item", () => {
    const text = "Only service A records every call in this account";
    const w = lint(base + scenario("rep", { why: text, explanation: `${text}.` }));
    expect(w.find((x) => x.code === "DISTRACTOR_REPEATS_EXPLANATION")).toMatchObject({ file: "s.yaml", line: 46 });
    expect(codes(lint(base + scenario("rep", { why: text, explanation: `${text}.`, ignore: "DISTRACTOR_REPEATS_EXPLANATION" })))).not.toContain(
      "DISTRACTOR_REPEATS_EXPLANATION",
    );
  });

  it("NEAR_DUPLICATE_SCENARIO: similar requirement, same answer", () => {
    const r = "Record which principal deleted the production bucket policy last Tuesday evening";
    expect(codes(lint(base + scenario("d1", { requirement: r }) + scenario("d2", { requirement: r.replace("Tuesday", "Monday") })))).toContain(
      "NEAR_DUPLICATE_SCENARIO",
    );
    expect(codes(lint(base + scenario("d1", { requirement: r }) + scenario("d2", { requirement: r, answer: "svc-b" })))).not.toContain(
      "NEAR_DUPLICATE_SCENARIO",
    );
  });

  it("ANSWER_LENGTH_GIVEAWAY: an answer statement far longer than every distractor statement", () => {
    const label = "Service A, configured with every option turned on and a long explanation";
    expect(codes(lint(base + scenario("long", { label, dlabel: "Service B alone" })))).toContain("ANSWER_LENGTH_GIVEAWAY");
    // Distractors shown by their plain names: the quiz shows the answer's plain name too.
    expect(codes(lint(base + scenario("long", { label })))).not.toContain("ANSWER_LENGTH_GIVEAWAY");
  });

  it("FACT_WITHOUT_SOURCE", () => {
    expect(codes(lint(base, "facts:\n  - { id: f1, kind: fact, front: Q, back: A }\n"))).toContain("FACT_WITHOUT_SOURCE");
    expect(codes(lint(base, "facts:\n  - { id: f1, kind: fact, front: Q, back: A, source: 'seed: x' }\n"))).not.toContain("FACT_WITHOUT_SOURCE");
  });

  it("THIN_DOMAIN: fewer than three scenarios in a domain", () => {
    expect(lint(base).filter((w) => w.code === "THIN_DOMAIN")).toHaveLength(1);
    expect(codes(lint(base + scenario("y1") + scenario("y2")))).not.toContain("THIN_DOMAIN");
  });

  it("UNUSED_OPTION: a service never an answer", () => {
    expect(codes(lint([scenario("x1", { answer: "svc-b" }), scenario("x2", { answer: "svc-c" }), scenario("x4")].join("")))).toContain("UNUSED_OPTION");
    expect(codes(lint(base))).not.toContain("UNUSED_OPTION");
  });
});

// The item-quality codes, on one scenario added to the quiz fixture pack (a real catalog).
const FIXTURE = join(import.meta.dirname, "../fixtures/content/quiz");
const fixtureFiles = ["pack.yaml", "services.yaml", "event-types.yaml", "facts.yaml", "actions.yaml"].map((f) =>
  parseContentText(f, readFileSync(join(FIXTURE, f), "utf8")),
);
const MISC = `
        misconceptions:
          - It is switched off in every new account
          - It keeps records for one day only
          - It costs extra for every single call`;
const ITEM = {
  head: `scenarios:
  - id: item
    domain: logging-monitoring
    requirement: Which event type shows who changed the security group last week?
    keywords: [who changed]
    answerKind: event-type
    answer: management-events
    distractors:`,
  d1: `
      - option: data-events
        why: Security group changes are control-plane calls, not operations on data${MISC.replace(/It/g, "Data events").replace("one day", "one hour")}`,
  d2: `
      - option: network-activity-events
        why: Nothing here goes through a VPC endpoint${MISC.replace(/It/g, "Network activity events")}`,
  d3: `
      - option: cloudtrail-insights-placeholder`,
  tail: `
    explanation: A security group change is a management event.
    source: "seed: 2.1 Management Events"
`,
};
const item = (o: { head?: string; d?: string[]; tail?: string } = {}) =>
  (o.head ?? ITEM.head) + (o.d ?? [ITEM.d1, ITEM.d2, D3]).join("") + (o.tail ?? ITEM.tail);
const D3 = `
      - option: insights-events
        why: One change is not an unusual rate of calls${MISC.replace(/It/g, "Insights events").replace("one day", "one week")}`;
function itemLint(text: string): Array<{ code: string; message: string }> {
  const { pack, problems } = buildPack([...fixtureFiles, parseContentText("item.yaml", text)]);
  expect(problems.filter((p) => p.severity === "error").map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
  return lintPack(pack).filter((w) => w.file === "item.yaml");
}
const itemCodes = (text: string) => itemLint(text).map((w) => w.code);

describe("lint: what a learner would catch", () => {
  it("a well-made item has no warnings", () => {
    expect(itemLint(item())).toEqual([]);
  });

  it("AUTHORING_NOTE: notes for authors in learner text", () => {
    expect(itemCodes(item({ tail: ITEM.tail.replace("management event.", "management event (second distractor added, data events).") }))).toContain(
      "AUTHORING_NOTE",
    );
    expect(itemCodes(item({ d: [ITEM.d1.replace("not operations on data", "the seed's pattern is control plane"), ITEM.d2, D3] }))).toContain("AUTHORING_NOTE");
    expect(itemCodes(item({ tail: ITEM.tail.replace("A security", "TODO check, a security") }))).toContain("AUTHORING_NOTE");
  });

  it("LABEL_IN_REASON: the reason restates its option's label", () => {
    expect(
      itemCodes(
        item({
          d: [
            ITEM.d1.replace(
              "why: Security group changes are control-plane calls, not operations on data",
              'why: "Data events: security group changes are control-plane calls"',
            ),
            ITEM.d2,
            D3,
          ],
        }),
      ),
    ).toContain("LABEL_IN_REASON");
    expect(itemCodes(item({ d: [ITEM.d1.replace("why: Security", "why: Data events cover object reads; security"), ITEM.d2, D3] }))).not.toContain(
      "LABEL_IN_REASON",
    );
  });

  it("MIXED_OPTIONS: some options labelled, others shown by name", () => {
    expect(
      itemCodes(item({ d: [ITEM.d1.replace("option: data-events", "option: data-events\n        label: Data events on the security group"), ITEM.d2, D3] })),
    ).toContain("MIXED_OPTIONS");
  });

  it("SYNONYM_OPTIONS: two options that are names of the same thing", () => {
    // CloudTrail Insights and Insights events are both called "insights".
    const services = item()
      .replace("answerKind: event-type", "answerKind: service")
      .replace("answer: management-events", "answer: cloudtrail-event-history")
      .replace("option: data-events", "option: cloudtrail-insights")
      .replace("option: network-activity-events", "option: cloudtrail-lake")
      .replace("option: insights-events", "option: cloudtrail-trail");
    expect(itemCodes(services)).not.toContain("SYNONYM_OPTIONS");
    const extra = `services:
  - { id: flow-logging, name: Flow logging, aliases: [flow logs], summary: s, does: [d], doesNot: [n], source: "seed: x" }
`;
    const { pack } = buildPack([
      ...fixtureFiles,
      parseContentText("extra.yaml", extra),
      parseContentText(
        "item.yaml",
        services.replace("option: cloudtrail-lake", "option: vpc-flow-logs").replace("option: cloudtrail-trail", "option: flow-logging"),
      ),
    ]);
    expect(lintPack(pack).find((w) => w.code === "SYNONYM_OPTIONS")?.message).toContain(
      `'vpc-flow-logs' and 'flow-logging' are names of the same thing (both are called "flow logs")`,
    );
    const mixedKinds = item()
      .replace("option: data-events", "option: insights-events")
      .replace(/option: insights-events(\n\s+why: One change)/, "option: data-events$1");
    expect(itemCodes(mixedKinds)).not.toContain("SYNONYM_OPTIONS");
  });

  it("FEW_DISTRACTORS: fewer than three", () => {
    expect(itemCodes(item({ d: [ITEM.d1, ITEM.d2] }))).toContain("FEW_DISTRACTORS");
    expect(itemCodes(item())).not.toContain("FEW_DISTRACTORS");
  });

  it("WHY_STEP_UNAVAILABLE: fewer than three foils, counting those left out for naming another service", () => {
    const w = itemLint(
      item({
        d: [
          ITEM.d1,
          ITEM.d2.replace("Network activity events costs extra for every single call", "Network activity events only work with Amazon GuardDuty"),
          D3,
        ],
      }),
    );
    expect(w.find((x) => x.code === "WHY_STEP_UNAVAILABLE")?.message).toContain(
      "'network-activity-events' has 2 (1 left out for naming another service or action)",
    );
    // A false claim linked with about: [data-events] counts as a foil.
    expect(itemCodes(item({ d: [ITEM.d1.replace(/\n {10}- Data events costs extra for every single call/, ""), ITEM.d2, D3] }))).not.toContain(
      "WHY_STEP_UNAVAILABLE",
    );
  });

  it("KEYWORD_ECHOES_ANSWER: a keyword that names the answer", () => {
    expect(itemCodes(item({ head: ITEM.head.replace("keywords: [who changed]", "keywords: [who changed, management events]") }))).toContain(
      "KEYWORD_ECHOES_ANSWER",
    );
    expect(itemCodes(item({ head: ITEM.head.replace("keywords: [who changed]", "keywords: [who changed, control plane]") }))).not.toContain(
      "KEYWORD_ECHOES_ANSWER",
    );
  });

  it("SOURCE_NOT_OPENABLE: every part is a study-card section or an AWS page with its URL", () => {
    expect(
      itemCodes(item({ tail: ITEM.tail.replace('"seed: 2.1 Management Events"', '"seed: 2.1 Management Events; reference: Event categories"') })),
    ).toContain("SOURCE_NOT_OPENABLE");
    expect(
      openableSource(
        "seed: AWS Exam Thinking; Working with CloudTrail Event history (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html)",
      ),
    ).toBe(true);
    expect(openableSource("seed: 2.4 CloudTrail Insights; Must Understand (distinction triangle)")).toBe(false);
    expect(openableSource("CloudTrail User Guide")).toBe(false);
  });
});
