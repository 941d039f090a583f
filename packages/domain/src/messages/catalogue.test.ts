import { describe, expect, it } from "vitest";
import { messages } from "./index";

/** The placeholders of a template, sorted: `{k}`, `{date}`… */
function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

const entries = Object.entries(messages) as [string, { sv: string; en: string }][];

describe("the message catalogue", () => {
  it("has every text in Swedish and English, neither empty", () => {
    for (const [key, text] of entries) {
      expect(text.sv.trim(), `${key} sv`).not.toBe("");
      expect(text.en.trim(), `${key} en`).not.toBe("");
    }
  });

  it("gives both languages the same placeholders, so no value goes missing in one", () => {
    for (const [key, text] of entries) {
      expect(placeholders(text.en), key).toEqual(placeholders(text.sv));
    }
  });

  it('never calls a withheld value "<k": it may be hidden to protect a smaller one', () => {
    for (const [key, text] of entries) {
      expect(text.sv, key).not.toMatch(/[<＜]\s*\{k\}|[<＜]\s*\d/);
      expect(text.en, key).not.toMatch(/[<＜]\s*\{k\}|[<＜]\s*\d/);
    }
  });
});
