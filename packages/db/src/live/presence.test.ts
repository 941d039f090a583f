import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  announcementOf,
  type HeardPresence,
  parseAnnouncement,
  presenceExpiryMs,
  presenceView,
} from "./presence";

const now = 1_000_000;
const heard = (names: string[], count = 0, age = 0): HeardPresence => ({
  names,
  count,
  heardAt: now - age,
});

describe("presence", () => {
  it("names each subject once across instances, sorted, in a named session", () => {
    const view = presenceView(false, [heard(["erik", "anna"]), heard(["anna", "bo"])], now);
    expect(view).toEqual({ anonymous: false, count: 3, participants: ["anna", "bo", "erik"] });
  });

  it("forgets an instance silent for longer than the expiry", () => {
    const view = presenceView(
      false,
      [heard(["anna"]), heard(["bo"], 0, presenceExpiryMs + 1)],
      now,
    );
    expect(view).toEqual({ anonymous: false, count: 1, participants: ["anna"] });
  });

  it("announces an anonymous session's watchers as a count, never as names", () => {
    const said = announcementOf("i1", "e1", true, ["anna", "anna", "erik"]);
    expect(said).toEqual({ instance: "i1", evaluationId: "e1", names: [], count: 2 });
    expect(JSON.stringify(said)).not.toContain("anna");
  });

  it("keeps an announcement within a NOTIFY's size, leaving names out rather than failing", () => {
    const many = Array.from({ length: 500 }, (_, i) => `användare-${i}-${"x".repeat(40)}`);
    const said = announcementOf("i1", "e1", false, many);
    expect(Buffer.byteLength(JSON.stringify(said))).toBeLessThan(8000);
    expect("names" in said && said.names.length).toBeGreaterThan(50);
  });

  it("reads back what it announces, and nothing malformed", () => {
    const said = announcementOf("i1", "e1", false, ["anna"]);
    expect(parseAnnouncement(JSON.stringify(said))).toEqual(said);
    expect(parseAnnouncement(JSON.stringify({ instance: "i2", sync: true }))).toEqual({
      instance: "i2",
      sync: true,
    });
    for (const bad of [
      "",
      "nej",
      "null",
      '{"instance":1}',
      '{"instance":"i","names":[1],"count":0,"evaluationId":"e"}',
    ])
      expect(parseAnnouncement(bad), bad).toBeUndefined();
  });

  it("an anonymous session's view holds a count and no subject, whatever was heard", () => {
    const subject = fc.string({ minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ watchers: fc.array(subject, { maxLength: 6 }), age: fc.nat(60_000) })),
        (instances) => {
          const heardAll = instances.map(({ watchers, age }) => {
            const said = announcementOf("i", "e", true, watchers);
            if ("sync" in said) throw new Error("not an announcement");
            return { ...said, heardAt: now - age };
          });
          const view = presenceView(true, heardAll, now);
          expect(Object.keys(view).sort()).toEqual(["anonymous", "count"]);
          const fresh = instances.filter((i) => i.age <= presenceExpiryMs);
          expect(view.count).toBe(fresh.reduce((sum, i) => sum + new Set(i.watchers).size, 0));
        },
      ),
    );
  });
});
