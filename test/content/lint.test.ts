// One test per lint code: each warns on the content that earns it, with file:line, and is silenced
// by lintIgnore on that item.
import { describe, expect, it } from "vitest";
import { buildPack, parseContentText } from "../../src/content/index.js";
import { LINT_CODES, lintPack, type LintCode } from "../../src/content/lint.js";

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
const scenario = (id: string, o: { requirement?: string; answer?: string; label?: string; dlabel?: string; why?: string; explanation?: string; ignore?: string; domain?: string } = {}) => `  - id: ${id}
    domain: ${o.domain ?? "d1"}
    requirement: ${o.requirement ?? `Requirement number ${id} about something quite specific ${id}`}
    keywords: [k]
    answerKind: service
    answer: ${o.answer ?? "svc-a"}
${o.label ? `    answerLabel: ${o.label}\n` : ""}    distractors:
      - { option: ${others(o.answer ?? "svc-a")[0]},${o.dlabel ? ` label: "${o.dlabel}",` : ""} why: "${o.why ?? "It does not do it"}" }
      - { option: ${others(o.answer ?? "svc-a")[1]}, why: "Nor does this one" }
    explanation: ${o.explanation ?? "Because A does it."}
    source: "seed: x"
${o.ignore ? `    lintIgnore: [${o.ignore}]\n` : ""}`;

function lint(scenarios: string, extra = ""): Array<{ code: string; file: string; line: number }> {
  const files = [parseContentText("pack.yaml", PACK), parseContentText("options.yaml", OPTIONS), parseContentText("s.yaml", `scenarios:\n${scenarios}`), ...(extra ? [parseContentText("facts.yaml", extra)] : [])];
  const { pack, problems } = buildPack(files);
  expect(problems.filter((p) => p.severity === "error").map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
  return lintPack(pack);
}
const codes = (ws: Array<{ code: string }>) => ws.map((w) => w.code);
const base = [scenario("x1", { answer: "svc-b" }), scenario("x2", { answer: "svc-c", domain: "d2" }), scenario("x3", { answer: "svc-unused", domain: "d2" }), scenario("x4", { domain: "d2" })].join("");

describe("lint", () => {
  it("has a test below for every code", () => {
    expect(Object.keys(LINT_CODES).sort()).toEqual(["ANSWER_LENGTH_GIVEAWAY", "DISTRACTOR_REPEATS_EXPLANATION", "FACT_WITHOUT_SOURCE", "NEAR_DUPLICATE_SCENARIO", "THIN_DOMAIN", "UNUSED_OPTION"] satisfies LintCode[]);
  });

  it("DISTRACTOR_REPEATS_EXPLANATION, at the scenario's line, silenced per item", () => {
    const text = "Only service A records every call in this account";
    const w = lint(base + scenario("rep", { why: text, explanation: `${text}.` }));
    expect(w.find((x) => x.code === "DISTRACTOR_REPEATS_EXPLANATION")).toMatchObject({ file: "s.yaml", line: 46 });
    expect(codes(lint(base + scenario("rep", { why: text, explanation: `${text}.`, ignore: "DISTRACTOR_REPEATS_EXPLANATION" })))).not.toContain("DISTRACTOR_REPEATS_EXPLANATION");
  });

  it("NEAR_DUPLICATE_SCENARIO: similar requirement, same answer", () => {
    const r = "Record which principal deleted the production bucket policy last Tuesday evening";
    expect(codes(lint(base + scenario("d1", { requirement: r }) + scenario("d2", { requirement: r.replace("Tuesday", "Monday") })))).toContain("NEAR_DUPLICATE_SCENARIO");
    expect(codes(lint(base + scenario("d1", { requirement: r }) + scenario("d2", { requirement: r, answer: "svc-b" })))).not.toContain("NEAR_DUPLICATE_SCENARIO");
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
