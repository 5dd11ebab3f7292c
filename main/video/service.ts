import { TZDate } from '@date-fns/tz';
// date-fns one function a file: its index would load the whole library at every start.
import { format } from 'date-fns/format';
import type { Knex } from 'knex';
import type { z } from 'zod';
import type { AppointmentDto, CallInfoDto, reportVideoEventSchema, VideoJoinDto, VideoSettingsDto, WaitingOnlineRequest } from '../../preload/contract';
import { findAppointment } from '../appointments/repo';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';
import type { SettingsService } from '../settings/service';
import { twilioFailure, twilioFailureFacts, type TwilioRooms } from './rooms';
import {
  appointmentsNeverJoined,
  appointmentsWaitingOnline,
  findSession,
  issueJoinCode,
  revokeJoinCode,
  upsertSession,
  type AppointmentScope,
  type SessionRow,
} from './repo';
import { endSession, patientArrived, recordCallEvent } from './session-outcome';
import { hashJoinCode, joinWindow, newJoinCode } from './join-window';
import type { SecretBox } from '../secrets/secret-box';
import { credentialsOf, gatewayBase, joinLink, openVideoSecrets, publicVideoSettings, sealVideoSecrets, type VideoSettingsUpdate } from './settings';
import { readVideoSettings, writeVideoSettings, type VideoSettings } from './settings-repo';
import { DOCTOR_TOKEN_SECONDS, videoToken, type TokenCredentials } from './tokens';

type ReportEvent = z.output<typeof reportVideoEventSchema>;

/** One Twilio room per appointment, found again by this name while it is in progress. */
export const roomNameOf = (appointmentId: number) => `clinic-desk-appointment-${appointmentId}`;

/**
 * Video consultations: the clinic's Twilio settings, rooms and tokens. The doctor of the
 * appointment or an ADMIN may start its call, send the patient a link, report the call
 * window's events and end it. Secrets and tokens leave only in the reply that needs them.
 */
export class VideoService {
  constructor(
    private readonly knex: Knex,
    private readonly rooms: TwilioRooms,
    private readonly settings: SettingsService,
    /** Seals the Twilio secrets before they are stored, and opens them to sign tokens. */
    private readonly secrets: SecretBox,
    private readonly log: (message: string, err: unknown) => void,
  ) {}

  async getSettings(): Promise<VideoSettingsDto> {
    return publicVideoSettings(await readVideoSettings(this.knex));
  }

  async updateSettings(changes: VideoSettingsUpdate, user: CurrentUser): Promise<VideoSettingsDto> {
    return publicVideoSettings(await writeVideoSettings(this.knex, sealVideoSecrets(changes, this.secrets), user.id));
  }

  /** The appointment as the call window shows it, and whether calls can be made at all. */
  async callInfo(appointmentId: number, user: CurrentUser): Promise<CallInfoDto> {
    const a = await this.callable(appointmentId, user);
    const configured = credentialsOf(await readVideoSettings(this.knex)) !== undefined;
    const joined = await patientArrived(this.knex, { appointmentId, patientId: a.patientId });
    return {
      appointmentId,
      patientId: a.patientId,
      patientName: a.patientName,
      doctorName: a.doctorName,
      date: a.date,
      startTime: a.startTime,
      status: a.status,
      videoConfigured: configured,
      patientJoined: joined,
    };
  }

  /** Creates or reuses the appointment's room and gives the caller a token for it alone. */
  async start(appointmentId: number, user: CurrentUser): Promise<VideoJoinDto> {
    const appointment = await this.callable(appointmentId, user);
    const { creds, settings } = await this.credentials();
    const room = await this.ensureRoom(creds, appointment.id, settings.webhookUrl);
    const identity = user.role === 'DOCTOR' ? `doctor-${appointment.doctorId}` : `staff-${user.id}`;
    const { token, expiresAt } = await videoToken(creds, identity, room.uniqueName, DOCTOR_TOKEN_SECONDS);
    await upsertSession(this.knex, { appointmentId, roomSid: room.sid, roomName: room.uniqueName, status: 'IN_PROGRESS', expiresAt });
    return { appointmentId, roomName: room.uniqueName, roomSid: room.sid, identity, token, expiresAt };
  }

  /**
   * A fresh join link for the patient, on the gateway, with an SMS-ready message. It opens the
   * call only inside the appointment's join window; issuing it revokes the appointment's last one.
   */
  async patientLink(appointmentId: number, user: CurrentUser): Promise<{ link: string; message: string; expiresAt: string }> {
    const appointment = await this.callable(appointmentId, user);
    const { settings } = await this.credentials();
    const base = gatewayBase(settings);
    if (!base) {
      throw new AppError('CONFLICT', 'There is no patient join link yet: an administrator sets the gateway’s public address in the video settings.');
    }
    const code = newJoinCode();
    await issueJoinCode(this.knex, appointment.id, hashJoinCode(code), user.id);
    const link = joinLink(base, code);
    const { clinicName, timeZone } = await this.settings.get();
    const window = joinWindow(appointment, timeZone, { opens: settings.joinOpensMinutes, closes: settings.joinClosesMinutes });
    const opens = format(new TZDate(window.opensAt.getTime(), timeZone), 'HH:mm');
    const at = appointment.startTime.slice(0, 5);
    const message =
      `${clinicName ? `${clinicName}: ` : ''}your video consultation with ${appointment.doctorName} on ${appointment.date} at ${at}. ` +
      `Join here from ${opens}: ${link}`;
    return { link, message, expiresAt: window.closesAt.toISOString() };
  }

