// Stream constructs the R-made fixtures do not contain, built by hand from
// serialize.c: persistent references, dotted pairs, bytecode with shared and
// attributed cells, CHARSXP attributes, latin1 native encoding, .RData headers.
import {describe as suite, expect, it} from "vitest";
import {parseRds, RdsError} from "../../loaders/rds/index.js";
import {XdrBuilder} from "../builders/rds-stream.js";

suite("pseudo-types", () => {
  it("reads PERSISTSXP and refers back to it", () => {
    const b = new XdrBuilder().flags(19).int(2).flags(247).int(0).int(1).char("hook-key").int(255 | (1 << 8));
    const v = parseRds(b.bytes());
    if (v.type !== "list") throw new Error("not a list");
    expect(v.values[0]).toMatchObject({type: "persistent", spec: ["hook-key"]});
    expect(v.values[1]).toBe(v.values[0]);
  });

  it("reads symbols once and shares them through the reference table", () => {
    const b = new XdrBuilder().flags(19).int(2).symbol("x").int(255 | (1 << 8));
    const v = parseRds(b.bytes());
    expect(v.type === "list" && v.values[1]).toBe(v.type === "list" && v.values[0]);
  });

  it("keeps a dotted pair's tail", () => {
    const b = new XdrBuilder().flags(2).flags(13).int(1).int(5).flags(14).int(1).double(2.5);
    const v = parseRds(b.bytes());
    expect(v).toMatchObject({type: "pairlist", values: [{type: "integer"}], tail: {type: "double"}});
  });

  it("reads a call whose argument cells are LANGSXP as one call", () => {
    const b = new XdrBuilder().flags(6).symbol("f").flags(6).flags(13).int(1).int(1).flags(6, {tag: true}).symbol("b").flags(13).int(1).int(2).nil();
    const v = parseRds(b.bytes());
    expect(v).toMatchObject({type: "language", tags: [null, null, "b"]});
    expect(v.type === "language" && v.values.length).toBe(3);
  });

  it("reads past bytecode with BCREPDEF, BCREPREF and ATTRLANGSXP cells", () => {
    const b = new XdrBuilder()
      .flags(3) // closure without environment tag
      .nil() // formals
      .flags(21) // body: BCODESXP
      .int(1) // one shared cell
      .flags(13).int(2).int(12).int(0) // code
      .int(3) // three constants
      .int(244).int(0).int(240) // BCREPDEF #0 as ATTRLANGSXP
      .flags(2, {tag: true}).symbol("srcref").flags(13).int(1).int(1).nil() // its attributes
      .nil() // tag
      .int(0).symbol("g") // CAR: not a cell, so a pad word and a whole item
      .int(0).nil() // CDR: likewise R_NilValue
      .int(243).int(0) // BCREPREF #0
      .int(14).flags(14).int(1).double(3); // a plain constant
    const v = parseRds(b.bytes());
    expect(v).toMatchObject({type: "closure", body: {type: "bytecode"}});
    const bad = new XdrBuilder().flags(21).int(1).flags(13).int(0).int(1).int(243).int(5);
    expect(() => parseRds(bad.bytes())).toThrow(RdsError);
  });

  it("drops attributes R stored on old CHARSXPs", () => {
    const b = new XdrBuilder().flags(16).int(1).flags(9, {attr: true, levels: 8}).int(1).raw(0x61).flags(2, {tag: true}).symbol("a").nil().nil();
    expect(parseRds(b.bytes())).toMatchObject({type: "character", values: ["a"]});
  });

  it("decodes unflagged strings with a latin1 native encoding", () => {
    const b = [0x58, 0x0a, ...word(3), ...word(0x040202), ...word(0x030500), ...word(6), ..."latin1".split("").map((c) => c.charCodeAt(0))];
    const body = new XdrBuilder().flags(16).int(1).flags(9).int(4).raw(0x63, 0x61, 0x66, 0xe9).bytes().subarray(23);
    expect(parseRds(Uint8Array.from([...b, ...body]))).toMatchObject({values: ["café"]});
  });

  it("reads the stream inside an .RData header", () => {
    const body = new XdrBuilder().flags(14).int(1).double(4).bytes();
    const rdata = Uint8Array.from([...new TextEncoder().encode("RDX3\n"), ...body]);
    expect(parseRds(rdata)).toMatchObject({type: "double"});
  });
});

function word(v: number): number[] {
  return [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
}
