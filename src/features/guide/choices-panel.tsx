import { useState } from 'react';
import { optionLabel, stepName, type TemplateInfo } from '../../engine/index';
import { ChoiceControl } from './choice-control';
import './choices-panel.css';

export type ChoicesPanelProps = {
  template: TemplateInfo;
  choices: Readonly<Record<string, string>>;
  onChoose: (name: string, value: string) => void;
};

/** The choices the guide was written for, each changeable without leaving the guide. */
export function ChoicesPanel({ template, choices, onChoose }: ChoicesPanelProps) {
  // The page changes without moving focus; a polite status tells screen-reader users it did.
  const [announcement, setAnnouncement] = useState('');
  const choose = (name: string, value: string) => {
    onChoose(name, value);
    const parameter = template.parameters.find((candidate) => candidate.name === name);
    if (parameter) {
      const label = optionLabel(template, parameter, value).label;
      setAnnouncement(`Guide updated for ${stepName(template, parameter)}: ${label}.`);
    }
  };
  return (
    <section className="choices" aria-labelledby="guide-choices-title">
      <h2 className="choices__title" id="guide-choices-title">
        Your choices
      </h2>
      <div className="choices__fields">
        {template.parameters.map((parameter) => (
          <ChoiceControl
            key={parameter.name}
            template={template}
            parameter={parameter}
            value={choices[parameter.name]}
            onChoose={choose}
          />
        ))}
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
