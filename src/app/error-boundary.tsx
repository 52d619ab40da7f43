import { Component, type ErrorInfo, type ReactNode } from 'react';

export type ErrorBoundaryProps = {
  children: ReactNode;
  /** Runs when the user presses "Start over"; defaults to reloading the page without its query. */
  onReset?: () => void;
};

type ErrorBoundaryState = {
  error: Error | null;
};

// Choices live in the URL query, so a bad query would fail again on a plain re-render:
// starting over drops the query and reloads.
function reloadWithoutQuery() {
  window.location.assign(window.location.pathname);
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Unhandled error in the app', error, info.componentStack);
  }

  private readonly handleReset = () => {
    this.setState({ error: null });
    (this.props.onReset ?? reloadWithoutQuery)();
  };

  override render() {
    const { error } = this.state;
    if (!error) {
      return this.props.children;
    }
    return (
      <main className="app-main">
        <div role="alert">
          <h1>Something went wrong</h1>
          <p>{error.message}</p>
        </div>
        <button type="button" onClick={this.handleReset}>
          Start over
        </button>
      </main>
    );
  }
}
