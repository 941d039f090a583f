import { type ReactNode, useEffect, useRef, useState } from "react";
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
  type YAxisTickContentProps,
} from "recharts";
import { formatNumber } from "../lib/cells";
import { charsFor, hasDrawable, wrapLabel } from "../lib/chart-data";
import { t } from "../lib/i18n";
import { monthTick } from "../lib/period";
import { useOpenPage } from "./RouteLink";

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

/** One bar group or month: `href`, when set, is where a click on its bar leads (drill-down). */
type Row = Record<string, string | number | null>;

/** The width a chart has, followed as the window changes (the axis and labels are fitted to it). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry !== undefined) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/**
 * Charts are drawn for the eye; the table beside each is the accessible alternative, so the
 * chart is hidden from assistive technology and kept out of the tab order. `note` says what the
 * chart leaves out (the groups beyond the first few), so that it never claims to show all.
 */
function ChartFrame(props: {
  height: number;
  k: number;
  note?: string | undefined;
  children: (width: number) => React.ReactElement;
}) {
  const { ref, width } = useWidth();
  return (
    <div className="chart">
      <div aria-hidden="true" style={{ height: props.height }} ref={ref}>
        {width > 0 && (
          <ResponsiveContainer width="100%" height="100%">
            {props.children(width)}
          </ResponsiveContainer>
        )}
      </div>
      <p className="chart-note">
        {props.note !== undefined && `${props.note} `}
        {t("chart.table_alternative")} {t("chart.suppressed_omitted", { k: props.k })}
      </p>
    </div>
  );
}

/** A chart with nothing it may draw is a sentence, never empty axes. */
export function NothingToDraw() {
  return <p className="chart-empty">{t("chart.nothing_drawable")}</p>;
}

/** The label axis: up to 45 % of a narrow chart (a phone), at most 230 px of a wide one. */
function labelAxisWidth(width: number): number {
  return Math.round(Math.min(230, Math.max(120, width * 0.45)));
}

/**
 * A category label on two lines at most, broken at spaces so that what tells groups apart (the
 * step after the process, the end of a long name) is not cut away; the full name is its title.
 */
