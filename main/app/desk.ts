import os from 'node:os';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  desktopCapturer,
  dialog,
  globalShortcut,
  ipcMain,
  Notification,
  powerSaveBlocker,
  protocol,
  screen,
  session,
  shell,
  webContents,
  type WebContents,
} from 'electron';
import { resolveDatabaseConfig } from '../db/config';
import { discardEarlyEngine } from '../db/embedded/engine';
import { openDatabase, type Database } from '../db/open';
import type { MainServices } from '../services';
import { scheduleRetention } from '../jobs/retention';
import type { WebhookService } from '../webhooks/service';
import { clinicSecretBox } from '../secrets/sealed-secrets';
import { APP_ORIGIN, APP_SCHEME, createAppProtocolHandler } from './app-protocol';
import { appClinicKey } from './clinic-key';
import type { CallWindowOpener } from '../video/handlers';
import { callWindowOpener } from './call-window';
import { callNextShortcut, callNextThroughRouter } from './call-next-shortcut';
import { displayWindowOpener, withDisplayWindows } from './display-window';
import { registerIpc, windowEventSink } from './ipc';
import { clinicLinkHosts } from './link-hosts';
import { installPermissionHandlers } from './permissions';
import { allowListedOpener, lockDownContents, secureWebPreferences } from './security';
import { sharePicker } from './share-picker';

