import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { type Api, answer, apiClient, type Ok } from "./client";
import { useSession } from "./queries";

/**
 * Ledningsforum (SPEC "Acting on the figures — the API contract", part Ledningsforum): the
 * forums, their meetings with agenda, decisions and actions, the follow-up per quarter, the
 * suggested agenda and "did it work". Answers are typed from the API's route schemas (`AppType`).
 */
type Forums = Api["forums"];
type OneForum = Forums[":id"];
type OneMeeting = OneForum["meetings"][":mid"];

export type Forum = Ok<OneForum["$get"]>;
export type MeetingSummary = Ok<OneForum["meetings"]["$get"]>["items"][number];
export type Meeting = Ok<OneMeeting["$get"]>;
export type MeetingStatus = Meeting["status"];
export type AgendaItem = Meeting["agenda"][number];
export type Decision = Meeting["decisions"][number];
export type Action = Meeting["actions"][number];
export type ActionStatus = Action["status"];
export type FollowUpAction = Meeting["followUp"][number];
export type ForumAction = Ok<OneForum["actions"]["$get"]>["items"][number];
export type FollowUp = Ok<OneForum["follow-up"]["$get"]>;
export type QuarterFollowUp = FollowUp["quarters"][number];
export type SuggestedAgenda = Ok<OneMeeting["suggested-agenda"]["$get"]>;
export type Signal = SuggestedAgenda["signals"][number];
export type SignalKind = Signal["kind"];
export type Effect = Ok<OneForum["actions"][":aid"]["effect"]["$get"]>;
/** A figure as read on a day or for a month: withheld values are null and `suppressed`. */
export type Reading = Omit<Effect["now"], "date">;

export type NewForum = Parameters<Forums["$post"]>[0]["json"];
export type NewMeeting = Parameters<OneForum["meetings"]["$post"]>[0]["json"];
export type NewAgendaItem = Parameters<OneMeeting["agenda"]["$post"]>[0]["json"];
export type NewAction = Parameters<OneMeeting["actions"]["$post"]>[0]["json"];
export type StatusChange = Parameters<OneMeeting["status"]["$post"]>[0]["json"];

function useApi() {
  const { token } = useSession();
  return { token, api: useMemo(() => apiClient(token), [token]) };
}

/** Every cached answer of the module: a write makes them all stale. */
const moduleKey = "forums";

export function useForums() {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [moduleKey, "list", token],
    queryFn: () => answer(api.forums.$get()),
  });
}

export function useForum(id: string) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [moduleKey, "one", id, token],
    queryFn: () => answer(api.forums[":id"].$get({ param: { id } })),
  });
}

function meetingsQuery(api: Api, token: string, id: string) {
  return {
    queryKey: [moduleKey, "meetings", id, token],
    queryFn: () => answer(api.forums[":id"].meetings.$get({ param: { id } })),
  };
}

export function useMeetings(forumId: string) {
  const { token, api } = useApi();
  return useQuery(meetingsQuery(api, token, forumId));
}

/** The meetings of several forums at once (the list's "next meeting"): a county has a handful. */
export function useMeetingsOf(forumIds: readonly string[]) {
  const { token, api } = useApi();
  return useQueries({ queries: forumIds.map((id) => meetingsQuery(api, token, id)) });
}

export function useMeeting(forumId: string, meetingId: string) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [moduleKey, "meeting", forumId, meetingId, token],
    queryFn: () =>
      answer(api.forums[":id"].meetings[":mid"].$get({ param: { id: forumId, mid: meetingId } })),
  });
}

/** The forum's open actions, most overdue first, with their days overdue today. */
export function useOpenActions(forumId: string) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [moduleKey, "actions", forumId, token],
    queryFn: () =>
      answer(api.forums[":id"].actions.$get({ param: { id: forumId }, query: { status: "open" } })),
  });
}

export function useFollowUp(forumId: string, from: string, to: string) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [moduleKey, "follow-up", forumId, from, to, token],
    queryFn: () =>
      answer(api.forums[":id"]["follow-up"].$get({ param: { id: forumId }, query: { from, to } })),
  });
}

export function useSuggestedAgenda(forumId: string, meetingId: string) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [moduleKey, "suggested", forumId, meetingId, token],
    queryFn: () =>
      answer(
        api.forums[":id"].meetings[":mid"]["suggested-agenda"].$get({
          param: { id: forumId, mid: meetingId },
        }),
      ),
    // A metric read, audited and rate-limited: not fetched again on every focus of the window.
    staleTime: 60_000,
  });
}

export function useActionEffect(forumId: string, actionId: string) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: [moduleKey, "effect", forumId, actionId, token],
    queryFn: () =>
      answer(
        api.forums[":id"].actions[":aid"].effect.$get({
          param: { id: forumId, aid: actionId },
          query: {},
        }),
      ),
    staleTime: 60_000,
  });
}

/**
 * Several agreements' indicators, for the figure each names (a median is days, a count cases):
 * the suggested agenda's off-target indicators say their value, not their unit. Cached with the
 * agreement page's own read of them.
 */
export function useIndicatorsOf(agreementIds: readonly string[]) {
  const { token, api } = useApi();
  return useQueries({
    queries: agreementIds.map((id) => ({
      queryKey: ["agreements", "indicators", id, token],
      queryFn: () => answer(api.agreements[":id"].indicators.$get({ param: { id }, query: {} })),
      staleTime: 60_000,
    })),
  });
}

/** A write of the module; afterwards every answer of the module is fetched anew. */
function useForumWrite<I, O>(write: (api: Api, input: I) => Promise<O>) {
  const { api } = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => write(api, input),
    onSettled: () => client.invalidateQueries({ queryKey: [moduleKey] }),
  });
}

export function useCreateForum() {
  return useForumWrite((api, json: NewForum) => answer(api.forums.$post({ json })));
}

export function useCreateMeeting(forumId: string) {
  return useForumWrite((api, json: NewMeeting) =>
    answer(api.forums[":id"].meetings.$post({ param: { id: forumId }, json })),
  );
}

export function useAddAgendaItem(forumId: string, meetingId: string) {
  return useForumWrite((api, json: NewAgendaItem) =>
    answer(
      api.forums[":id"].meetings[":mid"].agenda.$post({
        param: { id: forumId, mid: meetingId },
        json,
      }),
    ),
  );
}

export function useAddDecision(forumId: string, meetingId: string) {
  return useForumWrite((api, json: { text: string }) =>
    answer(
      api.forums[":id"].meetings[":mid"].decisions.$post({
        param: { id: forumId, mid: meetingId },
        json,
      }),
    ),
  );
}

export function useAddAction(forumId: string, meetingId: string) {
  return useForumWrite((api, json: NewAction) =>
    answer(
      api.forums[":id"].meetings[":mid"].actions.$post({
        param: { id: forumId, mid: meetingId },
        json,
      }),
    ),
  );
}

export function useCloseAction(forumId: string) {
  return useForumWrite((api, input: { actionId: string; status: "done" | "cancelled" }) =>
    answer(
      api.forums[":id"].actions[":aid"].$patch({
        param: { id: forumId, aid: input.actionId },
        json: { status: input.status },
      }),
    ),
  );
}

export function useChangeMeetingStatus(forumId: string, meetingId: string) {
  return useForumWrite((api, json: StatusChange) =>
    answer(
      api.forums[":id"].meetings[":mid"].status.$post({
        param: { id: forumId, mid: meetingId },
        json,
      }),
    ),
  );
}
