import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createElement, type ReactElement, type ReactNode } from 'react';
import {
  channels,
  invalidRequest,
  makeClient,
  type ChannelName,
  type ClinicApi,
  type EventName,
  type EventPayload,
  type Req,
  type Res,
  type Result,
  type Role,
  type SessionDto,
} from '../../preload/contract';

type Handler<C extends ChannelName> = (req: Req<C>) => Result<Res<C>> | Promise<Result<Res<C>>>;
export type FakeHandlers = { [C in ChannelName]?: Handler<C> };

/**
 * window.clinic for component tests: makeClient over in-memory handlers. Every request and
 * every reply passes through the contract's own zod schemas, so a fake cannot drift from what
 * main really accepts and answers; an invalid request gets the router's own INVALID reply.
 */
export function fakeClinic(handlers: FakeHandlers) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: { channel: ChannelName; payload: unknown }[] = [];
  const api: ClinicApi = makeClient(
    async (channel, payload) => {
      const name = channel as ChannelName;
      calls.push({ channel: name, payload });
      const spec = channels[name];
      const parsed = spec.req.safeParse(payload);
      // Refused exactly as main's router refuses it, so form error paths can be driven too.
      if (!parsed.success) return invalidRequest(parsed.error);
      const handler = handlers[name] as ((req: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined;
      if (!handler) throw new Error(`No fake handler for ${name}`);
      const result = await handler(payload);
      if (result.ok) spec.res.parse(result.value);
      return result;
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  );
  return {
    api,
    calls,
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const fn of listeners.get(event) ?? []) fn(payload);
    },
  };
}

/** What the preload does in the app: put the API on window (the renderer reads it at import). */
export function installClinic(api: ClinicApi | undefined): void {
  (window as unknown as { clinic?: ClinicApi }).clinic = api;
}

/** Who is signed in on the fake clinic: one desk account of each role. */
export function sessionFor(role: Role): SessionDto {
  return {
    userId: 1,
    email: 'desk@sunrise.test',
    displayName: 'Priya Desk',
    role,
    doctorId: role === 'DOCTOR' ? 1 : null,
    locked: false,
    idleLockMinutes: 10,
    language: 'en',
  };
}

let served: ClinicApi | undefined;

/**
 * window.clinic for screens rendered by renderApp (the setup file installs it before any screen
 * is imported): it forwards to the fake the current test serves, so the modules that read
 * window.clinic once at import need no fresh import per test.
 */
export const servedClinic = new Proxy({} as ClinicApi, {
  get(_, key) {
    if (!served) throw new Error('No fake clinic is served: render through renderApp');
    return served[key as keyof ClinicApi];
  },
});

export function serveClinic(api: ClinicApi): void {
  served = api;
}

/**
 * The data layer around a rendered screen, imported fresh like the screen itself (tests reset
 * modules so each gets its own window.clinic): `render(<App />, { wrapper: await clinicWrapper() })`.
 */
export async function clinicWrapper(): Promise<(props: { children: ReactNode }) => ReactElement> {
  const [{ ClinicProvider }, { clinic }] = await Promise.all([import('../../renderer/api/context'), import('../../renderer/api/clinic')]);
  return ({ children }) => createElement(ClinicProvider, { api: clinic, children });
}

/**
 * Goes to a section by its button, as the desk does, and waits for its screen: each section is a
 * chunk of its own, fetched on the first visit unless the shell's idle preload got there first.
 */
export async function goToSection(label: string): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: label }));
  // The frame names the section it shows; until the click's render commits it still names the
  // old one, and only then does the new screen's "Opening …" come and go.
  await waitFor(() => {
    const main = screen.getByRole('main', { name: label });
    if (within(main).queryByText(`Opening ${label}…`) || !main.firstElementChild) throw new Error(`${label} is still loading`);
  });
}
