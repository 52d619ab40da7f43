import { useId } from 'react';
import { Button } from '../../components/ui/button';
import { CheckIcon, CopyIcon, WarningIcon } from './icons';
import type { Confirmation } from './use-confirmation';

export type SharePanelProps = {
  id: string;
  shareUrl: string;
  /** The last share or copy-link outcome, while it is shown. */
  confirmation: Confirmation | undefined;
  onCopy: () => void;
};

/**
 * The share link in a read-only field the user can select, with a copy button: the way to
 * share when the clipboard is refused, and a way to see what is shared.
 */
export function SharePanel({ id, shareUrl, confirmation, onCopy }: SharePanelProps) {
  const inputId = useId();
  const hintId = useId();
  const copied = confirmation?.action === 'copy-link' && confirmation.ok;
  let hint =
    'Anyone with this link sees this guide with your choices. Nothing is stored on a server.';
  if (confirmation?.ok) hint = 'Link copied to the clipboard.';
  else if (confirmation) hint = 'Copy failed — select the link and copy it.';
  return (
    <div className="share-panel export-toolbar__panel" id={id}>
      <label className="share-panel__label" htmlFor={inputId}>
        Share link
      </label>
      <div className="share-panel__row">
        <input
          id={inputId}
          className="share-panel__input"
          type="url"
          readOnly
          value={shareUrl}
          spellCheck={false}
          aria-describedby={hintId}
          // The whole link at once: selecting part of a URL is never what is wanted here.
          onFocus={(event) => event.currentTarget.select()}
          onClick={(event) => event.currentTarget.select()}
        />
        <Button
          icon={copied ? <CheckIcon /> : <CopyIcon />}
          data-state={copied ? 'done' : undefined}
          className="share-panel__copy"
          onClick={onCopy}
        >
          {copied ? 'Copied' : 'Copy link'}
        </Button>
      </div>
      <p
        className="share-panel__hint"
        id={hintId}
        data-state={confirmation ? (confirmation.ok ? 'done' : 'failed') : undefined}
      >
        {confirmation ? (
          <span className="share-panel__hint-icon" aria-hidden="true">
            {confirmation.ok ? <CheckIcon /> : <WarningIcon />}
          </span>
        ) : null}
        {hint}
      </p>
    </div>
  );
}
