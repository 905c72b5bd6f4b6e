// Sentences use the pages' number formats (see src/components/format.ts for why they live there).
export {usd, dollars, usdApprox, pct, signedPct, int, num, list, midSentence} from "../src/components/format.js";
