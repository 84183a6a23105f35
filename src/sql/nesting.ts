/**
 * How deep a token stream nests, followed one token at a time, for the limits in `limits.ts`. It needs
 * no grammar: brackets, list separators and operators are enough for an upper bound, since every
 * level of alasql's tree comes from an operator, a bracket (a call's, a CASE's) or a prefix operator.
 */

/** One bracket level: the operators of its current list item, and the deepest item so far. */
interface Frame {
  /** The token that closes this level (`)`, `}`, `]` or END); empty for the statement itself. */
  readonly closer: string;
  /** Operators in the current item (a select column, an argument, a WHERE, a WHEN…). */
  ops: number;
  /** The deepest bracket closed in the current item, counting its own level. */
  inner: number;
  /** The deepest item finished at this level. */
  best: number;
  /** Prefix operators in a row, still waiting for their operand. */
  unary: number;
}

const OPENERS: Readonly<Record<string, string>> = {
  '(': ')',
  '{': '}',
  '@[': ']',
  'ARRAY[': ']',
  CASE: 'END',
};
const CLOSERS = new Set([')', '}', ']', 'END']);
/** Tokens after which a new expression starts: a list item or a clause. */
const SEPARATORS = new Set([
  ',',
  ';',
  'WHEN',
  'THEN',
  'ELSE',
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP',
  'HAVING',
  'ORDER',
  'LIMIT',
  'OFFSET',
]);
/** Word operators; every punctuation token that is not a bracket or a separator counts as one too. */
const WORD_OPS = new Set([
  'AND',
  'OR',
  'NOT',
  'IS',
  'IN',
  'LIKE',
  'ILIKE',
  'BETWEEN',
  'GLOB',
  'REGEXP',
  'ESCAPE',
]);

type Kind = 'open' | 'close' | 'separator' | 'operator' | 'operand';

/** What a token does to nesting, and the key it is known by (`)` for `)`, `END` for `end`). */
function classify(text: string): { kind: Kind; key: string } {
  // Literals: strings (also N'…' and X'…'), quoted and bracketed names, JavaScript, numbers.
  if (/^(?:['"`[]|[NX]'|\.?\d)/i.test(text)) return { kind: 'operand', key: text };
  // Words; a multi-word token (`NOT BETWEEN`, `VALUE OF SELECT`) acts as its last word.
  const key = /^[A-Za-z_]/.test(text) ? (text.trim().split(/\s+/).pop() ?? '').toUpperCase() : text;
  if (Object.hasOwn(OPENERS, key)) return { kind: 'open', key };
  if (CLOSERS.has(key)) return { kind: 'close', key };
  if (SEPARATORS.has(key)) return { kind: 'separator', key };
  if (WORD_OPS.has(key)) return { kind: 'operator', key };
  return { kind: /^[A-Za-z_]/.test(key) ? 'operand' : 'operator', key };
}

/**
 * Follows nesting over a token stream, one token at a time: how deep alasql's parser stack is now
 * (`nesting`) and a bound on the parse tree's depth so far (`depth`).
 */
export class NestingScan {
  private readonly stack: Frame[] = [newFrame('')];
  private unary = 0; // prefix operators waiting, over all levels
  private expectOperand = true;

  /** Open brackets plus prefix operators waiting for their operand. */
  get nesting(): number {
    return this.stack.length - 1 + this.unary;
  }

  /** The tree-depth bound if every open bracket closed now (folds at most MAX_NESTING + 1 levels). */
  get depth(): number {
    let depth = 0;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i];
      if (!f) continue;
      depth =
        i === this.stack.length - 1 ? depthOf(f) : Math.max(f.best, f.ops + Math.max(f.inner, depth + 1));
    }
    return depth;
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1] ?? newFrame('');
  }

  push(text: string): void {
    const { kind, key } = classify(text);
    const top = this.top;
    switch (kind) {
      case 'open':
        this.stack.push(newFrame(OPENERS[key] ?? ''));
        this.expectOperand = true;
        return;
      case 'close':
        this.close(key);
        return;
      case 'separator':
        top.best = depthOf(top);
        top.ops = 0;
        top.inner = 0;
        this.operandDone(top);
        this.expectOperand = true;
        return;
      case 'operator':
        top.ops++;
        if (this.expectOperand) {
          top.unary++;
          this.unary++;
        }
        this.expectOperand = true;
        return;
      case 'operand':
        this.operandDone(top);
        this.expectOperand = false;
    }
  }

  private close(closer: string): void {
    let at = this.stack.length - 1;
    while (at > 0 && this.stack[at]?.closer !== closer) at--;
    // A closer with no opener is alasql's syntax error, at this token: nothing more to follow.
    if (at === 0) return;
    // A mismatched closer (`( CASE )`) closes the levels inside its opener too, as an error would.
    while (this.stack.length > at) {
      const f = this.stack.pop();
      if (!f) break;
      this.unary -= f.unary;
      const parent = this.top;
      parent.inner = Math.max(parent.inner, depthOf(f) + 1);
    }
    this.operandDone(this.top);
    this.expectOperand = false;
  }

  /** An operand ends the run of prefix operators before it. */
  private operandDone(f: Frame): void {
    this.unary -= f.unary;
    f.unary = 0;
  }
}

function newFrame(closer: string): Frame {
  return { closer, ops: 0, inner: 0, best: 0, unary: 0 };
}

/** The deepest item of a level, finished or current. */
function depthOf(f: Frame): number {
  return Math.max(f.best, f.ops + f.inner);
}
