import { useWatch, type UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { createUserSchema, type DoctorDto, type Req, type Role, type UserDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { fieldError, FormField, FormSelectField, SelectField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useSchemaForm } from '../../ui/form/use-contract-form';
import { useRequestForm } from '../../ui/form/use-request-form';
import { roleName } from '../../lib/labels';
import { FormActions } from '../../ui/form/FormActions';
import { t as word } from '../../i18n/instance';
import { useT } from '../../i18n/use-t';

const DESK_ROLES: Role[] = ['RECEPTIONIST', 'DOCTOR', 'ADMIN'];

/** The doctor profile's <select> value as the contract's id: empty is "the profile with the same email". */
type Form = Req<'users.create'>;

const profileId = (v: unknown) => (v === '' || v === null || v === undefined ? undefined : Number(v));

/** A new desk account, or a change of name, role or doctor profile of an existing one. */
export function UserForm({ user, doctors, onSaved, onClose }: { user?: UserDto; doctors: DoctorDto[]; onSaved(u: UserDto): void; onClose(): void }) {
  const { t } = useT('admin');
  const create = useClinicMutation('users.create');
  const update = useClinicMutation('users.update');
  // An edit has no email or password box: the contract's create schema without them checks the rest.
  const schema = (user ? createUserSchema.omit({ email: true, password: true }) : createUserSchema) as unknown as z.ZodType<unknown, Form>;
  const form = useSchemaForm<Form>(schema, {
    ...(user ? {} : { email: '', password: '' }),
    displayName: user?.displayName ?? '',
    role: user && user.role !== 'PATIENT' ? user.role : 'RECEPTIONIST',
    doctorId: user?.doctorId ?? undefined,
  });
  const role = useWatch({ control: form.control, name: 'role' });
  const busy = form.formState.isSubmitting;

  const submit = form.handleSubmit(async ({ email, displayName, role, password, doctorId }) => {
    const doctor = role === 'DOCTOR' && doctorId !== undefined ? { doctorId } : {};
    const r = user ? await update.call({ id: user.id, displayName, role, ...doctor }) : await create.call({ email, displayName, role, password, ...doctor });
    if (r.ok) onSaved(r.value);
    else applyRefusal(form, r.error);
  });

  return (
    <Dialog title={user ? t('userForm.editTitle', { name: user.displayName || user.email }) : t('userForm.addTitle')} onClose={onClose}>
      <form className="ui-form" onSubmit={submit} noValidate>
        <FormProblem form={form} />
        {!user && <FormField form={form} name="email" label={t('userForm.email')} type="email" autoComplete="off" autoFocus />}
        <FormField form={form} name="displayName" label={t('userForm.name')} />
        <FormSelectField form={form} name="role" label={t('userForm.role')}>
          {DESK_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleName(r)}
            </option>
          ))}
        </FormSelectField>
        {role === 'DOCTOR' && <DoctorChoice form={form} doctors={doctors} />}
        {!user && (
          <FormField form={form} name="password" label={t('userForm.password')} type="password" autoComplete="new-password" hint={t('userForm.passwordHint')} />
        )}
        {user && user.role !== role && <Banner tone="warning">{t('userForm.roleWarning')}</Banner>}
        <FormActions busy={busy} submit={user ? t('userForm.save') : t('userForm.add')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function DoctorChoice({ form, doctors }: { form: UseFormReturn<Form>; doctors: DoctorDto[] }) {
  const { t } = useT('admin');
  return (
    <SelectField
      label={t('userForm.doctor')}
      hint={t('userForm.doctorHint')}
      {...form.register('doctorId', { setValueAs: profileId })}
      error={fieldError(form, 'doctorId')}
    >
      <option value="">{t('userForm.sameEmail')}</option>
      {doctors.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name} ({d.email})
        </option>
      ))}
    </SelectField>
  );
}

// The password is the request's; the second box only has to repeat it, checked before sending.
const twiceTyped = z
  .looseObject({ password: z.string(), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { error: () => word('admin:resetPassword.differ'), path: ['confirm'] });

/** A new password chosen by the admin; main signs the person out and clears failed sign-ins. */
export function ResetPassword({ user, onDone, onClose }: { user: UserDto; onDone(): void; onClose(): void }) {
  const { t } = useT('admin');
  const reset = useClinicMutation('users.resetPassword');
  const form = useRequestForm(
    'users.resetPassword',
    ({ password }: { password: string }) => ({ id: user.id, password }),
    { password: '', confirm: '' },
    twiceTyped,
  );
  const busy = form.formState.isSubmitting;

  const submit = form.handleSubmit(async ({ password }) => {
    const r = await reset.call({ id: user.id, password });
    if (r.ok) onDone();
    else applyRefusal(form, r.error);
  });

  return (
    <Dialog title={t('resetPassword.title', { name: user.displayName || user.email })} onClose={onClose}>
      <form className="ui-form" onSubmit={submit} noValidate>
        <FormProblem form={form} />
        <FormField form={form} name="password" label={t('resetPassword.password')} type="password" autoComplete="new-password" autoFocus />
        <FormField form={form} name="confirm" label={t('resetPassword.repeat')} type="password" autoComplete="new-password" />
        <div className="ui-actions">
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" disabled={busy}>
            {t('resetPassword.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
