export { StartScreen } from './start-screen';
export { Wizard } from './wizard';
export type { StartScreenProps, WizardProps, WizardStep } from './wizard-types';
