// Start the Ink App in the terminal: alternate screen buffer while it runs, cursor, raw mode and
// screen restored however it ends (q, Ctrl+C, SIGTERM, an uncaught error), resolved to an exit
// code. Ctrl-Z (the key in raw mode, or SIGTSTP from outside) suspends properly: the terminal is
// restored before the process stops, and `fg` (SIGCONT) re-enters raw mode and redraws the screen.
import { Box, render } from "ink";
import React from "react";
import type { Pack } from "../content/index.js";
import type { CommandContext } from "../shell/context.js";
import { visibleInline } from "../shell/sanitize.js";
import { MemoryProgress, type ProgressPort } from "../store/index.js";
import { App } from "./App.js";
import { pacedStdin } from "./key-pacer.js";
import type { ScreenName } from "./screen-props.js";

const ENTER_ALT = "\x1b[?1049h\x1b[H";
const LEAVE_ALT = "\x1b[?1049l";
const SHOW_CURSOR = "\x1b[?25h";
const HIDE_CURSOR = "\x1b[?25l";
/** Bracketed paste: the terminal marks a paste, so it arrives as text, not as keys. */
const PASTE_ON = "\x1b[?2004h";
const PASTE_OFF = "\x1b[?2004l";
const CTRL_Z = "\u001a";
const SIGNAL_NUMBER: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

export interface RunOptions {
  screen: ScreenName;
  params?: Record<string, unknown>;
  progress?: ProgressPort;
}

/** The App inside a box that can be hidden for one frame, so a redraw after `fg` draws every line. */
function Root(props: { hidden: boolean; children?: React.ReactNode }): React.JSX.Element {
  return React.createElement(Box, { display: props.hidden ? "none" : "flex", flexDirection: "column" }, props.children);
}

/** One line for an error that escaped the screens (the stack only under --debug). */
export function crashLine(err: unknown): string {
  const e = err as Error | undefined;
  return `cloudtrail-tutor: the screen stopped on an unexpected error: ${visibleInline(e?.message ?? String(err))} (run again with --debug to see the details, and please report it)`;
}

export async function runInteractive(ctx: CommandContext, pack: Pack, opts: RunOptions): Promise<number> {
  const out = ctx.stdout as NodeJS.WriteStream;
  const stdin = ctx.stdin as NodeJS.ReadStream;
  const alt = !ctx.globals.screenReader;
  let restored = false;
  const restoreTty = () => {
    out.write((alt ? LEAVE_ALT : "") + PASTE_OFF + SHOW_CURSOR);
    if (stdin.isTTY) stdin.setRawMode?.(false);
  };
  const restore = () => {
    if (restored) return;
    restored = true;
    restoreTty();
  };
  const enter = () => out.write((alt ? ENTER_ALT : "") + PASTE_ON);

  const app = React.createElement(App, {
    pack,
    progress: opts.progress ?? new MemoryProgress(),
    color: ctx.globals.color,
    screen: opts.screen,
    params: opts.params,
  });
  const tree = (hidden: boolean) => React.createElement(Root, { hidden }, app);

  const onSignal = (signal: NodeJS.Signals) => {
    instance.unmount();
    restore();
    // The conventional status for "ended by signal N": 128 + N.
    process.exit(128 + SIGNAL_NUMBER[signal]!);
  };
  // An error thrown outside React's render (a key handler, a timer) would end the process with the
  // terminal still in raw mode on the alternate screen: restore it and say so in one line.
  const onCrash = (err: unknown) => {
    try {
      instance.unmount();
    } catch {
      /* already broken */
    }
    restore();
    ctx.stderr.write(crashLine(err) + "\n");
    if (ctx.globals.debug) ctx.stderr.write(`${(err as Error)?.stack ?? ""}\n`);
    process.exit(1);
  };

  let suspended = false;
  const suspend = () => {
    if (suspended || restored) return;
    suspended = true;
    restoreTty();
    process.off("SIGTSTP", suspend);
    process.once("SIGCONT", resume);
    // With no listener left, SIGTSTP does what it does for any program: stop it until `fg`.
    process.kill(process.pid, "SIGTSTP");
  };
  const resume = () => {
    if (!suspended) return;
    suspended = false;
    process.on("SIGTSTP", suspend);
    if (stdin.isTTY) stdin.setRawMode?.(true);
    enter();
    out.write(HIDE_CURSOR);
    // Ink draws only what changed: hide the App for one frame, then show it, so every line is drawn.
    instance.rerender(tree(true));
    setTimeout(() => instance.rerender(tree(false)), 40);
  };
  const onKeys = (chunk: Buffer | string) => {
    if ((typeof chunk === "string" ? chunk : chunk.toString("latin1")).includes(CTRL_Z)) suspend();
  };

  enter();
  const instance = render(tree(false), {
    stdout: out,
    stdin: pacedStdin(stdin),
    stderr: ctx.stderr as NodeJS.WriteStream,
    exitOnCtrlC: true,
    // Screens never use console.*; not patching it saves start-up work.
    patchConsole: false,
    isScreenReaderEnabled: ctx.globals.screenReader,
  });
  // Ctrl+C in the TUI arrives as a key (raw mode); a SIGINT sent by another program must restore
  // the terminal too.
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("SIGHUP", onSignal);
  process.on("SIGTSTP", suspend);
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
  stdin.on("data", onKeys);
  try {
    await instance.waitUntilExit();
    return 0;
  } catch (err) {
    // An error in a screen's render: Ink has unmounted; the terminal is restored below.
    restore();
    ctx.stderr.write(crashLine(err) + "\n");
    if (ctx.globals.debug) ctx.stderr.write(`${(err as Error)?.stack ?? ""}\n`);
    return 1;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("SIGHUP", onSignal);
    process.off("SIGTSTP", suspend);
    process.off("SIGCONT", resume);
    process.off("uncaughtException", onCrash);
    process.off("unhandledRejection", onCrash);
    stdin.off("data", onKeys);
    restore();
  }
}
