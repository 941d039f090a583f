import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate, MunicipalityCode, OrganisationCode, TargetGroupCode } from "../codes";
import {
  type AgreementFields,
  type AgreementStatus,
  agreementFieldNames,
  agreementStatuses,
} from "./agreement";
import {
  type CreateAgreement,
  indicatorFigureNames,
  indicatorFigures,
  indicatorMetrics,
} from "./commands";
import {
  type AgreementCatalogue,
  type AgreementChange,
  type AgreementRecord,
  decideAgreement,
} from "./decide";
import { canChangeStatus } from "./status";

const o = (c: string) => c as OrganisationCode;
const d = (c: string) => c as IsoDate;

const catalogue: AgreementCatalogue = {
  organisations: new Set(["solna", "region_stockholm", "nacka"]),
  targetGroups: new Set(["missbruk_vuxen", "psykisk_ohalsa", "demens"]),
  municipalities: new Set(["0184", "0182", "0180"]),
};

const createFields: CreateAgreement["fields"] = {
  title: "Samverkan kring missbruk, Solna",
  level: "lokal",
  parties: [o("solna"), o("region_stockholm")],
  targetGroups: ["missbruk_vuxen" as TargetGroupCode],
  municipalities: ["0184" as MunicipalityCode],
  validFrom: d("2026-01-15"),
  validTo: null,
  sections: [{ kind: "sip", title: "SIP", text: "Kallelse inom fem dagar." }],
};

function created(over: Partial<CreateAgreement["fields"]> = {}): AgreementRecord {
  const result = decideAgreement(
    { type: "createAgreement", fields: { ...createFields, ...over } },
    { agreement: undefined, catalogue },
  );
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  const change = result.value[0];
  if (change?.type !== "agreementRevised") throw new Error("no agreement");
  return change.agreement;
}

function revised(
  change: readonly AgreementChange[],
): Extract<AgreementChange, { type: "agreementRevised" }> {
  const first = change[0];
  if (first?.type !== "agreementRevised") throw new Error("no revision");
  return first;
}

