// Every screen the App can open, with its title and keys. Adding a screen: one entry here.
import type React from "react";
import type { KeyHelp } from "../key-help.js";
import type { ScreenName, ScreenProps } from "../screen-props.js";
import * as help from "./Help.js";
import * as home from "./Home.js";
import * as drill from "./Drill.js";
import * as exam from "./Exam.js";
import * as quiz from "./Quiz.js";
import * as search from "./Search.js";
import * as simulate from "./Simulate.js";
import * as stats from "./Stats.js";
import * as study from "./Study.js";

export interface ScreenEntry {
  title: string;
  keys: KeyHelp;
  component: (props: ScreenProps) => React.JSX.Element;
}

export const SCREENS: Record<ScreenName, ScreenEntry> = {
  home: { title: "Home", keys: home.keys, component: home.HomeScreen },
  study: { title: "Study", keys: study.keys, component: study.StudyScreen },
  quiz: { title: "Quiz", keys: quiz.keys, component: quiz.QuizScreen },
  exam: { title: "Exam", keys: exam.keys, component: exam.ExamScreen },
  drill: { title: "Drill", keys: drill.keys, component: drill.DrillScreen },
  simulate: { title: "Simulate", keys: simulate.keys, component: simulate.SimulateScreen },
  search: { title: "Search", keys: search.keys, component: search.SearchScreen },
  stats: { title: "Stats", keys: stats.keys, component: stats.StatsScreen },
  help: { title: "Help", keys: help.keys, component: help.HelpScreen },
};
