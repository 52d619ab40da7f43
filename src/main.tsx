import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { Providers } from './app/providers';
import { applyTheme, storedTheme } from './app/theme';
import './app/app.css';

applyTheme(storedTheme(), false);

// A link with choices opens on the guide: fetch its chunk now, alongside React's first render,
// instead of after it. (screens.tsx imports the same module lazily; the request is shared.)
if (window.location.search.length > 1) void import('./app/guide-screen');

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element to mount the app into.');
}

createRoot(container).render(
  <StrictMode>
    <Providers>
      <App />
    </Providers>
  </StrictMode>,
);
