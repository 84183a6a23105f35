import { Component, type ReactNode } from 'react';

export interface ResultsBoundaryProps {
  /** The result shown; a new one gets a fresh try after one failed to show. */
  readonly result: unknown;
  readonly children: ReactNode;
}

interface State {
  /** Why the result could not be shown, once it failed. */
  readonly failed?: string;
  readonly result?: unknown;
}

/**
 * Keeps a result the page cannot show from taking the playground down with it: the editor, the SQL
 * and the Run button stay, and the reader is told what happened. Results come from the engine, which
 * the page treats as untrusted; their shape is checked on arrival (src/engine/untrusted.ts), and this
 * is the last line behind that.
 */
export class ResultsBoundary extends Component<ResultsBoundaryProps, State> {
  override state: State = {};

  static getDerivedStateFromProps(props: ResultsBoundaryProps, state: State): State | null {
    return props.result === state.result ? null : { result: props.result };
  }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    if (this.state.failed === undefined) return this.props.children;
    return (
      <p role="alert">
        This result could not be shown ({this.state.failed}). Your SQL is kept: change the query or run it
        again.
      </p>
    );
  }
}
