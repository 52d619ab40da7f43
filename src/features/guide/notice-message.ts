import { optionLabel, stepName, type Notice, type TemplateInfo } from '../../engine/index';

/** What a notice box says: the engine's message in the wizard's words, and what to do about it. */
export interface NoticeText {
  message: string;
  /** How to get an example here, e.g. "Choose another Backend to see one." */
  hint?: string;
}

/**
 * "This guide has no Rust-specific code for “X” yet." from the choices that emptied the block;
 * the engine's own message when no choice is known to have decided it.
 */
export function noticeMessage(template: TemplateInfo, notice: Notice): NoticeText {
  const section = notice.section[notice.section.length - 1];
  const decided = notice.reads.flatMap(({ name, value }) => {
    const parameter = template.parameters.find((candidate) => candidate.name === name);
    return parameter
      ? [
          {
            step: stepName(template, parameter),
            label: optionLabel(template, parameter, value).label,
          },
        ]
      : [];
  });
  if (!section || decided.length === 0 || decided.length !== notice.reads.length) {
    return { message: notice.message };
  }
  const steps = joinWords(decided.map(({ step }) => step));
  const hint = `Choose another ${steps} to see one.`;
  const [only] = decided;
  if (decided.length === 1 && only) {
    return { message: `This guide has no ${only.label}-specific code for “${section}” yet.`, hint };
  }
  const labels = joinWords(decided.map(({ step, label }) => `${step} ${label}`));
  return { message: `This guide has no code for “${section}” with ${labels} yet.`, hint };
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
