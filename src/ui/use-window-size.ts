import { useStdout } from "ink";
import { useEffect, useState } from "react";

export interface Size {
  width: number;
  height: number;
}

/** The terminal's size in cells, updated on resize. Streams that do not know (pipes, tests) count as 80×24. */
export function useWindowSize(override?: Size): Size {
  const { stdout } = useStdout();
  const read = (): Size => ({ width: stdout.columns || 80, height: stdout.rows || 24 });
  const [size, setSize] = useState<Size>(read);
  useEffect(() => {
    if (override) return;
    const onResize = () => setSize(read());
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout, override]);
  return override ?? size;
}
