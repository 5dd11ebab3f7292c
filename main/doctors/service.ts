import type { Knex } from 'knex';
import type { z } from 'zod';
import { DEFAULT_SPECIALIZATIONS, type DoctorDto, type createDoctorSchema, type updateDoctorSchema } from '../../preload/contract';
import { countAppointmentsOfDoctor } from '../appointments/repo';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';
import { normalisePhone } from '../patients/phone';
import { deleteDoctor, findDoctor, insertDoctor, listDoctors, specializationsInUse, updateDoctor, type DoctorFields } from './repo';
import { refusalFor } from '../db/pg-errors';

type CreateRequest = z.output<typeof createDoctorSchema>;
type UpdateRequest = z.output<typeof updateDoctorSchema>;

/** The request's fields, normalised; absent ones stay absent so an update leaves them alone. */
function fields(req: Partial<CreateRequest>): Partial<DoctorFields> {
  const out: Partial<DoctorFields> = {};
  if (req.name !== undefined) out.name = req.name;
  if (req.email !== undefined) out.email = req.email.trim().toLowerCase();
  if (req.phone !== undefined) out.phone = normalisePhone(req.phone);
  if (req.specialization !== undefined) out.specialization = req.specialization || null;
  if (req.experience !== undefined) out.experience = req.experience;
  if (req.consultationFee !== undefined) out.consultationFee = req.consultationFee;
  if (req.rating !== undefined) out.rating = req.rating;
  if (req.bio !== undefined) out.bio = req.bio?.trim() || null;
  if (req.address !== undefined) out.address = req.address?.trim() || null;
  return out;
}

export class DoctorsService {
  constructor(private readonly knex: Knex) {}

  list(filter: { specialization?: string; includeInactive: boolean }): Promise<DoctorDto[]> {
    return listDoctors(this.knex, filter);
  }

  async specializations(): Promise<string[]> {
    const inUse = await specializationsInUse(this.knex);
    const byKey = new Map<string, string>();
    for (const s of [...DEFAULT_SPECIALIZATIONS, ...inUse]) byKey.set(s.toLowerCase(), byKey.get(s.toLowerCase()) ?? s);
    return [...byKey.values()].sort((a, b) => a.localeCompare(b));
  }

  async create(req: CreateRequest): Promise<DoctorDto> {
    try {
      return await insertDoctor(this.knex, {
        phone: null,
        specialization: null,
        experience: null,
        consultationFee: null,
        rating: null,
        bio: null,
        address: null,
        ...fields(req),
      } as DoctorFields);
    } catch (err) {
      throw refusalFor(err) ?? err;
    }
  }

  async update(req: UpdateRequest): Promise<DoctorDto> {
    const { id, ...changes } = req;
    try {
      const doctor = await updateDoctor(this.knex, id, fields(changes));
      if (!doctor) throw new AppError('NOT_FOUND', 'No such doctor', 'id');
      return doctor;
    } catch (err) {
      throw refusalFor(err) ?? err;
    }
  }

  async setActive(id: number, active: boolean): Promise<DoctorDto> {
    const doctor = await updateDoctor(this.knex, id, { active });
    if (!doctor) throw new AppError('NOT_FOUND', 'No such doctor', 'id');
    return doctor;
  }

  /** Only a profile created by mistake: one with appointments is deactivated instead, so history stays. */
  async delete(id: number): Promise<null> {
    if (!(await findDoctor(this.knex, id))) throw new AppError('NOT_FOUND', 'No such doctor', 'id');
    const appointments = await countAppointmentsOfDoctor(this.knex, id);
    if (appointments > 0) {
      throw new AppError('CONFLICT', say`This doctor has ${appointments} appointment(s) on record; deactivate the profile instead of deleting it`, 'id');
    }
    await deleteDoctor(this.knex, id);
    return null;
  }
}
