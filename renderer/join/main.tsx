import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadTwilioVendor } from '../features/call/vendor';
import { gatewayApi } from './gateway-api';
import { JoinApp } from './JoinApp';

// The gateway's join page, inside the window, leaves this element for the call; elsewhere
// (before, after, unpaid) the page has nothing to mount and says everything itself.
const mount = document.getElementById('join-app');
if (mount) {
  createRoot(mount).render(
    <StrictMode>
      <JoinApp
        lang={mount.dataset.lang === 'hi' ? 'hi' : 'en'}
        doctorName={mount.dataset.doctor ?? ''}
        api={gatewayApi(window.location.pathname)}
        loadVendor={loadTwilioVendor}
        userAgent={navigator.userAgent}
        onOutOfWindow={() => window.location.reload()}
      />
    </StrictMode>,
  );
}
