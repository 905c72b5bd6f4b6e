import {csvField} from "../shared/index.js";
import type {ProductionData} from "../inputs/index.js";
import type {Scores} from "./score.js";

export const scoresHeader = ["product_id", "date", "category", "brand", "price_tier", "actual_price", "prediction", "error", "abs_error", "imputed_features"];

/** A number at full precision (shortest round-trip form); empty for a missing one (an actual price, and so an error, not yet arrived). */
export function scoreNumber(x: number): string {
  return x === x ? String(x) : "";
}

/** One scored row per input row, in input order; numbers at full precision (shortest round-trip form). */
export function formatScoresCsv(data: ProductionData, scores: Scores, from = 0): string {
  const lines: string[] = [];
  for (let i = 0; i < scores.prediction.length; ++i) {
    const r = from + i;
    lines.push(
      [data.productId[r], data.date[r], data.category[r], data.brand[r], data.priceTier[r]].map(csvField).join(",") +
        `,${scoreNumber(data.actualPrice[r])},${scores.prediction[i]},${scoreNumber(scores.error[i])},${scoreNumber(scores.absError[i])},${scores.imputed[i]}`,
    );
  }
  return lines.join("\n") + "\n";
}
