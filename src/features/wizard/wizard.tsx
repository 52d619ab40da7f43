import { useState } from 'react';
import { ReviewStep } from './review-step';
import { StepForm } from './step-form';
import { WizardProgress } from './wizard-progress';
import { stepAt, stepIndex } from './wizard-steps';
import type { WizardProps, WizardStep } from './wizard-types';
import './wizard.css';

/** One step per parameter in template order, then the review; progress above each. */
export function Wizard({
  template,
  choices,
  step,
  onChoose,
  onNavigate,
  onFinish,
  onExit,
}: WizardProps) {
  // The step opened with "Edit" from the review: its Next leads straight back to the review.
  const [editing, setEditing] = useState<string | undefined>();
  const total = template.parameters.length;
  const index = stepIndex(template, step);
  const parameter = step.kind === 'step' ? template.parameters[index] : undefined;

  const go = (next: WizardStep, edit?: string) => {
    setEditing(edit);
    onNavigate(next);
  };

  let body;
  if (parameter) {
    const returning = editing === parameter.name;
    body = (
      <StepForm
        key={parameter.name}
        template={template}
        parameter={parameter}
        position={index + 1}
        total={total}
        value={choices[parameter.name]}
        onChoose={onChoose}
        onBack={index > 0 ? () => go(stepAt(template, index - 1)) : onExit}
        onNext={() => go(returning ? { kind: 'review' } : stepAt(template, index + 1))}
        nextLabel={returning ? 'Back to review' : index === total - 1 ? 'Review answers' : 'Next'}
      />
    );
  } else {
    body = (
      <ReviewStep
        template={template}
        choices={choices}
        onEdit={(name) => go({ kind: 'step', parameter: name }, name)}
        onBack={() => go(stepAt(template, total - 1))}
        onFinish={onFinish}
      />
    );
  }

  return (
    <div className="wizard">
      <WizardProgress template={template} choices={choices} step={step} onNavigate={go} />
      {body}
    </div>
  );
}
