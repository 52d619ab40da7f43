import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { Providers } from './app/providers';
import { applyTheme, storedTheme } from './app/theme';
import './app/app.css';

applyTheme(storedTheme(), false);

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
