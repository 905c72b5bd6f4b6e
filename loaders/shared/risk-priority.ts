/**
 * The risk matrix's scale and priority rule, shared by the risk table (which
 * scores each risk) and the Risk page (which colours and names each cell), so
 * the two cannot disagree.
 */
export const ratings = ["low", "medium", "high"] as const;
export type Rating = (typeof ratings)[number];

/** Low 1, medium 2, high 3: a risk's score is likelihood × impact, 1–9. */
export const ratingValue: Record<Rating, number> = {low: 1, medium: 2, high: 3};

export function riskScore(likelihood: Rating, impact: Rating): number {
  return ratingValue[likelihood] * ratingValue[impact];
}

/** Priority of a cell from its score (1–9): 6 and up high, 3–4 medium, below low. */
export function priority(score: number): Rating {
  return score >= 6 ? "high" : score >= 3 ? "medium" : "low";
}
