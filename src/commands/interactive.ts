// The one way a command opens the Ink UI: neutralise Ink's CI mode, open the learner's progress,
// run the App on the requested screen, and always release the store.
import type { Pack } from "../content/pack.js";
import type { CommandContext } from "../shell/context.js";
import type { ScreenName } from "../ui/screen-props.js";

/**
 * Ink draws only the final frame when it believes it runs in CI (it reads `CI` once, when it is
 * imported). Many dev containers export CI=true, and a TTY on both ends means a person is watching,
 * so tell Ink otherwise before it loads.
 */
export function prepareInkEnv(env: NodeJS.ProcessEnv): void {
  for (const key of ["CI", "CONTINUOUS_INTEGRATION"]) if (key in env) env[key] = "0";
}

/** Start loading the UI (Ink, React, the screens) now; `launchTui` awaits the same import. */
export function preloadTui(): Promise<[typeof import("../ui/run.js"), typeof import("./progress.js")]> {
  prepareInkEnv(process.env);
  uiModules ??= Promise.all([import("../ui/run.js"), import("./progress.js")]);
  return uiModules;
}
let uiModules: ReturnType<typeof preloadTui> | undefined;

export async function launchTui(ctx: CommandContext, pack: Pack, screen: ScreenName, params?: Record<string, unknown>): Promise<number> {
  const [{ runInteractive }, { openProgress }] = await preloadTui();
  const progress = openProgress(ctx, pack);
  try {
    return await runInteractive(ctx, pack, { screen, params, progress });
  } finally {
    progress.close?.();
  }
}
