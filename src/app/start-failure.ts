/**
 * What the page says when the app's own code cannot be loaded (src/main.tsx): the network dropped after the HTML, a
 * deployment replaced the files mid-load, a proxy refused a script. React is not there to render the error, so this
 * writes it with the DOM into the prerendered shell's `<main>`: the shell stays, with a message and a reload button,
 * never a page of placeholders that waits forever. Tiny on purpose: it is in the entry chunk.
 */

const TEXT = {
  fr: {
    message: 'L’application n’a pas pu se charger. Vérifiez la connexion, puis rechargez la page.',
    reload: 'Recharger la page',
  },
  ar: { message: 'تعذر تحميل التطبيق. تحقق من الاتصال ثم أعد تحميل الصفحة.', reload: 'إعادة تحميل الصفحة' },
  en: {
    message: 'The app could not be loaded. Check the connection, then reload the page.',
    reload: 'Reload the page',
  },
} as const;

/** Show the failure in `doc` (in the page's language, from `<html lang>`), replacing the view's placeholders. */
export function showStartFailure(doc: Document = document, reload: () => void = () => window.location.reload()): void {
  const lang = doc.documentElement.lang;
  const text = lang === 'ar' || lang === 'en' ? TEXT[lang] : TEXT.fr;
  const box = doc.createElement('div');
  box.className = 'state state--error';
  box.setAttribute('role', 'alert');
  box.dataset.startFailed = '';
  const p = doc.createElement('p');
  p.textContent = text.message;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.textContent = text.reload;
  button.addEventListener('click', reload);
  box.append(p, button);
  const main = doc.querySelector('main') ?? doc.body;
  main.replaceChildren(box);
}
