/**
 * R's conversion of numbers to strings as done when a "deferred string"
 * ALTREP vector (the lazy result of as.character() on numbers) is expanded:
 * integers print with %d; doubles go through formatReal() with 15 significant
 * digits and the saved `scipen`, then EncodeRealDrop0. Only the single-value
 * case matters here, because each element is formatted on its own.
 */

// R's table of exact powers of ten (long double on the platforms R ships for).
const KP_MAX = 27;

/** as.character() of one integer (NA handled by the caller). */
export function formatIntegerR(x: number): string {
  return String(x);
}

/** as.character() of one finite-or-special double (NA_real_ handled by the caller). */
export function formatRealR(x: number, scipen: number, outDec = "."): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Inf";
  if (x === -Infinity) return "-Inf";
  // R prints no signed zero.
  if (x === 0) return "0";

  const digits = 15;
  const neg = x < 0 ? 1 : 0;
  const r = Math.abs(x);
  // The 15-significant-digit rounding R's scientific() performs.
  const exp = r.toExponential(digits - 1);
  const [mantissa, exponent] = exp.split("e");
  const kpower = Number(exponent);
  const sig = mantissa.replace(".", "").replace(/0+$/, "");
  const nsig = Math.max(1, sig.length);
  // Scientific rounding may reach the next power of ten where fixed notation
  // would not (R's roundingwidens, with its fuzz of half a unit in the last place).
  const cut = Math.min(Math.max(digits - kpower, 0), KP_MAX);
  const fuzz = 0.5 / 10 ** cut;
  const roundingWidens = kpower > 0 && kpower <= KP_MAX && r < 10 ** kpower - fuzz;

  let left = kpower + 1;
  if (roundingWidens) left--;
  const sleft = neg + (left <= 0 ? 1 : left);
  const right = nsig - left;
  const mxsl = left < 0 ? 1 + neg : sleft;
  const rgt = Math.max(0, right);
  const wF = mxsl + rgt + (rgt !== 0 ? 1 : 0);

  const e = left > 100 || left <= -99 ? 2 : 1;
  const d = nsig - 1;
  const wE = neg + (d > 0 ? 1 : 0) + d + 4 + e;

  const text = wF <= wE + scipen ? fixed(x, rgt) : scientific(x, d);
  return outDec === "." ? text : text.replace(".", outDec);
}

function fixed(x: number, decimals: number): string {
  // toFixed switches to exponent notation from 1e21 on; such doubles are integers.
  const s = Math.abs(x) >= 1e21 ? BigInt(x).toString() : x.toFixed(decimals);
  return dropTrailingZeros(s);
}

function scientific(x: number, decimals: number): string {
  const [m, ex] = x.toExponential(decimals).split("e");
  const sign = ex.startsWith("-") ? "-" : "+";
  const digits = ex.replace(/^[+-]/, "").padStart(2, "0");
  return `${dropTrailingZeros(m)}e${sign}${digits}`;
}

function dropTrailingZeros(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}
