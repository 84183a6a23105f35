/** The chart as a file: an SVG that stands alone (styles inlined, title, legend) and a PNG drawn from it. */

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Presentation properties copied from the page's computed style, so the file looks as the page did. */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;
const TITLE_HEIGHT = 28;
const LEGEND_ROW = 18;

export interface ExportParts {
  readonly title: string;
  /** Series and their colours, drawn under the chart when there are several. */
  readonly legend: readonly (readonly [string, string])[];
  /** The theme's background and text colours: the file keeps the page's look. */
  readonly background: string;
  readonly text: string;
}

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  // `currentColor` in attributes means the page's text colour, which a file alone does not have.
  for (const attribute of ['fill', 'stroke']) {
    if (target.getAttribute(attribute) === 'currentColor')
      target.setAttribute(attribute, computed.getPropertyValue(attribute));
  }
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length; i++) {
    const a = from[i];
    const b = to[i];
    if (a && b) inlineStyles(a, b);
  }
}

function text(
  content: string,
  x: number,
  y: number,
  fill: string,
  size: number,
  weight = 'normal',
): SVGTextElement {
  const t = document.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('fill', fill);
  t.setAttribute('font-family', 'system-ui, sans-serif');
  t.setAttribute('font-size', String(size));
  t.setAttribute('font-weight', weight);
  // textContent: a column or group name is text in the file too, never markup.
  t.textContent = content;
  return t;
}

/**
 * A standalone SVG document of the chart on screen: each element's computed colours and fonts written
 * into it (`currentColor` and the theme's variables resolved), Plot's scoped `<style>` removed, the
 * title above, the legend below, on the theme's background.
 */
export function standaloneSvg(
  svg: SVGSVGElement,
  parts: ExportParts,
): { readonly text: string; readonly width: number; readonly height: number } {
  const width = svg.width.baseVal.value;
  const height = svg.height.baseVal.value;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  for (const style of Array.from(clone.querySelectorAll('style'))) style.remove();
  clone.removeAttribute('class');
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(TITLE_HEIGHT));
  const legendHeight = parts.legend.length > 1 ? LEGEND_ROW * parts.legend.length + 8 : 0;
  const total = height + TITLE_HEIGHT + legendHeight;
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(total));
  root.setAttribute('viewBox', `0 0 ${String(width)} ${String(total)}`);
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = parts.title;
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', parts.background);
  root.append(title, background, text(parts.title, 8, 19, parts.text, 15, '600'), clone);
  parts.legend.forEach(([name, colour], i) => {
    const y = height + TITLE_HEIGHT + 4 + i * LEGEND_ROW;
    const swatch = document.createElementNS(SVG_NS, 'rect');
    swatch.setAttribute('x', '56');
    swatch.setAttribute('y', String(y + 3));
    swatch.setAttribute('width', '12');
    swatch.setAttribute('height', '12');
    swatch.setAttribute('fill', colour);
    root.append(swatch, text(name, 74, y + 13, parts.text, 12));
  });
  return { text: new XMLSerializer().serializeToString(root), width, height: total };
}

/**
 * The SVG drawn onto a canvas at twice its size, as PNG bytes. The image loads from a `data:` URL,
 * which the site's policy allows for images (`img-src 'self' data:`); an SVG image from a data: URL
 * does not taint the canvas, so it can be read back.
 */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image();
  image.width = width;
  image.height = height;
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => {
      resolve();
    };
    image.onerror = () => {
      reject(new Error('The chart could not be drawn as an image.'));
    };
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the chart as an image.');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error('The chart could not be saved as PNG.'));
    }, 'image/png');
  });
}
