// Content as a learner gets it: the shipped pack plus --content dirs, broken files skipped with one
// warning line. `--only FILE` narrows a quiz to the items defined in one file.
import { join, resolve } from "node:path";
import { DirParseCache, errorsOf, loadContentLazily, shippedContentDir, type Pack, type ParseCache } from "../content/index.js";
import { inRoots, selectPacks } from "../content/select.js";
import { chosenPacks, PACKS_DIR, SHIPPED_PACK_ID, unknownPack } from "../packs/manifest.js";
import { defaultCacheDir, defaultDataDir } from "../store/index.js";
import { readManifest } from "./pack-manifest.js";
import type { CommandContext } from "../shell/context.js";
import { UserError } from "../shell/errors.js";
import { warnAboutProblems } from "./content-warning.js";

/** The parsed-content cache: CLOUDTRAIL_TUTOR_CACHE, else the platform's cache directory; "off" disables it. */
export function contentCache(ctx: CommandContext): ParseCache | undefined {
  const dir = ctx.env.CLOUDTRAIL_TUTOR_CACHE;
  if (dir === "off") return undefined;
  return new DirParseCache(join(dir ?? defaultCacheDir(), "parsed"));
}

/**
 * The packs a learner studies: `--pack ID` (repeatable), else the `--content` dirs given (a folder
 * without a pack.yaml of its own adds to the shipped pack), else the choice remembered by
 * `pack use`, else the shipped pack. The shipped pack is always loaded beside
 * them (a pack may name its services and event types) but only the chosen packs' items, title,
 * domains, weights and pass mark are used.
 */
export function chosenRoots(ctx: CommandContext, extraPaths: readonly string[] = []): { roots: string[]; ids: string[] } {
  const dir = join(ctx.globals.dataDir ?? defaultDataDir(), PACKS_DIR);
  const explicit = ctx.globals.packs ?? [];
  const manifest = explicit.length || !ctx.globals.content.length ? readManifest(dir) : undefined;
  const ids = manifest ? chosenPacks(explicit, manifest) : [];
  for (const id of ids) {
    const bad = unknownPack(id, manifest!);
    if (bad) throw new UserError(bad, "see 'cloudtrail-tutor pack list'; add one with 'cloudtrail-tutor pack add SOURCE'");
  }
  const roots = [
    ...ids.map((id) => (id === SHIPPED_PACK_ID ? shippedContentDir() : join(dir, id))),
    ...[...ctx.globals.content, ...extraPaths].map((p) => resolve(ctx.cwd, p)),
  ];
  return { roots, ids };
}

export async function loadForLearner(ctx: CommandContext, extraPaths: readonly string[] = []): Promise<Pack> {
  const { roots } = chosenRoots(ctx, extraPaths);
  const shipped = shippedContentDir();
  const { pack, problems } = await loadContentLazily({ paths: roots.filter((r) => r !== shipped), cwd: ctx.cwd, cache: contentCache(ctx) });
  const missing = problems.find((p) => p.code === "CONTENT_DIR_MISSING");
  if (missing) throw new UserError(missing.message, missing.hint);
  warnAboutProblems(ctx, errorsOf(problems));
  // Extra content with no pack.yaml of its own adds to the shipped pack rather than standing alone.
  const extra = roots.filter((r) => r !== shipped);
  const standalone = pack.parts.some((p) => p.file !== "" && inRoots(extra, p.file, ctx.cwd));
  const effective = standalone || roots.includes(shipped) ? roots : [shipped, ...roots];
  return effective.length === 1 && effective[0] === shipped ? pack : selectPacks(pack, effective, ctx.cwd);
}

/** A word as a shell reads it: left alone when safe, else in single quotes. */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line a learner types to come back to what they were doing (a retry, a cram): the
 * pack choice and content they used (`--pack`, `--content`, `--data-dir`, `--plain`) and the
 * command's own flags given, so the suggestion studies the same items. Pure.
 */
export function commandLine(
  ctx: Pick<CommandContext, "globals" | "env">,
  name: string,
  flags: Record<string, string | readonly string[] | boolean | undefined>,
  content = ctx.globals.content,
): string {
  const words = ["cloudtrail-tutor", name];
  for (const id of ctx.globals.packs ?? []) words.push("--pack", shellWord(id));
  for (const dir of content) words.push("--content", shellWord(dir));
  const dataDir = ctx.globals.dataDir;
  if (dataDir && dataDir !== ctx.env.CLOUDTRAIL_TUTOR_DATA) words.push("--data-dir", shellWord(dataDir));
  if (ctx.globals.plain) words.push("--plain");
  for (const [flag, value] of Object.entries(flags)) {
    if (value === undefined || value === false) continue;
    if (value === true) words.push(`--${flag}`);
    else for (const v of typeof value === "string" ? [value] : value) words.push(`--${flag}`, shellWord(v));
  }
  return words.join(" ");
}

/** The pack narrowed to the items whose question ids are in `ids` (a drill of one file's items). */
export function narrowToIds(pack: Pack, ids: readonly string[]): Pack {
  const want = new Set(ids);
  const facts = new Set(ids.filter((id) => id.startsWith("trap:")).map((id) => id.split(":")[1]));
  return {
    ...pack,
    scenarios: pack.scenarios.filter((s) => want.has(`scenario:${s.id}`)),
    facts: pack.facts.filter((f) => facts.has(f.id)),
    actions: pack.actions.filter((a) => want.has(`action:${a.id}`)),
  };
}

/** Simulate and explain need the simulator's catalog: refused (exit 1) for a pack without one. */
export function needsCatalog(pack: Pack): void {
  if (pack.actions.length === 0) {
    throw new UserError(
      `this pack has no simulator catalog ('${pack.meta.id}' defines no actions)`,
      "simulate and explain work with the shipped pack: add --pack cloudtrail",
    );
  }
}

/** Question ids (`scenario:…`, `trap:…`) of the items defined in `file`. */
export function questionIdsInFile(pack: Pack, file: string, cwd: string): string[] {
  const want = resolve(cwd, file);
  const ids: string[] = [];
  for (const [key, origin] of pack.origins) {
    if (resolve(cwd, origin.file) !== want) continue;
    const [kind, id] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
    if (kind === "scenario") ids.push(`scenario:${id}`);
    else if (kind === "action") ids.push(`action:${id}`);
    else if (kind === "fact") {
      const fact = pack.facts.find((f) => f.id === id);
      fact?.claims.forEach((_, n) => ids.push(`trap:${id}:${n}`));
    }
  }
  return ids;
}

/** The pack with FILE loaded (added when no content dir holds it) and the ids it defines. */
export async function packForOnly(ctx: CommandContext, file: string): Promise<{ pack: Pack; ids: string[] }> {
  let pack = await loadForLearner(ctx);
  let ids = questionIdsInFile(pack, file, ctx.cwd);
  if (ids.length === 0) {
    pack = await loadForLearner(ctx, [file]);
    ids = questionIdsInFile(pack, file, ctx.cwd);
  }
  if (ids.length === 0)
    throw new UserError(`no questions come from '${file}'`, "check the path, and run 'cloudtrail-tutor validate' on it: items with errors are left out");
  return { pack, ids };
}
