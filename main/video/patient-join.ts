import { TZDate } from '@date-fns/tz';
// date-fns one function a file: its index would load the whole library at every start.
import { format } from 'date-fns/format';
import type { Knex } from 'knex';
import { findAppointment } from '../appointments/repo';
import { prepayDue } from '../payments/gateway/repo';
import type { SecretBox } from '../secrets/secret-box';
import { readSettings } from '../settings/repo';
import { hashJoinCode, joinWindow, JOIN_CODE_PATTERN, placeIn, type WindowPlace } from './join-window';
import { ensureSession, findLiveJoinCode, markInLobby, patientsAhead } from './repo';
import type { TwilioRooms } from './rooms';
import { roomNameOf } from './service';
import { credentialsOf, openVideoSecrets } from './settings';
import { readVideoSettings } from './settings-repo';
import { recordCallEvent } from './session-outcome';
import { PATIENT_TOKEN_SECONDS, patientIdentity, videoToken } from './tokens';

/** All the join page may show: the patient's first name, the doctor and the time. Nothing else leaves. */
export interface JoinView {
  firstName: string;
  doctorName: string;
  /** The appointment's wall-clock date and start time in the clinic's zone. */
  date: string;
  startTime: string;
  opensAt: string;
  closesAt: string;
  /** When the window opens, as the clinic's clock reads it ("come back at …"). */
  opensAtClinic: string;
  /** Inside the window, how many patients the doctor sees first (a count, never who); else null. */
  ahead: number | null;
}

export type JoinLookup =
  | { place: 'unknown' }
  | { place: WindowPlace | 'unconfigured'; view: JoinView }
  /** The clinic asks for payment first: the payment link while one is open, else "ask the clinic". */
  | { place: 'unpaid'; view: JoinView; payUrl: string | null };

export type JoinExchange = JoinLookup | { place: 'joined'; view: JoinView; token: string; roomName: string };

/**
 * The gateway's side of a patient's link: what a code shows, and its trade for a token for the
 * appointment's room alone, inside the clinic's join window. Unknown, revoked and malformed
 * codes, and codes of cancelled or missed appointments, are all simply unknown.
 */
export class PatientJoin {
  constructor(
    private readonly knex: Knex,
    private readonly rooms: TwilioRooms,
    private readonly secrets: SecretBox,
    private readonly now: () => number = Date.now,
  ) {}

  async lookup(code: string): Promise<JoinLookup> {
    return (await this.resolve(code)).lookup;
  }

  /** Inside the window: the room (created if need be), a token, a lobby event and the "waiting online" mark. */
  async exchange(code: string): Promise<JoinExchange> {
    const { lookup, codeId, appointmentId, patientId } = await this.resolve(code);
    if (lookup.place !== 'inside') return lookup;
    const settings = openVideoSecrets(await readVideoSettings(this.knex), this.secrets);
    const creds = credentialsOf(settings);
    if (!creds) return { place: 'unconfigured', view: lookup.view };
    const owner = { appointmentId: appointmentId!, patientId: patientId! };
    const room = await this.rooms.ensure(creds, roomNameOf(owner.appointmentId), settings.webhookUrl);
    const identity = patientIdentity(owner.patientId);
    // The token need not outlive the window; the page trades the code again for a later one.
    const ttl = Math.max(60, Math.min(PATIENT_TOKEN_SECONDS, Math.ceil((Date.parse(lookup.view.closesAt) - this.now()) / 1000)));
    const { token, expiresAt } = await videoToken(creds, identity, room.uniqueName, ttl);
    await this.knex.transaction(async (trx) => {
      await ensureSession(trx, { appointmentId: owner.appointmentId, roomSid: room.sid, roomName: room.uniqueName, expiresAt });
      await recordCallEvent(trx, owner, { roomSid: room.sid, type: 'patient-lobby', participant: identity, data: { source: 'gateway' } });
      await markInLobby(trx, codeId!);
    });
    return { place: 'joined', view: lookup.view, token, roomName: room.uniqueName };
  }

  private async resolve(code: string): Promise<{ lookup: JoinLookup; codeId?: number; appointmentId?: number; patientId?: number }> {
    if (!JOIN_CODE_PATTERN.test(code)) return { lookup: { place: 'unknown' } };
    const live = await findLiveJoinCode(this.knex, hashJoinCode(code));
    const a = live && (await findAppointment(this.knex, live.appointmentId));
    if (!live || !a || a.status === 'CANCELLED' || a.status === 'NO_SHOW') return { lookup: { place: 'unknown' } };
    const [{ timeZone }, settings] = await Promise.all([readSettings(this.knex), readVideoSettings(this.knex)]);
    const window = joinWindow(a, timeZone, { opens: settings.joinOpensMinutes, closes: settings.joinClosesMinutes });
    const view: JoinView = {
      firstName: a.patientName.trim().split(/\s+/)[0] ?? '',
      doctorName: a.doctorName,
      date: a.date,
      startTime: a.startTime.slice(0, 5),
      opensAt: window.opensAt.toISOString(),
      closesAt: window.closesAt.toISOString(),
      opensAtClinic: format(new TZDate(window.opensAt.getTime(), timeZone), 'yyyy-MM-dd HH:mm'),
      ahead: null,
    };
    const place = placeIn(window, this.now());
    if (place === 'inside') view.ahead = await patientsAhead(this.knex, a.id);
    // Prepayment is asked only where the patient could otherwise join: before or after the window says so first.
    const unpaid = place === 'inside' ? await prepayDue(this.knex, a.id) : undefined;
    if (unpaid) return { lookup: { place: 'unpaid', view, payUrl: unpaid.payUrl }, codeId: live.id, appointmentId: a.id, patientId: a.patientId };
    return { lookup: { place, view }, codeId: live.id, appointmentId: a.id, patientId: a.patientId };
  }
}
