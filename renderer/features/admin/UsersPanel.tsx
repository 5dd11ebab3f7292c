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
import { ResetPassword, ROLE_NAMES, UserForm } from './UserDialogs';

const nameOf = (u: UserDto) => u.displayName || u.email;

/** Desk accounts: who may sign in with which role; disabling, new passwords, and unlocking after failed sign-ins. */
export function UsersPanel() {
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
    { header: 'Name', cell: nameOf },
    { header: 'Email', cell: (u) => u.email },
    { header: 'Role', cell: (u) => ROLE_NAMES[u.role] + (u.doctorId ? ` (${doctorName(u.doctorId)})` : '') },
    {
      header: 'Status',
      cell: (u) =>
        u.disabled ? (
          <span className="ui-badge">Disabled</span>
        ) : u.lockedUntil ? (
          <span className="ui-badge" data-tone="danger">
            Locked until {clinicDateTime(u.lockedUntil, zone)}
          </span>
        ) : (
          <span className="ui-badge" data-tone="ok">
            Active
          </span>
        ),
    },
    { header: 'Last sign-in', cell: (u) => (u.lastLoginAt ? clinicDateTime(u.lastLoginAt, zone) : 'Never') },
    {
      header: 'Actions',
      cell: (u) =>
        u.role === 'PATIENT' ? null : (
          <div className="ui-actions">
            {u.lockedUntil && (
              <Button
                variant="primary"
                aria-label={`Unlock ${nameOf(u)}`}
                onClick={() => void perform(() => unlock.call({ id: u.id }), `${nameOf(u)} can sign in again`)}
              >
                Unlock
              </Button>
            )}
            <Button aria-label={`Edit ${nameOf(u)}`} onClick={() => setEditing(u)}>
              Edit
            </Button>
            <Button aria-label={`New password for ${nameOf(u)}`} onClick={() => setResetting(u)}>
              New password
            </Button>
            <Button
              variant={u.disabled ? 'secondary' : 'danger'}
              aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${nameOf(u)}`}
              onClick={() =>
                void perform(
                  () => setDisabled.call({ id: u.id, disabled: !u.disabled }),
                  `${nameOf(u)} ${u.disabled ? 'can sign in again' : 'is disabled and signed out'}`,
                )
              }
            >
              {u.disabled ? 'Enable' : 'Disable'}
            </Button>
          </div>
        ),
    },
  ];

  return (
    <section className="ui-panel" aria-labelledby="users-title">
      <div className="ui-panel-head">
        <h2 id="users-title">Accounts</h2>
        <div className="ui-actions">
          {/* Failed sign-ins on other PCs send no event: the admin asks again. */}
          <Button onClick={() => void usersQuery.refetch()}>Refresh</Button>
          <Button variant="primary" onClick={() => setEditing('new')}>
            Add an account
          </Button>
        </div>
      </div>
      {(problem ?? settingsProblem) && <Banner tone="error">{problem ?? settingsProblem}</Banner>}
      {locked.length > 0 && (
        <Banner tone="warning">Locked after failed sign-ins: {locked.map(nameOf).join(', ')}. Unlock an account once you know it was its owner.</Banner>
      )}
      {users && zone ? <Table label="Accounts" columns={columns(zone)} rows={users} empty="No accounts." /> : !problem && <p className="ui-hint">Loading…</p>}
      {editing && (
        <UserForm
          user={editing === 'new' ? undefined : editing}
          doctors={doctors}
          onClose={() => setEditing(undefined)}
          onSaved={(u) => {
            toast(editing === 'new' ? `Account for ${nameOf(u)} added` : `${nameOf(u)} saved`);
            setEditing(undefined);
          }}
        />
      )}
      {resetting && (
        <ResetPassword
          user={resetting}
          onClose={() => setResetting(undefined)}
          onDone={() => {
            toast(`New password set for ${nameOf(resetting)}; they were signed out`);
            setResetting(undefined);
          }}
        />
      )}
    </section>
  );
}
