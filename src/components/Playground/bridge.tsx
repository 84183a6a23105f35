import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ResultDisplay } from './chart/types';

/** A query the docs asked the playground to load: `nonce` makes the same SQL twice a new request. */
export interface OpenRequest {
  readonly sql: string;
  readonly nonce: number;
  /** The view it opens in: the Chart view for an example whose answer is a picture. */
  readonly display?: ResultDisplay;
}

interface Bridge {
  readonly request: OpenRequest | undefined;
  readonly open: (sql: string, display?: ResultDisplay) => void;
}

const BridgeContext = createContext<Bridge | undefined>(undefined);

/** Lets "Open in playground" buttons in the docs hand a query to the playground beside them. */
export function PlaygroundBridge({
  children,
  onOpen,
}: {
  readonly children: ReactNode;
  /** Called on each open, e.g. to bring a collapsed playground back. */
  readonly onOpen?: () => void;
}): ReactNode {
  const [request, setRequest] = useState<OpenRequest | undefined>();
  const open = useCallback(
    (sql: string, display?: ResultDisplay) => {
      setRequest((r) => ({ sql, display, nonce: (r?.nonce ?? 0) + 1 }));
      onOpen?.();
    },
    [onOpen],
  );
  const value = useMemo(() => ({ request, open }), [request, open]);
  return <BridgeContext value={value}>{children}</BridgeContext>;
}

/** The bridge of the page, or undefined on pages without a playground. */
export function usePlaygroundBridge(): Bridge | undefined {
  return useContext(BridgeContext);
}
