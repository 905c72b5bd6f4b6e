import type {ProductionData} from "./production.js";

/** The brief's segment dimensions (Part 1: category, price tier, brand). */
export const dimensions = ["category", "price_tier", "brand"] as const;
export type Dimension = (typeof dimensions)[number];

/** The column holding a row's segment in each dimension. */
export function segmentColumn(data: ProductionData, dimension: Dimension): string[] {
  switch (dimension) {
    case "category":
      return data.category;
    case "price_tier":
      return data.priceTier;
    case "brand":
      return data.brand;
  }
}

/** Row indexes of each distinct value of `column`, in order of first appearance. */
export function groupRows(column: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  column.forEach((key, i) => {
    const rows = groups.get(key);
    if (rows) rows.push(i);
    else groups.set(key, [i]);
  });
  return groups;
}
