import type { GuideViewProps } from './guide-types';

/** Placeholder: the guide, rendered from the engine's Guide model as React elements. */
export function GuideView({ guide, toolbar, renderBlockActions }: GuideViewProps) {
  return (
    <article>
      <h1>{guide.title}</h1>
      {toolbar}
      {guide.blocks.map((block) => (
        <figure key={block.id}>
          <figcaption>{block.filename}</figcaption>
          {renderBlockActions(block)}
          <pre>
            <code>{block.code}</code>
          </pre>
        </figure>
      ))}
    </article>
  );
}
