import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { clinic } from './api/clinic';
import { ClinicProvider } from './api/context';
import { App } from './app/App';
import { isCallRoute } from './features/call';
import { applyTheme, storedTheme } from './lib/theme';
import { displayTicketOf } from './features/display';
import { preloadWords, useT } from './i18n/use-t';
import { Loading, preloadable } from './ui/lazy';

// A call window and a token display are windows of their own: their code (the video vendor's
// adapter, the board) is no part of the desk's start-up JavaScript.
const CallRoot = preloadable(() => import('./features/call/CallRoot').then((m) => m.CallRoot));
const DisplayBoard = preloadable(() => import('./features/display/DisplayBoard').then((m) => m.DisplayBoard));

// The words (i18next and the start screens' English) are a chunk of their own, fetched at once.
const i18nReady = import('./i18n').then((m) => m.ready);

/** A window of its own, saying "Opening …" in the desk's words if its code is not in after all. */
function OwnWindow({ what, children }: { what: 'display' | 'call'; children: ReactNode }) {
  const { t } = useT('shell');
  return (
    <Loading what={t(`window.${what}`)} place="page">
      {children}
    </Loading>
  );
}

// Before the first paint: a dark desk never flashes white.
applyTheme(storedTheme());

const root = document.getElementById('root');
// A token display (#display=<ticket>): the board and nothing else, no sign-in.
const displayTicket = displayTicketOf(window.location.hash);
if (!root) throw new Error('index.html has no #root element');
const isCall = isCallRoute(window.location.hash);
// A window of its own: its code, and the namespaces of its words (the call window shows the
// patient's record beside the call).
const own = displayTicket ? { code: DisplayBoard, words: ['display'] } : isCall ? { code: CallRoot, words: ['call', 'patients', 'appointments'] } : undefined;
// Every window is drawn once its words are in: i18next, then a Hindi desk's Hindi (the board and
// the call window use the same labels and dates); a window of its own also once its code and its
// words are. Not by suspending the first render on them: React reveals what a suspended boundary
// waited for no sooner than 300 ms after it drew the fallback, so each window came that much
// after what it waited for. A window whose code could not be fetched is drawn all the same, and
// its Loading names what failed.
const ownReady = own && Promise.all([own.code.preload(), i18nReady.then(() => preloadWords(own.words))]).catch(() => undefined);
void Promise.all([i18nReady, ownReady]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <ClinicProvider api={clinic}>
        {displayTicket ? (
          <OwnWindow what="display">
            <DisplayBoard ticket={displayTicket} />
          </OwnWindow>
        ) : isCall ? (
          <OwnWindow what="call">
            <CallRoot />
          </OwnWindow>
        ) : (
          <App />
        )}
      </ClinicProvider>
    </StrictMode>,
  ),
);
