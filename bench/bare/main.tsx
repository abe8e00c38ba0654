/**
 * Bare reference page of the bench (B1, B3): the physical limit the app is compared with.
 * It imports only react, react-dom, recharts, @tanstack/react-query and zustand — each one really used,
 * so tree-shaking keeps what an app built on them cannot avoid — and draws one recharts line chart
 * from inline data, through a query and a store exactly as thin as possible. No i18n, no MSW, no shell.
 * It sets the same performance mark as the app, `mouchir:first-chart`, when the first line path exists.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { create } from 'zustand';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const SERIES = [
  { key: 'MA', label: 'Maroc', color: '#0072B2' },
  { key: 'MA-06', label: 'Casablanca-Settat', color: '#D55E00' },
];

/** Inline data: two series over eleven years, the size of the app's default view. */
const ROWS = Array.from({ length: 11 }, (_, i) => ({
  period: String(2014 + i),
  MA: 100 + i * 3 + (i % 3),
  'MA-06': 120 + i * 2 - (i % 4),
}));

const useSelection = create<{ keys: string[] }>()(() => ({ keys: SERIES.map((s) => s.key) }));

function markWhenDrawn(): void {
  const done = () => document.querySelector('path.recharts-line-curve') !== null;
  const mark = (): void => {
    performance.mark('mouchir:first-chart');
  };
  if (done()) return mark();
  const mo = new MutationObserver(() => {
    if (done()) {
      mo.disconnect();
      mark();
    }
  });
  mo.observe(document.body, { childList: true, subtree: true });
}

function Chart() {
  const keys = useSelection((s) => s.keys);
  const { data } = useQuery({ queryKey: ['rows'], queryFn: () => Promise.resolve(ROWS) });
  if (!data) return <p>…</p>;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>Indicateur de référence</figcaption>
      <div style={{ width: '100%', height: 360 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" />
            <YAxis />
            <Tooltip />
            <Legend />
            {SERIES.filter((s) => keys.includes(s.key)).map((s) => (
              <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} dot={false} connectNulls={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

const root = document.getElementById('root');
if (root) {
  markWhenDrawn();
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <main>
          <h1>Mouchir — bare</h1>
          <Chart />
        </main>
      </QueryClientProvider>
    </StrictMode>,
  );
}
