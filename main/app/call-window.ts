import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { SessionStore } from '../auth/sessions';
import { AppError } from '../shared/app-error';
import type { CallWindowOpener } from '../video/handlers';
import { APP_ORIGIN } from './app-protocol';
import { secureWebPreferences } from './security';

export interface CallWindowDeps {
  createWindow(options: BrowserWindowConstructorOptions): BrowserWindow;
  preload: string;
  devTools: boolean;
  sessions: SessionStore;
  /** webContents ids of call windows: the permission handler grants camera and microphone to these alone. */
  callWindows: Set<number>;
}

/** The renderer's route for an appointment's call. */
export const callRoute = (appointmentId: number) => `${APP_ORIGIN}/index.html#/call/${appointmentId}`;

/**
 * Opens (or brings forward) the call window of an appointment: the same web preferences as
 * the main window (locked down like every webContents, by main/app/desk.ts), signed in from the window that asked, listed as a call
 * window while it lives, and signed out when it closes.
 */
export function callWindowOpener(deps: CallWindowDeps): CallWindowOpener {
  const open = new Map<number, BrowserWindow>();
  return async (appointmentId, openerSessionKey) => {
    const existing = open.get(appointmentId);
    if (existing && !existing.isDestroyed()) {
      existing.focus();
      return;
    }
    const win = deps.createWindow({
      width: 1280,
      height: 800,
      minWidth: 900,
      minHeight: 600,
      title: 'Video consultation — Clinic Desk',
      show: false,
      webPreferences: secureWebPreferences(deps.preload, deps.devTools),
    });
    const id = win.webContents.id;
    const key = String(id);
    if (!deps.sessions.signInFrom(key, openerSessionKey)) {
      win.destroy();
      throw new AppError('UNAUTHENTICATED', 'Sign in (or unlock) Clinic Desk first, then start the video call again.');
    }
    deps.callWindows.add(id);
    open.set(appointmentId, win);
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      deps.callWindows.delete(id);
      open.delete(appointmentId);
      deps.sessions.signOut(key);
    });
    await win.loadURL(callRoute(appointmentId));
  };
}
