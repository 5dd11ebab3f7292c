import type { Knex } from 'knex';
import type { Role, UserDto } from '../../preload/contract';
import { hashPassword } from '../auth/hashing';
import { passwordProblem } from '../auth/password-policy';
import type { SessionStore } from '../auth/sessions';
import { clearFailures } from '../auth/throttle-repo';
import { doctorExists, findDoctorIdByEmail } from '../doctors/repo';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';
import { countOtherActiveAdmins, findUserById, insertUser, listUsers, toUserDto, updateUser, type UserRow } from './repo';
import { refusalFor } from '../db/pg-errors';

/** ADMIN's management of desk accounts. Accounts are disabled, never deleted (the audit log keeps its owners). */
export class UsersService {
  constructor(
    private readonly knex: Knex,
    private readonly sessions: SessionStore,
    /** Told of every account changed here, so that calls stop using its old row at once. */
    private readonly changed: (userId: number) => void,
  ) {}

  list(): Promise<UserDto[]> {
    return listUsers(this.knex);
  }

  async create(req: { email: string; displayName: string; role: Role; password: string; doctorId?: number }): Promise<UserDto> {
    const problem = await passwordProblem(req.password, req.email);
    if (problem) throw new AppError('INVALID', problem, 'password');
    const doctorId = await this.doctorLink(req.role, req.doctorId, req.email);
    const passwordHash = await hashPassword(req.password);
    try {
      const row = await insertUser(this.knex, { email: req.email, passwordHash, role: req.role, displayName: req.displayName, doctorId });
      return toUserDto(row, null);
    } catch (err) {
      throw refusalFor(err) ?? err;
    }
  }

  async update(req: { id: number; displayName?: string; role?: Role; doctorId?: number | null }, admin: CurrentUser): Promise<UserDto> {
    const row = await this.existing(req.id);
    if (row.role === 'PATIENT') throw new AppError('INVALID', 'Patient accounts are not managed here', 'id');
    const role = req.role ?? row.role;
    if (req.role && req.role !== row.role && row.role === 'ADMIN') await this.keepAnAdmin(row, admin, 'role');
    let doctorId: number | null | undefined = req.doctorId;
    if (role === 'DOCTOR') {
      doctorId = await this.doctorLink('DOCTOR', req.doctorId ?? row.doctor_id ?? undefined, row.email);
    } else if (req.doctorId) {
      throw new AppError('INVALID', 'Only DOCTOR accounts are linked to a doctor profile', 'doctorId');
    } else if (req.role) {
      doctorId = null;
    }
    try {
      const updated = await updateUser(this.knex, row.id, { displayName: req.displayName, role: req.role, doctorId });
      this.changed(row.id);
      if (req.role && req.role !== row.role) this.sessions.signOutUser(row.id);
      return toUserDto(updated as UserRow, null);
    } catch (err) {
      throw refusalFor(err) ?? err;
    }
  }

  async setDisabled(id: number, disabled: boolean, admin: CurrentUser): Promise<UserDto> {
    const row = await this.existing(id);
    if (disabled && row.role === 'ADMIN') await this.keepAnAdmin(row, admin, 'disable');
    const updated = await updateUser(this.knex, id, { disabled });
    this.changed(id);
    if (disabled) this.sessions.signOutUser(id);
    return toUserDto(updated as UserRow, null);
  }

  async resetPassword(id: number, password: string): Promise<UserDto> {
    const row = await this.existing(id);
    const problem = await passwordProblem(password, row.email);
    if (problem) throw new AppError('INVALID', problem, 'password');
    const updated = await updateUser(this.knex, id, { passwordHash: await hashPassword(password) });
    await clearFailures(this.knex, row.email.toLowerCase());
    this.sessions.signOutUser(id);
    return toUserDto(updated as UserRow, null);
  }

  async unlock(id: number): Promise<UserDto> {
    const row = await this.existing(id);
    await clearFailures(this.knex, row.email.toLowerCase());
    return toUserDto(row, null);
  }

  private async existing(id: number): Promise<UserRow> {
    const row = await findUserById(this.knex, id);
    if (!row) throw new AppError('NOT_FOUND', 'No such user', 'id');
    return row;
  }

  /** A change of role, or disabling: each has its own sentences, so the desk can say them in its language. */
  private async keepAnAdmin(row: UserRow, admin: CurrentUser, change: 'role' | 'disable'): Promise<void> {
    if (row.id === admin.id) {
      const own =
        change === 'role'
          ? say`You cannot change the role of your own account; another administrator must`
          : say`You cannot disable your own account; another administrator must`;
      throw new AppError('INVALID', own, 'id');
    }
    if ((await countOtherActiveAdmins(this.knex, row.id)) === 0) {
      const last =
        change === 'role'
          ? say`You cannot change the role of the clinic's last active administrator`
          : say`You cannot disable the clinic's last active administrator`;
      throw new AppError('INVALID', last, 'id');
    }
  }

  private async doctorLink(role: Role, doctorId: number | undefined, email: string): Promise<number | null> {
    if (role !== 'DOCTOR') {
      if (doctorId) throw new AppError('INVALID', 'Only DOCTOR accounts are linked to a doctor profile', 'doctorId');
      return null;
    }
    if (doctorId) {
      if (!(await doctorExists(this.knex, doctorId))) throw new AppError('INVALID', 'That doctor profile does not exist', 'doctorId');
      return doctorId;
    }
    const byEmail = await findDoctorIdByEmail(this.knex, email);
    if (!byEmail) {
      throw new AppError('INVALID', 'No doctor profile has this email. Create the doctor first, or choose their profile.', 'doctorId');
    }
    return byEmail;
  }
}
