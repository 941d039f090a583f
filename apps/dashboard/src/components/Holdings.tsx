import { useQuery } from "@tanstack/react-query";
import { formatNumber } from "../lib/cells";
import { t } from "../lib/i18n";
import { ApiFailure } from "../session";
import { QueryState } from "./QueryState";

interface Health {
  status: "ok";
  database: "postgres" | "pglite";
  /** No longer in the public health answer, where exact counts showed the pace of writes. */
  counts?: { organisations: number; units: number; cases: number | null; events: number };
}

/**
 * What the county holds, when health tells it; it no longer does, so this shows nothing until
 * the figures come from a signed-in source (the case count must obey k like every count).
 */
export function Holdings() {
  const query = useQuery({
    queryKey: ["health"],
    queryFn: async () => {
      const res = await fetch("/api/v1/health");
      if (!res.ok) throw new ApiFailure(res.status);
      return (await res.json()) as Health;
    },
    staleTime: 60_000,
  });
  return (
    <QueryState query={query}>
      {({ counts }) =>
        counts === undefined ? null : (
          <table className="holdings">
            <caption>{t("dashboard.holdings_caption")}</caption>
            <tbody>
              <Row label={t("dashboard.organisations")} value={counts.organisations} />
              <Row label={t("dashboard.units")} value={counts.units} />
              <Row label={t("dashboard.cases")} value={counts.cases} testId="case-count" />
              <Row label={t("dashboard.events")} value={counts.events} />
            </tbody>
          </table>
        )
      }
    </QueryState>
  );
}

function Row(props: { label: string; value: number | null; testId?: string }) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td className="num" data-testid={props.testId}>
        {props.value === null ? "–" : formatNumber(props.value)}
      </td>
    </tr>
  );
}
