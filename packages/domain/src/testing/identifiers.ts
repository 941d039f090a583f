import fc from "fast-check";

/** A personnummer or samordningsnummer as written in a text, and its digits as ASCII. */
export interface WrittenIdentifier {
  readonly text: string;
  readonly kind: "personnummer" | "samordningsnummer";
  readonly digits: string;
}

/**
 * A real birth date, a serial, the check digit computed (or wrong, for `validCheck: false`), in
 * one of Skatteverket's written forms: with or without the century, `-`, `+` or nothing.
 */
export const arbIdentifier = (validCheck = true): fc.Arbitrary<WrittenIdentifier> =>
  fc
    .record({
      date: fc.date({
        min: new Date("1900-01-01T00:00:00Z"),
        max: new Date("2099-12-31T00:00:00Z"),
        noInvalidDate: true,
      }),
      serial: fc.integer({ min: 0, max: 999 }),
      kind: fc.constantFrom("personnummer" as const, "samordningsnummer" as const),
      century: fc.boolean(),
      separator: fc.constantFrom("-", "+", ""),
      wrongBy: fc.integer({ min: 1, max: 9 }),
    })
    .map(({ date, serial, kind, century, separator, wrongBy }) => {
      const iso = date.toISOString();
      const day = String(
        Number(iso.slice(8, 10)) + (kind === "samordningsnummer" ? 60 : 0),
      ).padStart(2, "0");
      const nine = `${iso.slice(2, 4)}${iso.slice(5, 7)}${day}${String(serial).padStart(3, "0")}`;
      const check = (checkDigit(nine) + (validCheck ? 0 : wrongBy)) % 10;
      const prefix = century ? iso.slice(0, 2) : "";
      const text = `${prefix}${nine.slice(0, 6)}${separator}${nine.slice(6)}${check}`;
      return { text, kind, digits: `${prefix}${nine}${check}` };
    });

/** Zeros of some digit scripts: ASCII, fullwidth, Arabic-Indic, extended, Devanagari, math bold. */
const zeros = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x1d7ce];
const spaces = [" ", "\u00a0", "\u202f", "\u2007", "\u3000", "\t", "\n"];
const dashes = ["-", "\u2010", "\u2013", "\u2014", "\u2212", "\ufe63"];
const separatorCharacter = fc.constantFrom(...spaces, ...dashes, ".", "\u00b7");

/** Zero-width space, non-joiner and joiner, word joiner, byte order mark, soft hyphen. */
export const invisibleCharacter = fc.constantFrom(
  "\u200b",
  "\u200c",
  "\u200d",
  "\u2060",
  "\ufeff",
  "\u00ad",
);

/** A separator between two fields: none, one to three separator characters, or a `+`. */
const arbCut = (beforeSerial: boolean) =>
  fc.oneof(
    fc.constant(""),
    fc.array(separatorCharacter, { minLength: 1, maxLength: 3 }).map((cs) => cs.join("")),
    ...(beforeSerial
      ? [fc.tuple(separatorCharacter, separatorCharacter).map(([a, b]) => `${a}+${b}`)]
      : []),
  );

/**
 * A valid identifier as someone might disguise it: cut between any of its fields CC, YY, MM, DD
 * and NNNC with spaces, dashes, minus signs or dots (unless `uncut`), each digit in any script,
 * invisible characters between digits. It starts and ends with a digit.
 */
export const arbDisguisedIdentifier = (uncut = false): fc.Arbitrary<WrittenIdentifier> =>
  arbIdentifier(true).chain(({ digits, kind }) => {
    const ten = digits.slice(-10);
    const fields = [
      ...(digits.length === 12 ? [digits.slice(0, 2)] : []),
      ten.slice(0, 2),
      ten.slice(2, 4),
      ten.slice(4, 6),
      ten.slice(6),
    ];
    return fc
      .record({
        cuts: fc.tuple(
          ...fields
            .slice(1)
            .map((_, i) => (uncut ? fc.constant("") : arbCut(i === fields.length - 2))),
        ),
        scripts: fc.array(fc.constantFrom(...zeros), { minLength: 12, maxLength: 12 }),
        invisibles: fc.array(fc.option(invisibleCharacter, { freq: 3 }), {
          minLength: 12,
          maxLength: 12,
        }),
      })
      .map(({ cuts, scripts, invisibles }) => {
        let text = "";
        let digit = 0;
        for (const [f, field] of fields.entries()) {
          if (f > 0) text += cuts[f - 1] ?? "";
          for (const c of field) {
            if (digit > 0) text += invisibles[digit] ?? "";
            text += String.fromCodePoint((scripts[digit] ?? 0x30) + Number(c));
            digit++;
          }
        }
        return { text, kind, digits };
      });
  });

function checkDigit(nineDigits: string): number {
  let sum = 0;
  for (const [i, c] of [...nineDigits].entries()) {
    const product = Number(c) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}
