import type { BlockActionsProps } from './export-types';

/** Placeholder: copy and download one code block. */
export function BlockActions({ block }: BlockActionsProps) {
  return <span data-filename={block.filename} />;
}
