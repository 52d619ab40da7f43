import { apiPerformanceSizing } from './api-performance';
import type { SizingModel } from './sizing';

/** The sizing models a template may name in its frontmatter (`sizing: <name>`). */
export const SIZING_MODELS: Readonly<Record<string, SizingModel>> = {
  'api-performance': apiPerformanceSizing,
};
