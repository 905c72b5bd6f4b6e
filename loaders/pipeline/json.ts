/**
 * JSON.stringify turns NaN and ±Infinity into null without a word. A figure
 * that is not a number is a bug upstream, so writing one fails loudly instead;
 * figures that can be undefined are null by design before they get here.
 */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    function (key, v) {
      if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`non-finite number ${v} at "${key}" in output`);
      return v;
    },
    indent,
  );
}
