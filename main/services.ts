import { registerAppointmentTypeHandlers } from './appointment-types/handlers';
import { AppointmentTypesService } from './appointment-types/service';
import { registerAppointmentHandlers } from './appointments/handlers';
import type { AfterBooked } from './shared/after-booked';
import { registerWaitlistHandlers } from './waitlist/handlers';
import { registerOpdHandlers } from './opd/handlers';
import { OpdService } from './opd/service';
import { registerRecallHandlers } from './recalls/handlers';
import { registerHolidayHandlers } from './holidays/handlers';
import { HolidaysService } from './holidays/service';
import { RecallsService } from './recalls/service';
import { WaitlistService } from './waitlist/service';
import { SeriesService } from './series/service';
import { AppointmentsService } from './appointments/service';
import { WaitingRoomService } from './appointments/waiting-room';
import { DisplayTickets } from './queue-board/display-tickets';
import { registerBoardHandlers, type DisplayWindowOpener } from './queue-board/handlers';
import { BoardService } from './queue-board/service';
import { registerAuditHandlers } from './audit/handlers';
import { registerBackupHandlers } from './backup/handlers';
import { startBackupScheduler } from './backup/scheduler';
import { BackupService } from './backup/service';
import { insertAudit } from './audit/repo';
import { registerAuthHandlers } from './auth/handlers';
import { AuthService } from './auth/service';
import { SessionStore } from './auth/sessions';
import { UserCache } from './auth/user-cache';
import type { Database } from './db/open';
import type { RowChange } from './db/changes';
import { sessionScopedSink } from './events/audience';
import { forwardChanges, type EventSink } from './events/hub';
import { Router } from './ipc/router';
import { registerAvailabilityHandlers } from './availability/handlers';
import { AvailabilityService, type TellCancelled } from './availability/service';
import { registerDoctorHandlers } from './doctors/handlers';
import { registerHealthHandlers } from './health/handlers';
import { DoctorsService } from './doctors/service';
import { registerPatientHandlers } from './patients/handlers';
import { registerPaymentHandlers } from './payments/handlers';
import { ExportFiles, type SavePathChooser } from './reports/export-files';
import { registerReportHandlers } from './reports/handlers';
import { PaymentsService } from './payments/service';
import type { GatewayFactory } from './payments/gateway/gateway';
import { razorpayGateway } from './payments/gateway/razorpay';
import { GatewayPaymentsService } from './payments/gateway/service';
import { PatientsService } from './patients/service';
import { registerSettingsHandlers } from './settings/handlers';
import { SettingsService } from './settings/service';
import { registerSystemHandlers } from './system/handlers';
import { registerUserHandlers } from './users/handlers';
import { UsersService } from './users/service';
import type { RequestClient } from 'twilio';
import type { ClinicKey } from './secrets/clinic-key';
import { defaultKeyFile, keyFileStore, lazyKey } from './secrets/key-store';
import { clinicSecretBox } from './secrets/sealed-secrets';
import type { SecretBox } from './secrets/secret-box';
import { registerVideoHandlers, type CallWindowOpener } from './video/handlers';
import { sealPlainVideoSecrets } from './video/settings-repo';
import { TwilioRooms } from './video/rooms';
import { VideoService } from './video/service';
import { WindowTickets } from './video/window-tickets';
import { startElectedSender, type ElectedSender } from './messaging/elected-sender';
import { registerMessagingHandlers } from './messaging/handlers';
import { PatientPrefsService } from './messaging/patient-prefs';
import { MessagingService } from './messaging/service';
import type { SenderOptions } from './messaging/sender';
import { warmTodaysReads } from './warm-up';

export interface MainServices {
  router: Router;
  sessions: SessionStore;
  auth: AuthService;
  settings: SettingsService;
  backups: BackupService;
  /** Start-up housekeeping (sealing secrets stored in plain text); settles, never rejects (failures are logged). */
  startupWork: Promise<void>;
  /** Makes Today's first reads once, while the sign-in screen shows (warm-up.ts); settles, never rejects. */
  warmUp(): Promise<void>;
  /** The patient-message sender and its election, when this instance may send. */
  messaging?: ElectedSender;
  /** Export files waiting for the browser bridge to hand them out (browser mode). */
  exportFiles: ExportFiles;
  /** Tickets of token displays: the bridge lets their holders' event streams hear only that the board changed. */
  displayTickets: DisplayTickets;
  /** Stops event forwarding, the idle-lock timer and the backup scheduler. */
  stop(): void;
}

