// The one place that opens the learner's progress for quiz, exam and the home screen.
import type { CommandContext } from "../shell/context.js";
import { MemoryProgress, type ProgressPort } from "../store/port.js";

export function openProgress(_ctx: CommandContext): ProgressPort {
  return new MemoryProgress();
}
