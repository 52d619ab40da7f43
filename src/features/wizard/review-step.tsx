import {
  optionLabel,
  stepName,
  type Choices,
  type Parameter,
  type TemplateInfo,
} from '../../engine/index';
import { Button } from '../../components/ui/button';
import { useFocusOnMount } from '../../components/ui/use-focus-on-mount';
import { isAnswered, missingRequired } from './wizard-steps';
import './review-step.css';

export type ReviewStepProps = {
  template: TemplateInfo;
  choices: Choices;
  /** Opens a parameter's step to change (or give) its answer. */
  onEdit: (name: string) => void;
  onBack: () => void;
  onFinish: () => void;
};

/** Every answer at a glance, each one a click from being changed, then the way to the guide. */
export function ReviewStep({ template, choices, onEdit, onBack, onFinish }: ReviewStepProps) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const missing = missingRequired(template, choices).length;
  return (
    <section className="review-step" aria-labelledby="review-title">
      <h1 id="review-title" ref={headingRef} tabIndex={-1} className="review-step__title">
        Review your answers
      </h1>
      <p className="review-step__intro">
        Your guide is written from these answers. Change any of them, then open the guide; the
        page’s address keeps them, so you can bookmark or share it.
      </p>
      <dl className="review-step__list">
        {template.parameters.map((parameter) => {
          const name = stepName(template, parameter);
          const answered = isAnswered(choices, parameter);
          const flagged = !answered && parameter.required;
          return (
            <div
              key={parameter.name}
              className={`review-step__row${flagged ? ' review-step__row--missing' : ''}`}
            >
              <dt className="review-step__name">{name}</dt>
              <dd className="review-step__answer">
                <Answer template={template} parameter={parameter} value={choices[parameter.name]} />
              </dd>
              <dd className="review-step__action">
                <Button
                  aria-label={`${flagged ? 'Answer' : 'Edit'} ${name}`}
                  onClick={() => onEdit(parameter.name)}
                >
                  {flagged ? 'Answer' : 'Edit'}
                </Button>
              </dd>
            </div>
          );
        })}
      </dl>
      {missing > 0 ? (
        <p id="review-missing" className="review-step__blocked">
          Answer the {missing === 1 ? 'remaining question' : `${missing} remaining questions`} to
          see your guide.
        </p>
      ) : null}
      <div className="wizard-actions">
        <Button onClick={onBack}>
          <span aria-hidden="true">←</span> Back
        </Button>
        <Button
          variant="primary"
          className="review-step__finish"
          disabled={missing > 0}
          aria-describedby={missing > 0 ? 'review-missing' : undefined}
          onClick={onFinish}
        >
          Show my guide <span aria-hidden="true">→</span>
        </Button>
      </div>
    </section>
  );
}

type AnswerProps = { template: TemplateInfo; parameter: Parameter; value: string | undefined };

/** The chosen option's label and description; for no answer, the default or a flag. */
function Answer({ template, parameter, value }: AnswerProps) {
  if (value === undefined) {
    if (parameter.required) {
      return (
        <span className="review-step__missing">
          <span className="review-step__missing-icon" aria-hidden="true">
            !
          </span>
          Not answered yet
        </span>
      );
    }
    const fallback =
      parameter.default === undefined
        ? 'Not answered (optional)'
        : `Not answered: the guide uses ${optionLabel(template, parameter, parameter.default).label}`;
    return <span className="review-step__default">{fallback}</span>;
  }
  const { label, description } = optionLabel(template, parameter, value);
  return (
    <>
      <span className="review-step__label">{label}</span>
      {description ? <span className="review-step__description">{description}</span> : null}
    </>
  );
}
