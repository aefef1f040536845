// The one way a command opens the Ink UI: neutralise Ink's CI mode, open the learner's progress,
// run the App on the requested screen, and always release the store.
import { Writable } from "node:stream";
import type { Pack } from "../content/index.js";
import type { CommandContext } from "../shell/context.js";
import type { ScreenName } from "../ui/screen-props.js";
import { DeferredProgress } from "../store/index.js";

/**
 * Ink draws only the final frame when it believes it runs in CI (it reads `CI` once, when it is
 * imported). Many dev containers export CI=true, and a TTY on both ends means a person is watching,
 * so tell Ink otherwise before it loads.
 */
export function prepareInkEnv(env: NodeJS.ProcessEnv): void {
  for (const key of ["CI", "CONTINUOUS_INTEGRATION"]) if (key in env) env[key] = "0";
}

/** Start loading the UI (Ink, React, the screens) now; `launchTui` awaits the same import. */
export function preloadTui(): Promise<typeof import("../ui/run.js")> {
  prepareInkEnv(process.env);
  uiModule ??= import("../ui/run.js");
  return uiModule;
}
let uiModule: ReturnType<typeof preloadTui> | undefined;

/** Time for Ink to write the first frame before SQLite is loaded and opened. */
const STORE_AFTER_MS = 30;

export async function launchTui(ctx: CommandContext, pack: Pack, screen: ScreenName, params?: Record<string, unknown>): Promise<number> {
  const { runInteractive } = await preloadTui();
  // A store that cannot be opened says so on stderr: keep that off the running screen, show it in
  // the screens that need the store, and print it once the terminal is back.
  const notes: string[] = [];
  const quiet = { ...ctx, stderr: new Writable({ write: (chunk, _enc, done) => (notes.push(String(chunk)), done()) }) };
  const progress = new DeferredProgress(
    new Promise<void>((r) => setTimeout(r, STORE_AFTER_MS)).then(async () => (await import("./progress.js")).openProgress(quiet, pack)),
    () => notes.join("").trim() || undefined,
  );
  try {
    return await runInteractive(ctx, pack, { screen, params, progress });
  } finally {
    progress.close?.();
    for (const n of notes) ctx.stderr.write(n);
  }
}
