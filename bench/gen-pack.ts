// A deterministic, realistic-looking content pack of any size, for benchmarks (never committed):
// a pack.yaml, services, event types, and scenarios split into files of 500, with the same shape
// and text lengths as the shipped pack (about 700 bytes a scenario: 10,000 ≈ 7 MB).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const WORDS = (
  "trail event history data management network activity insights endpoint bucket object policy denied " +
  "identity role session region account organization logging validation digest encryption key lake query " +
  "anomaly baseline volume rate error detection guardduty config flow metric alarm filter rule lambda " +
  "response audit evidence tamper retention storage athena dashboard sql selector advanced field equals " +
  "prefix resource type write read console sign-in federation assume credential exfiltration perimeter"
).split(" ");

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const q = (s: string) => JSON.stringify(s);

export interface GenerateOptions {
  scenarios: number;
  seed?: number;
  /** Scenarios per file (default 500). */
  perFile?: number;
}

/** Relative path → YAML text. */
export function generatePack(opts: GenerateOptions): Map<string, string> {
  const rand = rng(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const files = new Map<string, string>();
  const domains = ["d1", "d2", "d3", "d4"];
  const topics = ["t1", "t2", "t3", "t4", "t5", "t6"];
  files.set(
    "pack.yaml",
    [
      "pack:",
      "  id: generated",
      "  title: Generated benchmark pack",
      "  passingScore: 0.75",
      "  domains:",
      ...domains.map((d) => `    - { id: ${d}, name: Domain ${d}, weight: 0.25 }`),
      "  topics:",
      ...topics.map((t) => `    - { id: ${t}, name: Topic ${t} }`),
      "",
    ].join("\n"),
  );
  const services = Array.from({ length: 24 }, (_, i) => `svc-${i}`);
  files.set(
    "services.yaml",
    [
      "services:",
      ...services.flatMap((id) => [
        `  - id: ${id}`,
        `    name: ${q(`Service ${id} ${pick(WORDS)}`)}`,
        `    aliases: [${q(`${pick(WORDS)} ${id}`)}]`,
        `    summary: ${q(sentence(12))}`,
        `    does: [${q(sentence(10))}, ${q(sentence(9))}]`,
        `    doesNot: [${q(sentence(10))}]`,
        `    source: "generated"`,
      ]),
      "",
    ].join("\n"),
  );
  const perFile = opts.perFile ?? 500;
  for (let start = 0, f = 0; start < opts.scenarios; start += perFile, f++) {
    const lines = ["scenarios:"];
    for (let i = start; i < Math.min(opts.scenarios, start + perFile); i++) {
      const answer = pick(services);
      const others = services.filter((s) => s !== answer);
      const d1 = pick(others);
      const d2 = pick(others.filter((s) => s !== d1));
      const d3 = pick(others.filter((s) => s !== d1 && s !== d2));
      lines.push(
        `  - id: gen-${i}`,
        `    domain: ${domains[i % 4]}`,
        `    topic: ${topics[i % 6]}`,
        `    requirement: ${q(`${sentence(14)} ${i}`)}`,
        `    keywords: [${q(pick(WORDS))}, ${q(pick(WORDS) + " " + pick(WORDS))}]`,
        `    answer: ${answer}`,
        "    distractors:",
        ...[d1, d2, d3].flatMap((d) => [`      - option: ${d}`, `        why: ${q(sentence(16))}`]),
        "    explanation: >-",
        `      ${sentence(20)}`,
        `      ${sentence(20)}`,
        `    source: "generated"`,
        "    answerKind: service",
      );
    }
    files.set(`scenarios/part-${String(f).padStart(3, "0")}.yaml`, lines.join("\n") + "\n");
  }
  return files;
}

export function writePack(dir: string, files: Map<string, string>): void {
  for (const [rel, text] of files) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
}
