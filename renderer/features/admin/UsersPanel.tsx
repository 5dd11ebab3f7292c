import { useState } from 'react';
import type { Result, UserDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useSettings } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { clinicDateTime } from '../../lib/dates';
import { Table, type Column } from '../../ui/Table';
import { toast } from '../../ui/toasts';
import { ResetPassword, UserForm } from './UserDialogs';
import { useT } from '../../i18n/use-t';
import { roleName } from '../../lib/labels';

const nameOf = (u: UserDto) => u.displayName || u.email;

/** Desk accounts: who may sign in with which role; disabling, new passwords, and unlocking after failed sign-ins. */
export function UsersPanel() {
  const { t } = useT('admin');
  const { settings, problem: settingsProblem } = useSettings();
  const usersQuery = useClinicQuery('users.list', {});
  const doctorsQuery = useClinicQuery('doctors.list', { includeInactive: true });
  const unlock = useClinicMutation('users.unlock');
  const setDisabled = useClinicMutation('users.setDisabled');
  const users = usersQuery.data;
  const doctors = doctorsQuery.data ?? [];
  const problem = problemOf(usersQuery.error ?? doctorsQuery.error);
  const [editing, setEditing] = useState<UserDto | 'new'>();
  const [resetting, setResetting] = useState<UserDto>();

  async function perform(call: () => Promise<Result<unknown>>, done: string) {
    const r = await call();
    if (!r.ok) return toast(r.error.message, 'error');
    toast(done);
  }

  const doctorName = (id: number | null) => (id === null ? '' : (doctors.find((d) => d.id === id)?.name ?? `#${id}`));
  const locked = users?.filter((u) => u.lockedUntil) ?? [];
  const zone = settings?.timeZone;

  const columns = (zone: string): Column<UserDto>[] => [
    { header: t('users.col.name'), cell: nameOf },
    { header: t('users.col.email'), cell: (u) => u.email },
    { header: t('users.col.role'), cell: (u) => roleName(u.role) + (u.doctorId ? ` (${doctorName(u.doctorId)})` : '') },
    {
      header: t('users.col.status'),
      cell: (u) =>
        u.disabled ? (
          <span className="ui-badge">{t('users.disabled')}</span>
        ) : u.lockedUntil ? (
          <span className="ui-badge" data-tone="danger">
            {t('users.lockedUntil', { time: clinicDateTime(u.lockedUntil, zone) })}
          </span>
        ) : (
          <span className="ui-badge" data-tone="ok">
            {t('users.active')}
          </span>
        ),
    },
    { header: t('users.col.lastSignIn'), cell: (u) => (u.lastLoginAt ? clinicDateTime(u.lastLoginAt, zone) : t('users.never')) },
    {
      header: t('users.col.actions'),
      cell: (u) =>
        u.role === 'PATIENT' ? null : (
          <div className="ui-actions">
            {u.lockedUntil && (
              <Button
                variant="primary"
                aria-label={t('users.unlockWho', { name: nameOf(u) })}
                onClick={() => void perform(() => unlock.call({ id: u.id }), t('users.canSignIn', { name: nameOf(u) }))}
              >
                {t('users.unlock')}
              </Button>
            )}
            <Button aria-label={t('users.editWho', { name: nameOf(u) })} onClick={() => setEditing(u)}>
              {t('users.edit')}
            </Button>
            <Button aria-label={t('users.newPasswordWho', { name: nameOf(u) })} onClick={() => setResetting(u)}>
              {t('users.newPassword')}
            </Button>
            <Button
              variant={u.disabled ? 'secondary' : 'danger'}
              aria-label={t(u.disabled ? 'users.enableWho' : 'users.disableWho', { name: nameOf(u) })}
              onClick={() =>
                void perform(
                  () => setDisabled.call({ id: u.id, disabled: !u.disabled }),
                  t(u.disabled ? 'users.canSignIn' : 'users.disabledDone', { name: nameOf(u) }),
                )
              }
            >
              {u.disabled ? t('users.enable') : t('users.disable')}
            </Button>
          </div>
        ),
    },
  ];

  return (
    <section className="ui-panel" aria-labelledby="users-title">
      <div className="ui-panel-head">
        <h2 id="users-title">{t('users.title')}</h2>
        <div className="ui-actions">
          {/* Failed sign-ins on other PCs send no event: the admin asks again. */}
          <Button onClick={() => void usersQuery.refetch()}>{t('users.refresh')}</Button>
          <Button variant="primary" onClick={() => setEditing('new')}>
            {t('users.add')}
          </Button>
        </div>
      </div>
      {(problem ?? settingsProblem) && <Banner tone="error">{problem ?? settingsProblem}</Banner>}
      {locked.length > 0 && <Banner tone="warning">{t('users.locked', { names: locked.map(nameOf).join(', ') })}</Banner>}
      {users && zone ? (
        <Table label={t('users.table')} columns={columns(zone)} rows={users} empty={t('users.none')} />
      ) : (
        !problem && <p className="ui-hint">{t('common:loading')}</p>
      )}
      {editing && (
        <UserForm
          user={editing === 'new' ? undefined : editing}
          doctors={doctors}
          onClose={() => setEditing(undefined)}
          onSaved={(u) => {
            toast(t(editing === 'new' ? 'users.added' : 'users.saved', { name: nameOf(u) }));
            setEditing(undefined);
          }}
        />
      )}
      {resetting && (
        <ResetPassword
          user={resetting}
          onClose={() => setResetting(undefined)}
          onDone={() => {
            toast(t('users.passwordSet', { name: nameOf(resetting) }));
            setResetting(undefined);
          }}
        />
      )}
    </section>
  );
}
