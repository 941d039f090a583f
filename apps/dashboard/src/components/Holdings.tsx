import { useQuery } from "@tanstack/react-query";
import { formatNumber } from "../lib/cells";
import { t } from "../lib/i18n";
import { ApiFailure } from "../session";
import { QueryState } from "./QueryState";

interface Health {
  status: "ok";
  database: "postgres" | "pglite";
  counts: { organisations: number; units: number; cases: number | null; events: number };
}

/** What the county holds (public health figures; the case count obeys k like every count). */
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
      {(health) => (
        <table className="holdings">
          <caption>{t("dashboard.holdings_caption")}</caption>
          <tbody>
            <Row label={t("dashboard.organisations")} value={health.counts.organisations} />
            <Row label={t("dashboard.units")} value={health.counts.units} />
            <Row label={t("dashboard.cases")} value={health.counts.cases} testId="case-count" />
            <Row label={t("dashboard.events")} value={health.counts.events} />
          </tbody>
        </table>
      )}
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
