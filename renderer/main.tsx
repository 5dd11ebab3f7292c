import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { clinic } from './api/clinic';
import { ClinicProvider } from './api/context';
import { App } from './app/App';
import { CallRoot, isCallRoute } from './features/call';
import { DisplayBoard, displayTicketOf } from './features/display';

const root = document.getElementById('root');
// A token display (#display=<ticket>): the board and nothing else, no sign-in.
const displayTicket = displayTicketOf(window.location.hash);
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ClinicProvider api={clinic}>
      {displayTicket ? (
        <DisplayBoard ticket={displayTicket} spoken={new URLSearchParams(window.location.hash.slice(1)).get('speak') === '1'} />
      ) : isCallRoute(window.location.hash) ? (
        <CallRoot />
      ) : (
        <App />
      )}
    </ClinicProvider>
  </StrictMode>,
);
