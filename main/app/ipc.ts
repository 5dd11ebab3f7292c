import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNEL_NAMES, type EventName, type EventPayload, type Result } from '../../preload/contract';
import type { Router } from '../ipc/router';
import { isAppUrl } from './app-protocol';

export const EVENT_CHANNEL = 'clinic:event';

/** Only the app's own top frame, loaded from app://, may call main (no iframe, no other page). */
export function isAppFrame(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
}

const NOT_APP_FRAME: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call Clinic Desk.' } };

/**
 * One ipcMain handler per contract channel; the window's webContents id keys its session. The
 * router may still be coming (the database opening while the window loads): calls wait for it.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, router: Router | Promise<Router>, workstation: string): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, payload: unknown) =>
      isAppFrame(event) ? (await router).call(channel, payload, { sessionKey: String(event.sender.id), workstation }) : NOT_APP_FRAME,
    );
  }
}

/** Sends an event to one window (by session key) or to all of the app's windows. */
export function windowEventSink(all: () => WebContents[], byId: (id: number) => WebContents | undefined) {
  return <E extends EventName>(event: E, payload: EventPayload<E>, sessionKey?: string) => {
    const targets = sessionKey === undefined ? all() : [byId(Number(sessionKey))].filter((w): w is WebContents => !!w);
    for (const contents of targets) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, { event, payload });
    }
  };
}
