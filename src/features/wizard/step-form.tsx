import { useId, useRef, useState, type FormEvent } from 'react';
import {
  optionLabel,
  questionOf,
  stepName,
  type Parameter,
  type TemplateInfo,
} from '../../engine/index';
import { Button } from '../../components/ui/button';
import { checkAnswer } from './answer-check';
import { OptionCards } from './option-cards';
import { TextAnswer, textHint } from './text-answer';
import { useFocusOnMount } from '../../components/ui/use-focus-on-mount';
import './step-form.css';

export type StepFormProps = {
  template: TemplateInfo;
  parameter: Parameter;
  /** 1-based position among the steps, and how many there are. */
  position: number;
  total: number;
  value: string | undefined;
  onChoose: (name: string, value: string) => void;
  /** Absent on a first step with nowhere to go back to. */
  onBack: (() => void) | undefined;
  onNext: () => void;
  nextLabel: string;
};

/**
 * One question as a form: the question is the fieldset's legend and the page's h1, the answers
 * are radio cards or a text field, and submitting (Next, or Enter) checks there is an answer.
 */
export function StepForm(props: StepFormProps) {
  const { template, parameter, position, total, value, onChoose, onBack, onNext, nextLabel } =
    props;
  const id = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const fieldRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [draft, setDraft] = useState(value ?? parameter.default ?? '');
  const name = stepName(template, parameter);

  const hint = parameter.kind === 'text' ? textHint(parameter) : undefined;
  let optional: string | undefined;
  if (!parameter.required) {
    optional =
      parameter.default === undefined
        ? 'Optional.'
        : `Optional. Without an answer the guide uses ${defaultLabel(template, parameter)}.`;
  }
  const hintText = [optional, hint].filter(Boolean).join(' ') || undefined;
  const describedBy =
    [hintText ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const check = checkAnswer(template, parameter, parameter.kind === 'choice' ? value : draft);
    if (!check.ok) {
      setError(check.message);
      fieldRef.current?.focus();
      return;
    }
    if (check.value !== undefined && check.value !== value) onChoose(parameter.name, check.value);
    onNext();
  };

  const onDraft = (next: string) => {
    setDraft(next);
    setError(undefined);
    // A valid answer goes to the address bar at once, as a chosen option does.
    const check = checkAnswer(template, parameter, next);
    if (check.ok && check.value !== undefined && check.value !== value) {
      onChoose(parameter.name, check.value);
    }
  };

  return (
    <form className="step-form" noValidate onSubmit={onSubmit} aria-labelledby={`${id}-heading`}>
      <p className="step-form__eyebrow">
        Step {position} of {total} · {name}
      </p>
      <fieldset
        className="step-form__fieldset"
        aria-describedby={describedBy}
        // The radios' group is what is invalid; a text field marks itself.
        aria-invalid={error !== undefined && parameter.kind === 'choice' ? true : undefined}
      >
        <legend className="step-form__legend">
          <h1 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="step-form__question">
            {questionOf(template, parameter)}
          </h1>
        </legend>
        {hintText ? (
          <p id={`${id}-hint`} className="step-form__hint">
            {hintText}
          </p>
        ) : null}
        <div id={`${id}-error`} className="step-form__error" role="alert">
          {error ? (
            <p>
              <span className="step-form__error-icon" aria-hidden="true">
                !
              </span>
              {error}
            </p>
          ) : null}
        </div>
        {parameter.kind === 'choice' ? (
          <OptionCards
            template={template}
            parameter={parameter}
            value={value}
            firstRef={fieldRef}
            onSelect={(next) => {
              setError(undefined);
              onChoose(parameter.name, next);
            }}
          />
        ) : (
          <TextAnswer
            parameter={parameter}
            draft={draft}
            onDraft={onDraft}
            inputRef={fieldRef}
            labelledBy={`${id}-heading`}
            describedBy={describedBy}
            invalid={error !== undefined}
          />
        )}
      </fieldset>
      <div className="wizard-actions">
        {onBack ? (
          <Button onClick={onBack} className="step-form__back">
            <span aria-hidden="true">←</span> Back
          </Button>
        ) : null}
        <Button type="submit" variant="primary" className="step-form__next">
          {nextLabel} <span aria-hidden="true">→</span>
        </Button>
      </div>
    </form>
  );
}

function defaultLabel(template: TemplateInfo, parameter: Parameter): string {
  return optionLabel(template, parameter, parameter.default ?? '').label;
}
