import { type IsoDate, registerCsv, registerHeader, t } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { readRegisterCsv } from "../../import/read-register";
import { listAgreements } from "../../queries/agreements/agreements";
import { selectRows } from "../../queries/rows";
import {
  anAuditContext,
  aScope,
  countAuditRows,
  importExampleCounty,
  resetData,
  testDatabases,
  useMigratedDatabase,
} from "../../testing";
import {
  changeAgreementStatus,
  createAgreement,
  importRegister,
  type NewAgreement,
  reviseAgreement,
} from ".";

const lan = aScope("lan", []);
const today = "2026-12-03" as IsoDate;

const solna = {
  title: "Överenskommelse om missbruk och beroende, Solna",
  level: "lokal",
  parties: ["solna_stad", "region_stockholm"],
  targetGroups: ["missbruk_beroende"],
  municipalities: ["0184"],
  validFrom: "2026-01-15",
  validTo: null,
  sections: [
    { kind: "sip", title: "SIP", text: "- kallelse inom fem dagar\n- uppföljning" },
    { kind: "tvister", title: '=HYPERLINK("x")', text: "" },
  ],
} as unknown as NewAgreement;

const header = registerHeader(1).join(",");
const aRow = (cells: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    id: "",
    title: "Lokal överenskommelse för Solna",
    level: "lokal",
    status: "active",
    parties: "solna_stad|region_stockholm",
    target_groups: "missbruk_beroende",
    municipalities: "0184",
    valid_from: "2026-01-01",
    valid_to: "",
    review_by: "",
    document_url: "",
    revision: "",
    replaced_by: "",
    section_1_kind: "sip",
    section_1_title: "SIP",
    section_1_text: "Kallelse inom fem arbetsdagar.",
    ...cells,
  };
  return registerHeader(1)
    .map((c) => values[c] ?? "")
    .join(",");
};
const file = (...lines: string[]) =>
  new TextEncoder().encode(`${[header, ...lines].join("\r\n")}\r\n`);

describe.each(testDatabases())("importing the agreement register on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;
  beforeEach(async () => {
    await resetData(db());
    await importExampleCounty(database());
  });

  const importFile = (bytes: Uint8Array, scope = lan) =>
    importRegister(db(), scope, anAuditContext(scope), readRegisterCsv(bytes), {
      now: new Date("2026-12-03T10:00:00Z"),
    });
  const count = async (table: "agreements" | "agreement_revisions") =>
    (
      await selectRows<{ n: number }>(
        db(),
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
      )
    )[0]?.n;
  const exported = async () => registerCsv(await listAgreements(db(), lan, {}, today));

  it("creates the rows' agreements in their status, and a second import of the file changes nothing", async () => {
    const id = "0b6f3f3e-5a8d-4c1e-9f8e-2d7c6b5a4f3e";
    const bytes = file(aRow(), aRow({ id, title: "Andra", status: "under_review" }));
    const first = await importFile(bytes);
    expect(first.ok && first.value).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const stored = await listAgreements(db(), lan, {}, today);
    expect(stored.map((a) => [a.title, a.status, a.reviewBy])).toEqual(
      expect.arrayContaining([
        ["Lokal överenskommelse för Solna", "active", "2026-11-30"],
        ["Andra", "under_review", "2026-11-30"],
      ]),
    );
    expect(stored.find((a) => a.title === "Andra")?.id).toBe(id);
    const revisions = await count("agreement_revisions");
    const audit = await countAuditRows(db());
    const second = await importFile(bytes);
    expect(second.ok && second.value).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await count("agreements")).toBe(2);
    expect(await count("agreement_revisions")).toBe(revisions);
    expect(await countAuditRows(db())).toBe(audit + 1);
  });

  it("reads its own export back unchanged, formulas neutralised and all", async () => {
    const created = await createAgreement(db(), lan, anAuditContext(lan), solna);
    if (!created.ok) throw new Error("not created");
    await changeAgreementStatus(db(), lan, anAuditContext(lan), created.value.id, {
      status: "active",
    });
    const csv = await exported();
    expect(csv).toContain(`'=HYPERLINK(""x"")`);
    expect(csv).toContain(`"'- kallelse`);
    const report = await importFile(new TextEncoder().encode(csv));
    expect(report.ok && report.value).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await exported()).toBe(csv);
  });

  it("changes an agreement at its exported revision, and refuses a row from an older export", async () => {
    const created = await createAgreement(db(), lan, anAuditContext(lan), solna);
    if (!created.ok) throw new Error("not created");
    const csv = await exported();
    const edited = csv.replace('Solna",lokal', 'Solna (reviderad)",lokal');
    const report = await importFile(new TextEncoder().encode(edited));
    expect(report.ok && report.value).toMatchObject({ updated: 1 });
    await reviseAgreement(db(), lan, anAuditContext(lan), created.value.id, 2, { title: "Ny" });
    const stale = await importFile(new TextEncoder().encode(edited));
    expect(stale).toMatchObject({ ok: false, error: "invalid", details: [{ path: "2:revision" }] });
  });

  it("stores nothing when one row is bad, and names every bad cell by line and column in Swedish", async () => {
    const bytes = file(aRow(), aRow({ municipalities: "0184|9999", valid_to: "2025-13-01" }));
    const before = await countAuditRows(db());
    const report = await importFile(bytes);
    expect(report).toEqual({
      ok: false,
      error: "invalid",
      details: [
        {
          path: "3:valid_to",
          message: `Rad 3, kolumn valid_to: ${t("import.error.badDate")}`,
        },
      ],
    });
    expect(await count("agreements")).toBe(0);
    expect(await countAuditRows(db())).toBe(before + 1);
    const unknown = await importFile(file(aRow(), aRow({ municipalities: "0184|9999" })));
    expect(unknown).toMatchObject({
      ok: false,
      details: [
        {
          path: "3:municipalities",
          message: expect.stringMatching(/^Rad 3, kolumn municipalities: Kommunen/),
        },
      ],
    });
    expect(await count("agreements")).toBe(0);
  });

  it("screens every text and never repeats the identifier", async () => {
    const report = await importFile(file(aRow({ section_1_text: "Gäller 19121212-1212" })));
    expect(report).toMatchObject({ ok: false, details: [{ path: "2:section_1_text" }] });
    expect(JSON.stringify(report)).not.toContain("1212");
    expect(await count("agreements")).toBe(0);
  });

  it("reads a spreadsheet's semicolon-separated Windows-1252 file like its UTF-8 original", async () => {
    const text = `${header}\r\n${aRow({ title: "Överenskommelse för Södertälje" })}\r\n`.replaceAll(
      ",",
      ";",
    );
    const windows1252 = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
    const report = await importFile(windows1252);
    expect(report.ok && report.value.created).toBe(1);
    const [stored] = await listAgreements(db(), lan, {}, today);
    expect(stored?.title).toBe("Överenskommelse för Södertälje");
  });

  it("lets only lan and admin import, and stores nothing for anyone else", async () => {
    for (const scope of [aScope("ledning", ["solna_stad"]), aScope("samordnare", ["solna_stad"])]) {
      expect(await importFile(file(aRow()), scope)).toEqual({ ok: false, error: "forbidden" });
    }
    expect(await count("agreements")).toBe(0);
    expect((await importFile(file(aRow()), aScope("admin", []))).ok).toBe(true);
  });
});
