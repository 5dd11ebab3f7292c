// The app's main process entry: what must happen before Electron is ready, and the embedded
// database's start, before the rest of main (desk.ts) loads.
import { app, dialog, protocol } from 'electron';
import { startEngineEarly } from '../db/embedded/engine';
import { APP_SCHEME } from './app-protocol';

// Everything the app writes (the embedded database and its PGlite worker thread, backups, the
// clinic key) is for this user alone; Windows keeps it in the user's profile instead.
if (process.platform !== 'win32') process.umask(0o077);

// A stray rejected promise must never take the desk down: log it, keep running.
process.on('unhandledRejection', (reason) => console.error('[clinic-desk] unhandled rejection', reason));

app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function loadDesk(): Promise<void> {
  // PGlite starts on its worker while main's modules load and Electron gets ready.
  startEngineEarly(process.env, app.getPath('userData'));
  return import('./desk').then(
    ({ runDesk }) => runDesk(),
    (err: unknown) => {
      dialog.showErrorBox('Clinic Desk cannot start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    },
  );
}

/** Settles once the rest of main has loaded and set its handlers up (at once for a second instance, which quits). */
export const loaded: Promise<void> = app.requestSingleInstanceLock() ? loadDesk() : Promise.resolve(app.quit());
