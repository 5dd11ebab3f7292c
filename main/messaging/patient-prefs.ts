import type { Knex } from 'knex';
import type { z } from 'zod';
import type { PatientMessagingDto, recordConsentSchema, savePatientMessagingSchema } from '../../preload/contract';
import { findPatient } from '../patients/repo';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';
import { giveConsent, readPatientPrefs, writePatientPrefs } from './prefs-repo';
import { readMessagingSettings, withdrawConsent } from './repo';

type SavePrefs = z.output<typeof savePatientMessagingSchema>;
type RecordConsent = z.output<typeof recordConsentSchema>;

const CHANNEL_NAMES = { SMS: 'SMS', WHATSAPP: 'WhatsApp', EMAIL: 'e-mail' } as const;

/** A patient's messaging preferences and consent, as the patient's record shows and edits them. */
export class PatientPrefsService {
  constructor(
    private readonly knex: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  async get(patientId: number): Promise<PatientMessagingDto> {
    await this.patient(this.knex, patientId);
    return this.read(patientId);
  }

  /** A channel the patient can be reached on (an address for it on their record). */
  async save(req: SavePrefs): Promise<PatientMessagingDto> {
    await this.knex.transaction(async (trx) => {
      const p = await this.patient(trx, req.patientId);
      if (req.channel === 'EMAIL' && !p.email) throw new AppError('INVALID', 'This patient has no e-mail address: add one to their details first', 'channel');
      if ((req.channel === 'SMS' || req.channel === 'WHATSAPP') && !p.phone)
        throw new AppError('INVALID', say`This patient has no phone number for ${CHANNEL_NAMES[req.channel]}: add one to their details first`, 'channel');
      await writePatientPrefs(trx, req.patientId, { channel: req.channel, language: req.language, kindsOff: [...new Set(req.kindsOff)] });
    });
    return this.read(req.patientId);
  }

  /** Consent given or withdrawn at the desk, with how; withdrawing stops what is waiting on that channel, giving plans what is still to come. */
  async recordConsent(req: RecordConsent): Promise<PatientMessagingDto> {
    await this.knex.transaction(async (trx) => {
      await this.patient(trx, req.patientId);
      if (req.given) await giveConsent(trx, req.patientId, req.channel, req.how, new Date(this.now()));
      else await withdrawConsent(trx, req.patientId, req.channel, req.how);
    });
    return this.read(req.patientId);
  }

  private async read(patientId: number): Promise<PatientMessagingDto> {
    const [prefs, settings] = await Promise.all([readPatientPrefs(this.knex, patientId), readMessagingSettings(this.knex)]);
    return { patientId, ...prefs, defaultChannel: settings.defaultChannel, defaultLanguage: settings.defaultLanguage };
  }

  private async patient(knex: Knex, id: number) {
    const p = await findPatient(knex, id, { forUpdate: knex.isTransaction });
    if (!p) throw new AppError('NOT_FOUND', 'No such patient', 'patientId');
    return p;
  }
}
