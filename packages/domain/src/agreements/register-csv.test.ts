import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate, MunicipalityCode, OrganisationCode, TargetGroupCode } from "../codes";
import type { Agreement } from "./agreement";
import type { AgreementCatalogue } from "./decide";
import {
  fromSpreadsheetText,
  type RegisterRow,
  readRegisterHeader,
  readRegisterRow,
  registerCsv,
  registerHeader,
  registerIssueText,
  registerRow,
  spreadsheetText,
} from "./register-csv";
import { planRegisterImport } from "./register-import";

const catalogue: AgreementCatalogue = {
  organisations: new Set(["solna_stad", "region_stockholm", "nacka_kommun"]),
  targetGroups: new Set(["missbruk_beroende", "demens"]),
  municipalities: new Set(["0184", "0182"]),
};

const stored: Agreement = {
  id: "6f1c2b3a-1111-4222-8333-444455556666",
  title: "Överenskommelse om missbruk och beroende, Solna",
  level: "lokal",
  parties: ["region_stockholm", "solna_stad"] as OrganisationCode[],
  targetGroups: ["missbruk_beroende"] as TargetGroupCode[],
  municipalities: ["0184"] as MunicipalityCode[],
  validFrom: "2026-01-15" as IsoDate,
  validTo: null,
  reviewBy: "2026-11-30" as IsoDate,
  documentUrl: "https://example.se/ök.pdf",
  sections: [
    { kind: "sip", title: "SIP", text: '- kallelse inom fem dagar\n- uppföljning, "snart"' },
    { kind: "tvister", title: "=Tvister", text: "" },
  ],
  status: "active",
  revision: 3,
  replacedBy: null,
};

/** The header and rows of `agreements` as a reader of the file sees them (cells as written). */
function readBack(agreements: readonly Agreement[]) {
  const count = Math.max(0, ...agreements.map((a) => a.sections.length));
  const header = readRegisterHeader(registerHeader(count));
  if ("issues" in header) throw new Error("bad header");
  return agreements.map((a, i) =>
    readRegisterRow({ line: i + 2, values: registerRow(a, count).map(spreadsheetText) }, header),
  );
}

const today = "2026-12-03" as IsoDate;

