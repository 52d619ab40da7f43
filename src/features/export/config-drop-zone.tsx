import { useEffect, useState } from 'react';
import type { ConfigDropZoneProps } from './export-types';
import { UploadIcon } from './upload-icon';
import { useConfigImport } from './use-config-import';
import './config-drop-zone.css';

/** Only drags of files from outside: text and links dragged inside the page are left alone. */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Drop a config file anywhere on the page to restore its choices. The overlay is decoration
 * (aria-hidden): the file picker is the accessible way to do the same.
 */
export function ConfigDropZone({ template, onImport, children }: ConfigDropZoneProps) {
  const [dragging, setDragging] = useState(false);
  const importFile = useConfigImport(template, onImport);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; the depth says when the drag has
    // really left the window.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void importFile(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [importFile]);

  return (
    <>
      {children}
      {dragging ? (
        <div className="config-drop-zone" aria-hidden="true">
          <div className="config-drop-zone__message">
            <span className="config-drop-zone__icon">
              <UploadIcon />
            </span>
            Drop your config file to restore your choices
          </div>
        </div>
      ) : null}
    </>
  );
}
