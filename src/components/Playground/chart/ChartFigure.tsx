import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ChartData } from './chartData';
import { readChartColors } from './chartTheme';
import { chartTitle } from './describeChart';
import { downloadBlob } from '../results/download';
import { standaloneSvg, svgToPng } from './exportChart';
import { ChartTable } from './ChartTable';
import type { ChartSpec } from './types';
import { useDarkTheme } from './useDarkTheme';
import type { PlotRenderer } from './usePlotRenderer';
import styles from './chart.module.css';

export interface ChartFigureProps {
  readonly renderer: Extract<PlotRenderer, { state: 'ready' }>;
  readonly spec: ChartSpec;
  readonly data: ChartData;
  readonly description: string;
  /** File name without extension. */
  readonly exportName: string;
}

const HEIGHT = 320;
const MIN_WIDTH = 300;

/** The colour behind `element`: the first ancestor's background that is not transparent (else white). */
function opaqueBackground(element: Element): string {
  for (let e: Element | null = element; e; e = e.parentElement) {
    const colour = getComputedStyle(e).backgroundColor;
    if (colour && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

/** The host's width, following it as the window (or the side panel) resizes. */
function useWidth(host: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      // Whole tens of pixels: a scrollbar appearing does not redraw the chart.
      if (entry) setWidth(Math.max(MIN_WIDTH, Math.floor(entry.contentRect.width / 10) * 10));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [host]);
  return width;
}

/**
 * The chart drawn by Plot into a host element, redrawn when the data, the width or the theme change;
 * its title, the sentence that says what it shows, a legend, the data table and the image exports.
 */
export function ChartFigure({ renderer, spec, data, description, exportName }: ChartFigureProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const width = useWidth(host);
  const dark = useDarkTheme();
  // Infima's variables live on <html data-theme>: read there once the theme is in force.
  const colors = useMemo(() => readChartColors(document.documentElement, dark), [dark]);
  const [note, setNote] = useState('');
  const titleId = useId();
  const descriptionId = useId();
  const title = chartTitle(spec);

  useEffect(() => {
    const element = host.current;
    if (!element || width === 0) return;
    const svg = renderer.module.renderChart(spec, data, { width, height: HEIGHT, colors, description });
    svg.setAttribute('role', 'img');
    // Plot names each mark's group with aria-label ("bar", "x-axis tick"), which ARIA does not allow
    // on a <g> without a role; the chart is one image named by its sentence, so the names become data.
    for (const g of Array.from(svg.querySelectorAll('[aria-label]'))) {
      g.setAttribute('data-mark', g.getAttribute('aria-label') ?? '');
      g.removeAttribute('aria-label');
    }
    element.replaceChildren(svg);
  }, [renderer, spec, data, description, width, colors]);

  const legend =
    data.series.length > 1 ? data.series.map((s, i) => [s, colors.series[i] ?? 'currentColor'] as const) : [];

  const save = async (format: 'svg' | 'png'): Promise<void> => {
    const svg = host.current?.querySelector('svg');
    if (!svg || !host.current) return;
    const page = getComputedStyle(host.current);
    const file = standaloneSvg(svg, {
      title,
      legend,
      background: opaqueBackground(host.current),
      text: page.color,
    });
    try {
      if (format === 'svg')
        downloadBlob(`${exportName}.svg`, new Blob([file.text], { type: 'image/svg+xml' }));
      else downloadBlob(`${exportName}.png`, await svgToPng(file.text, file.width, file.height));
      setNote('');
    } catch (e) {
      setNote(e instanceof Error ? e.message : 'The chart could not be saved.');
    }
  };

  return (
    <figure className={styles.figure} aria-labelledby={titleId} aria-describedby={descriptionId}>
      <figcaption id={titleId} className={styles.title}>
        {title}
      </figcaption>
      <div ref={host} className={styles.plot} data-chart-kind={spec.kind} />
      {legend.length > 0 && (
        <ul className={styles.legend} aria-label="Legend">
          {legend.map(([name, colour]) => (
            <li key={name}>
              <span className={styles.swatch} style={{ background: colour }} aria-hidden="true" />
              {name}
            </li>
          ))}
        </ul>
      )}
      <p id={descriptionId} className={styles.description}>
        {description}
      </p>
      <ChartTable spec={spec} data={data} />
      <div role="group" aria-label="Export chart" className={styles.exports}>
        {(['svg', 'png'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button button--sm button--secondary"
            onClick={() => void save(format)}
          >
            Export {format.toUpperCase()}
          </button>
        ))}
        <span aria-live="polite">{note}</span>
      </div>
    </figure>
  );
}
