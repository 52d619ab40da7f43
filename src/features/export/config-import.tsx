import type { ConfigDropZoneProps, ConfigImportButtonProps } from './export-types';

/** Placeholder: pick a config file. */
export function ConfigImportButton(props: ConfigImportButtonProps) {
  void props;
  return null;
}

/** Placeholder: drop a config file anywhere on the page. */
export function ConfigDropZone({ children }: ConfigDropZoneProps) {
  return <>{children}</>;
}
