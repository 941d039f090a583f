import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellKeyOf, RECORD_KEY_MODULUS, recordKeyFromHash, referenceRecordKey } from "./record-key";

/**
 * Node's own UTF-8 encoder, to hold the domain's to. The domain compiles without Node's types
 * (it runs anywhere), so the one global this test needs is declared here.
 */
declare const Buffer: { from(text: string, encoding: "utf8"): Uint8Array };

/** The first four bytes as an unsigned big-endian integer, missing bytes 0, top bit dropped. */
function firstFourBytes(hash: Uint8Array): number {
  const padded = new Uint8Array(4);
  padded.set(hash.subarray(0, 4));
  return new DataView(padded.buffer).getUint32(0, false) % RECORD_KEY_MODULUS;
}

const arbRecordKey = fc.integer({ min: 0, max: RECORD_KEY_MODULUS - 1 });

/**
 * A character of one, two, three or four UTF-8 bytes alike often; no lone surrogate, which a
 * ref never holds. (fast-check's own `binary` unit takes seconds to set up.)
 */
const arbCharacter = fc
  .oneof(
    fc.integer({ min: 0, max: 0x7f }),
    fc.integer({ min: 0x80, max: 0x7ff }),
    fc.integer({ min: 0x800, max: 0xffff }).filter((c) => c < 0xd800 || c > 0xdfff),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
  )
  .map((codePoint) => String.fromCodePoint(codePoint));

describe("recordKeyFromHash", () => {
  it("reads the first four bytes big-endian without the top bit", () => {
    expect(recordKeyFromHash(Uint8Array.from([0x12, 0x34, 0x56, 0x78]))).toBe(0x12345678);
    expect(recordKeyFromHash(Uint8Array.from([0xff, 0xff, 0xff, 0xff]))).toBe(2 ** 31 - 1);
    expect(recordKeyFromHash(Uint8Array.from([0x80, 0, 0, 1]))).toBe(1);
    expect(recordKeyFromHash(Uint8Array.from([0x12, 0x34, 0x56, 0x78, 0x9a]))).toBe(0x12345678);
  });

  it("counts missing bytes as 0", () => {
    expect(recordKeyFromHash(Uint8Array.from([]))).toBe(0);
    expect(recordKeyFromHash(Uint8Array.from([0x12]))).toBe(0x12000000);
    expect(recordKeyFromHash(Uint8Array.from([0x12, 0x34, 0x56]))).toBe(0x12345600);
  });

  it("is an integer in [0, 2³¹) equal to the first four bytes read as a number", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (hash) => {
        const key = recordKeyFromHash(hash);
        expect(Number.isInteger(key)).toBe(true);
        expect(key).toBeGreaterThanOrEqual(0);
        expect(key).toBeLessThan(RECORD_KEY_MODULUS);
        expect(key).toBe(firstFourBytes(hash));
      }),
    );
  });
});

describe("cellKeyOf", () => {
  it("is the sum of the record keys modulo 2³¹, 0 for no cases", () => {
    expect(cellKeyOf([])).toBe(0);
    expect(cellKeyOf([2 ** 31 - 1, 1])).toBe(0);
    fc.assert(
      fc.property(fc.array(arbRecordKey, { maxLength: 200 }), (keys) => {
        const exact = keys.reduce((sum, key) => sum + BigInt(key), 0n);
        expect(cellKeyOf(keys)).toBe(Number(exact % BigInt(RECORD_KEY_MODULUS)));
      }),
    );
  });

  it("does not depend on the order of the cases, and adds up over disjoint sets", () => {
    const arbReordered = fc
      .array(arbRecordKey, { maxLength: 60 })
      .chain((keys) =>
        fc.tuple(
          fc.constant(keys),
          fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }),
        ),
      );
    fc.assert(
      fc.property(
        arbReordered,
        fc.array(arbRecordKey, { maxLength: 60 }),
        ([keys, reordered], more) => {
          expect(cellKeyOf(reordered)).toBe(cellKeyOf(keys));
          expect(cellKeyOf([...more, ...keys])).toBe(
            (cellKeyOf(keys) + cellKeyOf(more)) % RECORD_KEY_MODULUS,
          );
        },
      ),
    );
  });

  it("takes any iterable", () => {
    expect(cellKeyOf(new Set([1, 2, 3]))).toBe(6);
  });
});

describe("referenceRecordKey", () => {
  it("reads the key from the ref's UTF-8 bytes, as Node encodes them", () => {
    fc.assert(
      fc.property(fc.string({ unit: arbCharacter, maxLength: 8 }), (ref) => {
        expect(referenceRecordKey(ref)).toBe(recordKeyFromHash(Buffer.from(ref, "utf8")));
      }),
    );
  });

  it("encodes two-, three- and four-byte characters", () => {
    for (const ref of ["å", "åäö-1", "€uro", "😀", "a😀", "ab€"]) {
      expect(referenceRecordKey(ref)).toBe(recordKeyFromHash(Buffer.from(ref, "utf8")));
    }
    expect(referenceRecordKey("case-1")).toBe(0x63617365);
  });
});
