/**
 * SPEC "Privacy and disclosure control", `cellkey`: every case has a record key, a uniform number
 * in [0, 1) derived from its keyed ref hash, and a count's cell key is the fractional part of the
 * sum of its cases' record keys. Both are kept as integers in [0, 2³¹), fractions of
 * `RECORD_KEY_MODULUS`: exact in JavaScript and in an SQL `integer`, and a sum of a million of
 * them stays far inside a `bigint`.
 */
export const RECORD_KEY_MODULUS = 2 ** 31;

/**
 * A case's record key: the first four bytes of its keyed ref hash, big-endian, without the top
 * bit (missing bytes count as 0). The hash is HMAC-SHA-256 with the installation's secret, so the
 * keys are uniform, stable across imports and unknown to anyone without the secret. The SQL in
 * packages/db derives the same number from `cases.ref_hash`.
 */
export function recordKeyFromHash(hash: Uint8Array): number {
  const byte = (i: number) => hash[i] ?? 0;
  return ((byte(0) << 24) | (byte(1) << 16) | (byte(2) << 8) | byte(3)) & 0x7fffffff;
}

/** The cell key of a set of cases: the sum of their record keys, modulo `RECORD_KEY_MODULUS`. */
export function cellKeyOf(recordKeys: Iterable<number>): number {
  let key = 0;
  for (const recordKey of recordKeys) key = (key + recordKey) % RECORD_KEY_MODULUS;
  return key;
}

/**
 * The record key the reference metrics give a case: as if its ref were its stored hash (the
 * database tests store a ref's bytes as its hash, so that the reference and the SQL see the same
 * bytes). The application never has a ref here: it derives the key from the keyed hash.
 */
export function referenceRecordKey(ref: string): number {
  return recordKeyFromHash(utf8(ref));
}

/** The UTF-8 bytes of a text (the domain runs without Node's or the browser's TextEncoder). */
function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    // A lone surrogate is written as U+FFFD, as Node's Buffer and TextEncoder write it.
    const c = point >= 0xd800 && point <= 0xdfff ? 0xfffd : point;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      bytes.push(
        0xf0 | (c >> 18),
        0x80 | ((c >> 12) & 63),
        0x80 | ((c >> 6) & 63),
        0x80 | (c & 63),
      );
  }
  return Uint8Array.from(bytes);
}
