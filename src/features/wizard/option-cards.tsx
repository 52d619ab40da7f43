import { useId, type Ref } from 'react';
import { optionLabel, type ChoiceParameter, type TemplateInfo } from '../../engine/index';
import { CheckIcon } from './check-icon';
import './option-cards.css';

export type OptionCardsProps = {
  template: TemplateInfo;
  parameter: ChoiceParameter;
  value: string | undefined;
  onSelect: (value: string) => void;
  /** The first radio, to take focus when Next is pressed without an answer. */
  firstRef: Ref<HTMLInputElement>;
};

/**
 * The options as large cards, each a native radio inside its label, so the whole card is
 * clickable and the group keeps the browser's keyboard behaviour (Tab in, arrows, Space).
 */
export function OptionCards({ template, parameter, value, onSelect, firstRef }: OptionCardsProps) {
  const baseId = useId();
  const count = parameter.options.length;
  // Four options read better as two by two than as three and a lonely one.
  const columns = count % 3 === 0 || count === 5 ? 3 : 2;
  return (
    <div className={`option-cards option-cards--cols-${columns}`}>
      {parameter.options.map((option, index) => {
        const { label, description } = optionLabel(template, parameter, option.value);
        const id = `${baseId}-${index}`;
        return (
          <label key={option.value} className="option-card">
            <input
              ref={index === 0 ? firstRef : undefined}
              type="radio"
              className="option-card__input"
              name={parameter.name}
              value={option.value}
              checked={value === option.value}
              required={parameter.required}
              onChange={() => onSelect(option.value)}
              aria-labelledby={`${id}-label`}
              aria-describedby={description ? `${id}-description` : undefined}
            />
            <span className="option-card__check" aria-hidden="true">
              <CheckIcon />
            </span>
            <span className="option-card__label" id={`${id}-label`}>
              {label}
            </span>
            {description ? (
              <span className="option-card__description" id={`${id}-description`}>
                {description}
              </span>
            ) : null}
          </label>
        );
      })}
    </div>
  );
}
