// The contract between the App and every screen. A screen renders state and turns keys into calls
// of engine functions; it never decides anything itself (STYLE §8).
import type { Pack } from "../content/index.js";
import type { ProgressPort } from "../store/index.js";

export type ScreenName = "home" | "study" | "quiz" | "exam" | "drill" | "simulate" | "search" | "stats" | "help";

export interface ScreenProps {
  pack: Pack;
  progress: ProgressPort;
  /** Terminal size in cells; a screen never draws taller than `height`. */
  width: number;
  height: number;
  color: boolean;
  /** Leave this screen (Esc). */
  back: () => void;
  /** Open another screen, optionally with parameters (e.g. a scenario id for a one-question quiz). */
  open: (screen: ScreenName, params?: Record<string, unknown>) => void;
  /** Parameters this screen was opened with. */
  params?: Record<string, unknown>;
}
