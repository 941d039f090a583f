import { type Locale, t } from "./messages";

/**
 * Finds Swedish personnummer and samordningsnummer anywhere in a text, so that no identifier is
 * ever stored (SPEC "Privacy"). Forms: YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC and the same with
 * the century (YYYYMMDD…). The check digit is Luhn over the ten digits without the century; a
 * samordningsnummer has 60 added to the day.
 *
 * People write the same number in many ways, and a number that reads as a personnummer to a
 * person must read as one here too. So the text is first read as screening reads it
 * (`readForScreening`): Unicode NFKC (fullwidth and mathematical digits), every decimal digit of
 * any script as its ASCII digit, invisible characters (zero-width space and joiners, word joiner,
 * byte order mark, soft hyphen, combining marks, controls) dropped. Then the digits are taken in
 * groups; groups joined only by separators (any space or line break, any dash, the minus sign, a
 * dot or a middle dot) are one number as a reader sees it, written in parts: CC YY MM DD NNNC in
 * any grouping that keeps those parts whole (`1912 12 12-1212`, `121212 1212`). A `+` separates
 * only the date from NNNC, as Skatteverket writes it for the 100-year-old.
 *
 * Digits that run on into a longer number are not a match: a 13-digit order number is not a
 * personnummer, nor is a phone number grouped 070-123 45 67 (its groups split a date part).
 */
export interface IdentifierHit {
  /**
   * Where the hit is in the text as given (UTF-16 units, like `String.slice`): from its first
   * digit to the end of its last, separators and invisible characters between included. The
   * hit itself is never returned or logged.
   */
  readonly index: number;
  readonly length: number;
  readonly kind: "personnummer" | "samordningsnummer";
}

export function screenIdentifiers(text: string): IdentifierHit[] {
  // Fast paths for the import's millions of short fields: no ten digits joined by separators
  // could be read from it; printable ASCII reads as itself.
  if (!mayHoldTenJoinedDigits(text)) return [];
  if (plainAscii.test(text)) return hitsIn(text);
  const hits = hitsIn(reading(text).text);
  if (hits.length === 0) return hits;
  const { from, to } = reading(text, { positions: true });
  return hits.map(({ index, length, kind }) => {
    const start = from[index] ?? index;
    return { index: start, length: (to[index + length - 1] ?? start) - start, kind };
  });
}

export function containsIdentifier(text: string): boolean {
  return screenIdentifiers(text).length > 0;
}

/**
 * The text as screening reads it: NFKC, every decimal digit as ASCII, invisible characters
 * removed; separators and everything else are kept. For tests and for explaining a hit.
 */
export function readForScreening(text: string): string {
  return reading(text).text;
}

/** Luhn over ten digits: weights 2,1,2,1,… from the left, the tenth digit is the check. */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    let d = tenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Longest request value an error message repeats: errors stay readable and cannot be misused. */
export const maxEchoLength = 64;

/**
 * A request value as an error message may repeat it: never when screening finds an identifier
 * in it (the error would carry the number to the client's logs and screens), and cut at
 * `maxEchoLength` characters.
 */
export function echoable(value: string, locale: Locale = "sv"): string {
  if (containsIdentifier(value)) return t("screening.valueWithheld", {}, locale);
  const chars = [...value];
  if (chars.length <= maxEchoLength) return value;
  return `${chars.slice(0, maxEchoLength - 1).join("")}…`;
}

const plainAscii = /^[\t\n\r\x20-\x7e]*$/;

/**
 * Characters a reader does not see: format characters (zero-width space, joiners, word joiner,
 * BOM, soft hyphen), combining marks, other default-ignorables and controls. Tab and line breaks
 * are controls too, but they do separate, so they are separators instead.
 */
const invisible = /^(?![\t-\r])[\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\p{Cc}]$/u;
const separators = "\\s\\p{Pd}\\u2212.\\u00b7";
const separatorRun = new RegExp(`^[${separators}]+$`, "u");
const plusRun = new RegExp(`^[${separators}]*\\+[${separators}]*$`, "u");
const decimalDigit = /^\p{Nd}$/u;

/** The read text, and for each of its UTF-16 units where its source character starts and ends. */
interface Reading {
  readonly text: string;
  readonly from: readonly number[];
  readonly to: readonly number[];
}

function reading(text: string, options = { positions: false }): Reading {
  let read = "";
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  for (const char of text) {
    const end = index + char.length;
    const r = readCharacter(char);
    read += r;
    if (options.positions) {
      for (let u = 0; u < r.length; u++) {
        from.push(index);
        to.push(end);
      }
    }
    index = end;
  }
  return { text: read, from, to };
}

/** One character as screening reads it; NFKC one at a time, so each knows its source. */
function readCharacter(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x80)
    return (code >= 0x20 && code < 0x7f) || (code >= 0x09 && code <= 0x0d) ? char : "";
  if (invisible.test(char)) return "";
  let read = "";
  for (const c of char.normalize("NFKC")) {
    if (!invisible.test(c)) read += asciiDigit(c) ?? c;
  }
  return read;
}

