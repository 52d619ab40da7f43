import type { StartScreenProps } from './wizard-types';

/** The first screen: what the guide is, and one obvious way to begin. */
export function StartScreen({ template, onStart, secondaryActions }: StartScreenProps) {
  return (
    <section>
      <h1>{template.meta.title}</h1>
      <p>{template.meta.description}</p>
      <button type="button" onClick={onStart}>
        Start
      </button>
      {secondaryActions}
    </section>
  );
}
