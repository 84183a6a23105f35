import { useCallback, useEffect, useRef, useState } from 'react';
import { copyText } from './copyText';

/** Outcome of the last copy, shown until the feedback resets. */
export type CopyState = 'idle' | 'copied' | 'failed';

/** How long "Copied" stays up, like the copy button of Docusaurus's own code blocks. */
export const COPY_FEEDBACK_MS = 2000;

/** Copies text on demand and tracks the feedback state; the reset timer is cleared on unmount. */
export function useCopy(text: string): { readonly state: CopyState; readonly copy: () => void } {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<number | undefined>(undefined);

  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
    },
    [],
  );

  const copy = useCallback(() => {
    void copyText(text).then((ok) => {
      setState(ok ? 'copied' : 'failed');
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        setState('idle');
      }, COPY_FEEDBACK_MS);
    });
  }, [text]);

  return { state, copy };
}
