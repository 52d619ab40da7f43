import { useQuery } from '@tanstack/react-query';
import { Layout } from './layout';
import { Screens } from './screens';
import { templateQueryOptions } from './template-query';

export function App() {
  const { data: template, error } = useQuery(templateQueryOptions());
  if (error) throw error;
  return (
    <Layout template={template}>
      {template ? (
        <Screens template={template} />
      ) : (
        <p className="app-loading" aria-busy="true">
          Loading the guide template…
        </p>
      )}
    </Layout>
  );
}
