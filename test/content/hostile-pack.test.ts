// A learner installs a pack someone else wrote. Every hostile file is refused with a position,
// quickly and in bounded memory, and the learner's other files still load.
import { writeFileSync, cpSync, openSync, ftruncateSync, closeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";
import { tempDir } from "../tmp.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/content");

describe("a pack full of hostile files", () => {
  it("refuses each with file:line:col within a second and loads the good ones", () => {
    const dir = tempDir("ctt-hostile-");
    cpSync(join(FIXTURES, "base"), dir, { recursive: true });
    for (const f of ["alias-bomb.yaml", "control-char.yaml", "custom-tag.yaml", "proto-key.yaml", "not-utf8.yaml"]) {
      cpSync(join(FIXTURES, "errors", f), join(dir, f));
    }
    writeFileSync(
      join(dir, "crlf-bom.yaml"),
      "\ufeffservices:\r\n  - id: crlf-ok\r\n    name: CRLF service\r\n    summary: Written on Windows.\r\n    does: [Loads]\r\n    doesNot: [Break]\r\n    source: test\r\n",
    );
    writeFileSync(
      join(dir, "ansi-title.yaml"),
      'services:\n  - id: hidden\n    name: "\\e[8mhidden\\e[0m"\n    summary: s\n    does: [x]\n    doesNot: [y]\n    source: test\n',
    );
    writeFileSync(join(dir, "nested.yaml"), "pack: " + "[".repeat(50000) + "]".repeat(50000) + "\n");
    // A 50 MB file: refused from its size alone, never read into memory.
    const fd = openSync(join(dir, "huge.yaml"), "w");
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);

    const rssBefore = process.memoryUsage().rss;
    const t0 = performance.now();
    const { pack, problems } = loadContent({ paths: [dir], includeShipped: false, cwd: dir });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);

    const byFile = new Map(problems.map((p) => [p.file, p]));
    expect(byFile.get("alias-bomb.yaml")?.code).toBe("ALIAS_LIMIT");
    expect(byFile.get("control-char.yaml")?.code).toBe("CONTROL_CHAR");
    expect(byFile.get("ansi-title.yaml")?.code).toBe("CONTROL_CHAR");
    expect(byFile.get("custom-tag.yaml")?.code).toBe("CUSTOM_TAG");
    expect(byFile.get("not-utf8.yaml")?.code).toBe("NOT_UTF8");
    expect(byFile.get("huge.yaml")?.code).toBe("FILE_TOO_LARGE");
    expect(byFile.get("nested.yaml")).toBeDefined();
    for (const p of problems) {
      if (p.code !== "FILE_TOO_LARGE") expect(p.line, `${p.file} ${p.code}`).toBeGreaterThan(0);
      // Nothing raw reaches the terminal: not in messages, hints or the quoted source line.
      expect(p.message + p.hint + (p.lineText ?? "")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    expect(pack.services.map((s) => s.id).sort()).toEqual(["cloudtrail", "config", "crlf-ok", "vpc-flow-logs"]);
  });
});