describe("creating an agreement", () => {
  it("starts as a draft at revision 1, due for review on the first 30 November, with every field", () => {
    const result = decideAgreement(
      { type: "createAgreement", fields: createFields },
      { agreement: undefined, catalogue },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const change = revised(result.value);
    expect(change.fields).toEqual(agreementFieldNames);
    expect(change.agreement).toMatchObject({
      status: "draft",
      revision: 1,
      replacedBy: null,
      reviewBy: "2026-11-30",
      documentUrl: null,
    });
  });

  it("keeps a review date the user chose, and stores parties and codes as sorted sets", () => {
    const a = created({
      reviewBy: d("2026-06-30"),
      parties: [o("solna"), o("region_stockholm"), o("solna")],
      municipalities: ["0184", "0180"] as MunicipalityCode[],
    });
    expect(a.reviewBy).toBe("2026-06-30");
    expect(a.parties).toEqual(["region_stockholm", "solna"]);
    expect(a.municipalities).toEqual(["0180", "0184"]);
  });

  it("refuses unknown codes, one party and a validity that ends before it starts, naming the field", () => {
    const refusal = (over: Partial<CreateAgreement["fields"]>) => {
      const r = decideAgreement(
        { type: "createAgreement", fields: { ...createFields, ...over } },
        { agreement: undefined, catalogue },
      );
      return r.ok ? undefined : r.error;
    };
    expect(refusal({ parties: [o("solna"), o("okand")] })).toEqual({
      code: "unknownOrganisation",
      field: "parties",
    });
    expect(refusal({ parties: [o("solna"), o("solna")] })).toEqual({
      code: "tooFewParties",
      field: "parties",
    });
    expect(refusal({ targetGroups: ["x" as TargetGroupCode] })).toEqual({
      code: "unknownTargetGroup",
      field: "targetGroups",
    });
    expect(refusal({ municipalities: ["9999" as MunicipalityCode] })).toEqual({
      code: "unknownMunicipality",
      field: "municipalities",
    });
    expect(refusal({ validTo: d("2026-01-14") })).toEqual({
      code: "validityOrder",
      field: "validTo",
    });
    expect(refusal({ validTo: d("2026-01-15") })).toBeUndefined();
  });
});

describe("revising an agreement", () => {
  const base = created();

  it("refuses a stale revision, whatever the change", () => {
    const r = decideAgreement(
      { type: "reviseAgreement", expectedRevision: 2, changes: { title: "Ny" } },
      { agreement: base, catalogue },
    );
    expect(r).toEqual({ ok: false, error: { code: "staleRevision", field: "expectedRevision" } });
  });

  it("refuses to change an agreement that has expired or been replaced", () => {
    for (const status of ["expired", "replaced"] as const) {
      const r = decideAgreement(
        { type: "reviseAgreement", expectedRevision: 1, changes: { title: "Ny" } },
        { agreement: { ...base, status }, catalogue },
      );
      expect(r).toEqual({ ok: false, error: { code: "agreementEnded" } });
    }
  });

  it("moves a default review date with validFrom, and leaves one the user chose", () => {
    const moved = decideAgreement(
      { type: "reviseAgreement", expectedRevision: 1, changes: { validFrom: d("2026-12-15") } },
      { agreement: base, catalogue },
    );
    expect(moved.ok && revised(moved.value).agreement.reviewBy).toBe("2027-11-30");
    expect(moved.ok && revised(moved.value).fields).toEqual(["validFrom", "reviewBy"]);
    const chosen = { ...base, reviewBy: d("2026-09-30") };
    const kept = decideAgreement(
      { type: "reviseAgreement", expectedRevision: 1, changes: { validFrom: d("2026-12-15") } },
      { agreement: chosen, catalogue },
    );
    // 2026-09-30 is before the new validFrom: the check is the user's, the date stays.
    expect(kept.ok && revised(kept.value).agreement.reviewBy).toBe("2026-09-30");
  });

  it("makes a new revision exactly when a field changes, and lists exactly the fields that did", () => {
    const changes = fc.record(
      {
        title: fc.constantFrom(base.title, "Annan titel"),
        level: fc.constantFrom("lan" as const, "lokal" as const),
        parties: fc.constantFrom(
          [o("solna"), o("region_stockholm")],
          [o("region_stockholm"), o("solna")],
          [o("nacka"), o("region_stockholm")],
        ),
        validTo: fc.constantFrom(null, d("2027-12-31")),
        documentUrl: fc.constantFrom(null, "https://example.se/avtal.pdf"),
        sections: fc.constantFrom(base.sections, []),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(changes, (c) => {
        const r = decideAgreement(
          { type: "reviseAgreement", expectedRevision: 1, changes: c },
          { agreement: base, catalogue },
        );
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const given: Partial<AgreementFields> = c;
        const differs = (Object.keys(c) as (keyof AgreementFields)[]).filter((k) => {
          const value = k === "parties" ? [...(c.parties ?? [])].sort() : given[k];
          return JSON.stringify(value) !== JSON.stringify(base[k]);
        });
        if (differs.length === 0) {
          expect(r.value).toEqual([]);
          return;
        }
        const change = revised(r.value);
        expect([...change.fields].sort()).toEqual([...differs].sort());
        expect(change.agreement.revision).toBe(2);
        expect(change.agreement.status).toBe(base.status);
      }),
    );
  });
});

describe("changing an agreement's status", () => {
  const base = created();
  const today = d("2026-12-03");

  it("allows exactly the transitions of the status rules, one revision each", () => {
    for (const from of agreementStatuses) {
      for (const to of agreementStatuses) {
        const successor = to === "replaced" ? { id: "b" } : undefined;
        const r = decideAgreement(
          {
            type: "changeAgreementStatus",
            status: to,
            on: today,
            ...(successor ? { replacedBy: "b" } : {}),
          },
          { agreement: { ...base, status: from }, catalogue, successor },
        );
        if (canChangeStatus(from, to)) {
          expect(r.ok, `${from}→${to}`).toBe(true);
          if (r.ok) expect(revised(r.value).agreement).toMatchObject({ status: to, revision: 2 });
        } else {
          expect(r, `${from}→${to}`).toEqual({
            ok: false,
            error: { code: "statusTransition", field: "status" },
          });
        }
      }
    }
  });

  it("moves reviewBy to the next 30 November when a review is done, and only then", () => {
    const underReview: AgreementRecord = { ...base, status: "under_review" };
    const done = decideAgreement(
      { type: "changeAgreementStatus", status: "active", on: today },
      { agreement: underReview, catalogue },
    );
    expect(done.ok && revised(done.value).agreement.reviewBy).toBe("2027-11-30");
    expect(done.ok && revised(done.value).fields).toEqual(["status", "reviewBy"]);
    const started = decideAgreement(
      { type: "changeAgreementStatus", status: "under_review", on: today },
      { agreement: { ...base, status: "active" as AgreementStatus }, catalogue },
    );
    expect(started.ok && revised(started.value).agreement.reviewBy).toBe(base.reviewBy);
  });

  it("replaces only with a successor that exists, and takes replacedBy for nothing else", () => {
    const active: AgreementRecord = { ...base, status: "active" };
    const change = (replacedBy: string | undefined, successor?: { id: string }) =>
      decideAgreement(
        {
          type: "changeAgreementStatus",
          status: "replaced",
          on: today,
          ...(replacedBy ? { replacedBy } : {}),
        },
        { agreement: active, catalogue, successor },
      );
    expect(change(undefined)).toEqual({
      ok: false,
      error: { code: "replacedByRequired", field: "replacedBy" },
    });
    expect(change("b")).toEqual({
      ok: false,
      error: { code: "unknownAgreement", field: "replacedBy" },
    });
    const r = change("b", { id: "b" });
    expect(r.ok && revised(r.value).agreement).toMatchObject({
      status: "replaced",
      replacedBy: "b",
    });
    const expired = decideAgreement(
      { type: "changeAgreementStatus", status: "expired", on: today, replacedBy: "b" },
      { agreement: active, catalogue, successor: { id: "b" } },
    );
    expect(expired).toEqual({
      ok: false,
      error: { code: "replacedByNotAllowed", field: "replacedBy" },
    });
  });
});

describe("indicators and deviations", () => {
  const base = created();

  it("takes exactly the figures each metric has", () => {
    for (const metric of indicatorMetrics) {
      for (const figure of indicatorFigureNames) {
        const r = decideAgreement(
          {
            type: "addIndicator",
            name: "SIP inom 30 dagar",
            kind: "process",
            metric,
            figure,
            target: { value: 30, direction: "at_most" },
          },
          { agreement: base, catalogue },
        );
        const fits = (indicatorFigures[metric] as readonly string[]).includes(figure);
        expect(r.ok, `${metric}.${figure}`).toBe(fits);
        if (!r.ok) expect(r.error).toEqual({ code: "figureNotInMetric", field: "figure" });
      }
    }
  });

  it("logs a deviation naming known organisations, and closes an open one once", () => {
    const log = (organisations: string[]) =>
      decideAgreement(
        {
          type: "logDeviation",
          kind: "tvist",
          section: "sip",
          occurredOn: today(),
          organisations: organisations as OrganisationCode[],
          description: "Oenighet om ansvar",
        },
        { agreement: base, catalogue },
      );
    expect(log(["solna", "okand"])).toEqual({
      ok: false,
      error: { code: "unknownOrganisation", field: "organisations" },
    });
    expect(log(["solna", "region_stockholm"]).ok).toBe(true);
    const close = (status: "open" | "closed") =>
      decideAgreement(
        { type: "closeDeviation", deviationId: "x", resolution: "Löst i ledningsforum" },
        { agreement: base, catalogue, deviation: { id: "x", status } },
      );
    expect(close("open")).toEqual({
      ok: true,
      value: [{ type: "deviationClosed", deviationId: "x", resolution: "Löst i ledningsforum" }],
    });
    expect(close("closed")).toEqual({
      ok: false,
      error: { code: "deviationClosed", field: "status" },
    });
  });
});

function today(): IsoDate {
  return d("2026-12-03");
}
