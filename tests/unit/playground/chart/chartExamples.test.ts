import { describe, expect, it } from 'vitest';
import { overCap } from '../../../../src/components/Playground/chart/chartLimits';
import { toChartData } from '../../../../src/components/Playground/chart/chartData';
import { classifyColumns } from '../../../../src/components/Playground/chart/columns';
import { resolveChart } from '../../../../src/components/Playground/chart/proposeChart';
import { exampleDisplay } from '../../../../src/components/Playground/exampleList';
import { createRunner } from '../../../../src/components/Playground/run/createRunner';
import { asServiceSamples } from '../../../../src/resources/catalogue/samples';
import { allResources } from '../../../../src/resources/registry';
import { createEngine } from '../../../../src/engine/client';
import { createSampleApi, createSampleClient } from '../../../../src/github';
import { createFakeWorker } from '../../engine/fakeWorker';
import { plan, resultOf } from '../runnerHarness';

const CHART_EXAMPLES = allResources().flatMap((r) =>
  r.examples.filter((e) => e.view === 'chart').map((e) => [`${r.name}: ${e.title}`, e] as const),
);

describe('examples whose answer is a picture', () => {
  it('exist for the packages resources', () => {
    expect(CHART_EXAMPLES.length).toBeGreaterThanOrEqual(4);
  });

  it.each(CHART_EXAMPLES)('%s opens in the Chart view and draws on sample data', async (_, example) => {
    const display = exampleDisplay(example);
    expect(display?.view).toBe('chart');
    const client = createSampleClient({}, createSampleApi());
    const runner = createRunner(createEngine({ createWorker: () => createFakeWorker() }));
    const result = resultOf(
      await runner.select(plan(example.sql), {
        client,
        source: 'sample',
        signal: new AbortController().signal,
        onProgress: () => undefined,
        onInterim: () => undefined,
      }),
    );
    const columns = classifyColumns(result.columns, result.rows);
    const spec = resolveChart(display?.chart ?? {}, columns, result.rows.length);
    expect(spec).toBeDefined();
    if (!spec) return;
    const data = toChartData(spec, columns, result.rows);
    expect(data.points.length).toBeGreaterThan(0);
    expect(data.dropped).toBe(0);
    expect(overCap(spec.kind, result.total, data.points.length)).toBeUndefined();
  });

  it('other examples open in the view the reader has', () => {
    expect(exampleDisplay({})).toBeUndefined();
    expect(exampleDisplay({ view: 'chart', chart: { kind: 'line' } })).toEqual({
      view: 'chart',
      chart: { kind: 'line' },
    });
  });

  it('a samples file with an unknown view is refused', () => {
    const extras = [{ title: 't', method: 'm', sql: 'SELECT 1', view: 'pie' }];
    expect(() => asServiceSamples({ values: {}, resources: { r: { extras } } })).toThrow(/unknown view/);
  });
});
