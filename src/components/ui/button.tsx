import type { ButtonHTMLAttributes, ReactNode } from 'react';
import './button.css';

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** `primary` for the one main action of a screen, `quiet` for small actions in toolbars. */
  variant?: 'primary' | 'secondary' | 'quiet';
  icon?: ReactNode;
};

/** A button with the app's look; a native <button> underneath, type="button" unless told. */
export function Button({
  variant = 'secondary',
  icon,
  className,
  children,
  type,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type === 'submit' || type === 'reset' ? type : 'button'}
      className={['button', `button--${variant}`, className].filter(Boolean).join(' ')}
      {...rest}
    >
      {icon ? (
        <span className="button__icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      {children}
    </button>
  );
}