/**
 * Whether the text might read as ten digits joined only by separators, in one pass without
 * allocating. ASCII reads as itself (controls as nothing); a non-ASCII code unit might read as up
 * to three digits (NFKC: `⅒` is 1⁄10, a test checks all of Unicode), a separator or nothing.
 */
function mayHoldTenJoinedDigits(text: string): boolean {
  let joined = 0;
  for (let i = 0; i < text.length && joined < 10; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) joined++;
    else if (code >= 0x80) joined += 3;
    else if (!joinsAsciiDigits(code)) joined = 0;
  }
  return joined >= 10;
}

/** Space, tab and line breaks, `.`, `-`, `+`, and controls (read as nothing). */
function joinsAsciiDigits(code: number): boolean {
  return code <= 0x20 || code === 0x2e || code === 0x2d || code === 0x2b || code === 0x7f;
}

/**
 * Unicode encodes every script's decimal digits as runs of ten, 0 to 9 in order, some runs back
 * to back (mathematical digits): the value is the distance from the run's start, modulo ten.
 */
function asciiDigit(c: string): string | undefined {
  if (c >= "0" && c <= "9") return c;
  if (!decimalDigit.test(c)) return undefined;
  const cp = c.codePointAt(0) ?? 0;
  let zero = cp;
  while (decimalDigit.test(String.fromCodePoint(zero - 1))) zero--;
  return String((cp - zero) % 10);
}

/** A maximal run of digits in the read text, and how it is joined to the run before it. */
interface DigitGroup {
  readonly start: number;
  readonly digits: string;
  readonly joint: "apart" | "separator" | "plus";
}

/**
 * The hits in a read text, positions in it. Like a regular expression, the leftmost and then
 * longest identifier wins and hits do not overlap: in `19 121212-1212` the hit is the 12-digit
 * form, not also the 10 digits inside it.
 */
function hitsIn(read: string): IdentifierHit[] {
  const groups = digitGroups(read);
  const hits: IdentifierHit[] = [];
  for (let first = 0; first < groups.length; first++) {
    const found = longestIdentifierFrom(groups, first);
    const start = groups[first]?.start;
    const lastGroup = found === undefined ? undefined : groups[found.last];
    if (found === undefined || start === undefined || lastGroup === undefined) continue;
    const end = lastGroup.start + lastGroup.digits.length;
    hits.push({ index: start, length: end - start, kind: found.kind });
    first = found.last;
  }
  return hits;
}

/** The longest run of joined groups from `first` that is an identifier: its last group, kind. */
function longestIdentifierFrom(
  groups: readonly DigitGroup[],
  first: number,
): { last: number; kind: IdentifierHit["kind"] } | undefined {
  let found: { last: number; kind: IdentifierHit["kind"] } | undefined;
  let digits = "";
  const cuts: { at: number; plus: boolean }[] = [];
  for (let last = first; last < groups.length; last++) {
    const group = groups[last];
    if (group === undefined || (last > first && group.joint === "apart")) break;
    if (last > first) cuts.push({ at: digits.length, plus: group.joint === "plus" });
    digits += group.digits;
    if (digits.length > 12) break;
    const kind = identifierKind(digits, cuts);
    if (kind !== undefined) found = { last, kind };
  }
  return found;
}

function digitGroups(text: string): DigitGroup[] {
  const groups: DigitGroup[] = [];
  let previousEnd: number | undefined;
  for (const m of text.matchAll(/\d+/g)) {
    const between = previousEnd === undefined ? "" : text.slice(previousEnd, m.index);
    const joint = plusRun.test(between)
      ? "plus"
      : separatorRun.test(between)
        ? "separator"
        : "apart";
    groups.push({ start: m.index, digits: m[0], joint });
    previousEnd = m.index + m[0].length;
  }
  return groups;
}

/**
 * The kind of identifier that 10 or 12 digits written in parts are, if any. The parts are the
 * two-digit fields CC, YY, MM, DD and the four-digit NNNC: a cut inside a field or inside NNNC
 * is some other number; a `+` stands only before NNNC.
 */
function identifierKind(
  digits: string,
  cuts: readonly { at: number; plus: boolean }[],
): IdentifierHit["kind"] | undefined {
  if (digits.length !== 10 && digits.length !== 12) return undefined;
  const serialAt = digits.length - 4;
  if (cuts.some((c) => c.at % 2 !== 0 || c.at > serialAt || (c.plus && c.at !== serialAt))) {
    return undefined;
  }
  const ten = digits.slice(-10);
  const month = Number(ten.slice(2, 4));
  const day = Number(ten.slice(4, 6));
  if (month < 1 || month > 12 || !luhnValid(ten)) return undefined;
  if (day >= 61 && day <= 91) return "samordningsnummer";
  if (day >= 1 && day <= 31) return "personnummer";
  return undefined;
}
