// Damaged, hostile and random input: always a typed RdsError with an offset and
// a plain reason; never a hang, a crash, a stack overflow or a giant allocation.
import {readdirSync} from "node:fs";
import {gzipSync} from "fflate";
import {describe as suite, expect, it} from "vitest";
import {
  decompress,
  decompressSync,
  describe,
  parseRds,
  RdsError,
  readRds,
  readRdsSync,
  DEFAULT_MAX_DEPTH,
} from "../../loaders/rds/index.js";
import {bytes, extraDir, vectorsDir} from "../builders/rds-fixtures.js";
import {XdrBuilder} from "../builders/rds-stream.js";
import {mulberry32} from "../builders/random.js";

function rdsError(f: () => unknown): RdsError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RdsError);
    return e as RdsError;
  }
  throw new Error("expected an RdsError, but the input was read");
}

async function rdsErrorAsync(f: () => Promise<unknown>): Promise<RdsError> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(RdsError);
    return e as RdsError;
  }
  throw new Error("expected an RdsError, but the input was read");
}

/** Uncompressed streams of every vector and extra fixture: the fuzzing corpus. */
const corpus: Uint8Array[] = [
  ...readdirSync(vectorsDir)
    .filter((f) => f.endsWith(".none_v2.rds"))
    .map((f) => bytes(`${vectorsDir}${f}`)),
  ...readdirSync(extraDir)
    .filter((f) => /\.(xdr_v3|native_v3|ascii_v3)\.rds$/.test(f))
    .map((f) => bytes(`${extraDir}${f}`)),
];

suite("errors say where and why", () => {
  it("carries the offset and the reason", () => {
    const e = rdsError(() => parseRds(new XdrBuilder().flags(14).int(3).double(1).bytes()));
    expect(e.offset).toBeGreaterThan(0);
    expect(e.reason).toMatch(/ends before/);
    expect(e.message).toBe(`${e.reason} (at byte ${e.offset})`);
    expect(e.message).not.toMatch(/\n/);
  });

  it("rejects what is not an R serialization", () => {
    expect(rdsError(() => parseRds(new TextEncoder().encode("hello, world"))).reason).toMatch(/not an R serialization/);
    expect(rdsError(() => parseRds(new Uint8Array(0))).reason).toMatch(/too short/);
    expect(rdsError(() => parseRds(new XdrBuilder().bytes().map((b, i) => (i === 5 ? 9 : b)))).reason).toMatch(/version/);
  });

  it("fails on every truncation of a valid stream", () => {
    for (const file of ["data_frame.none_v2.rds", "dgCMatrix.none_v2.rds", "closure.none_v2.rds"]) {
      const full = bytes(`${vectorsDir}${file}`);
      for (let n = 0; n < full.length; n++) {
        const e = rdsError(() => parseRds(full.subarray(0, n)));
        expect(e.offset).toBeLessThanOrEqual(n);
      }
    }
  });

  it("reads multi-member gzip and notices a cut in its last trailer", () => {
    const raw = bytes(`${vectorsDir}data_frame.none_v2.rds`);
    const multi = Uint8Array.from([...gzipSync(raw.subarray(0, 50)), ...gzipSync(raw.subarray(50))]);
    expect(describe(readRdsSync(multi))).toStrictEqual(describe(parseRds(raw)));
    expect(rdsError(() => readRdsSync(multi.subarray(0, multi.length - 1))).reason).toBe("gzip data is truncated");
  });

  it("fails on truncated and corrupted compressed files", async () => {
    for (const kind of ["gzip_v3", "bzip2_v3", "xz_v3"]) {
      const full = bytes(`${vectorsDir}data_frame.${kind}.rds`);
      for (const n of [3, 10, Math.floor(full.length / 2), full.length - 1]) {
        await rdsErrorAsync(() => readRds(full.subarray(0, n)));
      }
      const corrupt = full.slice();
      for (let i = 12; i < corrupt.length - 8; i += 7) corrupt[i] ^= 0x5a;
      await rdsErrorAsync(() => readRds(corrupt));
    }
  });
});

