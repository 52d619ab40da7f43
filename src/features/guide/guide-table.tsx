import { plainText, type Inline } from '../../engine/index';
import { GuideInline } from './guide-inline';

export type GuideTableProps = {
  align: ('left' | 'center' | 'right' | null)[];
  header: Inline[][];
  rows: Inline[][][];
};

/** A table that scrolls sideways inside itself on narrow screens; focusable so keys can scroll it. */
export function GuideTable({ align, header, rows }: GuideTableProps) {
  const alignOf = (column: number) => align[column] ?? undefined;
  return (
    <div
      className="guide-prose__table"
      role="region"
      aria-label={`Table: ${header.map((cell) => plainText(cell)).join(', ')}`}
      tabIndex={0}
    >
      <table>
        <thead>
          <tr>
            {header.map((cell, column) => (
              <th key={column} scope="col" style={{ textAlign: alignOf(column) }}>
                <GuideInline nodes={cell} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, column) => (
                <td key={column} style={{ textAlign: alignOf(column) }}>
                  <GuideInline nodes={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
