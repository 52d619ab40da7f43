import { Component, type ErrorInfo, type ReactNode } from 'react';

export type ErrorBoundaryProps = {
  children: ReactNode;
};

type ErrorBoundaryState = {
  error: Error | null;
  /** The link at the moment of the failure, so the user's choices are never lost. */
  link: string;
};

/**
 * Keeps an unexpected failure recoverable: says what happened, shows the current link (the
 * user's choices live in it), and offers to try again or to start over without them.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, link: '' };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return {
      error: error instanceof Error ? error : new Error(String(error)),
      link: window.location.href,
    };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Unhandled error in the app', error, info.componentStack);
  }

  override render() {
    const { error, link } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="app-main error-page">
        <h1>Something went wrong</h1>
        <div role="alert">
          <p>The page hit an unexpected error: {error.message}</p>
        </div>
        <p>
          Your choices are kept in this link. Copy it to come back to them, try again, or start over
          with a blank wizard.
        </p>
        <label className="error-page__link">
          Your link
          <input
            type="text"
            readOnly
            value={link}
            onFocus={(event) => event.currentTarget.select()}
          />
        </label>
        <p className="error-page__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => window.location.reload()}
          >
            Try again
          </button>
          <a className="button button--secondary" href={window.location.pathname}>
            Start over
          </a>
        </p>
      </main>
    );
  }
}
