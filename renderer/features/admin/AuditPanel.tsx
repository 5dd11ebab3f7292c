import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  AUDIT_OUTCOMES,
  CHANNEL_NAMES,
  auditQuerySchema,
  channels,
  type AuditEntryDto,
  type CallError,
  type Req,
  type UserDto,
} from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { useClinicQuery } from '../../api/query';
import { useSettings } from '../../api/clinic-data';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field, SelectField } from '../../ui/Field';
import { clinicDateTime } from '../../lib/dates';
import { contractProblem, errorsFor } from '../../ui/form-errors';
import { Table, type Column } from '../../ui/Table';

const PAGE = 100;
const NO_USERS: UserDto[] = [];
/** The kinds of record the router audits, straight from the contract. */
const ENTITIES = [...new Set(Object.values(channels).flatMap((c) => ('audit' in c && c.audit ? [c.audit.entity] : [])))].sort();
// DENIED: the caller was not allowed; REFUSED: allowed, but the booking rules or a missing record said no.
const OUTCOME_NAMES = { OK: 'Done', DENIED: 'Refused', REFUSED: 'Declined', FAILED: 'Failed' } as const;
const EMPTY = { from: '', to: '', userId: '', action: '', entity: '', entityId: '', outcome: '' };
const FIELDS = Object.keys(EMPTY);

function toQuery(f: typeof EMPTY): Req<'audit.list'> {
  return {
    limit: PAGE,
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.userId ? { userId: Number(f.userId) } : {}),
    ...(f.action.trim() ? { action: f.action.trim() } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.entityId.trim() ? { entityId: Number(f.entityId) } : {}),
    ...(f.outcome ? { outcome: f.outcome as (typeof AUDIT_OUTCOMES)[number] } : {}),
  };
}

/** Who did what, when and from which PC: newest first, filtered, a page at a time. */
export function AuditPanel() {
  const { settings, problem: settingsProblem } = useSettings();
  const [filters, setFilters] = useState(EMPTY);
  const users = useClinicQuery('users.list', {}).data ?? NO_USERS;
  const [entries, setEntries] = useState<AuditEntryDto[]>();
  const [more, setMore] = useState(false);
  const [error, setError] = useState<CallError>();
  const [busy, setBusy] = useState(false);
  const actionsId = useId();
  const { at, formMessage } = errorsFor(error, FIELDS);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setFilters({ ...filters, [key]: e.target.value });

  // The filters of the entries on screen: older pages follow them, not boxes changed since.
  const [shown, setShown] = useState<Req<'audit.list'>>();

  async function fetchPage(query: Req<'audit.list'>, beforeId?: number) {
    setBusy(true);
    const r = await clinic.audit.list({ ...query, ...(beforeId ? { beforeId } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setShown(query);
    setEntries(beforeId ? [...(entries ?? []), ...r.value] : r.value);
    setMore(r.value.length === PAGE);
  }

  function show(e?: FormEvent) {
    e?.preventDefault();
    const query = toQuery(filters);
    const badId = filters.entityId.trim() && !/^\d+$/.test(filters.entityId.trim());
    const local = badId ? { code: 'INVALID' as const, field: 'entityId', message: 'Enter a record number' } : contractProblem(auditQuerySchema, query);
    if (local) return setError(local);
    void fetchPage(query);
  }

  useEffect(() => {
    show();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the first page on opening; later pages and filters are the admin's to ask for
  }, []);

  const columns = (zone: string): Column<AuditEntryDto>[] => [
    { header: 'When', cell: (a) => clinicDateTime(a.occurredAt, zone) },
    { header: 'Who', cell: (a) => a.userEmail ?? '—' },
    { header: 'Workstation', cell: (a) => a.workstation ?? '—' },
    { header: 'Action', cell: (a) => a.action },
    { header: 'Record', cell: (a) => (a.entity ? `${a.entity}${a.entityId ? ` #${a.entityId}` : ''}` : '—') },
    {
      header: 'Outcome',
      cell: (a) =>
        a.outcome === 'OK' ? (
          OUTCOME_NAMES.OK
        ) : (
          <span className="ui-badge" data-tone="danger">
            {OUTCOME_NAMES[a.outcome]}
          </span>
        ),
    },
    { header: 'Details', cell: (a) => (a.detail ? JSON.stringify(a.detail) : '') },
  ];

  return (
    <section className="ui-panel" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <form className="ui-form" onSubmit={show} noValidate aria-label="Audit filters">
        {(formMessage ?? settingsProblem) && <Banner tone="error">{formMessage ?? settingsProblem}</Banner>}
        <div className="ui-row">
          <Field label="From" type="date" value={filters.from} onChange={set('from')} error={at('from')} />
          <Field label="To" type="date" value={filters.to} onChange={set('to')} error={at('to')} hint="Days are the clinic's days; the end day is included" />
          <SelectField label="Account" value={filters.userId} onChange={set('userId')} error={at('userId')}>
            <option value="">Anyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName || u.email}
              </option>
            ))}
          </SelectField>
          <Field label="Action" list={actionsId} value={filters.action} onChange={set('action')} error={at('action')} hint="Such as doctors.update" />
          <datalist id={actionsId}>
            {CHANNEL_NAMES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
        <div className="ui-row">
          <SelectField label="Record kind" value={filters.entity} onChange={set('entity')} error={at('entity')}>
            <option value="">Any</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </SelectField>
          <Field label="Record number" inputMode="numeric" value={filters.entityId} onChange={set('entityId')} error={at('entityId')} />
          <SelectField label="Outcome" value={filters.outcome} onChange={set('outcome')} error={at('outcome')}>
            <option value="">Any</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_NAMES[o]}
              </option>
            ))}
          </SelectField>
          <Button variant="primary" type="submit" disabled={busy}>
            Show entries
          </Button>
          <Button onClick={() => setFilters(EMPTY)}>Clear the filters</Button>
        </div>
      </form>
      {entries && settings && <Table label="Audit entries" columns={columns(settings.timeZone)} rows={entries} empty="No entries match these filters." />}
      {more && entries && shown && (
        <div>
          <Button onClick={() => void fetchPage(shown, entries[entries.length - 1]!.id)} disabled={busy}>
            Show older entries
          </Button>
        </div>
      )}
    </section>
  );
}
