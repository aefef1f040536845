// Where the learner's progress lives: --data-dir, else CLOUDTRAIL_TUTOR_DATA, else the platform's
// data directory (env-paths: ~/.local/share/cloudtrail-tutor on Linux).
import envPaths from "env-paths";

export function defaultDataDir(): string {
  return envPaths("cloudtrail-tutor", { suffix: "" }).data;
}

export function defaultCacheDir(): string {
  return envPaths("cloudtrail-tutor", { suffix: "" }).cache;
}

/** The progress database's file name inside the data directory. */
export const STORE_FILE = "progress.db";
