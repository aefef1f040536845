// Learners still get the rest of the content when an instructor's file is broken: one warning
// line on stderr (with the command that shows the details), never a refusal to start.
import type { Problem } from "../content/index.js";
import { writeLine, type CommandContext } from "../shell/context.js";

export function warnAboutProblems(ctx: CommandContext, errors: readonly Problem[]): void {
  if (errors.length === 0) return;
  const files = [...new Set(errors.map((e) => e.file))];
  const first = errors[0]!;
  writeLine(
    ctx.stderr,
    `cloudtrail-tutor: warning: ${errors.length} problem(s) in ${files.length} content file(s) were skipped (first: ${first.file}:${first.line}:${first.col} ${first.message}); run 'cloudtrail-tutor validate' for details`,
  );
}
