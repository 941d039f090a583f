import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createContext, useContext, useMemo } from "react";
import { locale } from "../lib/i18n";
import { apiGet, type Session } from "../session";
import { type Api, answer, apiClient } from "./client";
import type { Catalogues, MetricName, MetricResponses } from "./types";

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useSession outside a signed-in shell");
  return session;
}

/** The typed API client of the signed-in user. */
function useApi() {
  const { token } = useSession();
  return { token, api: useMemo(() => apiClient(token), [token]) };
}

/** Codes and names change rarely: fetched once per session and kept. */
export function useCatalogues() {
  const { token, api } = useApi();
  return useQuery({
    queryKey: ["catalogues", token, locale()],
    queryFn: async (): Promise<Catalogues> => {
      const [catalogues, organisations] = await Promise.all([
        answer(api.catalogues.$get({ query: { locale: locale() } })),
        answer(api.organisations.$get()),
      ]);
      return { ...catalogues, organisations: organisations.items };
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * One metric for the given parameters. The previous answer stays on screen while a changed
 * filter loads, so the page does not jump.
 */
export function useMetric<M extends MetricName>(name: M, params: URLSearchParams, enabled = true) {
  const { token, api } = useApi();
  const query = params.toString();
  return useQuery({
    queryKey: ["metric", name, query, token],
    // The path comes from the typed client; the parameters are the URL's filters as they stand
    // (lib/filters.ts), repeated per value as the API reads them.
    queryFn: () =>
      apiGet<MetricResponses[M]>(
        `${metricPaths(api)[name]}${query === "" ? "" : `?${query}`}`,
        token,
      ),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Each metric's path, from the typed client: a metric the API does not have fails to compile. */
function metricPaths(api: Api): Record<MetricName, string> {
  const { metrics } = api;
  return {
    cases: metrics.cases.$path(),
    "lead-times": metrics["lead-times"].$path(),
    flow: metrics.flow.$path(),
    trend: metrics.trend.$path(),
    sip: metrics.sip.$path(),
    network: metrics.network.$path(),
    stuck: metrics.stuck.$path(),
  };
}

/** The API's largest page: the stuck cases furthest over target (the list says if there are more). */
const stuckPageSize = 500;

/**
 * The caller's own stuck cases (case-level, audited by the API): only for samordnare, whose
 * units the cases belong to; leaders get counts only, and are not asked.
 */
export function useStuckCases(enabled: boolean) {
  const { token, api } = useApi();
  return useQuery({
    queryKey: ["cases", "stuck", token],
    queryFn: () =>
      answer(api.cases.$get({ query: { stuck: "true", limit: String(stuckPageSize) } })),
    enabled,
    staleTime: 60_000,
  });
}
