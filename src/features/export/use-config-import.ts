import { useCallback } from 'react';
import type { TemplateInfo } from '../../engine/index';
import type { ImportedConfig } from './export-types';

/** Reads a picked or dropped file and hands the result to the app, broken or not. */
export function useConfigImport(
  template: TemplateInfo,
  onImport: (imported: ImportedConfig) => void,
): (file: File) => Promise<void> {
  return useCallback(
    async (file: File) => {
      let imported: ImportedConfig;
      try {
        const { readConfigFile } = await import('./read-config-file');
        imported = await readConfigFile(template, file);
      } catch {
        // The reader's chunk failed to load (offline after a deploy): say so, change nothing.
        imported = {
          fileName: file.name || 'The file',
          decoded: {
            given: {},
            problems: [
              {
                kind: 'bad-encoding',
                text: file.name,
                message:
                  'The file could not be read because the page is out of date. Reload the page and try again.',
              },
            ],
            fatal: true,
          },
        };
      }
      onImport(imported);
    },
    [template, onImport],
  );
}