export interface ServiceOptions {
  version: string;
  log: (message: string, err: unknown) => void;
  events: EventSink;
  now?: () => number;
  /** This PC's name, recorded with the backups its scheduler takes; without it, no scheduler runs (tests, tools). */
  backupWorkstation?: string;
  /** Opens a call window (Electron); without it a browser tab is given a ticket instead. */
  openCallWindow?: CallWindowOpener;
  /** Opens the token display window (Electron); given the services' display tickets. Browser mode has none. */
  openDisplayWindow?: (tickets: DisplayTickets) => DisplayWindowOpener;
  /** Tests point Twilio's REST client at a local fake; the app uses Twilio's own. */
  twilioHttpClient?: RequestClient;
  /** Makes the payment gateway from the clinic's keys (tests: Razorpay's client pointed at a local fake). Default: Razorpay. */
  paymentGateway?: GatewayFactory;
  /**
   * The clinic key, held outside the database (the app: the OS keychain; tools: a 0600 key
   * file). Backups are encrypted with it. Default: the key file, read or created on first use.
   */
  clinicKey?: () => ClinicKey;
  /** Seals provider secrets stored in the clinic database. Default: sealed with clinicKey. */
  secretBox?: SecretBox;
  /**
   * Take part in the election of the one PC that sends patient messages (the app and the
   * headless receiver do; tests and tools only when they ask). Overrides the sender's defaults.
   */
  messagingSender?: Partial<Omit<SenderOptions, 'log' | 'secretBox' | 'twilioHttpClient'>> & { electionRetryMs?: number };
  /** The app's save dialog for exports; without it exports wait in a private folder for the bridge's download. */
  chooseSavePath?: SavePathChooser;
  /** Check every reply against the contract (see RouterDeps.checkReplies). Default: unless NODE_ENV is production. */
  checkReplies?: boolean;
}

const IDLE_SWEEP_MS = 15_000;

/**
 * Everything main does, without Electron: the same router serves the app's IPC, the loopback
 * browser bridge and the tests.
 */
