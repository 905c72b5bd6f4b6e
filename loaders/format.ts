// Sentences use the pages' number formats (see src/components/format.ts for why they live there).
export {usd, pct, signedPct, int, num, list, signedUsd, signedNum, fixed} from "../src/components/format.js";
