// The only part of content/ that touches the file system: find the YAML files of each content
// directory, read them, and hand the bytes to the pure parser and pack builder.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPack, type BuildResult } from "./pack.js";
import { MAX_FILE_BYTES, parseContentBytes, type ParsedFile } from "./parse-file.js";
import type { Problem } from "./problem.js";

/** The pack shipped with the tutor: `content/cloudtrail` beside `dist/` (or `src/`). */
export function shippedContentDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "content", "cloudtrail");
    if (existsSync(join(candidate, "pack.yaml"))) return candidate;
    dir = dirname(dir);
  }
  throw new Error("the shipped content pack (content/cloudtrail) was not found next to the program");
}

/** YAML files under a directory, sorted for a stable load order; JSON Schemas are skipped. */
export function listContentFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 8) return;
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.name === "schema") continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p, depth + 1);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(p);
    }
  };
  walk(dir, 0);
  return out;
}

export interface LoadOptions {
  /** Content directories or single files; default: the shipped pack. */
  paths?: string[];
  /** Include the shipped pack before `paths` (learners: yes; `validate PATH`: no). */
  includeShipped?: boolean;
  /** Display file names relative to this directory (default: the current directory). */
  cwd?: string;
}

/** Read and parse one file; problems reading it come back as values. */
export function readContentFile(path: string, display: string): ParsedFile {
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return parseContentBytes(display, new Uint8Array(MAX_FILE_BYTES + 1));
    return parseContentBytes(display, readFileSync(path));
  } catch (err) {
    return {
      file: display,
      data: parseContentBytes(display, new Uint8Array()).data,
      at: {},
      problems: [
        {
          file: display,
          line: 0,
          col: 0,
          code: "READ_ERROR",
          message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
          hint: "check that the file exists and that you may read it",
          severity: "error",
        },
      ],
    };
  }
}

export function loadContent(options: LoadOptions = {}): BuildResult {
  const cwd = options.cwd ?? process.cwd();
  const roots = [...(options.includeShipped !== false ? [shippedContentDir()] : []), ...(options.paths ?? [])];
  const files: ParsedFile[] = [];
  const problems: Problem[] = [];
  for (const root of roots) {
    const abs = resolve(cwd, root);
    let list: string[];
    try {
      list = statSync(abs).isDirectory() ? listContentFiles(abs) : [abs];
    } catch (err) {
      problems.push({
        file: root,
        line: 0,
        col: 0,
        code: "CONTENT_DIR_MISSING",
        message: `cannot open content path '${root}' (${(err as NodeJS.ErrnoException).code ?? "error"})`,
        hint: "pass an existing directory of YAML files to --content",
        severity: "error",
      });
      continue;
    }
    if (list.length === 0) {
      problems.push({ file: root, line: 0, col: 0, code: "NO_CONTENT_FILES", message: `no .yaml files in '${root}'`, hint: "put scenario, fact or service files (.yaml) in the directory", severity: "warning" });
    }
    for (const file of list) files.push(readContentFile(file, displayPath(cwd, file)));
  }
  const result = buildPack(files);
  return { pack: result.pack, problems: [...problems, ...result.problems] };
}

function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith("..") || rel === "" ? file : rel;
}
