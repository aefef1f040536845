// The quiz tests' own pack (test/fixtures/content/quiz): one scenario of every answerKind, a
// "Choose two", facts with claims linked to options, three actions. Independent of shipped content.
import { join } from "node:path";
import { expect } from "vitest";
import { errorsOf, loadContent, type Pack } from "../../src/content/index.js";

export const FIXTURE_DIR = join(import.meta.dirname, "../fixtures/content/quiz");

let cached: Pack | undefined;
export function fixturePack(): Pack {
  if (!cached) {
    const { pack, problems } = loadContent({ paths: [FIXTURE_DIR], includeShipped: false });
    expect(errorsOf(problems)).toEqual([]);
    cached = pack;
  }
  return cached;
}
