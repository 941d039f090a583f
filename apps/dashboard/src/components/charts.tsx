import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatNumber } from "../lib/cells";
import { t } from "../lib/i18n";

/** Colours distinguishable with colour blindness (Okabe–Ito), dark enough against white. */
export const palette = [
  "#0b5cad",
  "#b35900",
  "#007a5e",
  "#a4366f",
  "#5b4c9e",
  "#6b6b00",
  "#1f1f1f",
  "#c0392b",
];

export function colour(index: number): string {
  return palette[index % palette.length] ?? "#0b5cad";
}

export interface Series {
  readonly key: string;
  readonly label: string;
}

type Row = Record<string, string | number | null>;

/**
 * Charts are drawn for the eye; the table beside each is the accessible alternative, so the
 * chart is hidden from assistive technology and kept out of the tab order.
 */
function ChartFrame(props: { height: number; children: React.ReactElement; k: number }) {
  return (
    <div className="chart">
      <div aria-hidden="true" style={{ height: props.height }}>
        <ResponsiveContainer width="100%" height="100%">
          {props.children}
        </ResponsiveContainer>
      </div>
      <p className="chart-note">
        {t("chart.table_alternative")} {t("chart.suppressed_omitted", { k: props.k })}
      </p>
    </div>
  );
}

/** Long group names (unit, organisation) are cut in the chart; the table has them whole. */
function shorten(label: unknown): string {
  const text = String(label);
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}

const tooltipFormatter = (value: unknown) =>
  typeof value === "number" ? formatNumber(value) : String(value);

export function BarFigure(props: {
  data: readonly Row[];
  category: string;
  series: readonly Series[];
  k: number;
  stacked?: boolean;
  reference?: { value: number; label: string } | null;
}) {
  const perRow = props.series.length > 1 && !props.stacked ? 14 * props.series.length + 16 : 32;
  const height = Math.max(160, props.data.length * perRow + 70);
  return (
    <ChartFrame height={height} k={props.k}>
      <BarChart
        data={[...props.data]}
        layout="vertical"
        margin={{ left: 8, right: 24 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={formatNumber} allowDecimals={false} />
        <YAxis
          type="category"
          dataKey={props.category}
          width={200}
          interval={0}
          tick={{ fontSize: 12 }}
          tickFormatter={shorten}
        />
        <Tooltip formatter={tooltipFormatter} />
        {props.series.length > 1 && <Legend />}
        {props.series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={colour(i)}
            isAnimationActive={false}
            {...(props.stacked ? { stackId: "a" } : {})}
          />
        ))}
        {props.reference != null && (
          <ReferenceLine
            x={props.reference.value}
            stroke="#c0392b"
            strokeDasharray="4 2"
            label={props.reference.label}
          />
        )}
      </BarChart>
    </ChartFrame>
  );
}

export function LineFigure(props: {
  data: readonly Row[];
  series: readonly Series[];
  k: number;
  height?: number;
}) {
  return (
    <ChartFrame height={props.height ?? 280} k={props.k}>
      <LineChart data={[...props.data]} margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={formatNumber} allowDecimals={false} />
        <Tooltip formatter={tooltipFormatter} />
        <Legend />
        {props.series.map((s, i) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={colour(i)}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
