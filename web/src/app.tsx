import { useEffect, useState } from 'react';

type Health = 'checking' | 'ok' | 'unreachable';

/** Placeholder until the web shell lands: says what Passage is and whether the server answers. */
export function App() {
  const [health, setHealth] = useState<Health>('checking');
  useEffect(() => {
    fetch('/api/health')
      .then((r) => setHealth(r.ok ? 'ok' : 'unreachable'))
      .catch(() => setHealth('unreachable'));
  }, []);
  return (
    <main
      style={{
        fontFamily: 'system-ui, sans-serif',
        maxWidth: '40rem',
        margin: '3rem auto',
        padding: '0 1rem',
      }}
    >
      <h1>Passage</h1>
      <p>Case management, referral and reporting for National Societies responding to human trafficking.</p>
      <p role="status">Server: {health}</p>
    </main>
  );
}
