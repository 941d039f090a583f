import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { type Api, answer, apiClient, type Ok } from "./client";
import { useSession } from "./queries";

/**
 * Utvärdering (SPEC "Acting on the figures — the API contract", part Utvärdering): the sessions,
 * one session's board, its figures and the board's writes. Answers are typed from the API's
 * route schemas (`AppType`); the live stream is `pages/evaluations/live.ts`.
 */
type Evaluations = Api["evaluations"];
type One = Evaluations[":id"];

export type EvaluationSummary = Ok<Evaluations["$get"]>["items"][number];
export type Board = Ok<One["$get"]>;
export type BoardItem = Board["items"][number];
export type BoardGroup = Board["groups"][number];
export type Phase = Board["phase"];
export type PreviousAction = Board["previousActions"][number];
export type Figures = Ok<One["figures"]["$get"]>;

export type NewEvaluation = Parameters<Evaluations["$post"]>[0]["json"];
export type NewItem = Parameters<One["items"]["$post"]>[0]["json"];
export type Lift = Parameters<One["items"][":itemId"]["action"]["$post"]>[0]["json"];

function useApi() {
  const { token } = useSession();
  return { token, api: useMemo(() => apiClient(token), [token]) };
}

/** Every cached answer of the module: a write, or a change on the stream, makes them stale. */
export const evaluationsKey = "evaluations";

export function useEvaluations() {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [evaluationsKey, "list", token],
    queryFn: () => answer(api.evaluations.$get({ query: {} })),
  });
}

export function useBoard(id: string) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [evaluationsKey, "board", id, token],
    queryFn: () => answer(api.evaluations[":id"].$get({ param: { id } })),
  });
}

export function useFigures(id: string) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [evaluationsKey, "figures", id, token],
    queryFn: () => answer(api.evaluations[":id"].figures.$get({ param: { id } })),
  });
}

/** A write of the module; afterwards the module's answers are fetched anew (after a refusal too). */
function useBoardWrite<I, O>(write: (api: Api, input: I) => Promise<O>) {
  const { api } = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => write(api, input),
    onSettled: () => client.invalidateQueries({ queryKey: [evaluationsKey] }),
  });
}

export function useCreateEvaluation() {
  return useBoardWrite((api, json: NewEvaluation) => answer(api.evaluations.$post({ json })));
}

export function useAddItem(id: string) {
  return useBoardWrite((api, json: NewItem) =>
    answer(api.evaluations[":id"].items.$post({ param: { id }, json })),
  );
}

export function useChangePhase(id: string) {
  return useBoardWrite((api, phase: Phase) =>
    answer(api.evaluations[":id"].phase.$post({ param: { id }, json: { phase } })),
  );
}

export function useCreateGroup(id: string) {
  return useBoardWrite((api, json: { title: string; items: string[] }) =>
    answer(api.evaluations[":id"].groups.$post({ param: { id }, json })),
  );
}

export function useMoveToGroup(id: string) {
  return useBoardWrite((api, input: { groupId: string; items: string[] }) =>
    answer(
      api.evaluations[":id"].groups[":gid"].items.$post({
        param: { id, gid: input.groupId },
        json: { items: input.items },
      }),
    ),
  );
}

export function useCastVote(id: string) {
  return useBoardWrite((api, target: string) =>
    answer(api.evaluations[":id"].votes.$post({ param: { id }, json: { target } })),
  );
}

export function useLiftItem(id: string) {
  return useBoardWrite((api, input: { itemId: string } & Lift) => {
    const { itemId, ...json } = input;
    return answer(
      api.evaluations[":id"].items[":itemId"].action.$post({ param: { id, itemId }, json }),
    );
  });
}
