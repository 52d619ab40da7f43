import type { ReactNode } from 'react';
import { Button } from './button';
import './banner.css';

export type BannerProps = {
  title: string;
  children: ReactNode;
  onDismiss?: () => void;
  tone?: 'warning' | 'info';
};

/** A message across the page, announced when it appears, that the user can dismiss. */
export function Banner({ title, children, onDismiss, tone = 'warning' }: BannerProps) {
  return (
    <section className={`banner banner--${tone}`} role="alert" aria-label={title}>
      <div className="banner__body">
        <h2 className="banner__title">{title}</h2>
        {children}
      </div>
      {onDismiss ? (
        <Button variant="quiet" className="banner__dismiss" onClick={onDismiss}>
          Dismiss
        </Button>
      ) : null}
    </section>
  );
}
