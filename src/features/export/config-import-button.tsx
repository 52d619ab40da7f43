import { useRef, type ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import type { ConfigImportButtonProps } from './export-types';
import { UploadIcon } from './upload-icon';
import { useConfigImport } from './use-config-import';

export type ConfigFilePickerProps = ConfigImportButtonProps & {
  label: ReactNode;
  variant?: 'secondary' | 'quiet';
  className?: string;
};

/**
 * A button that opens the file picker for a config file. The native input stays in the page
 * (hidden) so the picker is a real one; the button is what keyboard and screen reader users reach.
 */
export function ConfigFilePicker({
  template,
  onImport,
  label,
  variant = 'secondary',
  className,
}: ConfigFilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const importFile = useConfigImport(template, onImport);
  return (
    <>
      <Button
        variant={variant}
        className={className}
        icon={<UploadIcon />}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared, so that picking the same file again (after fixing it) is a change too.
          event.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
    </>
  );
}

/** "Import a config file" on the start screen: restores the choices of a downloaded config. */
export function ConfigImportButton({ template, onImport }: ConfigImportButtonProps) {
  return <ConfigFilePicker template={template} onImport={onImport} label="Import a config file" />;
}
