import { useCallback, useState } from 'react';
import type { TemplateInfo } from '../../engine/index';
import type { ImportedConfig } from './export-types';
import type { readConfigFile } from './read-config-file';

/**
 * Reads a picked or dropped file and hands the result to the app, broken or not. Only a reader
 * that cannot be loaded is reported as an out-of-date page; the reader itself never throws, so
 * anything it throws is a bug, and goes to the app's error boundary as one.
 */
export function useConfigImport(
  template: TemplateInfo,
  onImport: (imported: ImportedConfig) => void,
): (file: File) => Promise<void> {
  const [, setFailure] = useState<never>();
  return useCallback(
    async (file: File) => {
      let read: typeof readConfigFile;
      try {
        ({ readConfigFile: read } = await import('./read-config-file'));
      } catch {
        // The reader's chunk failed to load (offline after a deploy): say so, change nothing.
        onImport(outOfDate(file));
        return;
      }
      let imported: ImportedConfig;
      try {
        imported = await read(template, file);
      } catch (error) {
        // Thrown from a state update, the error reaches the error boundary like a render error.
        setFailure(() => {
          throw error;
        });
        return;
      }
      onImport(imported);
    },
    [template, onImport],
  );
}

function outOfDate(file: File): ImportedConfig {
  return {
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
