import { Button } from '../../components/ui/button';
import { copyText } from './copy-text';
import { downloadFile } from './download';
import type { BlockActionsProps } from './export-types';
import { CheckIcon, CopyIcon, DownloadIcon, WarningIcon } from './icons';
import { StatusMessage } from './status-message';
import { useConfirmation } from './use-confirmation';
import './block-actions.css';

/**
 * Copy and download one code block. The bytes are the block's code exactly, the same as the
 * CLI's `snippets/<filename>` and the zip's.
 */
export function BlockActions({ block }: BlockActionsProps) {
  const { shown, announced, confirm } = useConfirmation();
  const copyState = shown?.action === 'copy' ? shown : undefined;

  const copy = async () => {
    const ok = await copyText(block.code);
    confirm(
      'copy',
      ok,
      ok ? `Copied ${block.filename}` : `Copy failed — select the text of ${block.filename}`,
    );
  };
  const download = () => {
    downloadFile(block.filename, block.code);
    confirm('download', true, `Downloaded ${block.filename}`);
  };

  return (
    <div className="block-actions">
      {copyState && !copyState.ok ? (
        <span className="block-actions__failed">Copy failed — select the text</span>
      ) : null}
      <Button
        variant="quiet"
        className="block-actions__button"
        aria-label={`Copy ${block.filename}`}
        data-state={copyState ? (copyState.ok ? 'done' : 'failed') : undefined}
        icon={copyState ? copyState.ok ? <CheckIcon /> : <WarningIcon /> : <CopyIcon />}
        onClick={() => void copy()}
      >
        {copyState?.ok ? 'Copied' : 'Copy'}
      </Button>
      <Button
        variant="quiet"
        className="block-actions__button"
        aria-label={`Download ${block.filename}`}
        data-state={shown?.action === 'download' ? 'done' : undefined}
        icon={shown?.action === 'download' ? <CheckIcon /> : <DownloadIcon />}
        onClick={download}
      >
        Download
      </Button>
      <StatusMessage confirmation={announced} />
    </div>
  );
}
