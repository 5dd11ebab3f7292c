import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { displayRoute, displayWindowOpener, withDisplayWindows } from '../../main/app/display-window';
import { EVENT_CHANNEL } from '../../main/app/ipc';
import { secureWebPreferences } from '../../main/app/security';
import { DisplayTickets } from '../../main/queue-board/display-tickets';

// electron is never imported: the opener gets its window factory, screens and power blocker injected.
let nextId = 500;
class FakeWindow extends EventEmitter {
  readonly webContents = { id: ++nextId };
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly show = vi.fn();
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
}

const SCREENS = [
  { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
  { id: 2, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } },
];

function setup() {
  const windows: FakeWindow[] = [];
  const tickets = new DisplayTickets();
  const displayWindows = new Set<number>();
  const keepAwake = { start: vi.fn(() => 77), stop: vi.fn() };
  const open = displayWindowOpener({
    createWindow: (options) => {
      const w = new FakeWindow(options);
      windows.push(w);
      return w as unknown as BrowserWindow;
    },
    screens: () => SCREENS,
    keepAwake,
    preload: '/app/preload/index.cjs',
    devTools: false,
    tickets,
    displayWindows,
  });
  return { windows, tickets, displayWindows, keepAwake, open };
}

describe('the token display window', () => {
  it('opens frameless and full screen on the chosen screen, with a display ticket and the locked-down preferences', async () => {
    const { windows, tickets, displayWindows, keepAwake, open } = setup();
    await open(1);
    const [win] = windows as [FakeWindow];
    expect(win.options).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080, frame: false, fullscreen: true, show: false });
    expect(win.options.webPreferences).toEqual(secureWebPreferences('/app/preload/index.cjs', false));
    const url = win.loadURL.mock.calls[0]![0];
    const ticket = new URLSearchParams(new URL(url).hash.slice(1)).get('display')!;
    expect(url).toBe(displayRoute(ticket));
    expect(tickets.valid(ticket)).toBe(true);
    expect(displayWindows.has(win.webContents.id)).toBe(true);
    expect(keepAwake.start).toHaveBeenCalledWith('prevent-display-sleep');

    win.emit('closed');
    expect(displayWindows.has(win.webContents.id)).toBe(false);
    expect(keepAwake.stop).toHaveBeenCalledWith(77);
  });

  it('goes to the last screen by default and refuses a screen that is not there', async () => {
    const { windows, open } = setup();
    await open();
    expect(windows[0]!.options).toMatchObject({ x: 1920, width: 3840 });
    await expect(open(9)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(windows).toHaveLength(1);
  });

  it('tells display windows only that the board changed, and only on appointment changes broadcast to all', () => {
    const sent: unknown[] = [];
    const display = { isDestroyed: () => false, send: (channel: string, message: unknown) => sent.push([channel, message]) } as unknown as WebContents;
    const inner = vi.fn();
    const sink = withDisplayWindows(inner, () => [display]);
    sink('appointments.changed', { op: 'UPDATE', id: 1, doctorId: 2, patientId: 3, appointmentId: 1, date: '2026-12-02', oldDoctorId: null, oldDate: null });
    sink('patients.changed', { op: 'UPDATE', id: 3, doctorId: null, patientId: 3, appointmentId: null, date: null, oldDoctorId: null, oldDate: null });
    sink('session.changed', { session: null }, '12');
    expect(inner).toHaveBeenCalledTimes(3);
    expect(sent).toEqual([[EVENT_CHANNEL, { event: 'board.changed', payload: {} }]]);
  });
});
