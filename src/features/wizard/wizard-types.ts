import type { ReactNode } from 'react';
import type { Choices, TemplateInfo } from '../../engine/index';

/** A screen of the wizard: one parameter's step, or the review of all answers. */
export type WizardStep = { kind: 'step'; parameter: string } | { kind: 'review' };

export type StartScreenProps = {
  template: TemplateInfo;
  /** How many parameters already have an answer (from a link or an earlier visit). */
  answered: number;
  onStart: () => void;
  /** Extra actions shown under the main one, e.g. importing a config file. */
  secondaryActions?: ReactNode;
};

export type WizardProps = {
  template: TemplateInfo;
  /** The valid answers so far; a parameter without a key has no answer yet. */
  choices: Choices;
  step: WizardStep;
  onChoose: (name: string, value: string) => void;
  onNavigate: (step: WizardStep) => void;
  /** "Show my guide", from the review; only offered when every required answer is given. */
  onFinish: () => void;
  /** Back from the first step: to the start screen. Without it the first step has no Back. */
  onExit?: () => void;
};
