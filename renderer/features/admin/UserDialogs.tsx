import { useState, type FormEvent } from 'react';
import { createUserSchema, updateUserSchema, type CallError, type DoctorDto, type Req, type Role, type UserDto } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field, SelectField } from '../../ui/Field';
import { contractProblem, errorsFor } from '../../ui/form-errors';

export const ROLE_NAMES: Record<UserDto['role'], string> = { ADMIN: 'Administrator', DOCTOR: 'Doctor', RECEPTIONIST: 'Front desk', PATIENT: 'Patient' };
const DESK_ROLES: Role[] = ['RECEPTIONIST', 'DOCTOR', 'ADMIN'];

function DoctorChoice({ doctors, value, onChange, error }: { doctors: DoctorDto[]; value: string; onChange(v: string): void; error?: string }) {
  return (
    <SelectField label="Doctor profile" value={value} onChange={(e) => onChange(e.target.value)} error={error} hint="The profile whose schedule this doctor sees">
      <option value="">The profile with the same email</option>
      {doctors.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name} ({d.email})
        </option>
      ))}
    </SelectField>
  );
}

/** A new desk account, or a change of name, role or doctor profile of an existing one. */
export function UserForm({ user, doctors, onSaved, onClose }: { user?: UserDto; doctors: DoctorDto[]; onSaved(u: UserDto): void; onClose(): void }) {
  const [form, setForm] = useState({ email: user?.email ?? '', displayName: user?.displayName ?? '', role: (user?.role ?? 'RECEPTIONIST') as Role, password: '', doctorId: user?.doctorId?.toString() ?? '' });
  const [error, setError] = useState<CallError>();
  const [busy, setBusy] = useState(false);
  const { at, formMessage } = errorsFor(error, ['email', 'displayName', 'role', 'password', 'doctorId']);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const doctorId = form.role === 'DOCTOR' && form.doctorId ? { doctorId: Number(form.doctorId) } : {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    let r;
    if (user) {
      const req: Req<'users.update'> = { id: user.id, displayName: form.displayName, role: form.role, ...doctorId };
      const local = contractProblem(updateUserSchema, req);
      r = local ? ({ ok: false, error: local } as const) : await clinic.users.update(req);
    } else {
      const req: Req<'users.create'> = { email: form.email, displayName: form.displayName, role: form.role, password: form.password, ...doctorId };
      const local = contractProblem(createUserSchema, req);
      r = local ? ({ ok: false, error: local } as const) : await clinic.users.create(req);
    }
    setBusy(false);
    if (r.ok) onSaved(r.value);
    else setError(r.error);
  }

  return (
    <Dialog title={user ? `Edit ${user.displayName || user.email}` : 'Add an account'} onClose={onClose}>
      <form className="ui-form" onSubmit={submit} noValidate>
        {formMessage && <Banner tone="error">{formMessage}</Banner>}
        {!user && <Field label="Email" type="email" value={form.email} onChange={set('email')} error={at('email')} autoComplete="off" autoFocus />}
        <Field label="Name" value={form.displayName} onChange={set('displayName')} error={at('displayName')} />
        <SelectField label="Role" value={form.role} onChange={set('role')} error={at('role')}>
          {DESK_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_NAMES[r]}
            </option>
          ))}
        </SelectField>
        {form.role === 'DOCTOR' && <DoctorChoice doctors={doctors} value={form.doctorId} onChange={(v) => setForm({ ...form, doctorId: v })} error={at('doctorId')} />}
        {!user && <Field label="Password" type="password" value={form.password} onChange={set('password')} error={at('password')} autoComplete="new-password" hint="At least 10 characters, not a common password" />}
        {user && user.role !== form.role && <Banner tone="warning">Changing the role signs this person out everywhere.</Banner>}
        <div className="ui-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" disabled={busy}>
            {busy ? 'Saving…' : user ? 'Save the account' : 'Add the account'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** A new password chosen by the admin; main signs the person out and clears failed sign-ins. */
export function ResetPassword({ user, onDone, onClose }: { user: UserDto; onDone(): void; onClose(): void }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<CallError>();
  const [busy, setBusy] = useState(false);
  const { at, formMessage } = errorsFor(error, ['password', 'confirm']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password !== confirm) return setError({ code: 'INVALID', field: 'confirm', message: 'The two passwords differ' });
    setBusy(true);
    const r = await clinic.users.resetPassword({ id: user.id, password });
    setBusy(false);
    if (r.ok) onDone();
    else setError(r.error);
  }

  return (
    <Dialog title={`New password for ${user.displayName || user.email}`} onClose={onClose}>
      <form className="ui-form" onSubmit={submit} noValidate>
        {formMessage && <Banner tone="error">{formMessage}</Banner>}
        <Field label="New password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} error={at('password')} autoComplete="new-password" autoFocus />
        <Field label="Repeat the new password" type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} error={at('confirm')} autoComplete="new-password" />
        <div className="ui-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" disabled={busy}>
            Set the password
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
