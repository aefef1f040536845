// What `npm run bench` times in the bundle it builds with the CLI's own options and dependency
// patches (scripts/build-options.mjs): the screens as Ink draws them in the shipped CLI (the warm
// content load: bench/shipped-load.ts). Timing src/ through tsx instead would count tsx compiling
// each module on first import and leave out the bundle's patches of Ink and string-width.
export { render } from "ink-testing-library";
export { createElement } from "react";
export { App } from "../src/ui/App.js";
export { KIND_LABELS } from "../src/ui/screens/Search.js";
