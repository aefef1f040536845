// Why a progress store could not be used, in words a learner can act on. The file is never
// overwritten or deleted because of any of these.
export type StoreProblem = "corrupt" | "newer" | "readonly" | "locked" | "unavailable";

export class StoreError extends Error {
  constructor(
    readonly problem: StoreProblem,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}
