import type { CommandContext } from "../shell/context.js";

export interface Command {
  /** One line for `cloudtrail-tutor --help`. */
  summary: string;
  /** Full usage for `cloudtrail-tutor NAME --help`. */
  usage: string;
  /** Runs the command; resolves to the exit code. */
  run(ctx: CommandContext): Promise<number>;
}
