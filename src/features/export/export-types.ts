import type { ReactNode } from 'react';
import type { CodeBlock, DecodedChoices, Guide, TemplateInfo } from '../../engine/index';

/** A config file the user picked or dropped, as the engine read it. */
export type ImportedConfig = {
  fileName: string;
  decoded: DecodedChoices & { fatal: boolean };
};

export type ExportToolbarProps = {
  template: TemplateInfo;
  guide: Guide;
  /** The full share link of the current configuration. */
  shareUrl: string;
  onImport: (imported: ImportedConfig) => void;
};

export type BlockActionsProps = {
  block: CodeBlock;
};

export type ConfigImportButtonProps = {
  template: TemplateInfo;
  onImport: (imported: ImportedConfig) => void;
};

export type ConfigDropZoneProps = {
  template: TemplateInfo;
  onImport: (imported: ImportedConfig) => void;
  children: ReactNode;
};
