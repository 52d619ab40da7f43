import type { WizardProps } from './wizard-types';

/** Placeholder: one step per parameter, then the review. */
export function Wizard({ template, step, onFinish }: WizardProps) {
  return (
    <section>
      <h1>{step.kind === 'review' ? 'Review' : step.parameter}</h1>
      <p>{template.meta.title}</p>
      <button type="button" onClick={onFinish}>
        Show my guide
      </button>
    </section>
  );
}
