// `cloudtrail-tutor pack add|list|remove|update|use`: instructors' packs installed under the data
// directory with their version and origin (a directory, a .tgz, or a git repository), and the
// learner's remembered choice of packs to study.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { x as tarExtract } from "tar";
import { parse as parseYaml } from "yaml";
import { formatProblems } from "../content/format.js";
import { loadContent } from "../content/load.js";
import { errorsOf } from "../content/pack.js";
import { inRoots } from "../content/select.js";
import { PackInfo } from "../content/schema.js";
import { isRange, originKind, PACKS_DIR, satisfies, SHIPPED_PACK_ID, unknownPack, type InstalledPack, type OriginKind } from "../packs/manifest.js";
import { readManifest, writeManifest } from "./pack-manifest.js";
import { parseFlags } from "../shell/args.js";
import { writeJson, writeLine, type CommandContext } from "../shell/context.js";
import { UsageError, UserError } from "../shell/errors.js";
import { paintOf } from "../shell/paint.js";
import { dataDirOf } from "./progress.js";
import type { Command } from "./types.js";

declare const __VERSION__: string | undefined;
export const TUTOR_VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.1.0";

export const command: Command = {
  summary: "install, list, update, remove and choose content packs (a directory, a .tgz or a git URL)",
  usage: `Usage: cloudtrail-tutor pack add SOURCE        SOURCE: a directory, a .tgz/.tar.gz, or a git URL
       cloudtrail-tutor pack list [--json]
       cloudtrail-tutor pack update [ID…]         fetch again from where each pack came from
       cloudtrail-tutor pack remove ID            your progress on its items is kept
       cloudtrail-tutor pack use ID… | --reset    the packs learner commands use by default

A pack is a folder of content files with a pack.yaml that declares its id, version and the tutor
version it needs (requires: ">=0.1.0"). It is checked before it is installed; packs live in the data
directory under packs/. Study one pack alone with --pack ID on any learner command, or choose
packs once with 'pack use'. The shipped pack is '${SHIPPED_PACK_ID}'.`,
  async run(ctx) {
    const { values, positionals } = parseFlags({ json: { type: "boolean" }, reset: { type: "boolean" } }, ctx.args, "pack");
    const [verb, ...rest] = positionals;
    const dir = join(dataDirOf(ctx), PACKS_DIR);
    switch (verb) {
      case "add": {
        if (rest.length !== 1) throw new UsageError("write: cloudtrail-tutor pack add SOURCE", "SOURCE is a directory, a .tgz file or a git URL");
        const p = install(ctx, dir, rest[0]!, undefined);
        writeLine(ctx.stdout, `Added pack '${p.id}' ${p.version} (${p.title}) from ${p.origin}. Study it alone with: cloudtrail-tutor quiz --pack ${p.id}`);
        return 0;
      }
      case "list": {
        const m = readManifest(dir);
        const shipped = loadContent({}).pack.meta;
        const rows = [{ id: SHIPPED_PACK_ID, version: shipped.version, title: shipped.title, origin: "shipped with the tutor", kind: "shipped" }, ...m.packs];
        const chosen = new Set(m.chosen.length ? m.chosen : [SHIPPED_PACK_ID]);
        if (values.json) {
          writeJson(ctx.stdout, { packs: rows.map((r) => ({ ...r, chosen: chosen.has(r.id) })) });
          return 0;
        }
        const paint = paintOf(ctx, ctx.stdout);
        for (const r of rows)
          writeLine(
            ctx.stdout,
            `${chosen.has(r.id) ? "*" : " "} ${paint.bold(r.id.padEnd(24))} ${String(r.version || "-").padEnd(8)} ${r.title}  ${paint.dim(r.origin)}`,
          );
        writeLine(ctx.stdout, paint.dim("* studied by default ('pack use ID…' changes it; --pack ID on a command overrides it)"));
        return 0;
      }
      case "update": {
        const m = readManifest(dir);
        const ids = rest.length ? rest : m.packs.map((p) => p.id);
        for (const id of ids)
          if (!m.packs.some((p) => p.id === id)) throw new UserError(unknownPack(id, m) ?? `'${id}' is shipped with the tutor and updates with it`);
        for (const id of ids) {
          const before = m.packs.find((p) => p.id === id)!;
          const after = install(ctx, dir, before.origin, before);
          writeLine(
            ctx.stdout,
            before.version === after.version
              ? `Pack '${id}' is at ${after.version}, refreshed from ${after.origin}.`
              : `Updated pack '${id}' from ${before.version} to ${after.version}.`,
          );
        }
        if (!ids.length) writeLine(ctx.stdout, "No packs are installed; add one with 'cloudtrail-tutor pack add SOURCE'.");
        return 0;
      }
      case "remove": {
        if (rest.length !== 1) throw new UsageError("write: cloudtrail-tutor pack remove ID");
        const id = rest[0]!;
        const m = readManifest(dir);
        if (id === SHIPPED_PACK_ID)
          throw new UserError(`the shipped pack '${id}' cannot be removed`, "choose other packs with 'cloudtrail-tutor pack use ID…'");
        if (!m.packs.some((p) => p.id === id)) throw new UserError(unknownPack(id, m)!);
        rmSync(join(dir, id), { recursive: true, force: true });
        writeManifest(dir, { ...m, packs: m.packs.filter((p) => p.id !== id), chosen: m.chosen.filter((c) => c !== id) });
        writeLine(ctx.stdout, `Removed pack '${id}'. Your progress on its items is kept.`);
        return 0;
      }
      case "use": {
        const m = readManifest(dir);
        if (values.reset) {
          if (rest.length) throw new UsageError("--reset takes no pack ids");
          writeManifest(dir, { ...m, chosen: [] });
          writeLine(ctx.stdout, `Learner commands use the shipped pack '${SHIPPED_PACK_ID}' by default again.`);
          return 0;
        }
        if (!rest.length) throw new UsageError("write: cloudtrail-tutor pack use ID… (or --reset)");
        for (const id of rest) {
          const bad = unknownPack(id, m);
          if (bad) throw new UserError(bad, "see 'cloudtrail-tutor pack list'");
        }
        writeManifest(dir, { ...m, chosen: [...new Set(rest)] });
        writeLine(ctx.stdout, `Learner commands now use: ${[...new Set(rest)].join(", ")}.`);
        return 0;
      }
      default:
        throw new UsageError(
          verb ? `unknown pack command '${verb}'` : "pack what?",
          "one of: add, list, update, remove, use (see 'cloudtrail-tutor pack --help')",
        );
    }
  },
};

