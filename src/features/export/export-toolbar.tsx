import type { ExportToolbarProps } from './export-types';

/** Placeholder: share, download all, config and markdown downloads, config import. */
export function ExportToolbar({ shareUrl }: ExportToolbarProps) {
  return <div data-share-url={shareUrl} />;
}
