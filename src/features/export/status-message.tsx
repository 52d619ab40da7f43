import type { Confirmation } from './use-confirmation';

export type StatusMessageProps = {
  confirmation: Confirmation | undefined;
};

/**
 * A visually hidden live region, rendered before anything is said so screen readers watch it.
 * The keyed span is a new node each time, so a repeated "Copied" is announced again.
 */
export function StatusMessage({ confirmation }: StatusMessageProps) {
  return (
    <span role="status" className="visually-hidden">
      {confirmation ? <span key={confirmation.id}>{confirmation.message}</span> : null}
    </span>
  );
}
