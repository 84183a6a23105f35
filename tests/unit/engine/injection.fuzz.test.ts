import alasql from 'alasql';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCore } from '../../../src/engine/core';
import {
  ACTIONS,
  BREAKERS,
  CANARY,
  MARKER,
  PWNED,
  QUOTE,
  TARGETED,
  TEMPLATES,
} from '../../fixtures/engine/payloads';
import { runOverFixtures } from './harness';
import { createSandbox, type Sandbox } from './sandbox';

/**
 * Property-based search for code injection through alasql's compiler: payloads that try to break out
 * of whatever alasql pastes them into go into every literal and identifier position the allow-list
 * accepts (see `payloads.ts`); each statement the planner accepts runs through the real engine core
 * over the fixture rows, and any call of the canary, new global, thrown marker, touched tripwire or
 * new property on Object.prototype fails the run. `npm run fuzz` runs it longer (env FUZZ_RUNS).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** The long run tries every hand-made payload in every template; the short one a rotating few. */
const PER_TEMPLATE = process.env.FUZZ_RUNS === undefined ? 4 : TARGETED.length;

const g = globalThis as Record<string, unknown>;
let canaryCalls = 0;
let sandbox: Sandbox;
const protoNames = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(() => {
  g[CANARY] = () => {
    canaryCalls++;
    return 1;
  };
  sandbox = createSandbox();
});
afterAll(() => {
  sandbox.restore();
  Reflect.deleteProperty(g, CANARY);
});

const breaker = fc.constantFrom(...BREAKERS);
/** A payload: a hand-made one, or breakers around an action. */
const payload = fc.oneof(
  fc.constantFrom(...TARGETED),
  fc
    .tuple(
      fc.array(breaker, { maxLength: 3 }),
      fc.constantFrom(...ACTIONS),
      fc.array(breaker, { maxLength: 3 }),
    )
    .map(([before, action, after]) => before.join('') + action + after.join('')),
);
const numberText = fc.oneof(
  fc.integer({ min: -3, max: 12 }).map(String),
  fc.double({ noNaN: true }).map(String),
  fc.constantFrom('1e309', '0x10', '-0', '.5', '1e-7', '9007199254740993', '00', '1.', '0.0'),
);
/** A template with each placeholder filled by its own payload (cycling if the template has more). */
const statement = fc
  .record({
    template: fc.constantFrom(...TEMPLATES),
    payloads: fc.array(payload, { minLength: 8, maxLength: 8 }),
    numbers: fc.array(numberText, { minLength: 6, maxLength: 6 }),
  })
  .map(({ template, payloads, numbers }) => {
    let p = 0;
    let n = 0;
    return template.replace(/\{([SDBKN])\}/g, (_, kind: 'S' | 'D' | 'B' | 'K' | 'N') => {
      if (kind === 'N') return numbers[n++ % numbers.length] ?? '1';
      return QUOTE[kind](payloads[p++ % payloads.length] ?? '');
    });
  });

describe('code-injection fuzzing of the engine', () => {
  const core = createCore();
  let accepted = 0;

  /** Plans and runs one statement; fails on any sign that a payload ran as code. */
  const noCodeRuns = (sql: string): void => {
    canaryCalls = 0;
    const out = runOverFixtures(sql, core);
    if (out.ok) accepted++;
    const why = out.ok ? '' : out.error.message;
    expect({
      canaryCalls,
      pwned: g[PWNED],
      marker: why.includes(MARKER),
      touched: sandbox.touched(),
      prototype: Object.getOwnPropertyNames(Object.prototype).sort(),
    }).toEqual({ canaryCalls: 0, pwned: undefined, marker: false, touched: [], prototype: protoNames });
  };

  it('the canary works: unchecked alasql running a payload is caught', () => {
    canaryCalls = 0;
    alasql(`SELECT \`\`${CANARY}()\`\` AS x`);
    expect(canaryCalls).toBe(1);
  });

  it('runs no payload as code, in any literal or identifier position', () => {
    fc.assert(fc.property(statement, noCodeRuns), { numRuns: RUNS });
  });

  it('the hand-made payloads in every template', () => {
    TEMPLATES.forEach((template, t) => {
      for (let k = 0; k < PER_TEMPLATE; k++) {
        const p = TARGETED[(t * PER_TEMPLATE + k) % TARGETED.length] ?? '';
        noCodeRuns(
          template.replace(/\{([SDBKN])\}/g, (_, kind: 'S' | 'D' | 'B' | 'K' | 'N') =>
            kind === 'N' ? '1' : QUOTE[kind](p),
          ),
        );
      }
    });
  });

  it('was not vacuous: the engine ran a good share of the statements', () => {
    expect(accepted).toBeGreaterThan((RUNS + TEMPLATES.length * PER_TEMPLATE) / 4);
  });
});