let db: Database | undefined;
let services: MainServices | undefined;
let webhooks: WebhookService | undefined;
let stopRetention: (() => void) | undefined;
let shortcut: { dispose(): void } | undefined;
const appWindows = new Set<number>();
const callWindows = new Set<number>();
const displayWindows = new Set<number>();
const isOurWindow = (id: number) => appWindows.has(id) || callWindows.has(id);
const PRELOAD = () => path.join(__dirname, '../preload/index.cjs');
const log = (message: string, err: unknown) => console.error(`[clinic-desk] ${message}`, err);
// Links leave the app only for mailto, tel and the clinic's own configured https hosts
// (allowListedOpener), and only through lockDownContents' safeExternalUrl.
const openLink = allowListedOpener(
  async () => (db ? clinicLinkHosts(db.knex) : new Set<string>()),
  // Only URLs that passed the allow-list reach here (see the comment above).
  (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
  log,
);

function createMainWindow(): BrowserWindow {
  // electronegativity reads only literal webPreferences and cannot follow secureWebPreferences()
  // (security.ts), which sets sandbox and contextIsolation; tests/app/security.test.ts and
  // index.test.ts hold every window to it. Middle-click (auxclick) opens nothing: the window-open
  // handler of lockDownContents (on every webContents, see web-contents-created) denies every new window.
  const options = {
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    title: 'Clinic Desk',
    show: false,
    webPreferences: secureWebPreferences(PRELOAD(), !app.isPackaged),
  };
  // Its webPreferences come from secureWebPreferences(), which the scanner cannot follow (above).
  const win = new BrowserWindow(options); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  const id = win.webContents.id;
  appWindows.add(id);
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
    sources: () => desktopCapturer.getSources({ types: ['window', 'screen'] }),
    choose: sharePicker(dialog, (contents) => BrowserWindow.fromWebContents(contents)),
  });

  const config = resolveDatabaseConfig(process.env, app.getPath('userData'));
  // The window opens while the database does (PGlite reads its folder in a worker): the sign-in
  // screen loads meanwhile, and the calls it makes wait for the services.
  let servicesUp!: (s: MainServices) => void;
  registerIpc(
    ipcMain,
    new Promise<MainServices>((resolve) => (servicesUp = resolve)).then((s) => s.router),
    os.hostname(),
  );
  createMainWindow();
  // Main's services load (import()) while the window loads and the database opens.
  const servicesModule = import('../services');
  db = await openDatabase(config);
  const { createServices } = await servicesModule;
  const log = (message: string, err: unknown) => console.error(`[clinic-desk] ${message}`, err);
  // Held outside the database, in this user's OS keychain: backups are encrypted with it, and it
  // seals the provider secrets stored in the clinic database.
  const clinicKey = appClinicKey(app.getPath('userData'), log);
  const secretBox = clinicSecretBox(clinicKey);
  // Built on first use: the session store it signs call windows into comes with the services.
  let openCall: CallWindowOpener | undefined;
  const openCallWindow: CallWindowOpener = (appointmentId, openerKey) => {
    openCall ??= callWindowOpener({
      // call-window.ts builds these options from secureWebPreferences() and locks the window down
      // like the main one (tests/app/call-window.test.ts); electronegativity cannot see through it.
      createWindow: (options) => new BrowserWindow(options), // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
      preload: PRELOAD(),
      devTools: !app.isPackaged,
      sessions: (services as MainServices).sessions,
      callWindows,
    });
    return openCall(appointmentId, openerKey);
  };
  services = createServices(db, {
    version: app.getVersion(),
    log,
    openCallWindow,
    clinicKey,
    secretBox,
    backupWorkstation: os.hostname(),
    // A packaged app is the production build: its replies are not checked against the contract.
    checkReplies: !app.isPackaged,
    // Every desk PC stands for the election of the one that sends patient messages.
    messagingSender: {},
    // Exports are written by main straight to where the desk chose (reports/export-files.ts).
    chooseSavePath: async (sessionKey, suggestedName) => {
      const owner = appWindows.has(Number(sessionKey)) ? BrowserWindow.fromWebContents(webContents.fromId(Number(sessionKey))!) : null;
      const options = { defaultPath: path.join(app.getPath('downloads'), suggestedName) };
      const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    openDisplayWindow: (tickets) =>
      displayWindowOpener({
        // display-window.ts builds these options from secureWebPreferences(), frameless on the chosen screen.
        createWindow: (options) => new BrowserWindow(options), // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
        screens: () => screen.getAllDisplays(),
        // Read when a display opens, not at start-up.
        keepAwake: { start: (type) => powerSaveBlocker.start(type), stop: (id) => powerSaveBlocker.stop(id) },
        preload: PRELOAD(),
        devTools: !app.isPackaged,
        tickets,
        displayWindows,
      }),
    events: withDisplayWindows(
      windowEventSink(
        () => webContents.getAllWebContents().filter((w: WebContents) => isOurWindow(w.id)),
        (id) => (isOurWindow(id) ? webContents.fromId(id) : undefined),
      ),
      () => webContents.getAllWebContents().filter((w: WebContents) => displayWindows.has(w.id)),
    ),
  });
  servicesUp(services);
  void services.warmUp();
  stopRetention = scheduleRetention(db.knex, log);
  // One app instance may also receive Twilio's webhooks (otherwise `npm run webhooks` does).
  // Loaded only then: the receiver brings Twilio's package, which every other start does without.
  if (process.env.CLINIC_WEBHOOKS_PORT) {
    const { startWebhookService } = await import('../webhooks/service');
    webhooks = await startWebhookService(db.knex, { port: Number(process.env.CLINIC_WEBHOOKS_PORT), log, secretBox });
  }
  const { router, auth } = services;
  shortcut = callNextShortcut({
    shortcuts: globalShortcut,
    sessions: services.sessions,
    windowKeys: () => [...appWindows].map(String),
    loadUser: (id) => auth.loadUser(id),
    callNext: callNextThroughRouter(router, os.hostname()),
    // The doctor pressed it from wherever they work: a notification, not the window jumping up.
    // Clicking it brings the app forward; where the OS has none, the app comes forward instead.
    show: ({ title, body }) => {
      const bringForward = () => {
        const win = BrowserWindow.getAllWindows().find((w) => appWindows.has(w.webContents.id));
        if (win?.isMinimized()) win.restore();
        win?.focus();
      };
      if (!Notification.isSupported()) return bringForward();
      const note = new Notification({ title, body });
      note.on('click', bringForward);
      note.show();
    },
    log,
  });
}

/**
 * The app's handlers, and its start once Electron is ready. index.ts, the entry, loads this
 * module (and with it the rest of main) once it has started the embedded database.
 */
export function runDesk(): void {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch(async (err: unknown) => {
      dialog.showErrorBox('Clinic Desk cannot start', err instanceof Error ? err.message : String(err));
      await discardEarlyEngine().catch(() => undefined);
      app.exit(1);
    });
  // Every webContents — windows, call windows, anything Chromium creates — is locked down the
  // moment it exists, so no code path can open one without the guard.
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, openLink));
  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !db) return;
    event.preventDefault();
    shortcut?.dispose();
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
