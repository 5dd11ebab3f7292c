import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle, WebContents } from 'electron';
import type { EventName, EventPayload } from '../../preload/contract';
import { AppError } from '../shared/app-error';
import type { DisplayTickets } from '../queue-board/display-tickets';
import type { DisplayWindowOpener } from '../queue-board/handlers';
import { APP_ORIGIN } from './app-protocol';
import { EVENT_CHANNEL } from './ipc';
import { secureWebPreferences } from './security';

export interface DisplayWindowDeps {
  createWindow(options: BrowserWindowConstructorOptions): BrowserWindow;
  /** The PC's screens (electron's screen.getAllDisplays()). */
  screens(): readonly { id: number; bounds: Rectangle }[];
  /** electron's powerSaveBlocker: a TV in the waiting room must never sleep. */
  keepAwake: { start(type: 'prevent-display-sleep'): number; stop(id: number): void };
  preload: string;
  devTools: boolean;
  tickets: DisplayTickets;
  /** webContents ids of display windows: they hear only "board.changed" (withDisplayWindows). */
  displayWindows: Set<number>;
}

export const displayRoute = (ticket: string) => `${APP_ORIGIN}/index.html#display=${ticket}`;

/**
 * Opens the token display as a frameless full-screen window on the chosen screen (by default
 * the last one, usually the TV or second monitor). It holds a display ticket, never a
 * session, and keeps the screen awake while it is open.
 */
export function displayWindowOpener(deps: DisplayWindowDeps): DisplayWindowOpener {
  return async (screenId) => {
    const screens = deps.screens();
    const target = screenId === undefined ? screens.at(-1) : screens.find((s) => s.id === screenId);
    if (!target) throw new AppError('NOT_FOUND', 'That screen is not connected to this PC', 'screenId');
    const { x, y, width, height } = target.bounds;
    const win = deps.createWindow({
      x,
      y,
      width,
      height,
      frame: false,
      fullscreen: true,
      title: 'Token display — Clinic Desk',
      backgroundColor: '#0b1f33',
      show: false,
      webPreferences: secureWebPreferences(deps.preload, deps.devTools),
    });
    const id = win.webContents.id;
    const blocker = deps.keepAwake.start('prevent-display-sleep');
    deps.displayWindows.add(id);
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      deps.displayWindows.delete(id);
      deps.keepAwake.stop(blocker);
    });
    await win.loadURL(displayRoute(deps.tickets.issue()));
  };
}

type Sink = <E extends EventName>(event: E, payload: EventPayload<E>, sessionKey?: string) => void;

/** The app's event sink, plus a bare "board.changed" to display windows whenever appointments change. */
export function withDisplayWindows(sink: Sink, displays: () => WebContents[]): Sink {
  return (event, payload, sessionKey) => {
    sink(event, payload, sessionKey);
    if (sessionKey !== undefined || (event !== 'appointments.changed' && event !== 'resync')) return;
    for (const contents of displays()) if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, { event: 'board.changed', payload: {} });
  };
}
