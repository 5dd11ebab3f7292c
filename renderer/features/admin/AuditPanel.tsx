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
import type { CustomTypeOptions } from 'i18next';
import { t as word, words } from '../../i18n/instance';
import { useT } from '../../i18n/use-t';

const PAGE = 100;
const NO_USERS: UserDto[] = [];
const NO_ENTRIES: AuditEntryDto[] = [];
/** The kinds of record the router audits, straight from the contract. */
const ENTITIES = [...new Set(Object.values(channels).flatMap((c) => ('audit' in c && c.audit ? [c.audit.entity] : [])))].sort();
type Entity = keyof CustomTypeOptions['resources']['admin']['audit']['entities'];
const hasWords = (entity: string): entity is Entity => words().exists(`admin:audit.entities.${entity}`);

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

// The message is read when the box is checked, so it is in the language of the moment.
const recordNumberBox = z.looseObject({
  entityId: z.string().refine((text) => isWholeNumber(text, { optional: true }), { error: () => word('admin:audit.recordNumber') }),
});

/** Keyset paging: a full page may have older entries behind it, a short one is the last. */
const olderThan = (last: AuditEntryDto[], query: Req<'audit.list'>): Req<'audit.list'> | undefined =>
  last.length === PAGE ? { ...query, beforeId: last[last.length - 1]!.id } : undefined;

/** Who did what, when and from which PC: newest first, filtered, a page at a time. */
export function AuditPanel() {
  const { t } = useT('admin');
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
  const who = (a: AuditEntryDto) => (a.userId !== null && names.get(a.userId)) || a.userEmail || t('audit.nobody');
  const columns = (zone: string): Column<AuditEntryDto>[] => [
    { header: t('audit.col.when'), cell: (a) => clinicDateTime(a.occurredAt, zone) },
    { header: t('audit.col.what'), cell: (a) => auditSentence(a, who(a)) },
    { header: t('audit.col.workstation'), cell: (a) => a.workstation ?? '—' },
    { header: t('audit.col.action'), cell: (a) => a.action },
    {
      header: t('audit.col.outcome'),
      cell: (a) =>
        a.outcome === 'OK' ? (
          t('audit.outcomes.OK')
        ) : (
          <span className="ui-badge" data-tone="danger">
            {t(`audit.outcomes.${a.outcome}`)}
          </span>
        ),
    },
    { header: t('audit.col.details'), cell: (a) => (a.detail ? JSON.stringify(a.detail) : '') },
  ];

  return (
    <section className="ui-panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <form className="ui-form" onSubmit={show} noValidate aria-label={t('audit.filters')}>
        <FormProblem form={form} />
        {settingsProblem && <Banner tone="error">{settingsProblem}</Banner>}
        <div className="ui-row">
          <FormField form={form} name="from" label={t('audit.from')} type="date" />
          <FormField form={form} name="to" label={t('audit.to')} type="date" hint={t('audit.toHint')} />
          <FormSelectField form={form} name="userId" label={t('audit.account')}>
            <option value="">{t('audit.anyone')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName || u.email}
              </option>
            ))}
          </FormSelectField>
          <FormField form={form} name="action" label={t('audit.action')} list={actionsId} hint={t('audit.actionHint')} />
          <datalist id={actionsId}>
            {CHANNEL_NAMES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
        <div className="ui-row">
          <FormSelectField form={form} name="entity" label={t('audit.entity')}>
            <option value="">{t('audit.any')}</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {hasWords(e) ? t(`audit.entities.${e}`) : e}
              </option>
            ))}
          </FormSelectField>
          <FormField form={form} name="entityId" label={t('audit.entityId')} inputMode="numeric" />
          <FormSelectField form={form} name="outcome" label={t('audit.outcome')}>
            <option value="">{t('audit.any')}</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`audit.outcomes.${o}`)}
              </option>
            ))}
          </FormSelectField>
          <Button variant="primary" type="submit" disabled={busy}>
            {t('audit.show')}
          </Button>
          <Button onClick={() => form.reset(EMPTY)}>{t('audit.clear')}</Button>
        </div>
      </form>
      {pages.data && settings && <Table label={t('audit.table')} columns={columns(settings.timeZone)} rows={entries} empty={t('audit.none')} />}
      {pages.hasNextPage && (
        <div>
          <Button onClick={() => void pages.fetchNextPage()} disabled={busy}>
            {t('audit.older')}
          </Button>
        </div>
      )}
    </section>
  );
}
