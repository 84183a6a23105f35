import type { ChartColors } from './renderChart';

/**
 * Series colours with at least 3:1 contrast on the theme's background (WCAG 1.4.11, graphics): darker
 * tones on the light theme's white, lighter ones on the dark theme's #1b1b1d. Ten, as `MAX_GROUPS`.
 */
const LIGHT = [
  '#1f6fb4',
  '#c2410c',
  '#15803d',
  '#9333ea',
  '#be123c',
  '#0f766e',
  '#a16207',
  '#4d7c0f',
  '#1d4ed8',
  '#57534e',
];
const DARK = [
  '#60a5fa',
  '#fb923c',
  '#4ade80',
  '#c084fc',
  '#fb7185',
  '#2dd4bf',
  '#facc15',
  '#a3e635',
  '#93c5fd',
  '#d6d3d1',
];

/** The chart's colours for the theme in force, read from Infima's variables on `element`. */
export function readChartColors(element: Element, dark: boolean): ChartColors {
  const primary = getComputedStyle(element).getPropertyValue('--ifm-color-primary').trim();
  return { primary: primary || (dark ? '#25c2a0' : '#2e8555'), series: dark ? DARK : LIGHT };
}
