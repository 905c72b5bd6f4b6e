/**
 * SEXP type codes and flag layout of R's serialization format, as defined in
 * R's src/main/serialize.c and Rinternals.h.
 */

export const NILSXP = 0;
export const SYMSXP = 1;
export const LISTSXP = 2;
export const CLOSXP = 3;
export const ENVSXP = 4;
export const PROMSXP = 5;
export const LANGSXP = 6;
export const SPECIALSXP = 7;
export const BUILTINSXP = 8;
export const CHARSXP = 9;
export const LGLSXP = 10;
export const INTSXP = 13;
export const REALSXP = 14;
export const CPLXSXP = 15;
export const STRSXP = 16;
export const DOTSXP = 17;
export const ANYSXP = 18;
export const VECSXP = 19;
export const EXPRSXP = 20;
export const BCODESXP = 21;
export const EXTPTRSXP = 22;
export const WEAKREFSXP = 23;
export const RAWSXP = 24;
export const S4SXP = 25;

// Pseudo-types that exist only in the serialized stream.
export const REFSXP = 255;
export const NILVALUE_SXP = 254;
export const GLOBALENV_SXP = 253;
export const UNBOUNDVALUE_SXP = 252;
export const MISSINGARG_SXP = 251;
export const BASENAMESPACE_SXP = 250;
export const NAMESPACESXP = 249;
export const PACKAGESXP = 248;
export const PERSISTSXP = 247;
export const CLASSREFSXP = 246;
export const GENERICREFSXP = 245;
export const BCREPDEF = 244;
export const BCREPREF = 243;
export const EMPTYENV_SXP = 242;
export const BASEENV_SXP = 241;
export const ATTRLANGSXP = 240;
export const ATTRLISTSXP = 239;
export const ALTREP_SXP = 238;

// Flag word layout: type in the low byte, then object/attribute/tag bits, then the "levels" (gp) bits.
export const IS_OBJECT_BIT = 1 << 8;
export const HAS_ATTR_BIT = 1 << 9;
export const HAS_TAG_BIT = 1 << 10;

// CHARSXP encoding bits within the levels.
export const BYTES_MASK = 1 << 1;
export const LATIN1_MASK = 1 << 2;
export const UTF8_MASK = 1 << 3;
export const ASCII_MASK = 1 << 6;

export interface Flags {
  type: number;
  levels: number;
  isObject: boolean;
  hasAttr: boolean;
  hasTag: boolean;
}

export function unpackFlags(flags: number): Flags {
  return {
    type: flags & 0xff,
    levels: flags >>> 12,
    isObject: (flags & IS_OBJECT_BIT) !== 0,
    hasAttr: (flags & HAS_ATTR_BIT) !== 0,
    hasTag: (flags & HAS_TAG_BIT) !== 0,
  };
}
