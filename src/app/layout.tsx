import type { ReactNode } from 'react';
import type { TemplateInfo } from '../engine/index';
import { ThemeToggle } from './theme-toggle';
import './layout.css';

export type LayoutProps = {
  template: TemplateInfo | undefined;
  children: ReactNode;
};

/** Header with the way home and the theme toggle, the screen, and the template's credit. */
export function Layout({ template, children }: LayoutProps) {
  return (
    <>
      <header className="app-header">
        <a className="app-header__home" href="/">
          <img src="/favicon.svg" alt="" width="24" height="24" />
          API Performance Wizard
        </a>
        <ThemeToggle />
      </header>
      <main className="app-main" id="main">
        {children}
      </main>
      <footer className="app-footer">
        {template ? (
          <p>
            Based on the guide template “{template.meta.title}” by {template.meta.author}, from the{' '}
            <a href="https://github.com/jezweb/prompts">jezweb/prompts</a> collection (MIT licence);
            this edition ({template.meta.version}) adds content for every answer and corrects the
            original&apos;s code. Rendered in your browser: nothing you choose leaves this page.
          </p>
        ) : null}
      </footer>
    </>
  );
}
