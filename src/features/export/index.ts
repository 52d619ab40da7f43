export { BlockActions } from './block-actions';
export { ConfigImportButton } from './config-import-button';
export { ConfigDropZone } from './config-drop-zone';
export { ExportToolbar } from './export-toolbar';
export type {
  BlockActionsProps,
  ConfigDropZoneProps,
  ConfigImportButtonProps,
  ExportToolbarProps,
  ImportedConfig,
} from './export-types';
