/**
 * ALTREP objects in a version-3 stream are written as (class info, state,
 * attributes); R rebuilds them with the class's unserialize method. We expand
 * the classes base R writes into ordinary vectors, keeping their attributes:
 *
 * - compact_intseq / compact_realseq: state c(n, first, increment) -> the sequence;
 * - wrap_*: state is a pair (wrapped vector, metadata) -> the wrapped vector;
 * - deferred_string: state is a pair (numbers, scipen) -> as.character(numbers).
 *
 * References: R's src/main/altclasses.c, and the ALTREP handling of the
 * pure-Python `rdata` and C++ `rds2cpp` readers.
 */
import {formatIntegerR, formatRealR} from "./format-real.js";
import {NA_INTEGER, isNAReal, length, type Attributes, type RValue} from "./value.js";

export interface AltrepContext {
  /** Most elements a compact sequence may expand to. */
  maxLength: number;
  fail(reason: string): never;
}

export function expandAltrep(info: RValue, state: RValue, attributes: Attributes, ctx: AltrepContext): RValue {
  const cls = altrepClass(info, ctx);
  switch (cls) {
    case "compact_intseq":
      return compactSequence(state, "integer", attributes, ctx);
    case "compact_realseq":
      return compactSequence(state, "double", attributes, ctx);
    case "deferred_string":
      return deferredString(state, attributes, ctx);
    case "wrap_integer":
    case "wrap_logical":
    case "wrap_real":
    case "wrap_complex":
    case "wrap_raw":
    case "wrap_string":
    case "wrap_list":
      return wrapped(state, attributes, ctx);
    default:
      return ctx.fail(`unsupported ALTREP class "${cls}" (only base R's compact, wrapper and deferred-string classes can be read)`);
  }
}

function altrepClass(info: RValue, ctx: AltrepContext): string {
  if (info.type === "pairlist" && info.values.length >= 1 && info.values[0].type === "symbol") {
    return info.values[0].name;
  }
  return ctx.fail("an ALTREP object has no class information");
}

function compactSequence(state: RValue, type: "integer" | "double", attributes: Attributes, ctx: AltrepContext): RValue {
  // R 3.5 stored the triple as integers, later versions as doubles.
  if ((state.type !== "double" && state.type !== "integer") || state.values.length !== 3) {
    return ctx.fail("a compact sequence has a malformed state");
  }
  const [n, first, step] = Array.from(state.values);
  if (!Number.isInteger(n) || n < 0) return ctx.fail("a compact sequence has an invalid length");
  if (n > ctx.maxLength) {
    return ctx.fail(`a compact sequence of ${n} elements is longer than the ${ctx.maxLength}-element limit`);
  }
  if (!Number.isFinite(first) || !Number.isFinite(step)) return ctx.fail("a compact sequence has an invalid start or step");
  if (type === "integer") {
    const last = first + (n - 1) * step;
    if (n > 0 && (last > 2147483647 || last <= NA_INTEGER)) return ctx.fail("a compact integer sequence leaves the integer range");
    const values = new Int32Array(n);
    for (let i = 0; i < n; i++) values[i] = first + i * step;
    return {type: "integer", values, attributes};
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = first + i * step;
  return {type: "double", values, attributes};
}

/** The CAR and CDR of a pair state, whether written as a dotted pair or a two-element pairlist. */
function pair(state: RValue, ctx: AltrepContext): [RValue, RValue | undefined] {
  if (state.type === "pairlist" && state.values.length >= 1) {
    return [state.values[0], state.tail ?? state.values[1]];
  }
  if (state.type === "list" && state.values.length >= 1) return [state.values[0], state.values[1]];
  return ctx.fail("an ALTREP object has a malformed state");
}

function wrapped(state: RValue, attributes: Attributes, ctx: AltrepContext): RValue {
  const [inner] = pair(state, ctx);
  // The wrapper's own attributes are the visible ones; the wrapped vector's are not.
  return {...inner, attributes} as RValue;
}

function deferredString(state: RValue, attributes: Attributes, ctx: AltrepContext): RValue {
  const [arg, info] = pair(state, ctx);
  const scipen = info !== undefined && (info.type === "integer" || info.type === "double") && info.values.length > 0 ? info.values[0] : 0;
  const outDecAttr = info?.attributes.get("OutDec");
  const outDec = outDecAttr?.type === "character" && outDecAttr.values[0] ? outDecAttr.values[0] : ".";
  if (arg.type === "integer") {
    const values = Array.from(arg.values, (x) => (x === NA_INTEGER ? null : formatIntegerR(x)));
    return {type: "character", values, attributes};
  }
  if (arg.type === "double") {
    const n = length(arg);
    const values: (string | null)[] = new Array(n);
    for (let i = 0; i < n; i++) values[i] = isNAReal(arg.values, i) ? null : formatRealR(arg.values[i], scipen, outDec);
    return {type: "character", values, attributes};
  }
  return ctx.fail("a deferred string has neither integers nor doubles to convert");
}