describe("the register as CSV", () => {
  it("neutralises every cell a spreadsheet would run, and reads each text back as written", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(spreadsheetText(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    }
    expect(spreadsheetText("Solna")).toBe("Solna");
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(fromSpreadsheetText(spreadsheetText(text))).toBe(text);
        expect(spreadsheetText(text)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it("writes UTF-8 with a BOM, CRLF, RFC 4180 quoting and no cell starting like a formula", () => {
    const csv = registerCsv([stored]);
    expect(csv.startsWith("\uFEFFid,title,level,status,parties,target_groups")).toBe(true);
    expect(csv).toContain("region_stockholm|solna_stad");
    expect(csv).toContain('"\'- kallelse inom fem dagar\n- uppföljning, ""snart"""');
    expect(csv).toContain(",'=Tvister,");
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("reads an exported row back as the agreement it was", () => {
    const [row] = readBack([stored]);
    expect(row).toEqual({
      line: 2,
      id: stored.id,
      revision: 3,
      status: "active",
      replacedBy: null,
      fields: {
        title: stored.title,
        level: stored.level,
        parties: stored.parties,
        targetGroups: stored.targetGroups,
        municipalities: stored.municipalities,
        validFrom: stored.validFrom,
        validTo: null,
        reviewBy: stored.reviewBy,
        documentUrl: stored.documentUrl,
        sections: stored.sections,
      },
    });
  });

  it("names the line and column of every bad cell, and never repeats an identifier", () => {
    const header = readRegisterHeader(registerHeader(1));
    if ("issues" in header) throw new Error("bad header");
    const values = registerRow(stored, 1);
    values[2] = "regional";
    values[7] = "2026-02-30";
    values[14] = "Gäller 19121212-1212";
    const read = readRegisterRow({ line: 7, values }, header);
    expect("issues" in read && read.issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [7, "level", "import.error.unknownCode"],
      [7, "valid_from", "import.error.badDate"],
      [7, "section_1_title", "import.error.identifier"],
    ]);
    const texts = "issues" in read ? read.issues.map((i) => registerIssueText(i)) : [];
    expect(texts[0]).toBe(
      "Rad 7, kolumn level: Okänd kod: den finns inte i katalogen. Giltiga värden: lan, lokal.",
    );
    expect(texts.join()).not.toContain("1212");
  });

  it("refuses a header with unknown or missing columns, naming them", () => {
    const read = readRegisterHeader(["id", "titel"]);
    expect("issues" in read && read.issues.map((i) => i.column)).toEqual(
      expect.arrayContaining(["titel", "title", "level"]),
    );
  });
});

describe("planning an import of the register", () => {
  const rows = () => readBack([stored]) as RegisterRow[];

  it("leaves an agreement unchanged when its row equals it, whatever the row's revision", () => {
    const [row] = rows();
    if (row === undefined) throw new Error("no row");
    const plan = planRegisterImport(
      [{ ...row, revision: 1 }],
      [
        {
          ...stored,
          sections: stored.sections.map((s) => ({ text: s.text, title: s.title, kind: s.kind })),
        },
      ],
      catalogue,
      today,
    );
    expect(plan).toEqual({
      ok: true,
      value: [{ line: 2, outcome: "unchanged", id: stored.id, revisions: [] }],
    });
  });

  it("changes an agreement at the row's revision, and refuses an old export's row", () => {
    const [row] = rows();
    if (row === undefined) throw new Error("no row");
    const changed = { ...row, fields: { ...row.fields, title: "Ny titel" } };
    const plan = planRegisterImport([changed], [stored], catalogue, today);
    expect(plan.ok && plan.value[0]).toMatchObject({
      outcome: "updated",
      revisions: [{ agreement: { title: "Ny titel", revision: 4 }, fields: ["title"] }],
    });
    const stale = planRegisterImport([changed], [{ ...stored, revision: 4 }], catalogue, today);
    expect(stale).toEqual({
      ok: false,
      error: [
        {
          line: 2,
          column: "revision",
          message: "agreements.register.revisionChanged",
          params: { revision: 4 },
        },
      ],
    });
  });

  it("creates a new agreement through the statuses to the row's, one revision each", () => {
    const [row] = rows();
    if (row === undefined) throw new Error("no row");
    const plan = planRegisterImport([{ ...row, status: "under_review" }], [], catalogue, today);
    expect(plan.ok && plan.value[0]?.revisions.map((r) => r.agreement.status)).toEqual([
      "draft",
      "active",
      "under_review",
    ]);
    expect(plan.ok && plan.value[0]?.revisions.at(-1)?.agreement.reviewBy).toBe("2026-11-30");
  });

  it("matches a row without id by its contents, so a second import changes nothing", () => {
    const [row] = rows();
    if (row === undefined) throw new Error("no row");
    const plan = planRegisterImport([{ ...row, id: null }], [stored], catalogue, today);
    expect(plan.ok && plan.value[0]?.outcome).toBe("unchanged");
    const twice = planRegisterImport(
      [
        { ...row, id: null },
        { ...row, id: null, line: 3 },
      ],
      [],
      catalogue,
      today,
    );
    expect(!twice.ok && twice.error[0]).toMatchObject({
      line: 3,
      message: "agreements.register.repeatedRow",
    });
  });

  it("answers the decider's refusals at the row's column", () => {
    const [row] = rows();
    if (row === undefined) throw new Error("no row");
    const unknown = {
      ...row,
      id: null,
      fields: { ...row.fields, municipalities: ["0999" as MunicipalityCode] },
    };
    const replaced = {
      ...row,
      status: "replaced" as const,
      replacedBy: "00000000-0000-4000-8000-000000000000",
    };
    const plan = planRegisterImport(
      [unknown, { ...replaced, line: 3 }],
      [stored],
      catalogue,
      today,
    );
    expect(!plan.ok && plan.error.map((i) => [i.line, i.column, i.message])).toEqual([
      [2, "municipalities", "agreements.error.unknownMunicipality"],
      [3, "replaced_by", "agreements.error.unknownAgreement"],
    ]);
  });
});
