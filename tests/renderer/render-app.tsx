import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Role } from '../../preload/contract';
import { ClinicProvider } from '../../renderer/api/context';
import { App } from '../../renderer/app/App';
import { useGlobalDialog } from '../../renderer/stores/global-dialogs';
import { useNavigation } from '../../renderer/stores/navigation';
import { useSession } from '../../renderer/stores/session';
import { fakeClinic, serveClinic, sessionFor, type FakeHandlers } from './fake-clinic';
import type { fakeDesk } from './fake-desk';

/**
 * Renders the app shell, or one screen, under the data layer with a fake clinic, signed in as
 * `role`: `renderApp({ role: 'ADMIN', handlers, screen: <SettingsPanel /> })`. The stores start
 * from the app's first state each time, so tests in one file do not see each other's leftovers.
 */
export function renderApp({ role = 'RECEPTIONIST', handlers = {}, screen }: { role?: Role; handlers?: FakeHandlers; screen?: ReactElement } = {}) {
  const session = sessionFor(role);
  const fake = fakeClinic({
    'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session } }),
    'auth.touch': () => ({ ok: true, value: null }),
    ...handlers,
  });
  serveClinic(fake.api);
  useSession.setState({ status: screen ? 'signed-in' : 'loading', session: screen ? session : null, problem: undefined });
  useNavigation.setState({ section: 'queue', patientId: undefined, tab: undefined });
  useGlobalDialog.setState({ open: null });
  const view = render(<ClinicProvider api={fake.api}>{screen ?? <App />}</ClinicProvider>);
  return { fake, ...view };
}

/**
 * Renders the whole app signed in over the fake desk; `overrides` replace single channels (error
 * paths). A promise still, as when it imported the app afresh.
 */
export function renderDesk(desk: ReturnType<typeof fakeDesk>, overrides: FakeHandlers = {}): Promise<ReturnType<typeof fakeClinic>> {
  const { fake } = renderApp({ handlers: { ...desk.handlers, ...overrides } });
  desk.connect(fake);
  return Promise.resolve(fake);
}
