export { GuideView } from './guide-view';
export type { GuideViewProps } from './guide-types';
