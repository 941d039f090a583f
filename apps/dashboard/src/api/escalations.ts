import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { type Api, answer, apiClient, type Ok } from "./client";
import { useSession } from "./queries";

/**
 * Eskalering (SPEC "Acting on the figures — the API contract", part Eskalering): the board, one
 * escalation, raising, lifting and resolving, and `GET /metrics/escalations`. Answers are typed
 * from the API's route schemas (`AppType`).
 */
type Escalations = Api["escalations"];
type One = Escalations[":id"];

export type Escalation = Ok<One["$get"]>;
export type Lift = Escalation["lifts"][number];
export type EscalationMetric = Ok<Api["metrics"]["escalations"]["$get"]>;
export type EscalationCell = EscalationMetric["cells"][number];
export type NewEscalation = Parameters<Escalations["$post"]>[0]["json"];

function useApi() {
  const { token } = useSession();
  return { token, api: useMemo(() => apiClient(token), [token]) };
}

const moduleKey = "escalations";

export function useEscalations(status: Escalation["status"]) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [moduleKey, "list", status, token],
    queryFn: () => answer(api.escalations.$get({ query: { status } })),
  });
}

export function useEscalation(id: string) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [moduleKey, "one", id, token],
    queryFn: () => answer(api.escalations[":id"].$get({ param: { id } })),
  });
}

/** The metric by level over [from, to]: whole months for every role but samordnare. */
export function useEscalationMetric(from: string, to: string) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [moduleKey, "metric", from, to, token],
    queryFn: () => answer(api.metrics.escalations.$get({ query: { from, to, groupBy: "level" } })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** A write of the module; afterwards every answer of the module is fetched anew. */
function useEscalationWrite<I, O>(write: (api: Api, input: I) => Promise<O>) {
  const { api } = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => write(api, input),
    onSettled: () => client.invalidateQueries({ queryKey: [moduleKey] }),
  });
}

export function useRaiseEscalation() {
  return useEscalationWrite((api, json: NewEscalation) => answer(api.escalations.$post({ json })));
}

export function useLiftEscalation(id: string) {
  return useEscalationWrite((api, json: { note: string }) =>
    answer(api.escalations[":id"].lift.$post({ param: { id }, json })),
  );
}

export function useResolveEscalation(id: string) {
  return useEscalationWrite((api, json: { resolution: string }) =>
    answer(api.escalations[":id"].resolve.$post({ param: { id }, json })),
  );
}
