/**
 * Plain decimals read straight from bytes, bit-identical to `Number(text)`.
 *
 * Clinger's fast path: when the decimal's digits, read as an integer m, stay
 * below 2^53 and its power of ten 10^|e| has |e| ≤ 22, both are exact
 * doubles, so the one IEEE multiplication or division m·10^e is the correctly
 * rounded value of the decimal, which is what Number() returns. Anything else (more digits, larger exponents, any other syntax)
 * is declined and left to `Number()`.
 */
const pow10 = Float64Array.from({length: 23}, (_, i) => 10 ** i);
/**
 * Below 2^53 every integer is exact, and so was every step of the digit loop
 * that built it (the steps only grow; a rounded step would leave m ≥ 2^53).
 */
const maxMantissa = 2 ** 53;
const maxScale = 22;

/** Where the last `readDecimal` stopped: the index after its last byte. */
export const decimalEnd = {at: 0};

/**
 * Reads `[+-]digits[.digits][(e|E)[+-]digits]` starting at `p` and returns its
 * value, setting `decimalEnd.at` past it; returns NaN when the text there is
 * not such a decimal or lies outside the exact fast path. The caller checks
 * what follows (a field separator), so "12x" is not taken for 12.
 */
export function readDecimal(buf: Uint8Array, p: number): number {
  let c = buf[p];
  let negative = false;
  if (c === 45 || c === 43) {
    negative = c === 45;
    c = buf[++p];
  }
  let mantissa = 0;
  const integerStart = p;
  while (c >= 48 && c <= 57) {
    mantissa = mantissa * 10 + (c - 48);
    c = buf[++p];
  }
  let digits = p - integerStart;
  let scale = 0;
  if (c === 46) {
    const fractionStart = ++p;
    c = buf[p];
    while (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      c = buf[++p];
    }
    scale = fractionStart - p;
    digits -= scale;
  }
  if (digits === 0 || mantissa >= maxMantissa) return NaN;
  if (c === 101 || c === 69) {
    c = buf[++p];
    let exponentNegative = false;
    if (c === 45 || c === 43) {
      exponentNegative = c === 45;
      c = buf[++p];
    }
    const exponentStart = p;
    let exponent = 0;
    while (c >= 48 && c <= 57) {
      exponent = exponent * 10 + (c - 48);
      c = buf[++p];
    }
    if (p === exponentStart || p - exponentStart > 4) return NaN;
    scale += exponentNegative ? -exponent : exponent;
  }
  decimalEnd.at = p;
  let value: number;
  if (scale === 0 || mantissa === 0) value = mantissa;
  else if (scale < 0 && scale >= -maxScale) value = mantissa / pow10[-scale];
  else if (scale > 0 && scale <= maxScale) value = mantissa * pow10[scale];
  else return NaN;
  return negative ? -value : value;
}
