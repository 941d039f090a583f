import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  containsIdentifier,
  echoable,
  luhnValid,
  maxEchoLength,
  readForScreening,
  screenIdentifiers,
} from "./screen-identifiers";
import { arbDisguisedIdentifier, arbIdentifier, invisibleCharacter } from "./testing/identifiers";

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

/**
 * Any text that, as screening reads it, does not end (prefix) or begin (suffix) with a digit,
 * nor with digits and separators: those would be read as part of the number (`㊱` is 36,
 * `12 ` before a 10-digit number makes it a 12-digit one).
 */
const anyText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);
const joinsAtEnd = /\d[\s\p{Pd}\u2212.\u00b7+]*$/u;
const joinsAtStart = /^[\s\p{Pd}\u2212.\u00b7+]*\d/u;
const prefixText = anyText.filter((s) => !joinsAtEnd.test(readForScreening(s)));
const suffixText = anyText.filter((s) => !joinsAtStart.test(readForScreening(s)));

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

describe("screenIdentifiers on disguised numbers", () => {
  it.each([
    ["a space", "121212 1212"],
    ["a no-break space", "121212\u00a01212"],
    ["an en dash", "121212\u20131212"],
    ["a minus sign", "121212\u22121212"],
    ["a dot", "121212.1212"],
    ["a tab", "121212\t1212"],
    ["spaces around a dash", "121212 - 1212"],
    ["the century apart", "19121212 1212"],
    ["4-2-4 grouping", "1212 12 1212"],
    ["4-2-6 grouping with the century", "1912 12 121212"],
    ["every date field apart", "19 12 12 12-1212"],
    ["a plus with spaces", "121212 + 1212"],
    ["fullwidth digits", "１２１２１２－１２１２"],
    ["Arabic-Indic digits", "١٢١٢١٢-١٢١٢"],
    ["extended Arabic-Indic digits", "۱۲۱۲۱۲۱۲۱۲"],
    ["Devanagari digits", "१२१२१२-१२१२"],
    ["mathematical bold digits", "𝟏𝟐𝟏𝟐𝟏𝟐-𝟏𝟐𝟏𝟐"],
    ["mixed scripts", "1٢1۲１2-1212"],
    ["a zero-width space", "1212\u200b12-1212"],
    ["zero-width joiner and non-joiner", "12\u200d1212\u200c-1212"],
    ["a word joiner", "121212\u20601212"],
    ["a byte order mark", "121212\ufeff-12\ufeff12"],
    ["a soft hyphen", "121212\u00ad1212"],
    ["a control character", "121212\u0007-1212"],
    ["a line break", "121212\r\n1212"],
    ["a combining low line", "1\u03322\u03321\u03322\u03321\u03322\u0332-1212"],
  ])("finds one written with %s (%s)", (_, number) => {
    const before = "anna ";
    // The hit is where the number is in the text as given, whatever was read out of it.
    expect(screenIdentifiers(`${before}${number}, se journal.`)).toEqual([
      { index: before.length, length: number.length, kind: "personnummer" },
    ]);
  });

  it.each([
    ["a phone number grouped 3-3-2-2", "070-123 45 67"],
    ["a phone number grouped 2-3-3-2", "08-508 290 00"],
    ["a 13-digit order number in parts", "19121212-12120"],
    ["a 13-digit number with an invisible inside", "19121212\u200b12120"],
    ["fullwidth digits running on", "１２１２１２１２１２１"],
    ["a serial cut in two", "121212-12 12"],
    ["a plus between date fields", "1212+12-1212"],
    ["a date and a time", "2024-03-01 kl. 12.12"],
    ["a slash", "121212/1212"],
    ["a comma", "121212, 1212"],
  ])("does not flag %s (%s)", (_, text) => {
    expect(screenIdentifiers(text)).toEqual([]);
  });

  it("reports the 12-digit form once, not also the ten digits inside it", () => {
    const text = "pnr 19 121212-1212.";
    expect(screenIdentifiers(text)).toEqual([{ index: 4, length: 14, kind: "personnummer" }]);
  });
});

describe("readForScreening", () => {
  it("reads every script's decimal digits, fullwidth forms and invisibles as a person would", () => {
    expect(readForScreening("٣۹５𝟗७\u200b\u00ad\ufeffx\u00a0–")).toBe("39597x –");
  });

  it("relies on Unicode's runs of ten decimal digits, 0 to 9 in order", () => {
    const runs: number[] = [];
    let run = 0;
    for (let cp = 0; cp <= 0x110000; cp++) {
      if (cp < 0x110000 && /^\p{Nd}$/u.test(String.fromCodePoint(cp))) run++;
      else if (run > 0) {
        runs.push(run);
        run = 0;
      }
    }
    expect(runs.length).toBeGreaterThan(50);
    expect(runs.filter((length) => length % 10 !== 0)).toEqual([]);
  });

  it("reads no character as more than three digits per UTF-16 unit (the fast path counts on it)", () => {
    let most = 0;
    for (let cp = 0x80; cp < 0x110000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      const digits = readForScreening(char).replace(/\D/g, "").length;
      most = Math.max(most, digits / char.length);
    }
    expect(most).toBe(3);
  });
});

describe("screenIdentifiers properties over disguised numbers", () => {
  it("finds every disguised personnummer and samordningsnummer, where it is in the text", () => {
    fc.assert(
      fc.property(arbDisguisedIdentifier(), prefixText, suffixText, (id, prefix, suffix) => {
        expect(screenIdentifiers(`${prefix}${id.text}${suffix}`)).toContainEqual({
          index: prefix.length,
          length: id.text.length,
          kind: id.kind,
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("does not take digits that run on into a longer number for an identifier", () => {
    const runOn = fc.record({
      id: arbDisguisedIdentifier(true),
      extra: fc.integer({ min: 0, max: 9 }),
      before: fc.boolean(),
      invisible: fc.option(invisibleCharacter),
    });
    fc.assert(
      fc.property(runOn, ({ id, extra, before, invisible }) => {
        const join = invisible ?? "";
        const text = before ? `${extra}${join}${id.text}` : `${id.text}${join}${extra}`;
        expect(screenIdentifiers(text)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it("never finds anything in text without digits", () => {
    const noDigits = anyText.filter((s) => ![...s].some((c) => /\p{N}/u.test(c.normalize("NFKC"))));
    fc.assert(
      fc.property(noDigits, noDigits, (a, b) => {
        expect(screenIdentifiers(`${a} ${b}`)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("echoable", () => {
  it("repeats a short value as it is", () => {
    expect(echoable("0181")).toBe("0181");
  });

  it("cuts a long value", () => {
    const echoed = echoable("x".repeat(200));
    expect([...echoed]).toHaveLength(maxEchoLength);
    expect(echoed.endsWith("…")).toBe(true);
  });

  it("never repeats a value that holds an identifier, however it is written", () => {
    fc.assert(
      fc.property(arbDisguisedIdentifier(), prefixText, suffixText, (id, prefix, suffix) => {
        const echoed = echoable(`${prefix}${id.text}${suffix}`);
        expect(echoed).toBe("(värdet visas inte)");
        expect(echoable(`${prefix}${id.text}${suffix}`, "en")).toBe("(value not shown)");
      }),
      { numRuns: 500 },
    );
  });
});
