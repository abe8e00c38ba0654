/**
 * Last-resort fallback around everything: whatever breaks, the page shows a message and a reload
 * button in the three languages, never a white screen. No store or i18n dependency on purpose.
 */
import type { ReactNode } from 'react';
import { appMessages } from './messages.ts';
import { ErrorBoundary } from '../ui/error-boundary.tsx';

/** Root boundary: message in fr/ar/en with a reload button. */
export function RootBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary
      fallback={(error) => (
        <div className="root-error" role="alert" data-testid="app-shell">
          <p lang="fr">{appMessages.rootError.fr}</p>
          <p lang="ar" dir="rtl">
            {appMessages.rootError.ar}
          </p>
          <p lang="en">{appMessages.rootError.en}</p>
          <pre>{error.message}</pre>
          <button type="button" onClick={() => window.location.reload()}>
            {appMessages.reload.fr} · {appMessages.reload.ar} · {appMessages.reload.en}
          </button>
        </div>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
