import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { Providers } from './app/providers';
import { applyTheme, storedTheme } from './app/theme';
import './app/app.css';

performance.mark('app:start');
applyTheme(storedTheme(), false);

// A link opens on the guide (src/boot.ts has the worker rendering it already): fetch the
// guide's chunk now, alongside React's first render, instead of after it. (screens.tsx imports
// the same module lazily; the request is shared.)
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
