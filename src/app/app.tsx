export function App() {
  return (
    <main className="app-main">
      <h1>API Performance Wizard</h1>
      <p>
        Answer six questions about your API and get a performance-optimization guide tailored to
        your stack.
      </p>
    </main>
  );
}
