import type { ReactNode } from 'react';
import type { CodeBlock, DecodedChoices, Guide, Template } from '../../engine/index';

/** A config file the user picked or dropped, as the engine read it. */
export type ImportedConfig = {
  fileName: string;
  decoded: DecodedChoices & { fatal: boolean };
};

export type ExportToolbarProps = {
  template: Template;
  guide: Guide;
  /** The full share link of the current configuration. */
  shareUrl: string;
  onImport: (imported: ImportedConfig) => void;
};

export type BlockActionsProps = {
  block: CodeBlock;
};

export type ConfigImportButtonProps = {
  template: Template;
  onImport: (imported: ImportedConfig) => void;
};

export type ConfigDropZoneProps = {
  template: Template;
  onImport: (imported: ImportedConfig) => void;
  children: ReactNode;
};
