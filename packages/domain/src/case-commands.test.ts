import { describe, expect, it } from "vitest";
import type { Recorder } from "./access";
import { parseOpenCase, parseRecordEvent } from "./case-commands";
import { defaultInterchangeCatalogue } from "./interchange";

const recorder: Recorder = { organisations: ["stockholms_stad"] };
const personnummer = "19121212-1212";

describe("parseRecordEvent", () => {
  it("gives the event's columns, a date at 00:00 in Stockholm and absent fields as null", () => {
    const parsed = parseRecordEvent(
      { occurredAt: "2024-03-01", type: "step", step: 2, unitCode: "", value: "" },
      recorder,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        type: "recordEvent",
        recorder,
        event: {
          type: "step",
          occurredAt: Date.UTC(2024, 1, 29, 23),
          step: 2,
          unitCode: null,
          value: null,
        },
      },
    });
  });

  it("names each rejected field with the importer's code, the type first", () => {
    const parsed = parseRecordEvent(
      { occurredAt: "2024-02-30", type: "lead", step: 2, value: "x" },
      recorder,
    );
    expect(parsed.ok === false && parsed.error).toEqual([
      { field: "occurredAt", code: "badTimestamp", params: {} },
      { field: "step", code: "mustBeEmpty", params: {} },
      { field: "unitCode", code: "required", params: {} },
      { field: "value", code: "mustBeEmpty", params: {} },
    ]);
    expect(parseRecordEvent({ occurredAt: "2024-03-01", type: "kanske" }, recorder)).toMatchObject({
      ok: false,
      error: [{ field: "type", code: "unknownCode" }],
    });
  });

  it("takes steps from 1 to 32767 only", () => {
    for (const step of [0, -1, 32768, 1.5]) {
      const parsed = parseRecordEvent({ occurredAt: "2024-03-01", type: "step", step }, recorder);
      expect(parsed.ok === false && parsed.error).toEqual([
        { field: "step", code: "badStep", params: {} },
      ]);
    }
  });

  it("screens a step's digits too: ten of them can be a personnummer", () => {
    const parsed = parseRecordEvent(
      { occurredAt: "2024-03-01", type: "step", step: 1212121212 },
      recorder,
    );
    expect(parsed.ok === false && parsed.error).toEqual([
      { field: "step", code: "identifier", params: {} },
    ]);
  });

  it("screens every text field for identifiers before anything else", () => {
    const parsed = parseRecordEvent(
      { occurredAt: personnummer, type: "close", value: `skäl ${personnummer}` },
      recorder,
    );
    expect(parsed.ok === false && parsed.error).toEqual([
      { field: "occurredAt", code: "identifier", params: {} },
      { field: "value", code: "identifier", params: {} },
    ]);
  });
});

describe("parseOpenCase", () => {
  const input = {
    ref: "VK-1",
    process: "intern_samsjuklighet",
    targetGroup: "samsjuklighet",
    ageGroup: "vuxen",
    municipality: "0180",
    openedOn: "2024-03-01",
    initiatingUnit: "sthlm_soc",
  };

  it("gives the command with every field typed", () => {
    expect(parseOpenCase(input, defaultInterchangeCatalogue, recorder)).toEqual({
      ok: true,
      value: { type: "openCase", recorder, ...input },
    });
  });

  it("checks codes against the catalogue and screens the ref, naming fields in order", () => {
    const parsed = parseOpenCase(
      { ...input, ref: personnummer, process: "okand", openedOn: "2024-02-30", ageGroup: "" },
      defaultInterchangeCatalogue,
      recorder,
    );
    expect(parsed.ok === false && parsed.error.map((i) => [i.field, i.code])).toEqual([
      ["ref", "identifier"],
      ["process", "unknownCode"],
      ["ageGroup", "required"],
      ["openedOn", "badDate"],
    ]);
  });
});
