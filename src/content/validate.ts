// The result of `validate`, as data: what the JSON output and the human report are built from.
import type { Pack } from "./pack.js";
import { problemToJson, type Problem } from "./problem.js";

export interface Counts {
  scenarios: number;
  facts: number;
  services: number;
  eventTypes: number;
  actions: number;
}

export function countPack(pack: Pack): Counts {
  return {
    scenarios: pack.scenarios.length,
    facts: pack.facts.length,
    services: pack.services.length,
    eventTypes: pack.eventTypes.length,
    actions: pack.actions.length,
  };
}

export interface ValidationReport {
  ok: boolean;
  errors: ReturnType<typeof problemToJson>[];
  warnings: ReturnType<typeof problemToJson>[];
  counts: Counts;
}

export function validationReport(pack: Pack, problems: readonly Problem[]): ValidationReport {
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  return { ok: errors.length === 0, errors: errors.map(problemToJson), warnings: warnings.map(problemToJson), counts: countPack(pack) };
}