  /** Stops the appointment's link from working (a new one can be sent later). */
  async revokeLink(appointmentId: number, user: CurrentUser): Promise<{ revoked: boolean }> {
    const appointment = await this.callable(appointmentId, user);
    return { revoked: await revokeJoinCode(this.knex, appointment.id) };
  }

  /**
   * Which of these appointments have their patient in the online lobby (the queue's badge), and
   * which had their last call end without the patient ever joining (the desk's no-show offer).
   */
  async waitingOnline(asked: WaitingOnlineRequest): Promise<{ appointmentIds: number[]; noShowIds: number[] }> {
    // The contract lets exactly one of the two through.
    const scope: AppointmentScope = asked.date === undefined ? { appointmentIds: asked.appointmentIds ?? [] } : { date: asked.date };
    const [waiting, noShows] = await Promise.all([appointmentsWaitingOnline(this.knex, scope), appointmentsNeverJoined(this.knex, scope)]);
    return { appointmentIds: waiting, noShowIds: noShows };
  }

  /** What the call window saw (connected, reconnecting, a device error...), kept with the session. */
  async reportEvent(req: ReportEvent, user: CurrentUser): Promise<null> {
    const session = await this.sessionFor(req.roomSid, user);
    await this.knex.transaction((trx) =>
      recordCallEvent(trx, session, {
        roomSid: req.roomSid,
        type: req.type,
        participant: req.participant ?? null,
        // Main's own facts last: nothing the window sends can stand in for them.
        data: { ...req.detail, source: 'call-window', reportedBy: user.id },
      }),
    );
    return null;
  }

  /** Ends the room for everyone, so the patient's link stops working; the session is COMPLETED, or NO_SHOW if the patient never came. */
  async end(roomSid: string, user: CurrentUser): Promise<null> {
    const session = await this.sessionFor(roomSid, user);
    const { creds } = await this.credentials();
    try {
      await this.rooms.complete(creds, roomSid);
    } catch (err) {
      this.log('twilio room end failed', twilioFailureFacts(err));
      throw twilioFailure(err, say`ending the video room`);
    }
    await this.knex.transaction((trx) => endSession(trx, session));
    return null;
  }

  /** The appointment, when this user may run its call and it can still take place. */
  async callable(appointmentId: number, user: CurrentUser): Promise<AppointmentDto> {
    const appointment = await findAppointment(this.knex, appointmentId);
    if (!appointment) throw new AppError('NOT_FOUND', 'No such appointment', 'appointmentId');
    this.mayRun(appointment.doctorId, appointment.doctorName, user);
    if (appointment.status === 'CANCELLED' || appointment.status === 'NO_SHOW') {
      throw new AppError(
        'CONFLICT',
        appointment.status === 'CANCELLED'
          ? say`This appointment is cancelled; it has no video call`
          : say`This appointment is marked as not attended; it has no video call`,
        'appointmentId',
      );
    }
    return appointment;
  }

  private mayRun(doctorId: number, doctorName: string, user: CurrentUser): void {
    if (user.role === 'ADMIN' || (user.role === 'DOCTOR' && user.doctorId === doctorId)) return;
    throw new AppError('FORBIDDEN', say`Only ${doctorName}, the appointment’s doctor, or an administrator can run this video call.`);
  }

  private async sessionFor(roomSid: string, user: CurrentUser): Promise<SessionRow> {
    const session = await findSession(this.knex, roomSid);
    const appointment = session && (await findAppointment(this.knex, session.appointmentId));
    if (!session || !appointment) throw new AppError('NOT_FOUND', 'No such video call', 'roomSid');
    this.mayRun(appointment.doctorId, appointment.doctorName, user);
    return session;
  }

  private async credentials(): Promise<{ creds: TokenCredentials; settings: VideoSettings }> {
    const settings = openVideoSecrets(await readVideoSettings(this.knex), this.secrets);
    const creds = credentialsOf(settings);
    if (!creds)
      throw new AppError('CONFLICT', 'Video consultations are not set up yet: an administrator enters the clinic’s Twilio account in the video settings.');
    return { creds, settings };
  }

  private async ensureRoom(creds: TokenCredentials, appointmentId: number, webhookUrl: string | null) {
    try {
      return await this.rooms.ensure(creds, roomNameOf(appointmentId), webhookUrl);
    } catch (err) {
      this.log('twilio room failed', twilioFailureFacts(err));
      throw twilioFailure(err, say`opening the video room`);
    }
  }
}
