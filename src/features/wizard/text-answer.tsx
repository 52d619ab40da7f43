import type { Ref } from 'react';
import type { TextParameter } from '../../engine/index';

export type TextAnswerProps = {
  parameter: TextParameter;
  draft: string;
  onDraft: (draft: string) => void;
  inputRef: Ref<HTMLInputElement>;
  /** The step's heading, which names the field. */
  labelledBy: string;
  describedBy: string | undefined;
  invalid: boolean;
};

/** A free-text answer, named by the step's question; Enter submits the step's form. */
export function TextAnswer({
  parameter,
  draft,
  onDraft,
  inputRef,
  labelledBy,
  describedBy,
  invalid,
}: TextAnswerProps) {
  return (
    <input
      ref={inputRef}
      type="text"
      className="step-form__text"
      name={parameter.name}
      value={draft}
      onChange={(event) => onDraft(event.target.value)}
      inputMode={parameter.format === 'number' ? 'decimal' : undefined}
      autoComplete="off"
      spellCheck={false}
      required={parameter.required}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
    />
  );
}

/** What the field expects, in words, from its format and the template's hint. */
export function textHint(parameter: TextParameter): string | undefined {
  const format =
    parameter.format === 'number'
      ? 'A number, like 40 or 2.5.'
      : parameter.format === 'list'
        ? 'A comma-separated list, like dev,staging,production.'
        : undefined;
  const hint = parameter.hint ? `${capitalize(parameter.hint)}.` : undefined;
  return [hint, format].filter(Boolean).join(' ') || undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
