import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { channels } from '../../preload/contract';
import { resolveDatabaseConfig } from '../db/config';
import { openDatabase, type Database } from '../db/open';
import { createRouter } from '../services';
import { APP_ORIGIN, APP_SCHEME, createAppProtocolHandler } from './app-protocol';
import { lockDownContents, secureWebPreferences } from './security';

app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let db: Database | undefined;

/** Only the app's own top frame, loaded from app://, may call main. */
function fromAppFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    title: 'Clinic Desk',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, '../preload/index.cjs'), !app.isPackaged),
  });
  lockDownContents(win.webContents, (url) => shell.openExternal(url));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(__dirname, '../renderer')));
  // The main window needs no device or notification permission; the call window gets its own.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const config = resolveDatabaseConfig(process.env, app.getPath('userData'));
  db = await openDatabase(config);
  const router = createRouter(db, app.getVersion(), (message, err) => console.error(message, err));
  for (const channel of Object.keys(channels)) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!fromAppFrame(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call Clinic Desk.' } };
      }
      return router.call(channel, payload);
    });
  }
  createMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
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
    void db.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}
