import { describe, expect, it } from "vitest";
import { startOfStockholmDay } from "../time";
import { aCase, caseLog } from "./builders";

describe("aCase", () => {
  it("builds a case with the given fields and defaults for the rest", () => {
    const { case: c } = aCase()
      .ref("x")
      .openedOn("2024-03-01")
      .inProcess("sip")
      .ageGroup("barn")
      .build();
    expect(c).toMatchObject({ ref: "x", openedOn: "2024-03-01", process: "sip", ageGroup: "barn" });
    expect(c.targetGroup).toBe("samsjuklighet");
  });

  it("gives every case its own ref", () => {
    expect(aCase().build().case.ref).not.toBe(aCase().build().case.ref);
  });

  it("puts withSteps a day apart from the current date, in recorded order", () => {
    const { events } = aCase().openedOn("2024-03-30").withSteps(1, 2, 3).lead("soc-vuxen").build();
    expect(events).toEqual([
      { type: "step", step: 1, occurredAt: startOfStockholmDay("2024-03-30"), seq: 1 },
      { type: "step", step: 2, occurredAt: startOfStockholmDay("2024-03-31"), seq: 2 },
      { type: "step", step: 3, occurredAt: startOfStockholmDay("2024-04-01"), seq: 3 },
      { type: "lead", unit: "soc-vuxen", occurredAt: startOfStockholmDay("2024-04-01"), seq: 4 },
    ]);
  });

  it("moves the current date with an explicit time, on and after", () => {
    const { events } = aCase()
      .openedOn("2024-01-01")
      .step(1, "2024-01-05T10:00")
      .join("bup")
      .on("2024-02-01")
      .after(2)
      .close()
      .build();
    expect(events.map((e) => e.occurredAt)).toEqual([
      Date.parse("2024-01-05T09:00:00Z"),
      Date.parse("2024-01-05T09:00:00Z"),
      startOfStockholmDay("2024-02-03"),
    ]);
  });

  it("refuses a time that is not an occurred_at", () => {
    expect(() => aCase().step(1, "2024-02-30")).toThrow(RangeError);
  });

  it("lays cases out by ref for the reference metrics", () => {
    const built = [aCase().ref("a").step(1).build(), aCase().ref("b").build()];
    const { cases, eventsByCase } = caseLog(built);
    expect(cases.map((c) => c.ref)).toEqual(["a", "b"]);
    expect(eventsByCase.get("a")).toHaveLength(1);
    expect(eventsByCase.get("b")).toEqual([]);
  });
});
