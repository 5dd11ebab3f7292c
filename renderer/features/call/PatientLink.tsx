import { useState } from 'react';
import { clinic } from '../../api/clinic';
import { useT } from '../../i18n/use-t';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';

type Link = { link: string; message: string; expiresAt: string };

/** The patient's join link (it opens the call around the appointment's time), to copy, paste into an SMS or print. */
export function PatientLink({ appointmentId }: { appointmentId: number }) {
  const { t } = useT('call');
  const [link, setLink] = useState<Link>();
  const [problem, setProblem] = useState<string>();
  const [copied, setCopied] = useState<'link' | 'message'>();

  const fetchLink = async () => {
    setProblem(undefined);
    const r = await clinic.video.patientLink({ appointmentId });
    if (r.ok) setLink(r.value);
    else setProblem(r.error.message);
  };
  const copy = (what: 'link' | 'message') => {
    if (!link) return;
    navigator.clipboard.writeText(what === 'link' ? link.link : link.message).then(
      () => setCopied(what),
      () => setProblem(t('link.noClipboard')),
    );
  };

  return (
    <section className="call-link" aria-label={t('link.label')}>
      {!link && <Button onClick={() => void fetchLink()}>{t('link.get')}</Button>}
      {problem && <Banner tone="error">{problem}</Banner>}
      {link && (
        <>
          <label className="ui-field">
            {t('link.message')}
            <textarea className="call-link-print" readOnly rows={4} value={link.message} />
          </label>
          <div className="call-controls">
            <Button onClick={() => copy('link')}>{t('link.copyLink')}</Button>
            <Button onClick={() => copy('message')}>{t('link.copyMessage')}</Button>
            <Button onClick={() => window.print()}>{t('link.print')}</Button>
            <Button onClick={() => void fetchLink()}>{t('link.newLink')}</Button>
          </div>
          <p className="ui-hint">{t('link.onlyNewest')}</p>
          {copied && <p role="status">{copied === 'link' ? t('link.linkCopied') : t('link.messageCopied')}</p>}
        </>
      )}
    </section>
  );
}
