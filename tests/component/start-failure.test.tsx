/**
 * When the app's own code cannot be loaded (src/main.tsx), the prerendered shell says so with a reload button, in the
 * page's language, instead of keeping its placeholders forever (src/app/start-failure.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { showStartFailure } from '../../src/app/start-failure.ts';

function shellDocument(lang: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.documentElement.lang = lang;
  doc.body.innerHTML =
    '<div id="root"><header>Mouchir</header><main id="main"><div class="skeleton" aria-busy="true"></div></main></div>';
  return doc;
}

describe('showStartFailure', () => {
  it.each([
    ['fr', /n’a pas pu se charger/, 'Recharger la page'],
    ['ar', /تعذر تحميل التطبيق/, 'إعادة تحميل الصفحة'],
    ['en', /could not be loaded/, 'Reload the page'],
    ['xx', /n’a pas pu se charger/, 'Recharger la page'],
  ])('%s: replaces the placeholders with an alert and a reload button', (lang, message, label) => {
    const doc = shellDocument(lang);
    const reload = vi.fn();
    showStartFailure(doc, reload);
    const alert = doc.querySelector('main [role="alert"]');
    expect(alert?.textContent).toMatch(message);
    expect(doc.querySelector('main .skeleton')).toBeNull();
    // The header stays: only the view's room changes.
    expect(doc.querySelector('header')?.textContent).toBe('Mouchir');
    const button = alert?.querySelector('button');
    expect(button?.textContent).toBe(label);
    button?.click();
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