export function createServices(db: Database, options: ServiceOptions): MainServices {
  const knex = db.knex;
  const clinicKey = options.clinicKey ?? lazyKey(keyFileStore(defaultKeyFile()));
  const secretBox = options.secretBox ?? clinicSecretBox(clinicKey);
  const sessions = new SessionStore(options.now);
  const settings = new SettingsService(knex, options.now);
  // signedIn is built next; the callback runs only on a call, long after.
  const auth = new AuthService(knex, sessions, settings, (id) => signedIn.forget(id));
  const signedIn = new UserCache((id) => auth.loadUser(id), options.now);
  const users = new UsersService(knex, sessions, (id) => signedIn.forget(id));

  const router = new Router({
    sessions,
    loadUser: (id) => signedIn.get(id),
    idleLockMinutes: async () => (await settings.get()).idleLockMinutes,
    audit: (record) => insertAudit(knex, record),
    log: options.log,
    checkReplies: options.checkReplies ?? process.env.NODE_ENV !== 'production',
  });
  registerSystemHandlers(router, db, options.version);
  registerAuthHandlers(router, auth);
  registerUserHandlers(router, users);
  registerAuditHandlers(router, knex, settings);
  registerSettingsHandlers(router, settings);
  registerPatientHandlers(router, new PatientsService(knex, settings));
  const doctors = new DoctorsService(knex);
  registerDoctorHandlers(router, doctors);
  registerAppointmentTypeHandlers(router, new AppointmentTypesService(knex));
  // The waitlist is told of freed time by the appointments it offers bookings of: built after them, wired by a late-bound call.
  const late: { waitlist?: WaitlistService; messaging?: MessagingService } = {};
  const tellCancelled: TellCancelled = (trx, ids, reason, user) => late.messaging!.tellCancelled(trx, ids, reason, user);
  registerHolidayHandlers(router, new HolidaysService(knex, tellCancelled));
  const appointments = new AppointmentsService(knex, settings, options.now, (trx, freed) => late.waitlist!.offerFreed(trx, freed));
  const waitlist = (late.waitlist = new WaitlistService(knex, appointments, options.now));
  registerAvailabilityHandlers(
    router,
    new AvailabilityService(knex, settings, (trx, doctorId, date, span) => appointments.offerOpened(trx, doctorId, date, span), tellCancelled),
  );
  // The booking (or move) stands whatever happens to its prepay link: the desk can send one from the payment dialog.
  const prepayLink: AfterBooked = (appointment, user) =>
    late.messaging!.prepayLink(appointment, user).catch((err: unknown) => options.log(`appointment ${appointment.id}: no prepay link sent at booking`, err));
  const waitingRoom = new WaitingRoomService(knex, settings, options.now);
  registerAppointmentHandlers(router, appointments, waitingRoom, new SeriesService(knex, settings, appointments), prepayLink);
  registerWaitlistHandlers(router, waitlist, prepayLink);
  registerOpdHandlers(router, new OpdService(knex, appointments));
  registerRecallHandlers(router, new RecallsService(knex, settings, options.now));
  const displayTickets = new DisplayTickets();
  registerBoardHandlers(router, new BoardService(knex, settings, displayTickets, options.now), options.openDisplayWindow?.(displayTickets));
  const gatewayPayments = new GatewayPaymentsService(knex, secretBox, options.paymentGateway ?? ((c) => razorpayGateway(c)), options.now);
  const payments = new PaymentsService(knex, (trx, payment, amount, reason, creditNote) =>
    gatewayPayments.refundAtGateway(trx, payment, amount, reason, creditNote),
  );
  registerPaymentHandlers(router, payments, gatewayPayments);
  const signOutEveryone = () => {
    signedIn.forgetAll();
    sessions.signOutAll();
  };
  const backups = new BackupService(db, settings, clinicKey, signOutEveryone, options.now);
  registerBackupHandlers(router, backups);
  registerHealthHandlers(router, db);
  const video = new VideoService(knex, new TwilioRooms(options.twilioHttpClient), settings, secretBox, options.log);
  const exportFiles = new ExportFiles(options.chooseSavePath, options.now);
  registerReportHandlers(router, { knex, settings, files: exportFiles, now: options.now ?? Date.now });
  registerVideoHandlers(router, {
    video,
    sessions,
    auth,
    tickets: new WindowTickets(options.now),
    openCallWindow: options.openCallWindow,
  });
  const messaging = options.messagingSender
    ? startElectedSender(db, { log: options.log, now: options.now, secretBox, twilioHttpClient: options.twilioHttpClient, ...options.messagingSender })
    : undefined;
  registerMessagingHandlers(
    router,
    (late.messaging = new MessagingService(knex, settings, video, gatewayPayments, secretBox, () => messaging?.sender.poke(), options.now)),
    new PatientPrefsService(knex, options.now),
  );
  const missing = router.missingHandlers();
  if (missing.length > 0) throw new Error(`Contract channels without a handler: ${missing.join(', ')}`);

  const stopForwarding = forwardChanges(
    db.changes,
    sessionScopedSink(options.events, sessions, (id) => signedIn.get(id), options.log),
  );
  // An account changed on another PC applies here at once, not after the cache's max age, and
  // its windows here hear their session again (a language chosen there is spoken here too).
  const onUserRow = (change: RowChange) => {
    if (change.table !== 'users' || change.id === null) return;
    signedIn.forget(change.id);
    sessions.userChanged(change.id);
  };
  db.changes.on('change', onUserRow);
  // Another PC restored a backup over the shared database: nobody here may keep writing to it.
  const onReplaced = () => {
    signOutEveryone();
    options.events('resync', { reason: 'The clinic database was restored from a backup' });
  };
  db.changes.on('replaced', onReplaced);
  const onSession = (key: string) => {
    const state = sessions.get(key);
    const load = state ? auth.loadUser(state.userId) : Promise.resolve(undefined);
    load
      .then((user) => auth.sessionOf(key, user))
      .then((session) => options.events('session.changed', { session }, key))
      .catch((err: unknown) => options.log('session event failed', err));
  };
  sessions.on('changed', onSession);
  const sweep = setInterval(() => {
    settings
      .get()
      .then((s) => sessions.lockIdle(s.idleLockMinutes * 60_000))
      .catch((err: unknown) => options.log('idle lock sweep failed', err));
  }, IDLE_SWEEP_MS);
  sweep.unref();
  // Secrets stored before sealing existed are sealed now, once (the values stay the same), and
  // the embedded folder keeps no old plain copy of the row.
  const startupWork = sealPlainVideoSecrets(knex, secretBox)
    .then((sealed) => (sealed > 0 ? db.scrubReplacedRows?.('video_settings') : undefined))
    .catch((err: unknown) => options.log('sealing the stored video secrets failed', err));
  const scheduler = options.backupWorkstation ? startBackupScheduler(backups, options.backupWorkstation, options.log) : undefined;

  return {
    router,
    sessions,
    auth,
    settings,
    backups,
    startupWork,
    warmUp: () =>
      warmTodaysReads({ settings, doctors, appointments, waitingRoom, payments, backups, messaging: late.messaging!, video }, options.log, options.now),
    messaging,
    exportFiles,
    displayTickets,
    stop() {
      messaging?.stop().catch((err: unknown) => options.log('stopping the messaging sender failed', err));
      exportFiles.dispose();
      clearInterval(sweep);
      scheduler?.stop();
      sessions.off('changed', onSession);
      stopForwarding();
      db.changes.off('change', onUserRow);
      db.changes.off('replaced', onReplaced);
    },
  };
}
