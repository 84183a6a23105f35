/**
 * Draws a chart with Observable Plot. This module is the only one that imports Plot: the Chart view
 * loads it with `import()` when it first opens, so Plot is its own chunk and the docs pages never
 * load it. Plot builds SVG with DOM calls (text through `textContent`, never markup) and no eval, so
 * it runs under the site's policy (`script-src` without `'unsafe-eval'`).
 */
import * as Plot from '@observablehq/plot';
import type { ChartData, ChartPoint } from './chartData';
import type { ChartSpec, TimeGrain } from './types';

/** The theme's colours, read from the page's CSS variables when the chart is drawn. */
export interface ChartColors {
  /** The one-series colour (the site's primary colour). */
  readonly primary: string;
  /** One colour per series, in order: a palette with contrast on the theme's background. */
  readonly series: readonly string[];
}

export interface RenderOptions {
  readonly width: number;
  readonly height: number;
  readonly colors: ChartColors;
  /** The sentence that says what the chart shows: the SVG's accessible name. */
  readonly description: string;
}

/** Longest tick label before it is cut with `…` (the full text is in each mark's title and the table). */
const TICK_CHARS = 24;

function cut(text: string): string {
  return text.length > TICK_CHARS ? `${text.slice(0, TICK_CHARS - 1)}…` : text;
}

/** Time ticks written as the data writes them: `2024`, `2024-05`, `2024-05-01`. */
function timeTick(grain: TimeGrain | undefined): (d: Date) => string {
  const chars = grain === 'year' ? 4 : grain === 'month' ? 7 : 10;
  return (d) => d.toISOString().slice(0, chars);
}

/** Each mark's title (a tooltip, and what tests read back): `2024-05: 12`, `2024-05, active: 10`. */
function title(multi: boolean): (p: ChartPoint) => string {
  return (p) => `${p.xText}${multi ? `, ${p.series}` : ''}: ${String(p.y)}`;
}

/**
 * The chart as an SVG element: bars (stacked by group, side by side for several y columns), a line
 * (with its points while they are few enough to see), a stacked area, or dots. Dates along x are a
 * time axis (bars get one band per year, month or day, gaps included); labels follow `data.xOrder`.
 */
export function renderChart(
  spec: ChartSpec,
  data: ChartData,
  options: RenderOptions,
): SVGSVGElement | HTMLElement {
  const { points, xOrder, series, grain } = data;
  const multi = series.length > 1;
  const time = grain !== undefined;
  const colour = multi ? 'series' : options.colors.primary;
  const color = { domain: series, range: options.colors.series.slice(0, Math.max(series.length, 1)) };
  const yLabel = spec.y.length === 1 ? spec.y[0] : 'value';
  const flat = points.every((p) => p.y === points[0]?.y);
  // Labels are rotated when, side by side, they would not fit (about 7 px a character at 12 px).
  const widest = Math.min(TICK_CHARS, Math.max(0, ...xOrder.map((x) => x.length)));
  const longLabels = !time && widest * 7 * xOrder.length > options.width - 80;
  const common = {
    width: options.width,
    // Rotated labels (up to 24 characters at 40°) and the axis label need about 140 px more below.
    height: options.height + (longLabels ? 140 : 0),
    marginLeft: 60,
    marginBottom: longLabels ? 180 : 40,
    marginRight: 20,
    ariaLabel: options.description,
    // Plot's 10 px is small beside the page's text; the colour comes from the page (currentColor).
    style: { fontSize: '12px' },
    color,
    // Bars and areas stand on zero; so does a line of one constant value (a one-value domain has no ticks).
    y: { label: yLabel, grid: true, nice: true, zero: spec.kind === 'bar' || spec.kind === 'area' || flat },
  } as const;
  const tip = title(multi);

  if (spec.kind === 'bar' && spec.y.length > 1 && spec.group === undefined) {
    // Several number columns: bars side by side in one band per x.
    return Plot.plot({
      ...common,
      fx: { label: spec.x, domain: xOrder, tickFormat: cut, tickRotate: longLabels ? -40 : 0 },
      x: { axis: null, domain: series },
      marks: [
        Plot.barY(points, { fx: 'xText', x: 'series', y: 'y', fill: 'series', title: tip }),
        Plot.ruleY([0]),
      ],
    });
  }

  const bandInterval = grain === 'year' || grain === 'month' || grain === 'day' ? grain : undefined;
  const x =
    spec.kind === 'bar'
      ? time && bandInterval
        ? { type: 'band' as const, interval: bandInterval, label: spec.x, tickFormat: timeTick(grain) }
        : {
            type: 'band' as const,
            domain: xOrder,
            label: spec.x,
            tickFormat: cut,
            tickRotate: longLabels ? -40 : 0,
          }
      : time
        ? { type: 'utc' as const, label: spec.x }
        : {
            type: 'point' as const,
            domain: xOrder,
            label: spec.x,
            tickFormat: cut,
            tickRotate: longLabels ? -40 : 0,
          };
  // Bars over `xText` when x is a label or a timestamp band; over Dates on a time axis.
  const xField = (spec.kind === 'bar' && !bandInterval) || !time ? 'xText' : 'x';
  const channels = { x: xField, y: 'y', title: tip };
  const marks: Plot.Markish[] = [];
  if (spec.kind === 'bar') {
    marks.push(
      // Stacked in the same order in every bar (each series where it first appears), not row order.
      Plot.barY(points, {
        ...channels,
        fill: colour,
        ...(multi ? { z: 'series', order: 'appearance' } : {}),
      }),
      Plot.ruleY([0]),
    );
  } else if (spec.kind === 'area') {
    // Groups stack (parts of a whole); separate y columns overlap, each from zero.
    const y = spec.group === undefined && multi ? { y1: 0, y2: 'y' } : { y: 'y' };
    marks.push(
      Plot.areaY(points, {
        x: xField,
        ...y,
        fill: colour,
        fillOpacity: multi ? 0.45 : 0.7,
        z: 'series',
        title: tip,
      }),
      Plot.ruleY([0]),
    );
  } else if (spec.kind === 'line') {
    marks.push(Plot.lineY(points, { x: xField, y: 'y', stroke: colour, z: 'series', strokeWidth: 2 }));
    if (points.length <= 200) marks.push(Plot.dot(points, { ...channels, fill: colour, r: 2.5 }));
  } else {
    marks.push(Plot.dot(points, { ...channels, fill: colour, r: 3 }));
  }
  return Plot.plot({ ...common, x, marks });
}
