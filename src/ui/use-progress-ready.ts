import { useEffect, useState } from "react";
import type { ProgressPort } from "../store/index.js";

/** True once the progress store behind `progress` is open (at once for a port that is not lazy). */
export function useProgressReady(progress: ProgressPort): boolean {
  const [ready, setReady] = useState(() => progress.ready === undefined || progress.study !== undefined);
  useEffect(() => {
    let live = true;
    void progress.ready?.then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [progress]);
  return ready;
}
