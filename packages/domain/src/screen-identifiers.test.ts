import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containsIdentifier, luhnValid, screenIdentifiers } from "./screen-identifiers";

describe("screenIdentifiers on known numbers", () => {
  it.each([
    ["19121212-1212", "personnummer"],
    ["191212121212", "personnummer"],
    ["121212-1212", "personnummer"],
    ["121212+1212", "personnummer"],
    ["1212121212", "personnummer"],
    ["701063-2391", "samordningsnummer"],
    ["197010632391", "samordningsnummer"],
  ])("finds %s as a %s", (number, kind) => {
    const before = "Ärende för ";
    expect(screenIdentifiers(`${before}${number}, se journal.`)).toEqual([
      { index: before.length, length: number.length, kind },
    ]);
  });

  it("finds every identifier in a text, where it is", () => {
    const text = "pnr 121212-1212 och snr 701063-2391";
    expect(screenIdentifiers(text).map((h) => text.slice(h.index, h.index + h.length))).toEqual([
      "121212-1212",
      "701063-2391",
    ]);
  });

  it.each([
    ["a wrong check digit", "121212-1213"],
    ["a phone number", "070-123 45 67"],
    ["a phone number with country code", "+46 70 123 45 67"],
    ["a landline number", "08-508 290 00"],
    ["a mobile number written together", "0701234567"],
    ["a date", "2024-03-01"],
    ["a timestamp", "2024-03-01T12:12:12"],
    ["a 13-digit number", "1912121212120"],
    ["a 13-digit number ending in a personnummer", "0191212121212"],
    ["an 11-digit number", "12121212120"],
    ["a month that does not exist", "121312-1212"],
    ["day 00", "121200-1218"],
    ["a day between personnummer and samordningsnummer", "121240-1214"],
    ["a kommunkod and a year", "0180 2024"],
  ])("does not flag %s (%s)", (_, text) => {
    expect(containsIdentifier(text)).toBe(false);
  });
});

describe("luhnValid", () => {
  it("accepts the Skatteverket test number and rejects its neighbours", () => {
    expect(luhnValid("1212121212")).toBe(true);
    expect(luhnValid("1212121213")).toBe(false);
    expect(luhnValid("2212121212")).toBe(false);
  });
});

interface Identifier {
  readonly text: string;
  readonly kind: "personnummer" | "samordningsnummer";
}

/** A real birth date, a serial, the check digit computed, in one of the written forms. */
const arbIdentifier = (validCheck: boolean): fc.Arbitrary<Identifier> =>
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
      return { text: `${prefix}${nine.slice(0, 6)}${separator}${nine.slice(6)}${check}`, kind };
    });

/** Any text that does not end (prefix) or begin (suffix) with a digit. */
const anyText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);
const prefixText = anyText.filter((s) => !/\d$/.test(s));
const suffixText = anyText.filter((s) => !/^\d/.test(s));

describe("screenIdentifiers properties", () => {
  it("finds every valid personnummer and samordningsnummer in any surrounding text", () => {
    fc.assert(
      fc.property(arbIdentifier(true), prefixText, suffixText, (id, prefix, suffix) => {
        const hits = screenIdentifiers(`${prefix}${id.text}${suffix}`);
        expect(hits).toContainEqual({
          index: prefix.length,
          length: id.text.length,
          kind: id.kind,
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("does not find a number whose check digit is wrong", () => {
    fc.assert(
      fc.property(arbIdentifier(false), prefixText, suffixText, (id, prefix, suffix) => {
        const start = prefix.length;
        const end = start + id.text.length;
        const overlapping = screenIdentifiers(`${prefix}${id.text}${suffix}`).filter(
          (h) => h.index < end && h.index + h.length > start,
        );
        expect(overlapping).toEqual([]);
      }),
      { numRuns: 1000 },
    );
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