suite("lengths are checked before anything is allocated", () => {
  it("refuses a double vector claiming 2^40 elements", () => {
    // Long-vector length: -1, then upper and lower words.
    const stream = new XdrBuilder().flags(14).int(-1).int(256).int(0).double(1).bytes();
    const e = rdsError(() => parseRds(stream));
    expect(e.reason).toMatch(/8796093022208 bytes needed/);
  });

  it("refuses huge lists, strings, character and raw vectors", () => {
    expect(rdsError(() => parseRds(new XdrBuilder().flags(19).int(2 ** 31 - 1).nil().bytes())).reason).toMatch(/ends before/);
    expect(rdsError(() => parseRds(new XdrBuilder().flags(16).int(1e9).bytes())).reason).toMatch(/ends before/);
    expect(rdsError(() => parseRds(new XdrBuilder().flags(24).int(2e9).bytes())).reason).toMatch(/ends before/);
    expect(rdsError(() => parseRds(new XdrBuilder().flags(16).int(1).flags(9).int(2e9).bytes())).reason).toMatch(/ends before/);
    expect(rdsError(() => parseRds(new XdrBuilder().flags(14).int(-1).int(70000).int(0).bytes())).reason).toMatch(/upper part/);
    expect(rdsError(() => parseRds(new XdrBuilder().flags(14).int(-5).bytes())).reason).toMatch(/negative/);
  });

  it("reads a short vector written with the long-length encoding", () => {
    const v = parseRds(new XdrBuilder().flags(13).int(-1).int(0).int(2).int(7).int(8).bytes());
    expect(v.type === "integer" && Array.from(v.values)).toEqual([7, 8]);
  });

  it("caps the expansion of a compact sequence", () => {
    // ALTREP compact_intseq claiming 2^40 elements: info pairlist (class, package, type), state, attributes.
    const b = new XdrBuilder()
      .flags(238)
      .flags(2).symbol("compact_intseq").flags(2).symbol("base").flags(2).flags(13).int(1).int(13).nil()
      .flags(14).int(3).double(2 ** 40).double(1).double(1)
      .nil();
    expect(rdsError(() => parseRds(b.bytes())).reason).toMatch(/limit/);
    const small = new XdrBuilder()
      .flags(238)
      .flags(2).symbol("compact_intseq").flags(2).symbol("base").flags(2).flags(13).int(1).int(13).nil()
      .flags(14).int(3).double(4).double(10).double(-1)
      .nil();
    const v = parseRds(small.bytes());
    expect(v.type === "integer" && Array.from(v.values)).toEqual([10, 9, 8, 7]);
  });

  it("caps decompressed output", async () => {
    const bomb = gzipSync(new Uint8Array(4 * 1024 * 1024));
    expect(rdsError(() => decompressSync(bomb, {maxBytes: 1024 * 1024})).reason).toMatch(/limit/);
    await rdsErrorAsync(() => decompress(bytes(`${vectorsDir}long_character.xz_v3.rds`), {maxBytes: 1000}));
    expect(rdsError(() => readRdsSync(bytes(`${vectorsDir}long_character.bzip2_v3.rds`), {maxBytes: 1000})).reason).toMatch(/limit/);
  });
});

