import { useId, useState, type CSSProperties } from 'react';
import { optionLabel, stepName, type Choices, type TemplateInfo } from '../../engine/index';
import { CheckIcon } from './check-icon';
import { isAnswered, stepAt, stepIndex, stepStatuses, type StepStatus } from './wizard-steps';
import type { WizardStep } from './wizard-types';
import './wizard-progress.css';

export type WizardProgressProps = {
  template: TemplateInfo;
  choices: Choices;
  step: WizardStep;
  onNavigate: (step: WizardStep) => void;
};

/**
 * The steps as an ordered list: answered ones can be revisited, the current one is marked, the
 * ones further than the first unanswered question wait. Phones see one line and a bar, and can
 * unfold the list.
 */
export function WizardProgress({ template, choices, step, onNavigate }: WizardProgressProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const total = template.parameters.length;
  const index = stepIndex(template, step);
  const statuses = stepStatuses(template, choices, step);
  const current = template.parameters[index];
  const answered = template.parameters.filter((parameter) => isAnswered(choices, parameter)).length;
  const summary = current
    ? `Step ${index + 1} of ${total} — ${stepName(template, current)}`
    : `Review — ${answered} of ${total} answered`;
  const fill = { '--wizard-progress-fill': `${Math.min(index + 1, total) / total}` };

  const items = statuses.map((status, position) => {
    const parameter = template.parameters[position];
    const name = parameter ? stepName(template, parameter) : 'Review';
    const value =
      parameter && isAnswered(choices, parameter)
        ? optionLabel(template, parameter, choices[parameter.name] ?? '').label
        : undefined;
    // The visible parts are laid out in separate boxes, which would put stray spaces into a
    // name computed from them; one hidden sentence gives the exact name "Backend: Go (completed)".
    const spoken = `${name}${value ? `: ${value}` : ''}${statusText(status)}`;
    const content = (
      <>
        <span className="wizard-progress__marker" aria-hidden="true">
          {status === 'done' ? <CheckIcon /> : position + 1}
        </span>
        <span className="wizard-progress__text" aria-hidden="true">
          <span className="wizard-progress__name">{name}</span>
          {value ? <span className="wizard-progress__value">{value}</span> : null}
        </span>
        <span className="visually-hidden">{spoken}</span>
      </>
    );
    const clickable = status === 'done' || status === 'open';
    return (
      <li
        key={parameter?.name ?? 'review'}
        className={`wizard-progress__item wizard-progress__item--${status}`}
        aria-current={status === 'current' ? 'step' : undefined}
      >
        {clickable ? (
          <button
            type="button"
            className="wizard-progress__link"
            onClick={() => {
              setOpen(false);
              onNavigate(stepAt(template, position));
            }}
          >
            {content}
          </button>
        ) : (
          <span className="wizard-progress__link">{content}</span>
        )}
      </li>
    );
  });

  return (
    <nav className="wizard-progress" aria-label="Progress">
      <div className="wizard-progress__compact">
        <p className="wizard-progress__summary">{summary}</p>
        <button
          type="button"
          className="wizard-progress__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide steps' : 'All steps'}
        </button>
        <div className="wizard-progress__bar" aria-hidden="true" style={fill as CSSProperties} />
      </div>
      <ol
        id={listId}
        className={`wizard-progress__list${open ? ' wizard-progress__list--open' : ''}`}
      >
        {items}
      </ol>
    </nav>
  );
}

function statusText(status: StepStatus): string {
  if (status === 'done') return ' (completed)';
  if (status === 'locked') return ' (not yet)';
  return '';
}
