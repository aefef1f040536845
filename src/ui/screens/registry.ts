// Every screen the App can open, with its title and keys. Adding a screen: one entry here.
// Home, Study and Help are part of the first frame; the others (and the engines they use: the
// simulator, the store's scheduler, the search index) load on first use, so start-up never waits
// for them.
import type React from "react";
import { lazy } from "react";
import type { KeyHelp } from "../key-help.js";
import type { ScreenName, ScreenProps } from "../screen-props.js";
import { HelpScreen } from "./Help.js";
import { HomeScreen } from "./Home.js";
import { SCREEN_KEYS } from "./keys.js";
import { StudyScreen } from "./Study.js";

export interface ScreenEntry {
  title: string;
  keys: KeyHelp;
  component: React.ComponentType<ScreenProps>;
}

const LOADERS = {
  quiz: () => import("./Quiz.js").then((m) => ({ default: m.QuizScreen })),
  exam: () => import("./Exam.js").then((m) => ({ default: m.ExamScreen })),
  drill: () => import("./Drill.js").then((m) => ({ default: m.DrillScreen })),
  simulate: () => import("./Simulate.js").then((m) => ({ default: m.SimulateScreen })),
  search: () => import("./Search.js").then((m) => ({ default: m.SearchScreen })),
  stats: () => import("./Stats.js").then((m) => ({ default: m.StatsScreen })),
} as const;

/** Start loading every lazy screen (after the first frame), so opening one is instant. */
export function preloadScreens(): Promise<unknown> {
  return Promise.all(Object.values(LOADERS).map((load) => load()));
}

export const SCREENS: Record<ScreenName, ScreenEntry> = {
  home: { title: "Home", keys: SCREEN_KEYS.home, component: HomeScreen },
  study: { title: "Study", keys: SCREEN_KEYS.study, component: StudyScreen },
  quiz: { title: "Quiz", keys: SCREEN_KEYS.quiz, component: lazy(LOADERS.quiz) },
  exam: { title: "Exam", keys: SCREEN_KEYS.exam, component: lazy(LOADERS.exam) },
  drill: { title: "Drill", keys: SCREEN_KEYS.drill, component: lazy(LOADERS.drill) },
  simulate: { title: "Simulate", keys: SCREEN_KEYS.simulate, component: lazy(LOADERS.simulate) },
  search: { title: "Search", keys: SCREEN_KEYS.search, component: lazy(LOADERS.search) },
  stats: { title: "Stats", keys: SCREEN_KEYS.stats, component: lazy(LOADERS.stats) },
  help: { title: "Help", keys: SCREEN_KEYS.help, component: HelpScreen },
};
