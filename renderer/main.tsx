import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { CallRoot, isCallRoute } from './features/call';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {isCallRoute(window.location.hash) ? <CallRoot /> : <App />}
  </StrictMode>,
);
