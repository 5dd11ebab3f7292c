import { hashKey } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { z } from 'zod';
import { AUDIT_OUTCOMES, CHANNEL_NAMES, channels, type AuditEntryDto, type Req, type UserDto } from '../../../preload/contract';
import { useClinicPages, useClinicQuery } from '../../api/query';
import { useSettings } from '../../api/clinic-data';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { FormField, FormSelectField } from '../../ui/Field';
import { clinicDateTime } from '../../lib/dates';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { isWholeNumber } from '../../ui/form/boxes';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { Table, type Column } from '../../ui/Table';
import { auditSentence } from './audit-sentences';

const PAGE = 100;
const NO_USERS: UserDto[] = [];
const NO_ENTRIES: AuditEntryDto[] = [];
/** The kinds of record the router audits, straight from the contract. */
const ENTITIES = [...new Set(Object.values(channels).flatMap((c) => ('audit' in c && c.audit ? [c.audit.entity] : [])))].sort();
// DENIED: the caller was not allowed; REFUSED: allowed, but the booking rules or a missing record said no.
const OUTCOME_NAMES = { OK: 'Done', DENIED: 'Refused', REFUSED: 'Declined', FAILED: 'Failed' } as const;
const EMPTY = { from: '', to: '', userId: '', action: '', entity: '', entityId: '', outcome: '' };
type Filters = typeof EMPTY;

function toQuery(f: Filters): Req<'audit.list'> {
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

const recordNumberBox = z.looseObject({ entityId: z.string().refine((t) => isWholeNumber(t, { optional: true }), 'Enter a record number') });

/** Keyset paging: a full page may have older entries behind it, a short one is the last. */
const olderThan = (last: AuditEntryDto[], query: Req<'audit.list'>): Req<'audit.list'> | undefined =>
  last.length === PAGE ? { ...query, beforeId: last[last.length - 1]!.id } : undefined;

/** Who did what, when and from which PC: newest first, filtered, a page at a time. */
export function AuditPanel() {
  const { settings, problem: settingsProblem } = useSettings();
  const users = useClinicQuery('users.list', {}).data ?? NO_USERS;
  const form = useRequestForm('audit.list', toQuery, EMPTY, recordNumberBox);
  // The filters of the entries on screen (none on opening): older pages follow them, not boxes changed since.
  const [shown, setShown] = useState(() => toQuery(EMPTY));
  const pages = useClinicPages('audit.list', shown, olderThan);
  const entries = pages.data?.pages.flat() ?? NO_ENTRIES;
  const busy = pages.isFetching;
  const actionsId = useId();
  // Main's refusal of the filters goes where the form puts any refusal: at its box, or for the form.
  useEffect(() => {
    if (pages.error) applyRefusal(form, pages.error.error);
  }, [pages.error, form]);

  const show = form.handleSubmit((filters) => {
    const query = toQuery(filters);
    // The same filters again: the admin wants what is new since.
    if (hashKey([query]) === hashKey([shown])) void pages.refetch();
    else setShown(query);
  });

  // People by the name the desk knows them by; a deleted account by the email the row kept.
  const names = new Map(users.map((u) => [u.id, u.displayName || u.email]));
  const who = (a: AuditEntryDto) => (a.userId !== null && names.get(a.userId)) || a.userEmail || 'Someone not signed in';
  const columns = (zone: string): Column<AuditEntryDto>[] => [
    { header: 'When', cell: (a) => clinicDateTime(a.occurredAt, zone) },
    { header: 'What happened', cell: (a) => auditSentence(a, who(a)) },
    { header: 'Workstation', cell: (a) => a.workstation ?? '—' },
    { header: 'Action', cell: (a) => a.action },
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
        <FormProblem form={form} />
        {settingsProblem && <Banner tone="error">{settingsProblem}</Banner>}
        <div className="ui-row">
          <FormField form={form} name="from" label="From" type="date" />
          <FormField form={form} name="to" label="To" type="date" hint="Days are the clinic's days; the end day is included" />
          <FormSelectField form={form} name="userId" label="Account">
            <option value="">Anyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName || u.email}
              </option>
            ))}
          </FormSelectField>
          <FormField form={form} name="action" label="Action" list={actionsId} hint="Such as doctors.update" />
          <datalist id={actionsId}>
            {CHANNEL_NAMES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
        <div className="ui-row">
          <FormSelectField form={form} name="entity" label="Record kind">
            <option value="">Any</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </FormSelectField>
          <FormField form={form} name="entityId" label="Record number" inputMode="numeric" />
          <FormSelectField form={form} name="outcome" label="Outcome">
            <option value="">Any</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_NAMES[o]}
              </option>
            ))}
          </FormSelectField>
          <Button variant="primary" type="submit" disabled={busy}>
            Show entries
          </Button>
          <Button onClick={() => form.reset(EMPTY)}>Clear the filters</Button>
        </div>
      </form>
      {pages.data && settings && <Table label="Audit entries" columns={columns(settings.timeZone)} rows={entries} empty="No entries match these filters." />}
      {pages.hasNextPage && (
        <div>
          <Button onClick={() => void pages.fetchNextPage()} disabled={busy}>
            Show older entries
          </Button>
        </div>
      )}
    </section>
  );
}
