import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { locale } from "../lib/i18n";
import { apiGet, type Session } from "../session";
import type { Catalogues, MetricName, MetricResponses, Named } from "./types";

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useSession outside a signed-in shell");
  return session;
}

/** Codes and names change rarely: fetched once per session and kept. */
export function useCatalogues() {
  const { token } = useSession();
  return useQuery({
    queryKey: ["catalogues", token, locale()],
    queryFn: async (): Promise<Catalogues> => {
      const [catalogues, organisations] = await Promise.all([
        apiGet<Omit<Catalogues, "organisations">>(`/api/v1/catalogues?locale=${locale()}`, token),
        apiGet<{ items: Named[] }>("/api/v1/organisations", token),
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
  const { token } = useSession();
  const query = params.toString();
  return useQuery({
    queryKey: ["metric", name, query, token],
    queryFn: () =>
      apiGet<MetricResponses[M]>(
        `/api/v1/metrics/${name}${query === "" ? "" : `?${query}`}`,
        token,
      ),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
