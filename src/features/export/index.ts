export { BlockActions } from './block-actions';
export { ConfigDropZone, ConfigImportButton } from './config-import';
export { ExportToolbar } from './export-toolbar';
export type {
  BlockActionsProps,
  ConfigDropZoneProps,
  ConfigImportButtonProps,
  ExportToolbarProps,
  ImportedConfig,
} from './export-types';
