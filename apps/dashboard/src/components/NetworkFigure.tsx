import { useEffect, useRef, useState } from "react";
import { formatNumber } from "../lib/cells";
import { t } from "../lib/i18n";
import {
  circlePoints,
  labelAnchor,
  linkPath,
  linkWidth,
  outward,
  type Point,
  wrapLabel,
} from "../lib/network";
import { colour } from "./charts";
import "./network-figure.css";

export interface NetworkNode {
  readonly code: string;
  /** The full name: wrapped or cut in the picture, whole in its tooltip and the tables. */
  readonly label: string;
  /** Which colour of the palette: nodes of one principal type share one. */
  readonly group: number;
  /** The node's row number in the matrix: its label on a narrow screen, where names do not fit. */
  readonly number?: number;
}

export interface DrawnLink {
  readonly a: string;
  readonly b: string;
  readonly count: number;
}

/**
 * Who works with whom: the nodes round a circle, a line for each published pair, as wide as its
 * count. Drawn for the eye in plain SVG; the matrix beside it is the accessible alternative, so
 * the picture is hidden from assistive technology (as the charts are) and has no tab stops.
 */
export function NetworkFigure(props: {
  nodes: readonly NetworkNode[];
  links: readonly DrawnLink[];
  legend?: readonly { readonly label: string; readonly group: number }[];
}) {
  const [box, width] = useWidth();
  const [hovered, setHovered] = useState<string | null>(null);
  const numbered = props.nodes.some((n) => n.number !== undefined);
  const layout = pictureLayout(width, props.nodes.length, numbered);
  const points = circlePoints(props.nodes.length, layout.radius, layout.centre);
  const at = new Map(props.nodes.map((n, i) => [n.code, points[i]]));
  const name = new Map(props.nodes.map((n) => [n.code, n.label]));
  const max = Math.max(0, ...props.links.map((l) => l.count));
  // The widest lines are drawn last, on top of the thin ones.
  const links = [...props.links].sort((x, y) => x.count - y.count);
  return (
    <div className="chart network-figure" ref={box}>
      <div aria-hidden="true">
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="presentation"
          focusable="false"
        >
          <g className="network-links">
            {links.map((l) => {
              const p = at.get(l.a);
              const q = at.get(l.b);
              if (p === undefined || q === undefined) return null;
              const lit = hovered === null || hovered === l.a || hovered === l.b;
              return (
                <path
                  key={`${l.a}|${l.b}`}
                  d={linkPath(p, q, layout.centre)}
                  strokeWidth={linkWidth(l.count, max, layout.widest)}
                  strokeOpacity={lit ? 0.55 : 0.08}
                >
                  <title>
                    {t("network.link_title", {
                      a: name.get(l.a) ?? l.a,
                      b: name.get(l.b) ?? l.b,
                      count: formatNumber(l.count),
                    })}
                  </title>
                </path>
              );
            })}
          </g>
          {props.nodes.map((node, i) => {
            const p = points[i];
            if (p === undefined) return null;
            return (
              // biome-ignore lint/a11y/noStaticElementInteractions: a mouse-only highlight in a picture hidden from assistive technology; the matrix carries the figures
              <g
                key={node.code}
                className="network-node"
                onMouseEnter={() => setHovered(node.code)}
                onMouseLeave={() => setHovered(null)}
              >
                <title>{node.label}</title>
                <circle cx={p.x} cy={p.y} r={layout.dot} fill={colour(node.group)} />
                <NodeLabel
                  text={nodeText(node, layout.numbersOnly)}
                  point={p}
                  centre={layout.centre}
                  layout={layout}
                />
              </g>
            );
          })}
        </svg>
      </div>
      {props.legend !== undefined && props.legend.length > 1 && (
        <p className="network-legend">
          {t("network.legend")}{" "}
          {props.legend.map((item) => (
            <span key={item.label} className="network-legend-item">
              <span
                className="network-swatch"
                style={{ background: colour(item.group) }}
                aria-hidden="true"
              />
              {item.label}
            </span>
          ))}
        </p>
      )}
      <p className="chart-note">
        {props.links.length === 0 ? t("network.picture_nothing_drawn") : t("network.picture_note")}
        {numbered && ` ${t("network.numbers_note")}`}
      </p>
    </div>
  );
}

function nodeText(node: NetworkNode, numbersOnly: boolean): string {
  if (node.number === undefined) return node.label;
  return numbersOnly ? String(node.number) : `${node.number} ${node.label}`;
}

function NodeLabel(props: { text: string; point: Point; centre: Point; layout: PictureLayout }) {
  const { layout } = props;
  const lines = wrapLabel(props.text, layout.labelChars);
  const at = outward(props.point, props.centre, layout.dot + 5);
  const above = props.point.y < props.centre.y - layout.radius * 0.5;
  const below = props.point.y > props.centre.y + layout.radius * 0.5;
  // Above the circle the block grows upwards, below it downwards, at the sides it is centred.
  const first = above
    ? -(lines.length - 1) * layout.lineHeight
    : below
      ? layout.fontSize * 0.7
      : (-(lines.length - 1) * layout.lineHeight) / 2 + layout.fontSize * 0.35;
  return (
    <text
      x={at.x}
      y={at.y}
      textAnchor={labelAnchor(props.point, props.centre)}
      fontSize={layout.fontSize}
    >
      {lines.map((line, i) => (
        <tspan key={line} x={at.x} dy={i === 0 ? first : layout.lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

interface PictureLayout {
  readonly width: number;
  readonly height: number;
  readonly centre: Point;
  readonly radius: number;
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly labelChars: number;
  /** Numbered nodes on a narrow screen are labelled with their number alone. */
  readonly numbersOnly: boolean;
  readonly dot: number;
  readonly widest: number;
}

/**
 * Sizes for the width the page gives: names need room beside the circle, so a narrow screen
 * gets a smaller circle and shorter lines of text, never smaller text; numbered nodes (the unit
 * level, fifteen long names) are labelled by number there, so the circle can be large.
 */
function pictureLayout(available: number, nodes: number, numbered: boolean): PictureLayout {
  const width = Math.max(280, Math.min(available, 860));
  const narrow = width < 560;
  const numbersOnly = narrow && numbered;
  const fontSize = narrow ? 12 : 13;
  const lineHeight = Math.round(fontSize * 1.2);
  const labelChars = numbersOnly ? 2 : narrow ? 14 : 24;
  const labelRoom = Math.ceil(labelChars * fontSize * 0.56) + 16;
  const dot = nodes > 10 ? 6 : 9;
  const radius = Math.max(70, Math.min(width / 2 - labelRoom, 230));
  const verticalRoom = 2 * lineHeight + dot + 12;
  return {
    width,
    height: Math.round(2 * (radius + verticalRoom)),
    centre: { x: Math.round(width / 2), y: Math.round(radius + verticalRoom) },
    radius,
    fontSize,
    lineHeight,
    labelChars,
    numbersOnly,
    dot,
    widest: narrow ? 9 : 14,
  };
}

/** The width of the element, followed as the window changes. */
function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const box = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    setWidth(element.clientWidth || 640);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [box, width];
}
