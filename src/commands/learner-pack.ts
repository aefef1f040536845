// Content as a learner gets it: the shipped pack plus --content dirs, broken files skipped with one
// warning line. `--only FILE` narrows a quiz to the items defined in one file.
import { join, resolve } from "node:path";
import { DirParseCache, errorsOf, loadContentLazily, type Pack, type ParseCache } from "../content/index.js";
import { defaultCacheDir } from "../store/index.js";
import type { CommandContext } from "../shell/context.js";
import { UserError } from "../shell/errors.js";
import { warnAboutProblems } from "./content-warning.js";

/** The parsed-content cache: CLOUDTRAIL_TUTOR_CACHE, else the platform's cache directory; "off" disables it. */
export function contentCache(ctx: CommandContext): ParseCache | undefined {
  const dir = ctx.env.CLOUDTRAIL_TUTOR_CACHE;
  if (dir === "off") return undefined;
  return new DirParseCache(join(dir ?? defaultCacheDir(), "parsed"));
}

export async function loadForLearner(ctx: CommandContext, extraPaths: readonly string[] = []): Promise<Pack> {
  const { pack, problems } = await loadContentLazily({ paths: [...ctx.globals.content, ...extraPaths], cwd: ctx.cwd, cache: contentCache(ctx) });
  const missing = problems.find((p) => p.code === "CONTENT_DIR_MISSING");
  if (missing) throw new UserError(missing.message, missing.hint);
  warnAboutProblems(ctx, errorsOf(problems));
  return pack;
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
  if (ids.length === 0) throw new UserError(`no questions come from '${file}'`, "check the path, and run 'cloudtrail-tutor validate' on it: items with errors are left out");
  return { pack, ids };
}