function WrappedTick(
  props: YAxisTickContentProps & { chars: number; lines: number; withheld: ReadonlySet<string> },
) {
  const full = String(props.payload?.value ?? "");
  const lines = wrapLabel(full, props.chars, props.lines);
  const lineHeight = 13;
  const first = -((lines.length - 1) * lineHeight) / 2;
  return (
    <g transform={`translate(${props.x},${props.y})`}>
      <title>{full}</title>
      <text x={-6} y={0} textAnchor="end" fontSize={12} fill="#333333" dominantBaseline="middle">
        {lines.map((line, i) => (
          <tspan key={line} x={-6} dy={i === 0 ? first : lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
      {/* A group with nothing drawn says why at the bar's place: withheld, not zero. */}
      {props.withheld.has(full) && (
        <text x={10} y={0} fontSize={12} fill="#333333" dominantBaseline="middle">
          {t("table.withheld_mark")}
        </text>
      )}
    </g>
  );
}

/**
 * The target as a label above the plot area, never over the bars: towards the inside of the
 * chart from the line, so that it is not cut at either edge.
 */
function targetLabel(text: string, chartWidth: number) {
  return (props: { viewBox?: unknown }) => {
    const box = props.viewBox as { x?: number; y?: number } | undefined;
    const x = box?.x ?? 0;
    const y = box?.y ?? 0;
    const towardsLeft = x > chartWidth * 0.6;
    return (
      <text
        x={towardsLeft ? x - 4 : x + 4}
        y={y - 6}
        textAnchor={towardsLeft ? "end" : "start"}
        fontSize={12}
        fill="#8a1f11"
      >
        {text}
      </text>
    );
  };
}

const tooltipFormatter = (value: unknown) =>
  typeof value === "number" ? formatNumber(value) : String(value);

/** A bar's drill-down link (its row's href), opened as a link in the table would be. */
function barHref(data: { payload?: unknown }): string | undefined {
  const href = (data.payload as Row | undefined)?.href;
  return typeof href === "string" ? href : undefined;
}

export function BarFigure(props: {
  data: readonly Row[];
  category: string;
  series: readonly Series[];
  k: number;
  stacked?: boolean;
  reference?: { value: number; label: string } | null;
  /** What the chart leaves out, said under it (top N: the rest are in the table). */
  note?: string | undefined;
}) {
  const openPage = useOpenPage();
  const followBar = (data: { payload?: unknown }) => {
    const href = barHref(data);
    if (href !== undefined) openPage(href);
  };
  const keys = props.series.map((s) => s.key);
  if (!hasDrawable(props.data, keys)) return <NothingToDraw />;
  const perRow = props.series.length > 1 && !props.stacked ? 14 * props.series.length + 16 : 34;
  const withheld = new Set(
    props.data
      .filter((row) => keys.every((key) => typeof row[key] !== "number"))
      .map((row) => String(row[props.category])),
  );
  const top = props.reference == null ? 8 : 26;
  const height = Math.max(160, props.data.length * perRow + 70 + top);
  const linked = props.data.some((r) => typeof r.href === "string");
  return (
    <ChartFrame height={height} k={props.k} note={props.note}>
      {(width) => {
        const axis = labelAxisWidth(width);
        return (
          <BarChart
            data={[...props.data]}
            layout="vertical"
            margin={{ left: 4, right: 24, top }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={formatNumber} allowDecimals={false} />
            <YAxis
              type="category"
              dataKey={props.category}
              width={axis}
              interval={0}
              tick={(tick: YAxisTickContentProps) => (
                <WrappedTick
                  {...tick}
                  chars={charsFor(axis)}
                  lines={perRow >= 48 ? 3 : 2}
                  withheld={withheld}
                />
              )}
            />
            <Tooltip formatter={tooltipFormatter} />
            {props.series.length > 1 && <Legend itemSorter={null} />}
            {props.series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={colour(i)}
                isAnimationActive={false}
                {...(linked ? { onClick: followBar, cursor: "pointer" } : {})}
                {...(props.stacked ? { stackId: "a" } : {})}
              />
            ))}
            {props.reference != null && (
              <ReferenceLine
                x={props.reference.value}
                stroke="#c0392b"
                strokeDasharray="4 2"
                label={targetLabel(props.reference.label, width)}
              />
            )}
          </BarChart>
        );
      }}
    </ChartFrame>
  );
}

export function LineFigure(props: {
  data: readonly Row[];
  series: readonly Series[];
  k: number;
  height?: number;
  note?: string | undefined;
  /** A target drawn across the months (an indicator's), labelled inside the plot. */
  reference?: { value: number; label: string } | null;
  /** Months marked by a vertical line with a label (an action's decision, the day it was done). */
  marks?: readonly { month: string; label: string }[];
}) {
  const keys = props.series.map((s) => s.key);
  if (!hasDrawable(props.data, keys)) return <NothingToDraw />;
  return (
    <ChartFrame height={props.height ?? 280} k={props.k} note={props.note}>
      {() => (
        <LineChart
          data={[...props.data]}
          margin={{ left: 8, right: 24 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} tickFormatter={monthTick} />
          <YAxis tickFormatter={formatNumber} allowDecimals={false} />
          <Tooltip formatter={tooltipFormatter} labelFormatter={monthTick} />
          <Legend itemSorter={null} />
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
          {props.reference != null && (
            <ReferenceLine
              y={props.reference.value}
              stroke="#c0392b"
              strokeDasharray="4 2"
              ifOverflow="extendDomain"
              label={{
                value: props.reference.label,
                position: "insideTopLeft",
                fontSize: 12,
                fill: "#8a1f11",
              }}
            />
          )}
          {props.marks?.map((mark, i) => (
            <ReferenceLine
              key={mark.label}
              x={mark.month}
              stroke="#1f1f1f"
              strokeDasharray="2 3"
              label={{
                value: mark.label,
                // Two marks in one month: one label at the top, the other at the bottom.
                position: i % 2 === 0 ? "insideTopRight" : "insideBottomRight",
                fontSize: 12,
                fill: "#1f1f1f",
              }}
            />
          ))}
        </LineChart>
      )}
    </ChartFrame>
  );
}

/** Small multiples: one chart per group (a process), each under its own heading. */
export function ChartGroup(props: { heading: string; children: ReactNode }) {
  return (
    <div className="chart-group">
      <h3>{props.heading}</h3>
      {props.children}
    </div>
  );
}
