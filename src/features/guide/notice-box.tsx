import type { Notice, TemplateInfo } from '../../engine/index';
import { noticeMessage } from './notice-message';
import './notice-box.css';

export type NoticeBoxProps = {
  template: TemplateInfo;
  notice: Notice;
};

/** Stands where a code block would be when the template has no code for these choices. */
export function NoticeBox({ template, notice }: NoticeBoxProps) {
  const { message, hint } = noticeMessage(template, notice);
  return (
    <div className="notice-box" role="note">
      <svg className="notice-box__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path
          d="M8 7v4.5M8 4.5v.01"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
        />
      </svg>
      <p className="notice-box__text">
        {message}
        {hint ? <span className="notice-box__hint"> {hint}</span> : null}
      </p>
    </div>
  );
}
