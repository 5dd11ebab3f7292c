import type { Knex } from 'knex';
import type { z } from 'zod';
import type { AppointmentTypeDto, createAppointmentTypeSchema, updateAppointmentTypeSchema } from '../../preload/contract';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { findType, insertType, listTypes, replaceTypeDoctors, updateType, type TypeDoctor } from './repo';

type Create = z.output<typeof createAppointmentTypeSchema>;
type Update = z.output<typeof updateAppointmentTypeSchema>;
type DoctorInput = Create['doctors'][number];

const toTypeDoctor = (d: DoctorInput): TypeDoctor => ({
  doctorId: d.doctorId,
  fee: d.fee ?? null,
  durationMinutes: d.durationMinutes ?? null,
  isDefault: d.isDefault ?? false,
});

/** The database's refusals as the desk should read them. */
function refusal(err: unknown): AppError | undefined {
  const e = err as { code?: string; constraint?: string };
  if (e?.code === '23505' && e.constraint === 'uq_appointment_type_name')
    return new AppError('CONFLICT', 'Another appointment type already has this name', 'name');
  if (e?.code === '23514' && e.constraint === 'chk_appointment_type_prepay')
    return new AppError('INVALID', 'Only a video type can ask patients to pay before they join', 'prepayRequired');
  if (e?.code === '23503' && e.constraint?.includes('doctor_id')) return new AppError('NOT_FOUND', 'One of the doctors listed does not exist', 'doctors');
  return undefined;
}

/** The clinic's services: what the desk books by. An ADMIN defines them (the router says so); everyone reads them. */
export class AppointmentTypesService {
  constructor(private readonly knex: Knex) {}

  list(filter: { doctorId?: number; includeInactive: boolean }): Promise<AppointmentTypeDto[]> {
    return listTypes(this.knex, filter);
  }

  async create(req: Create, user: CurrentUser): Promise<AppointmentTypeDto> {
    const { doctors, ...fields } = req;
    const id = await this.write(async (trx) => {
      const newId = await insertType(trx, fields, user.id);
      await replaceTypeDoctors(trx, newId, doctors.map(toTypeDoctor));
      return newId;
    });
    return this.get(id);
  }

  async update(req: Update): Promise<AppointmentTypeDto> {
    const { id, doctors, ...fields } = req;
    await this.write(async (trx) => {
      if (!(await updateType(trx, id, fields))) throw new AppError('NOT_FOUND', 'No such appointment type', 'id');
      if (doctors) await replaceTypeDoctors(trx, id, doctors.map(toTypeDoctor));
      return id;
    });
    return this.get(id);
  }

  /** Taken off the booking list; appointments already booked as it keep it. */
  async deactivate(id: number): Promise<AppointmentTypeDto> {
    if (!(await updateType(this.knex, id, { active: false }))) throw new AppError('NOT_FOUND', 'No such appointment type', 'id');
    return this.get(id);
  }

  private async get(id: number): Promise<AppointmentTypeDto> {
    const found = await findType(this.knex, id);
    if (!found) throw new AppError('NOT_FOUND', 'No such appointment type', 'id');
    return found;
  }

  private async write(work: (trx: Knex.Transaction) => Promise<number>): Promise<number> {
    try {
      return await this.knex.transaction(work);
    } catch (err) {
      throw refusal(err) ?? err;
    }
  }
}
