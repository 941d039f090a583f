import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { t } from "../lib/i18n";
import { ApiFailure } from "../session";

/**
 * Loading, error and empty states in Swedish around whatever a query feeds. `isEmpty` decides
 * "no cases match the filter"; the children render only with data.
 */
export function QueryState<T>(props: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) return <PageLoading />;
  if (query.isError) {
    return (
      <div className="state" role="alert">
        <p>{errorText(query.error)}</p>
        <button type="button" onClick={() => void query.refetch()}>
          {t("state.retry")}
        </button>
      </div>
    );
  }
  if (props.isEmpty?.(query.data)) return <EmptyState />;
  return (
    <div aria-busy={query.isFetching} className={query.isPlaceholderData ? "stale" : undefined}>
      {props.children(query.data)}
    </div>
  );
}

/** "Hämtar…": a query's figures, or a page's code, on their way. */
export function PageLoading() {
  return (
    <p className="state" role="status">
      {t("state.loading")}
    </p>
  );
}

function errorText(error: Error): string {
  if (error instanceof ApiFailure) {
    if (error.status === 403) return t("state.error_forbidden");
    if (error.status === 400) return t("state.error_bad_request", { details: error.details });
  }
  return t("state.error");
}

export function EmptyState() {
  return (
    <p className="state empty" role="status">
      {t("state.empty")}
    </p>
  );
}

/**
 * The first query still loading or failed, for a page that shows its figures together;
 * a query switched off (not enabled) is not waited for.
 */
export function firstNotReady(
  queries: readonly UseQueryResult<unknown>[],
): UseQueryResult<unknown> | undefined {
  const live = queries.filter((q) => !(q.isPending && q.fetchStatus === "idle"));
  return live.find((q) => q.isError) ?? live.find((q) => q.isPending);
}
