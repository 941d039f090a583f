import { describe, expect, it } from "vitest";
import { indicatorBody } from "./AddIndicator";
import {
  apiFieldErrors,
  checkDraft,
  coverageRows,
  coverageText,
  createBody,
  draftOf,
  gapCount,
  municipalityNames,
  newDraft,
  patchBody,
  registerQuery,
  registerSearch,
  revisionText,
  statusActionLabel,
} from "./agreements";
import { attachmentName } from "./RegisterExport";
import { anAgreement as built, catalogues, coverage } from "./testing";

const anAgreement = built();

describe("the register's choice", () => {
  it("asks the API for what the URL chose, the review window as within:60d", () => {
    expect(
      registerQuery({
        status: "active",
        municipality: ["0182"],
        targetGroup: [],
        reviewDue: "within",
      }),
    ).toEqual({ status: ["active"], municipality: ["0182"], reviewDue: "within:60d" });
    expect(registerQuery({ reviewDue: "overdue" })).toEqual({ reviewDue: "overdue" });
  });

  it("keeps only its own params in the URL", () => {
    expect(registerSearch({ status: "draft", municipality: [] })).toEqual({ status: "draft" });
  });
});

describe("names instead of codes", () => {
  it("names every kommun of the county as the whole county", () => {
    expect(municipalityNames(catalogues, ["0182", "0180"])).toBe("Hela länet (2 kommuner)");
    expect(municipalityNames(catalogues, ["0182"])).toBe("Nacka");
    const county = {
      ...catalogues,
      municipalities: [
        { code: "0180", name: "Stockholm" },
        { code: "0182", name: "Nacka" },
        { code: "0140", name: "Nykvarn" },
        { code: "0184", name: "Solna" },
      ],
    };
    expect(municipalityNames(county, ["0180", "0182", "0184"])).toBe(
      "3 av 4 kommuner (alla utom Nykvarn)",
    );
  });

  it("says what a revision changed, the first as registered", () => {
    expect(revisionText({ revision: 1, fields: ["title", "parties"] })).toBe("Registrerad");
    expect(revisionText({ revision: 2, fields: ["status", "reviewBy"] })).toBe(
      "Status, Granskas senast",
    );
    expect(revisionText({ revision: 3, fields: ["sections.0.text"] })).toBe("Avsnitt 1: Text");
  });

  it("names each status move as the user acts", () => {
    expect(statusActionLabel("draft", "active")).toBe("Aktivera");
    expect(statusActionLabel("under_review", "active")).toBe("Granskning klar – gäller vidare");
    expect(statusActionLabel("active", "under_review")).toBe("Påbörja granskning");
  });
});

describe("the coverage matrix", () => {
  it("has kommuner by name down and the API's målgrupper across, in its order", () => {
    const rows = coverageRows(coverage, catalogues);
    expect(rows.map((r) => r.name)).toEqual(["Nacka", "Stockholm"]);
    expect(rows[0]?.cells.map((c) => c.targetGroup)).toEqual(coverage.targetGroups);
    expect(gapCount(coverage)).toBe(2);
  });

  it("says a gap in words, and a cover by agreements the user may not read without a count", () => {
    const [nacka, stockholm] = coverageRows(coverage, catalogues);
    expect(nacka?.cells.map(coverageText)).toEqual(["Saknas", "Täckt (1)"]);
    expect(stockholm?.cells.map(coverageText)).toEqual(["Saknas", "Täckt"]);
  });
});

describe("the agreement form", () => {
  it("is prefilled from a coverage gap: that kommun and målgrupp, the kommun and the region as parties", () => {
    const draft = newDraft(
      catalogues,
      { municipality: ["0182"], targetGroup: ["missbruk_beroende"] },
      "2025-06-01",
    );
    expect(draft).toMatchObject({
      level: "lokal",
      parties: ["K0182", "REG"],
      municipalities: ["0182"],
      targetGroups: ["missbruk_beroende"],
      validFrom: "2025-06-01",
    });
    expect(checkDraft(draft, false)).toEqual({ title: "Fyll i Titel." });
  });

  it("checks what the API would refuse, each beside its field", () => {
    const errors = checkDraft(
      {
        ...draftOf(anAgreement),
        parties: ["K0182"],
        targetGroups: [],
        validTo: "2024-12-31",
        documentUrl: "ftp://x",
        sections: [{ kind: "sip", title: " ", text: "" }],
      },
      true,
    );
    expect(Object.keys(errors).sort()).toEqual([
      "documentUrl",
      "parties",
      "sections.0.title",
      "targetGroups",
      "validTo",
    ]);
    expect(errors.validTo).toBe("Giltig till och med kan inte vara före giltig från.");
  });

  it("creates with null for empty optional dates and leaves reviewBy to the API's default", () => {
    const body = createBody({ ...draftOf(anAgreement), reviewBy: "" });
    expect(body.validTo).toBeNull();
    expect("reviewBy" in body).toBe(false);
  });

  it("patches only what changed, with the revision the user opened", () => {
    const draft = { ...draftOf(anAgreement), title: "Ny titel" };
    expect(patchBody(draft, anAgreement)).toEqual({ title: "Ny titel", expectedRevision: 3 });
    expect(patchBody(draftOf(anAgreement), anAgreement)).toBeNull();
  });

  it("puts the API's details beside the fields they name, the rest apart", () => {
    expect(
      apiFieldErrors([
        { path: "sections.0.text", message: "Fältet sections.0.text innehåller ett personnummer." },
        { path: "parties", message: "Organisationen finns inte i katalogen." },
        { path: "expectedRevision", message: "för liten" },
      ]),
    ).toEqual({
      fields: {
        "sections.0.text": "Fältet ”Avsnitt 1: Text” innehåller ett personnummer.",
        parties: "Organisationen finns inte i katalogen.",
      },
      other: ["expectedRevision: för liten"],
    });
  });
});

describe("an indicator's query", () => {
  const draft = {
    name: " Ledtid till SIP ",
    kind: "process" as const,
    metric: "lead-times" as const,
    figure: "median",
    process: "sip",
    fromStep: "1",
    toStep: "5",
    direction: "at_most" as const,
    target: "14,5",
  };

  it("follows the agreement's målgrupper and kommuner, with the process's steps for lead times", () => {
    expect(indicatorBody(draft, anAgreement, catalogues)).toEqual({
      name: "Ledtid till SIP",
      kind: "process",
      metric: "lead-times",
      figure: "median",
      params: {
        targetGroup: ["missbruk_beroende"],
        municipality: ["0182"],
        process: "sip",
        fromStep: 1,
        toStep: 5,
      },
      target: { value: 14.5, direction: "at_most" },
    });
  });

  it("leaves out the kommuner of a county-wide agreement and the steps of other metrics", () => {
    const county = built({ municipalities: ["0180", "0182"] });
    expect(
      indicatorBody({ ...draft, metric: "cases", figure: "count" }, county, catalogues).params,
    ).toEqual({ targetGroup: ["missbruk_beroende"] });
  });
});

describe("the register's file from the API", () => {
  it("keeps the name the API gives it, its ö included", () => {
    expect(
      attachmentName(
        `attachment; filename="samsyn-overenskommelser-2026-12-04.csv"; filename*=UTF-8''samsyn-%C3%B6verenskommelser-2026-12-04.csv`,
      ),
    ).toBe("samsyn-överenskommelser-2026-12-04.csv");
    expect(attachmentName(`attachment; filename="a.xlsx"`)).toBe("a.xlsx");
    expect(attachmentName(null)).toBeNull();
  });
});
