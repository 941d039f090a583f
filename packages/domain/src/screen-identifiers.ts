/**
 * Finds Swedish personnummer and samordningsnummer anywhere in a text, so that no identifier is
 * ever stored (SPEC "Privacy"). Forms: YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC and the same with
 * the century (YYYYMMDD…). The check digit is Luhn over the ten digits without the century; a
 * samordningsnummer has 60 added to the day. Digits that run on into a longer number are not a
 * match: a 13-digit order number is not a personnummer.
 */
export interface IdentifierHit {
  /** Position of the first character of the hit; the hit itself is never returned or logged. */
  readonly index: number;
  readonly length: number;
  readonly kind: "personnummer" | "samordningsnummer";
}

const candidate = /(?<!\d)(\d{2})?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})(?!\d)/g;

export function screenIdentifiers(text: string): IdentifierHit[] {
  const hits: IdentifierHit[] = [];
  for (const m of text.matchAll(candidate)) {
    const [whole, , yy, mm, dd, tail] = m;
    if (
      whole === undefined ||
      yy === undefined ||
      mm === undefined ||
      dd === undefined ||
      tail === undefined
    ) {
      continue;
    }
    const month = Number(mm);
    const day = Number(dd);
    if (month < 1 || month > 12) continue;
    const kind =
      day >= 61 && day <= 91
        ? "samordningsnummer"
        : day >= 1 && day <= 31
          ? "personnummer"
          : undefined;
    if (kind === undefined) continue;
    if (!luhnValid(`${yy}${mm}${dd}${tail}`)) continue;
    hits.push({ index: m.index, length: whole.length, kind });
  }
  return hits;
}

export function containsIdentifier(text: string): boolean {
  return screenIdentifiers(text).length > 0;
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
