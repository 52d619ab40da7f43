import { Banner } from '../components/ui/banner';
import type { Notice } from './use-app-state';

export type NoticeBannerProps = {
  notice: Notice;
  onDismiss: () => void;
};

/** Lists exactly what a link or a config file could not apply, and why. */
export function NoticeBanner({ notice, onDismiss }: NoticeBannerProps) {
  const title =
    notice.source === 'link'
      ? 'Some settings in this link could not be used'
      : notice.applied
        ? `${notice.name ?? 'The file'} was imported, with a warning`
        : `${notice.name ?? 'The file'} was not imported`;
  const outcome =
    notice.source === 'link'
      ? 'Every valid setting was kept; choose the rest below.'
      : notice.applied
        ? 'Its settings were applied.'
        : 'Nothing was changed. Fix the file or choose another one.';
  return (
    <div className="app-notice">
      <Banner title={title} onDismiss={onDismiss}>
        <ul>
          {notice.problems.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </ul>
        <p>{outcome}</p>
      </Banner>
    </div>
  );
}
