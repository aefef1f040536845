// Start the Ink App in the terminal: alternate screen buffer while it runs, cursor and screen
// restored however it ends (q, Ctrl+C, SIGTERM), resolved to an exit code.
import { render } from "ink";
import React from "react";
import type { Pack } from "../content/index.js";
import type { CommandContext } from "../shell/context.js";
import { MemoryProgress, type ProgressPort } from "../store/index.js";
import { App } from "./App.js";
import { pacedStdin } from "./key-pacer.js";
import type { ScreenName } from "./screen-props.js";

const ENTER_ALT = "\x1b[?1049h\x1b[H";
const LEAVE_ALT = "\x1b[?1049l";
const SHOW_CURSOR = "\x1b[?25h";

export interface RunOptions {
  screen: ScreenName;
  params?: Record<string, unknown>;
  progress?: ProgressPort;
}

export async function runInteractive(ctx: CommandContext, pack: Pack, opts: RunOptions): Promise<number> {
  const out = ctx.stdout as NodeJS.WriteStream;
  const alt = !ctx.globals.screenReader;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    out.write((alt ? LEAVE_ALT : "") + SHOW_CURSOR);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    instance.unmount();
    restore();
    // The conventional status for "ended by signal N": 128 + N.
    process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as Record<string, number>)[signal]!);
  };
  if (alt) out.write(ENTER_ALT);
  const instance = render(
    React.createElement(App, {
      pack,
      progress: opts.progress ?? new MemoryProgress(),
      color: ctx.globals.color,
      screen: opts.screen,
      params: opts.params,
    }),
    {
      stdout: out,
      stdin: pacedStdin(ctx.stdin as NodeJS.ReadStream),
      stderr: ctx.stderr as NodeJS.WriteStream,
      exitOnCtrlC: true,
      // Screens never use console.*; not patching it saves start-up work.
      patchConsole: false,
      isScreenReaderEnabled: ctx.globals.screenReader,
    },
  );
  // Ctrl+C in the TUI arrives as a key (raw mode); a SIGINT sent by another program must restore
  // the terminal too.
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("SIGHUP", onSignal);
  try {
    await instance.waitUntilExit();
    return 0;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("SIGHUP", onSignal);
    restore();
  }
}
