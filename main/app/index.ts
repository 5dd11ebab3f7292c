import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, desktopCapturer, dialog, ipcMain, protocol, session, shell, webContents, type WebContents } from 'electron';
import { resolveDatabaseConfig } from '../db/config';
import { openDatabase, type Database } from '../db/open';
import { createServices, type MainServices } from '../services';
import { scheduleRetention } from '../jobs/retention';
import { startWebhookService, type WebhookService } from '../webhooks/service';
import { APP_ORIGIN, APP_SCHEME, createAppProtocolHandler } from './app-protocol';
import type { CallWindowOpener } from '../video/handlers';
import { callWindowOpener } from './call-window';
import { registerIpc, windowEventSink } from './ipc';
import { installPermissionHandlers } from './permissions';
import { lockDownContents, secureWebPreferences } from './security';

// A stray rejected promise must never take the desk down: log it, keep running.
process.on('unhandledRejection', (reason) => console.error('[clinic-desk] unhandled rejection', reason));

app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let db: Database | undefined;
let services: MainServices | undefined;
let webhooks: WebhookService | undefined;
let stopRetention: (() => void) | undefined;
const appWindows = new Set<number>();
const callWindows = new Set<number>();
const isOurWindow = (id: number) => appWindows.has(id) || callWindows.has(id);
const PRELOAD = () => path.join(__dirname, '../preload/index.cjs');

function createMainWindow(): BrowserWindow {
  // electronegativity reads only literal webPreferences and cannot follow secureWebPreferences()
  // (security.ts), which sets sandbox and contextIsolation; tests/app/security.test.ts and
  // index.test.ts hold every window to it. Middle-click (auxclick) opens nothing: the window-open
  // handler of lockDownContents denies every new window.
  const win = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    title: 'Clinic Desk',
    show: false,
    webPreferences: secureWebPreferences(PRELOAD(), !app.isPackaged),
  });
  const id = win.webContents.id;
  appWindows.add(id);
  // lockDownContents hands the opener only what safeExternalUrl accepts (https, mailto, tel),
  // as tests/app/security.test.ts checks.
  lockDownContents(win.webContents, (url) => shell.openExternal(url)); // eng-disable OPEN_EXTERNAL_JS_CHECK
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    appWindows.delete(id);
    services?.sessions.signOut(String(id));
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(__dirname, '../renderer')));
  installPermissionHandlers(session.defaultSession, (contents) => !!contents && callWindows.has(contents.id), {
    contentsOf: (frame) => webContents.fromFrame(frame),
    screens: () => desktopCapturer.getSources({ types: ['screen'] }),
  });

  db = await openDatabase(resolveDatabaseConfig(process.env, app.getPath('userData')));
  const log = (message: string, err: unknown) => console.error(`[clinic-desk] ${message}`, err);
  // Built on first use: the session store it signs call windows into comes with the services.
  let openCall: CallWindowOpener | undefined;
  const openCallWindow: CallWindowOpener = (appointmentId, openerKey) => {
    openCall ??= callWindowOpener({
      // call-window.ts builds these options from secureWebPreferences() and locks the window down
      // like the main one (tests/app/call-window.test.ts); electronegativity cannot see through it.
      createWindow: (options) => new BrowserWindow(options), // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
      preload: PRELOAD(),
      devTools: !app.isPackaged,
      // Reaches the opener only through lockDownContents' safeExternalUrl check, as for the main window.
      openExternal: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
      sessions: (services as MainServices).sessions,
      callWindows,
    });
    return openCall(appointmentId, openerKey);
  };
  services = createServices(db, {
    version: app.getVersion(),
    log,
    openCallWindow,
    backupWorkstation: os.hostname(),
    // Exports are written by main straight to where the desk chose (reports/export-files.ts).
    chooseSavePath: async (sessionKey, suggestedName) => {
      const owner = appWindows.has(Number(sessionKey)) ? BrowserWindow.fromWebContents(webContents.fromId(Number(sessionKey))!) : null;
      const options = { defaultPath: path.join(app.getPath('downloads'), suggestedName) };
      const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    events: windowEventSink(
      () => webContents.getAllWebContents().filter((w: WebContents) => isOurWindow(w.id)),
      (id) => (isOurWindow(id) ? webContents.fromId(id) : undefined),
    ),
  });
  stopRetention = scheduleRetention(db.knex, log);
  // One app instance may also receive Twilio's webhooks (otherwise `npm run webhooks` does).
  if (process.env.CLINIC_WEBHOOKS_PORT) webhooks = await startWebhookService(db.knex, { port: Number(process.env.CLINIC_WEBHOOKS_PORT), log });
  registerIpc(ipcMain, services.router, os.hostname());
  createMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.whenReady().then(start).catch((err: unknown) => {
    dialog.showErrorBox('Clinic Desk cannot start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !db) return;
    event.preventDefault();
    services?.stop();
    stopRetention?.();
    // A failed close must still quit, and must not surface as an unhandled rejection.
    const database = db;
    void (webhooks ? webhooks.close().then(() => database.close()) : database.close())
      .catch((err: unknown) => console.error('[clinic-desk] closing the database failed', err))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
