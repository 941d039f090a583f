import { describe, expect, it } from "vitest";
import { monthTick, periodText } from "./period";

describe("periodText", () => {
  it("names the months and the as-of date in Swedish", () => {
    expect(monthTick("2026-11")).toMatch(/^nov\.? 2026$/);
    expect(periodText({ from: "2022-01", to: "2026-11" }, "2026-12-03")).toMatch(
      /^Uppgifterna gäller ärenden öppnade jan\.? 2022–nov\.? 2026, läget per 2026-12-03\.$/,
    );
  });

  it("says an open end as such, and no period as every case", () => {
    expect(periodText({ from: "2025-03", to: null }, "2026-12-03")).toMatch(
      /ärenden öppnade från mars 2025,/,
    );
    expect(periodText({ from: null, to: "2025-03" }, "2026-12-03")).toMatch(
      /ärenden öppnade till och med mars 2025,/,
    );
    expect(periodText({ from: null, to: null }, "2026-12-03")).toBe(
      "Uppgifterna gäller alla ärenden oavsett när de öppnades, läget per 2026-12-03.",
    );
  });

  it("bounds the close date for the trend of closed cases", () => {
    expect(periodText({ from: "2026-01", to: "2026-06" }, "2026-12-03", "closed")).toMatch(
      /ärenden avslutade jan\.? 2026–juni 2026/,
    );
  });
});

describe("monthTick", () => {
  it("names a month on a chart axis, and leaves other labels alone", () => {
    expect(monthTick("2025-11")).toMatch(/^nov\.? 2025$/);
    expect(monthTick("2025-13")).toBe("2025-13");
    expect(monthTick("Solna")).toBe("Solna");
  });
});
