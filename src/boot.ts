/**
 * The page's first script, tiny and separate from the app: when the page was opened with a
 * link, the guide worker starts reading it and rendering its guide now, while the app's own
 * script (React, the wizard) is still loading and starting.
 */
import { renderLinkEarly } from './app/guide-source/guide-client';

if (window.location.search.length > 1) renderLinkEarly(window.location.search);
