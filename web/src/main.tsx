// Mantine's global styles; each component's own styles come with it (vite.config.ts).
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { queryClient } from './app/query-client.ts';
import { preloadFirstScreen, preloadScreenAt } from './app/router.tsx';
import { sessionQuery } from './app/session.ts';
import { onQuickExit } from './features/safety/quick-exit.ts';
import { initialLocale, startI18n } from './i18n/i18n.ts';

// The language file, the session and then the first screen's code are fetched together, not one after another.
const languageReady = startI18n(initialLocale());
preloadScreenAt(window.location.pathname);
void queryClient.query(sessionQuery).then(
  (session) => preloadFirstScreen(window.location.pathname, session),
  () => undefined,
);

// Quick exit forgets everything read from the server.
onQuickExit(() => queryClient.clear());

const root = document.getElementById('root');
void languageReady.then(() => {
  if (root)
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
});