/** Fetch SOURCE into a staging folder, check it as the tutor reads it, then move it into place. */
function install(ctx: CommandContext, dir: string, source: string, replacing: InstalledPack | undefined): InstalledPack {
  const abs = source.includes("://") || source.startsWith("git@") ? source : resolve(ctx.cwd, source);
  const isDir = !source.includes("://") && existsSync(abs) && statSync(abs).isDirectory();
  const kind = originKind(source, isDir);
  if (!kind)
    throw new UserError(
      `'${source}' is not a directory, a .tgz file or a git URL`,
      existsSync(abs) ? "a pack is a folder of content files with a pack.yaml" : "check the path",
    );
  mkdirSync(dir, { recursive: true });
  const stage = mkdtempSync(join(dir, ".staging-"));
  try {
    const root = fetchInto(kind, abs, stage);
    const info = readPackInfo(root, source);
    if (info.id === SHIPPED_PACK_ID)
      throw new UserError(`'${source}' declares id '${SHIPPED_PACK_ID}', the shipped pack's`, "give your pack its own id in pack.yaml");
    if (replacing && info.id !== replacing.id)
      throw new UserError(`'${source}' now declares id '${info.id}', not '${replacing.id}'`, "remove the old pack and add the new one");
    const m = readManifest(dir);
    if (!replacing && m.packs.some((p) => p.id === info.id))
      throw new UserError(`a pack '${info.id}' is already installed`, `update it with 'cloudtrail-tutor pack update ${info.id}'`);
    if (info.version === undefined) throw new UserError(`${source}: pack.yaml declares no version`, "add e.g. version: 1.0.0 under pack:");
    if (info.requires !== undefined && !isRange(info.requires))
      throw new UserError(`${source}: pack.yaml requires '${info.requires}', which is not a version range`, 'write e.g. requires: ">=0.1.0"');
    if (!satisfies(TUTOR_VERSION, info.requires))
      throw new UserError(
        `pack '${info.id}' needs tutor ${info.requires}; this is ${TUTOR_VERSION}`,
        "update cloudtrail-tutor, or ask the author for a version of the pack for this tutor",
      );
    // Checked with the shipped pack beside it, as learners load it (a pack may build on its catalog).
    const { problems } = loadContent({ paths: [root] });
    const own = errorsOf(problems).filter((p) => inRoots([root], p.file));
    if (own.length) {
      writeLine(ctx.stderr, formatProblems(own.slice(0, 20)));
      throw new UserError(
        `pack '${info.id}' has ${own.length} error(s); nothing was installed`,
        "fix them (cloudtrail-tutor validate DIR shows every one) and add it again",
      );
    }
    const target = join(dir, info.id);
    rmSync(target, { recursive: true, force: true });
    renameSync(root, target);
    const now = new Date().toISOString();
    const entry: InstalledPack = {
      id: info.id,
      version: String(info.version),
      title: info.title,
      origin: kind === "git" ? source : abs,
      kind,
      addedAt: replacing?.addedAt ?? now,
      ...(replacing ? { updatedAt: now } : {}),
    };
    writeManifest(dir, { ...m, packs: [...m.packs.filter((p) => p.id !== info.id), entry].sort((a, b) => a.id.localeCompare(b.id)) });
    return entry;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Copy, extract or clone SOURCE into `stage`; the folder that holds pack.yaml. */
function fetchInto(kind: OriginKind, source: string, stage: string): string {
  const into = join(stage, "pack");
  if (kind === "dir") {
    cpSync(source, into, { recursive: true, filter: (src) => !/(^|[\\/])(\.git|node_modules)$/.test(src) });
  } else if (kind === "tgz") {
    if (!existsSync(source) || !statSync(source).isFile()) throw new UserError(`'${source}' is not a file`);
    mkdirSync(into);
    let total = 0;
    try {
      // tar refuses entries that would land outside `into` (absolute paths, ..); links are skipped.
      tarExtract({
        file: source,
        cwd: into,
        strict: true,
        sync: true,
        filter: (_path, entry) => {
          const e = entry as { type?: string; size?: number };
          if (e.type !== "File" && e.type !== "Directory" && e.type !== "OldFile") return false;
          total += e.size ?? 0;
          if (total > MAX_PACK_BYTES)
            throw new UserError(`'${source}' unpacks to more than ${MAX_PACK_BYTES / 1048576} MiB`, "a content pack is a few files of YAML");
          return true;
        },
      });
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(`cannot extract '${source}': ${(err as Error).message.split("\n")[0]}`, "a pack archive is a gzip tar (.tgz) of the pack folder");
    }
  } else {
    try {
      execFileSync("git", ["clone", "--quiet", "--depth", "1", "--", source, into], {
        stdio: ["ignore", "ignore", "pipe"],
        timeout: 120_000,
        env: { ...process.env, GIT_TERMINAL_PROMPT: "0" },
      });
    } catch (err) {
      const e = err as { code?: string; stderr?: Buffer };
      if (e.code === "ENOENT")
        throw new UserError("git is not installed, so a git URL cannot be added", "install git, or add the pack from a directory or a .tgz");
      throw new UserError(
        `cannot clone '${source}': ${
          String(e.stderr ?? "")
            .trim()
            .split("\n")
            .pop() || "git failed"
        }`,
      );
    }
    rmSync(join(into, ".git"), { recursive: true, force: true });
  }
  // An archive or repository may hold the pack one folder down (e.g. package/ from npm pack).
  if (!existsSync(join(into, "pack.yaml"))) {
    const entries = readdirSync(into, { withFileTypes: true }).filter((e) => !e.name.startsWith("."));
    if (entries.length === 1 && entries[0]!.isDirectory() && existsSync(join(into, entries[0]!.name, "pack.yaml"))) return join(into, entries[0]!.name);
  }
  return into;
}

/** A content pack is YAML; an archive that unpacks to more is not one. */
const MAX_PACK_BYTES = 64 * 1024 * 1024;

function readPackInfo(root: string, source: string): { id: string; title: string; version?: string | number; requires?: string } {
  const file = join(root, "pack.yaml");
  if (!existsSync(file))
    throw new UserError(`'${source}' has no pack.yaml at its top`, "a pack declares its id, title and version in pack.yaml (see content/README.md)");
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, "utf8"), { maxAliasCount: 100 });
  } catch (err) {
    throw new UserError(`${source}: pack.yaml is not valid YAML (${(err as Error).message.split("\n")[0]})`);
  }
  const r = PackInfo.safeParse((doc as { pack?: unknown } | null)?.pack);
  if (!r.success)
    throw new UserError(
      `${source}: pack.yaml: pack.${r.error.issues[0]!.path.join(".")}: ${r.error.issues[0]!.message}`,
      "run 'cloudtrail-tutor validate' on it for every problem with its line",
    );
  return r.data;
}