suite("references and types are checked", () => {
  it("rejects a reference to an object not read yet", () => {
    expect(rdsError(() => parseRds(new XdrBuilder().int(255 | (3 << 8)).bytes())).reason).toMatch(/reference to object #3/);
    expect(rdsError(() => parseRds(new XdrBuilder().int(255).int(0).bytes())).reason).toMatch(/reference/);
  });

  it("rejects unknown types and R's unreadable class references", () => {
    expect(rdsError(() => parseRds(new XdrBuilder().flags(99).bytes())).reason).toMatch(/unknown object type 99/);
    expect(rdsError(() => parseRds(new XdrBuilder().flags(246).bytes())).reason).toMatch(/class reference/);
    expect(rdsError(() => parseRds(new XdrBuilder().flags(240).bytes())).reason).toMatch(/bytecode/);
  });

  it("rejects an ALTREP class it does not know, naming it", () => {
    const b = new XdrBuilder()
      .flags(238)
      .flags(2).symbol("vroom_dbl").flags(2).symbol("vroom").flags(2).flags(13).int(1).int(14).nil()
      .nil()
      .nil();
    expect(rdsError(() => parseRds(b.bytes())).reason).toMatch(/"vroom_dbl"/);
  });
});

suite("nesting", () => {
  const nestedLists = (depth: number): Uint8Array => {
    const b = new XdrBuilder();
    for (let i = 0; i < depth; i++) b.flags(19).int(1);
    return b.nil().bytes();
  };

  it(`reads ${DEFAULT_MAX_DEPTH} levels and refuses deeper input with an RdsError, not a stack overflow`, () => {
    expect(parseRds(nestedLists(DEFAULT_MAX_DEPTH)).type).toBe("list");
    expect(rdsError(() => parseRds(nestedLists(DEFAULT_MAX_DEPTH + 1))).reason).toMatch(/nested more than/);
    expect(rdsError(() => parseRds(nestedLists(200_000))).reason).toMatch(/nested more than/);
  });

  it("reads a pairlist of 50,000 cells without using depth", () => {
    const b = new XdrBuilder();
    for (let i = 0; i < 50_000; i++) b.flags(2, {tag: true}).symbol(`x${i % 10}`).flags(13).int(1).int(i);
    const v = parseRds(b.nil().bytes());
    expect(v.type === "pairlist" && v.values.length).toBe(50_000);
  });
});

const INTERESTING = [0, -1, 1, 2 ** 31 - 1, -(2 ** 31), 65536, 2 ** 24, 255, 254, 238, 19, 16, 9, 0x7ff00000];

function mutate(src: Uint8Array, rand: () => number, donors: Uint8Array[]): Uint8Array {
  const int = (n: number): number => Math.floor(rand() * n);
  let out = src.slice();
  const steps = 1 + int(4);
  for (let s = 0; s < steps; s++) {
    const at = int(Math.max(1, out.length));
    switch (int(7)) {
      case 0: // bit flips
        out[at] ^= 1 << int(8);
        break;
      case 1: // random byte
        out[at] = int(256);
        break;
      case 2: // truncation
        out = out.slice(0, at);
        break;
      case 3: {
        // insertion of random bytes
        const ins = Uint8Array.from({length: 1 + int(8)}, () => int(256));
        out = Uint8Array.from([...out.subarray(0, at), ...ins, ...out.subarray(at)]);
        break;
      }
      case 4: // deletion
        out = Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + 1 + int(16))]);
        break;
      case 5: {
        // an interesting int32 on a word boundary
        const pos = at - (at % 4);
        if (pos + 4 <= out.length) new DataView(out.buffer).setInt32(pos, INTERESTING[int(INTERESTING.length)], false);
        break;
      }
      default: {
        // splice in a piece of another file
        const d = donors[int(donors.length)];
        const from = int(d.length);
        out = Uint8Array.from([...out.subarray(0, at), ...d.subarray(from, from + 1 + int(64)), ...out.subarray(at)]);
      }
    }
  }
  return out;
}

suite("fuzz: mutated files parse or fail with an RdsError", () => {
  const options = {maxAltrepLength: 100_000};

  it("5,000 mutated uncompressed streams and 1,000 random inputs", () => {
    const rand = mulberry32(20240601);
    const failures: string[] = [];
    const started = performance.now();
    let parsed = 0;
    const attempt = (input: Uint8Array, label: string): void => {
      try {
        describe(parseRds(input, options));
        parsed++;
      } catch (e) {
        if (!(e instanceof RdsError)) failures.push(`${label}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      }
    };
    for (let i = 0; i < 5000; i++) {
      const src = corpus[i % corpus.length];
      attempt(mutate(src, rand, corpus), `mutation ${i}`);
    }
    for (let i = 0; i < 1000; i++) {
      const header = corpus[i % corpus.length].subarray(0, 2 + (i % 20));
      const noise = Uint8Array.from({length: Math.floor(rand() * 200)}, () => Math.floor(rand() * 256));
      attempt(Uint8Array.from([...header, ...noise]), `random ${i}`);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`fuzz: 6000 inputs in ${seconds.toFixed(2)} s, ${parsed} parsed, the rest RdsError`);
    expect(failures).toEqual([]);
    expect(seconds).toBeLessThan(20);
  });

  it("600 mutated gzip and bzip2 files and 60 xz files", async () => {
    const rand = mulberry32(7);
    const compressed = readdirSync(vectorsDir).filter((f) => /\.(gzip|bzip2)_v3\.rds$/.test(f)).map((f) => bytes(`${vectorsDir}${f}`));
    const xz = readdirSync(vectorsDir).filter((f) => f.endsWith(".xz_v3.rds")).map((f) => bytes(`${vectorsDir}${f}`));
    const failures: string[] = [];
    for (let i = 0; i < 600; i++) {
      try {
        readRdsSync(mutate(compressed[i % compressed.length], rand, compressed), options);
      } catch (e) {
        if (!(e instanceof RdsError)) failures.push(`compressed ${i}: ${String(e)}`);
      }
    }
    for (let i = 0; i < 60; i++) {
      try {
        await readRds(mutate(xz[i % xz.length], rand, xz), options);
      } catch (e) {
        if (!(e instanceof RdsError)) failures.push(`xz ${i}: ${String(e)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
