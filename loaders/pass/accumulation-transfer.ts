import type {Accumulation, DaySums, GroupSums} from "../daily/index.js";
import {dimensions, type Dimension} from "../inputs/index.js";

/**
 * An Accumulation in a form that crosses threads cheaply: each group's
 * absolute errors as a Float64Array whose buffer is transferred (moved, not
 * copied), everything else small plain data.
 */
export interface PackedGroup extends Omit<GroupSums, "absErrors"> {
  absErrors: Float64Array;
}

export interface PackedAccumulation {
  rows: number;
  overall: PackedGroup;
  segments: Record<Dimension, [string, PackedGroup][]>;
  days: [string, PackedGroup & Pick<DaySums, "features">][];
  byImputed: Accumulation["byImputed"];
  features: Accumulation["features"];
}

export function packAccumulation(acc: Accumulation): {packed: PackedAccumulation; transfer: ArrayBuffer[]} {
  const transfer: ArrayBuffer[] = [];
  const pack = <G extends GroupSums>(g: G): Omit<G, "absErrors"> & {absErrors: Float64Array} => {
    const absErrors = Float64Array.from(g.absErrors);
    transfer.push(absErrors.buffer);
    return {...g, absErrors};
  };
  const segments = {} as PackedAccumulation["segments"];
  for (const d of dimensions) segments[d] = [...acc.segments[d]].map(([key, g]) => [key, pack(g)]);
  return {
    packed: {
      rows: acc.rows,
      overall: pack(acc.overall),
      segments,
      days: [...acc.days].map(([key, g]) => [key, pack(g)]),
      byImputed: acc.byImputed,
      features: acc.features,
    },
    transfer,
  };
}

export function unpackAccumulation(packed: PackedAccumulation): Accumulation {
  const unpack = <G extends PackedGroup>(g: G): Omit<G, "absErrors"> & {absErrors: number[]} => ({...g, absErrors: toArray(g.absErrors)});
  const segments = {} as Accumulation["segments"];
  for (const d of dimensions) segments[d] = new Map(packed.segments[d].map(([key, g]) => [key, unpack(g)]));
  return {
    rows: packed.rows,
    overall: unpack(packed.overall),
    segments,
    days: new Map(packed.days.map(([key, g]) => [key, unpack(g)])),
    byImputed: packed.byImputed,
    features: packed.features,
  };
}

/** A plain array of doubles (Array.from on a typed array goes through the iterator: five times slower). */
function toArray(values: Float64Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; ++i) out[i] = values[i];
  return out;
}
