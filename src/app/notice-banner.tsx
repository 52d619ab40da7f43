import { Banner } from '../components/ui/banner';
import type { Notice } from './use-app-state';
import './notice-banner.css';

/** Past this many problems the list scrolls within the banner, so the page stays in view. */
const LONG_LIST = 8;

export type NoticeBannerProps = {
  notice: Notice;
  onDismiss: () => void;
};

/**
 * Lists exactly what a link or a config file could not apply, and why; the problems say what
 * is wrong, the last line says what the app did about it.
 */
export function NoticeBanner({ notice, onDismiss }: NoticeBannerProps) {
  const title =
    notice.source === 'link'
      ? 'Some settings in this link could not be used'
      : notice.applied
        ? `${notice.name ?? 'The file'} was imported, with a warning`
        : `${notice.name ?? 'The file'} was not imported`;
  const long = notice.problems.length > LONG_LIST;
  return (
    <div className="app-notice">
      <Banner title={title} onDismiss={onDismiss}>
        <ul
          className={long ? 'notice-problems notice-problems--long' : 'notice-problems'}
          // A scrolling list must be reachable by keyboard to be scrolled without a mouse.
          {...(long ? { tabIndex: 0, 'aria-label': `Problems (${notice.problems.length})` } : {})}
        >
          {notice.problems.map((problem, index) => (
            <li
              key={index}
              className={problem.kind === 'more' ? 'notice-problems__more' : undefined}
            >
              {problem.message}
            </li>
          ))}
        </ul>
        <p>{outcome(notice)}</p>
      </Banner>
    </div>
  );
}

/** What the app did with the link or file: said once, here, never in a problem's message. */
function outcome(notice: Notice): string {
  if (notice.source === 'file') {
    return notice.applied
      ? 'Its settings were applied.'
      : 'Nothing was changed. Fix the file or choose another one.';
  }
  if (!notice.applied) return 'None of its settings could be used; choose them below.';
  const cut = notice.problems.some(
    (problem) => problem.kind === 'oversized' && problem.what === 'link',
  );
  return cut
    ? 'Every valid setting up to the limit was kept; choose the rest below.'
    : 'Every valid setting was kept; choose the rest below.';
}
