import { useEffect, useId, useState, type ReactNode } from 'react';
import { APPOINTMENT_STATUSES } from '../../../preload/contract';
import { MoneyBadge } from '../../features/queue/MoneyBadge';
import { StatusChip } from '../../features/queue/StatusChip';
import { useT } from '../../i18n/use-t';
import { Banner } from '../Banner';
import { Button } from '../Button';
import { Combobox } from '../Combobox';
import { Dialog } from '../Dialog';
import { Field, SelectField } from '../Field';
import { Table } from '../Table';
import { Tabs } from '../Tabs';
import { ThemePicker } from '../ThemePicker';
import { Toasts, useToasts } from '../toasts';
import { DOCTORS, NAMES_BY_SCRIPT, type Script } from './samples';
import '../theme.css';
import './design.css';

const PATIENTS = (Object.entries(NAMES_BY_SCRIPT) as [Script, string][]).map(([script, name], i) => ({
  id: i + 1,
  script,
  name,
  phone: `+91 98450 ${String(11220 + i * 7).padStart(5, '0')}`,
}));

/**
 * Every primitive of renderer/ui, in the theme chosen at the top: what a screen is built from,
 * and what the design e2e screenshots and checks with axe in each theme. design.html is its own
 * entry (main.tsx beside this): no clinic data, no sign-in, no place in the desk's navigation.
 */
export function DesignPage() {
  const { t } = useT('design');
  const [query, setQuery] = useState('');
  const [dialogOpen, setDialogOpen] = useState(false);
  const matches = PATIENTS.filter((p) => p.name.toLowerCase().includes(query.trim().toLowerCase()));

  // Toasts as they look, held still: shown through the store, they would leave after a few seconds.
  useEffect(() => {
    useToasts.setState({
      toasts: [
        { id: -1, tone: 'info', text: t('toasts.info'), action: { label: t('toasts.undo'), run: () => undefined } },
        { id: -2, tone: 'error', text: t('toasts.error') },
      ],
    });
    return () => useToasts.setState({ toasts: [] });
  }, [t]);

  return (
    <main className="design-page">
      <header className="design-head">
        <h1>{t('title')}</h1>
        <p className="ui-hint">{t('intro')}</p>
        <ThemePicker />
      </header>

      <Sample id="type" title={t('type.title')}>
        <p className="design-type" data-size="title">
          {t('type.screenTitle')}
        </p>
        <p className="design-type" data-size="heading">
          {t('type.heading')}
        </p>
        <p className="design-type" data-size="body">
          {t('type.body')}
        </p>
        <p className="design-type ui-hint" data-size="hint">
          {t('type.hint')}
        </p>
        <p className="design-type" data-size="small">
          {t('type.small')}
        </p>
      </Sample>

      <Sample id="buttons" title={t('buttons.title')}>
        <div className="design-row">
          <Button variant="primary">{t('buttons.primary')}</Button>
          <Button>{t('buttons.secondary')}</Button>
          <Button variant="danger">{t('buttons.danger')}</Button>
          <Button variant="primary" disabled>
            {t('buttons.disabled')}
          </Button>
        </div>
      </Sample>

      <Sample id="fields" title={t('fields.title')}>
        <div className="ui-form">
          <Field label={t('fields.name')} defaultValue={NAMES_BY_SCRIPT.devanagari} />
          <Field label={t('fields.phone')} defaultValue="12345" hint={t('fields.phoneHint')} error={t('fields.phoneError')} />
          <SelectField label={t('fields.doctor')} defaultValue="rao">
            {DOCTORS.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
        </div>
      </Sample>

      <Sample id="banners" title={t('banners.title')}>
        <div className="design-stack">
          <Banner tone="error">{t('banners.error')}</Banner>
          <Banner tone="warning">{t('banners.warning')}</Banner>
          <Banner tone="info">{t('banners.info')}</Banner>
        </div>
      </Sample>

      <Sample id="status" title={t('status.title')}>
        <p className="ui-hint">{t('status.intro')}</p>
        <h3>{t('status.blocks')}</h3>
        <div className="design-row">
          {(['SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW', 'CANCELLED'] as const).map((status, i) => (
            <span key={status} className="appt" data-status={status}>
              {`${10 + i}:15 ${PATIENTS[i]!.name} · ${status === 'CHECKED_IN' ? t('status.checkedIn') : t(`common:status.${status}`)}`}
            </span>
          ))}
        </div>
        <h3>{t('status.chips')}</h3>
        <div className="design-row">
          {APPOINTMENT_STATUSES.map((status) => (
            <StatusChip key={status} status={status} />
          ))}
        </div>
        <h3>{t('status.money')}</h3>
        <div className="design-row">
          {(['PAID', 'PENDING', 'UNPAID'] as const).map((state) => (
            <MoneyBadge key={state} state={state} />
          ))}
        </div>
      </Sample>

      <Sample id="table" title={t('table.title')}>
        <Table
          label={t('table.label')}
          empty=""
          rows={PATIENTS}
          columns={[
            { header: t('table.name'), cell: (p) => p.name },
            { header: t('table.script'), cell: (p) => t(`script.${p.script}`) },
            { header: t('table.phone'), cell: (p) => p.phone },
          ]}
        />
      </Sample>

      <Sample id="tabs" title={t('tabs.title')}>
        <Tabs
          label={t('tabs.label')}
          tabs={[
            { id: 'today', label: t('tabs.today'), render: () => <p>{t('tabs.todayText')}</p> },
            { id: 'week', label: t('tabs.week'), render: () => <p>{t('tabs.weekText')}</p> },
          ]}
        />
      </Sample>

      <Sample id="combobox" title={t('combobox.title')}>
        <Combobox
          label={t('combobox.label')}
          showLabel
          listLabel={t('combobox.list')}
          hint={t('combobox.hint')}
          query={query}
          onQueryChange={setQuery}
          items={matches}
          keyOf={(p) => String(p.id)}
          render={(p) => p.name}
          onPick={(p) => setQuery(p.name)}
          empty={t('combobox.empty')}
        />
      </Sample>

      <Sample id="toasts" title={t('toasts.title')}>
        <Toasts />
      </Sample>

      <Sample id="dialog" title={t('dialog.title')}>
        <Button onClick={() => setDialogOpen(true)}>{t('dialog.open')}</Button>
        {dialogOpen && (
          <Dialog title={t('dialog.heading')} onClose={() => setDialogOpen(false)}>
            <p>{t('dialog.text')}</p>
            <div className="design-row">
              <Button variant="danger" onClick={() => setDialogOpen(false)}>
                {t('buttons.danger')}
              </Button>
              <Button onClick={() => setDialogOpen(false)}>{t('dialog.keep')}</Button>
            </div>
          </Dialog>
        )}
      </Sample>
    </main>
  );
}

function Sample({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="design-sample" data-sample={id} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
