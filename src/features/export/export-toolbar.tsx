import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '../../components/ui/button';
import type * as BuildZip from './build-zip';
import { guideFiles } from '../../engine/index';
import { ConfigFilePicker } from './config-import-button';
import { copyText } from './copy-text';
import { downloadFile } from './download';
import {
  CONFIG_FILE_NAME,
  markdownFileName,
  projectZipFileName,
  zipFileName,
} from './export-names';
import type { ExportToolbarProps } from './export-types';
import { ArchiveIcon, CheckIcon, DownloadIcon, FileIcon, FolderIcon, LinkIcon } from './icons';
import { SharePanel } from './share-panel';
import { StatusMessage } from './status-message';
import { useConfirmation } from './use-confirmation';
import './export-toolbar.css';

/** The lazily loaded zip module (build-zip.ts), handed to what makes one zip. */
type ZipMaker = (zip: typeof BuildZip) => Uint8Array<ArrayBuffer>;

/**
 * Share, download everything as a zip or as a project, download the config or the Markdown,
 * import a config. Every file is one of `guideFiles(template, guide)` or, in the project zip,
 * `projectLayout(template, guide)`: byte for byte what the CLI writes.
 */
export function ExportToolbar({ template, guide, shareUrl, onImport }: ExportToolbarProps) {
  const files = useMemo(() => guideFiles(template, guide), [template, guide]);
  const { shown, announced, confirm } = useConfirmation();
  const [shareOpen, setShareOpen] = useState(false);
  const zipping = useRef(false);
  const panelId = useId();
  const shareButtonId = useId();

  const copyLink = async (action: 'share' | 'copy-link') => {
    const ok = await copyText(shareUrl);
    confirm(action, ok, ok ? 'Share link copied' : 'Copy failed — select the link and copy it');
  };
  const toggleShare = () => {
    // Opening copies at once: one click shares; the panel shows what was copied.
    if (!shareOpen) void copyLink('share');
    setShareOpen(!shareOpen);
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !shareOpen) return;
    event.preventDefault();
    setShareOpen(false);
    document.getElementById(shareButtonId)?.focus();
  };

  const save = (action: string, name: string, content: string) => {
    downloadFile(name, content);
    confirm(action, true, `Downloaded ${name}`);
  };
  const fileContent = (path: string) => files.find((file) => file.path === path)?.content ?? '';
  /** Builds a zip with the code loaded on the first click (fflate, the project layout). */
  const downloadZip = async (action: 'zip' | 'project', name: string, make: ZipMaker) => {
    if (zipping.current) return;
    zipping.current = true;
    try {
      downloadFile(name, make(await import('./build-zip')), 'application/zip');
      confirm(action, true, `Downloaded ${name}`);
    } catch {
      confirm(action, false, 'The zip could not be made: reload the page and try again');
    } finally {
      zipping.current = false;
    }
  };
  const downloadAll = () =>
    downloadZip('zip', zipFileName(template, guide), (zip) => zip.buildZip(files, shareUrl));
  const downloadProject = () =>
    downloadZip('project', projectZipFileName(template, guide), (zip) =>
      zip.buildProjectZip(template, guide),
    );

  const done = (action: string) => shown?.action === action && shown.ok;
  const shareShown = shown?.action === 'share' || shown?.action === 'copy-link' ? shown : undefined;
  return (
    <div className="export-toolbar" onKeyDown={closeOnEscape}>
      <div className="export-toolbar__row" role="group" aria-label="Share and download">
        <Button
          id={shareButtonId}
          className="export-toolbar__button"
          icon={<LinkIcon />}
          aria-expanded={shareOpen}
          aria-controls={shareOpen ? panelId : undefined}
          onClick={toggleShare}
        >
          Share
        </Button>
        {/* Right after its button in focus order; shown below the row by CSS `order`. */}
        {shareOpen ? (
          <SharePanel
            id={panelId}
            shareUrl={shareUrl}
            confirmation={shareShown}
            onCopy={() => void copyLink('copy-link')}
          />
        ) : null}
        <Button
          variant="primary"
          className="export-toolbar__button"
          icon={done('zip') ? <CheckIcon /> : <ArchiveIcon />}
          onClick={() => void downloadAll()}
        >
          Download all <span className="export-toolbar__type">(.zip)</span>
        </Button>
        <Button
          variant="primary"
          className="export-toolbar__button export-toolbar__project"
          icon={done('project') ? <CheckIcon /> : <FolderIcon />}
          onClick={() => void downloadProject()}
        >
          Download project <span className="export-toolbar__type">(.zip)</span>
        </Button>
        <Button
          className="export-toolbar__button export-toolbar__secondary"
          data-state={done('config') ? 'done' : undefined}
          icon={done('config') ? <CheckIcon /> : <DownloadIcon />}
          onClick={() => save('config', CONFIG_FILE_NAME, fileContent('config.json'))}
        >
          <span className="visually-hidden">Download </span>Config{' '}
          <span className="export-toolbar__type">(.json)</span>
        </Button>
        <Button
          className="export-toolbar__button export-toolbar__secondary"
          data-state={done('markdown') ? 'done' : undefined}
          icon={done('markdown') ? <CheckIcon /> : <FileIcon />}
          onClick={() => save('markdown', markdownFileName(template, guide), guide.markdown)}
        >
          <span className="visually-hidden">Download </span>Markdown{' '}
          <span className="export-toolbar__type">(.md)</span>
        </Button>
        <ConfigFilePicker
          template={template}
          onImport={onImport}
          label="Import config"
          variant="quiet"
          className="export-toolbar__button export-toolbar__secondary export-toolbar__import"
        />
      </div>
      {shown && !shown.ok && !shareShown ? (
        <p className="export-toolbar__failed">{shown.message}</p>
      ) : null}
      <StatusMessage confirmation={announced} />
    </div>
  );
}
