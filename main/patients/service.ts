import type { Knex } from 'knex';
import type { z } from 'zod';
import type { PatientDetail, PatientSummary, createPatientSchema, updatePatientSchema } from '../../preload/contract';
import { appointmentsOfPatient } from '../appointments/repo';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { paymentsOfPatient } from '../payments/repo';
import { clinicNow } from '../settings/clinic-time';
import type { SettingsService } from '../settings/service';
import { insertAudit, type AuditRecord } from '../audit/repo';
import { phoneCountryOf } from '../settings/phone-country';
import { normalisePhone } from './phone';
import { findDuplicateCandidates, findPatient, insertPatient, searchPatients, toDetail, updatePatient, type PatientFields, type PatientRow } from './repo';
import { refusalFor } from '../db/pg-errors';

type CreateRequest = z.output<typeof createPatientSchema>;
type UpdateRequest = z.output<typeof updatePatientSchema>;

const AUDITED_FIELDS = {
  name: 'name',
  phone: 'phone',
  email: 'email',
  dateOfBirth: 'date_of_birth',
  gender: 'gender',
  address: 'address',
} as const satisfies Partial<Record<keyof PatientFields, keyof PatientRow>>;

type FieldChange = { before: unknown; after: unknown } | { changed: true };

/** Only the fields whose stored value changed; medical history by the fact alone. */
function changedFields(before: PatientRow, after: PatientRow): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  for (const [field, column] of Object.entries(AUDITED_FIELDS)) {
    if (before[column] !== after[column]) out[field] = { before: before[column], after: after[column] };
  }
  if (before.medical_history !== after.medical_history) out.medicalHistory = { changed: true };
  return out;
}

/** Medical history is clinical: doctors and administrators only. */
const mayReadHistory = (user: CurrentUser) => user.role === 'DOCTOR' || user.role === 'ADMIN';

export class PatientsService {
  constructor(
    private readonly knex: Knex,
    private readonly settings: SettingsService,
  ) {}

  search(query: string, limit: number): Promise<PatientSummary[]> {
    return searchPatients(this.knex, query, limit);
  }

  async page(id: number, user: CurrentUser) {
    const row = await findPatient(this.knex, id);
    if (!row) throw new AppError('NOT_FOUND', 'No patient has this number', 'id');
    const now = clinicNow((await this.settings.get()).timeZone);
    const [{ upcoming, past }, payments] = await Promise.all([appointmentsOfPatient(this.knex, id, now), paymentsOfPatient(this.knex, id)]);
    return { patient: toDetail(row, mayReadHistory(user)), upcoming, past, payments };
  }

  async create(req: CreateRequest, user: CurrentUser) {
    const fields = await this.validFields(req, user);
    const complete = fields as PatientFields;
    if ((complete.phone || complete.dateOfBirth) && !req.confirmNotDuplicate) {
      const candidates = await findDuplicateCandidates(this.knex, {
        name: complete.name,
        phone: complete.phone ?? null,
        dateOfBirth: complete.dateOfBirth ?? null,
      });
      if (candidates.length > 0) return { status: 'possible_duplicates' as const, candidates };
    }
    try {
      const row = await insertPatient(this.knex, complete);
      return { status: 'created' as const, patient: toDetail(row, mayReadHistory(user)) };
    } catch (err) {
      throw refusalFor(err) ?? err;
    }
  }

  /**
   * Writes the changes and, in the same commit, the audit row with each changed field's value
   * before and after (the caller then sets `audited`). Medical history is clinical: its row
   * says that it changed, never what it says.
   */
  async update(req: UpdateRequest, user: CurrentUser, audit: AuditRecord): Promise<PatientDetail> {
    const { id, ...changes } = req;
    const fields = await this.validFields(changes, user);
    try {
      const row = await this.knex.transaction(async (trx) => {
        const before = await findPatient(trx, id, { forUpdate: true });
        if (!before) throw new AppError('NOT_FOUND', 'No patient has this number', 'id');
        const after = (await updatePatient(trx, id, fields)) as PatientRow;
        await insertAudit(trx, { ...audit, entityId: id, detail: { changes: changedFields(before, after) } });
        return after;
      });
      return toDetail(row, mayReadHistory(user));
    } catch (err) {
      throw refusalFor(err) ?? err;
    }
  }

  /** The request's fields checked and normalised; absent ones stay absent (an update leaves them). */
  private async validFields(req: Partial<Omit<CreateRequest, 'confirmNotDuplicate'>>, user: CurrentUser): Promise<Partial<PatientFields>> {
    if (req.medicalHistory !== undefined && !mayReadHistory(user)) {
      throw new AppError('FORBIDDEN', 'Only doctors and administrators may record medical history', 'medicalHistory');
    }
    if (req.dateOfBirth) {
      const today = clinicNow((await this.settings.get()).timeZone).date;
      if (req.dateOfBirth > today) throw new AppError('INVALID', 'The date of birth cannot be in the future', 'dateOfBirth');
      if (req.dateOfBirth < '1900-01-01') throw new AppError('INVALID', 'The date of birth is before 1900', 'dateOfBirth');
    }
    const fields: Partial<PatientFields> = {};
    if (req.name !== undefined) fields.name = req.name;
    if (req.phone !== undefined) fields.phone = normalisePhone(req.phone, phoneCountryOf(await this.settings.get()));
    if (req.email !== undefined) fields.email = req.email ? req.email.toLowerCase() : null;
    if (req.dateOfBirth !== undefined) fields.dateOfBirth = req.dateOfBirth;
    if (req.gender !== undefined) fields.gender = req.gender;
    if (req.address !== undefined) fields.address = req.address || null;
    if (req.medicalHistory !== undefined) fields.medicalHistory = req.medicalHistory || null;
    return fields;
  }
}
