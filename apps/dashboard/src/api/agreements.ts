import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { type Api, answer, apiClient, type Ok } from "./client";
import { useSession } from "./queries";

/**
 * Överenskommelser (SPEC "Acting on the figures — the API contract", part Överenskommelser):
 * the register, its coverage, one agreement, and the writes of lan and admin. Answers are typed
 * from the API's route schemas (`AppType`).
 */
type Agreements = Api["agreements"];
type One = Agreements[":id"];

export type AgreementList = Ok<Agreements["$get"]>;
export type Agreement = AgreementList["items"][number];
export type AgreementDetail = Ok<One["$get"]>;
export type Coverage = Ok<Agreements["coverage"]["$get"]>;
export type CoverageCell = Coverage["cells"][number];
export type Deviation = AgreementDetail["deviations"][number];
export type Revision = AgreementDetail["revisions"][number];
export type AgreementStatus = Agreement["status"];
export type SectionKind = Agreement["sections"][number]["kind"];
export type DeviationKind = Deviation["kind"];

/** What POST /agreements takes; PATCH takes any of it with `expectedRevision`. */
export type AgreementInput = Parameters<Agreements["$post"]>[0]["json"];
export type AgreementPatch = Parameters<One["$patch"]>[0]["json"];
export type NewDeviation = Parameters<One["deviations"]["$post"]>[0]["json"];

/** The register's filters as the API reads them (`reviewDue`: `overdue` or `within:NNd`). */
export interface RegisterQuery {
  readonly status?: readonly string[];
  readonly municipality?: readonly string[];
  readonly targetGroup?: readonly string[];
  readonly reviewDue?: string;
}

/** An agreement's indicators with their figures (`GET /agreements/{id}/indicators`). */
export type Indicators = Ok<One["indicators"]["$get"]>;
export type Indicator = Indicators["items"][number];
export type NewIndicator = Parameters<One["indicators"]["$post"]>[0]["json"];

function useApi() {
  const { token } = useSession();
  return { token, api: useMemo(() => apiClient(token), [token]) };
}

/** Every cached answer of the module: a write makes them all stale (register, coverage, one). */
const moduleKey = "agreements";

export function useAgreementList(query: RegisterQuery) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [moduleKey, "list", token, query],
    queryFn: () =>
      answer(
        api.agreements.$get({
          query: {
            ...(query.status === undefined ? {} : { status: [...query.status] }),
            ...(query.municipality === undefined ? {} : { municipality: [...query.municipality] }),
            ...(query.targetGroup === undefined ? {} : { targetGroup: [...query.targetGroup] }),
            ...(query.reviewDue === undefined ? {} : { reviewDue: query.reviewDue }),
          },
        }),
      ),
  });
}

/** Coverage as of a day (default today, as the API has it). */
export function useCoverage(asOf: string | undefined) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [moduleKey, "coverage", asOf, token],
    queryFn: () =>
      answer(api.agreements.coverage.$get({ query: asOf === undefined ? {} : { asOf } })),
    placeholderData: keepPreviousData,
  });
}

export function useAgreement(id: string) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [moduleKey, "one", id, token],
    queryFn: () => answer(api.agreements[":id"].$get({ param: { id } })),
  });
}

export function useIndicators(id: string) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [moduleKey, "indicators", id, token],
    queryFn: () => answer(api.agreements[":id"].indicators.$get({ param: { id }, query: {} })),
  });
}

/**
 * A write of the module; afterwards every answer of the module is fetched anew — after a refusal
 * too, since a conflict (409) means the page shows a revision that is no longer the latest.
 */
function useAgreementWrite<I, O>(write: (api: Api, input: I) => Promise<O>) {
  const { api } = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => write(api, input),
    onSettled: () => client.invalidateQueries({ queryKey: [moduleKey] }),
  });
}

export function useCreateAgreement() {
  return useAgreementWrite((api, json: AgreementInput) => answer(api.agreements.$post({ json })));
}

export function useUpdateAgreement(id: string) {
  return useAgreementWrite((api, json: AgreementPatch) =>
    answer(api.agreements[":id"].$patch({ param: { id }, json })),
  );
}

export function useChangeStatus(id: string) {
  return useAgreementWrite((api, json: { status: AgreementStatus; replacedBy?: string }) =>
    answer(api.agreements[":id"].status.$post({ param: { id }, json })),
  );
}

export function useLogDeviation(id: string) {
  return useAgreementWrite((api, json: NewDeviation) =>
    answer(api.agreements[":id"].deviations.$post({ param: { id }, json })),
  );
}

export function useCloseDeviation(id: string) {
  return useAgreementWrite((api, input: { deviationId: string; resolution: string }) =>
    answer(
      api.agreements[":id"].deviations[":did"].$patch({
        param: { id, did: input.deviationId },
        json: { status: "closed", resolution: input.resolution },
      }),
    ),
  );
}

export function useAddIndicator(id: string) {
  return useAgreementWrite((api, json: NewIndicator) =>
    answer(api.agreements[":id"].indicators.$post({ param: { id }, json })),
  );
}
