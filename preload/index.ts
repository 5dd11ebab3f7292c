import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, makeClient, type EventName } from './contract';

/** The one IPC channel main uses for events; the payload names the contract event. */
const EVENT_CHANNEL = 'clinic:event';
const knownEvents = new Set<string>(EVENT_NAMES);

// Exactly the contract, nothing else: the renderer never sees ipcRenderer itself, and a
// listener receives the payload only, never the IPC event (which carries the sender).
contextBridge.exposeInMainWorld(
  'clinic',
  makeClient(
    (channel, payload) => ipcRenderer.invoke(channel, payload),
    (event: EventName, listener) => {
      if (!knownEvents.has(event)) throw new Error(`Unknown event "${String(event)}"`);
      const handler = (_e: IpcRendererEvent, message: { event: string; payload: unknown }) => {
        if (message.event === event) listener(message.payload);
      };
      ipcRenderer.on(EVENT_CHANNEL, handler);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, handler);
      };
    },
  ),
);
