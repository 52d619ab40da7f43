import { useQuery } from '@tanstack/react-query';
import { templateQueryOptions } from './template-query';

export function App() {
  const { data: template, error } = useQuery(templateQueryOptions());
  if (error) throw error;
  if (!template) {
    return (
      <main className="app-main" aria-busy="true">
        <h1>API Performance Wizard</h1>
      </main>
    );
  }
  const { meta, parameters } = template;
  return (
    <main className="app-main">
      <p className="eyebrow">API Performance Wizard</p>
      <h1>{meta.title}</h1>
      <p>{meta.description}</p>
      <p>
        Difficulty: {meta.difficulty} · Tags: {meta.tags.join(', ')}
      </p>
      <h2>Six questions</h2>
      <ol>
        {parameters.map((parameter) => (
          <li key={parameter.name}>{parameter.question}</li>
        ))}
      </ol>
      <footer>
        Template “{meta.name}” {meta.version} by {meta.author}, from the{' '}
        <a href="https://github.com/jezweb/prompts">jezweb/prompts</a> collection (MIT licence).
      </footer>
    </main>
  );
}
