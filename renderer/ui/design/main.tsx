import { StrictMode, Suspense, use } from 'react';
import { createRoot } from 'react-dom/client';
import { applyTheme, storedTheme } from '../../lib/theme';
import { DesignPage } from './DesignPage';

// design.html: an entry of its own, beside the desk's index.html, so none of this is in the
// desk's start-up JavaScript. No clinic, no sign-in: the primitives with sample words.
const wordsReady = import('../../i18n').then((m) => m.ready);
function WithWords() {
  use(wordsReady);
  return <DesignPage />;
}

applyTheme(storedTheme());
const root = document.getElementById('root');
if (!root) throw new Error('design.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Suspense fallback={null}>
      <WithWords />
    </Suspense>
  </StrictMode>,
);
