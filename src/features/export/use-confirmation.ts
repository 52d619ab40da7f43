import { useCallback, useEffect, useRef, useState } from 'react';

/** The outcome of the last action, shown on its button and announced in a status region. */
export type Confirmation = {
  /** Which action it confirms, so only that button changes. */
  action: string;
  ok: boolean;
  /** What the status region says, e.g. "Copied server.go". */
  message: string;
  /** Changes on every confirmation, so the same message twice is announced twice. */
  id: number;
};

/** How long a button shows its outcome: long enough to read, short enough to click again. */
const SHOW_OK_MS = 2000;
const SHOW_FAILED_MS = 6000;

/**
 * The last confirmation and a function to show a new one. The visible state resets after a
 * moment; the announcement stays in the status region until the next one replaces it.
 */
export function useConfirmation() {
  const [shown, setShown] = useState<Confirmation | undefined>();
  const [announced, setAnnounced] = useState<Confirmation | undefined>();
  const timer = useRef<number | undefined>(undefined);
  const count = useRef(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const confirm = useCallback((action: string, ok: boolean, message: string) => {
    count.current += 1;
    const next = { action, ok, message, id: count.current };
    setShown(next);
    setAnnounced(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setShown(undefined), ok ? SHOW_OK_MS : SHOW_FAILED_MS);
  }, []);

  return { shown, announced, confirm };
}
