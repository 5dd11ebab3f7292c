import { useState } from 'react';
import { clinic } from '../../api/clinic';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';

type Link = { link: string; message: string; expiresAt: string };

/** The patient's join link (it opens the call around the appointment's time), to copy, paste into an SMS or print. */
export function PatientLink({ appointmentId }: { appointmentId: number }) {
  const [link, setLink] = useState<Link>();
  const [problem, setProblem] = useState<string>();
  const [copied, setCopied] = useState<string>();

  const fetchLink = async () => {
    setProblem(undefined);
    const r = await clinic.video.patientLink({ appointmentId });
    if (r.ok) setLink(r.value);
    else setProblem(r.error.message);
  };
  const copy = (what: 'link' | 'message') => {
    if (!link) return;
    navigator.clipboard.writeText(what === 'link' ? link.link : link.message).then(
      () => setCopied(what === 'link' ? 'Link copied.' : 'Message copied.'),
      () => setProblem('This window may not use the clipboard: select the text and copy it by hand.'),
    );
  };

  return (
    <section className="call-link" aria-label="Patient’s join link">
      {!link && <Button onClick={() => void fetchLink()}>Get the patient’s join link</Button>}
      {problem && <Banner tone="error">{problem}</Banner>}
      {link && (
        <>
          <label className="ui-field">
            Message for the patient
            <textarea className="call-link-print" readOnly rows={4} value={link.message} />
          </label>
          <div className="call-controls">
            <Button onClick={() => copy('link')}>Copy link</Button>
            <Button onClick={() => copy('message')}>Copy message</Button>
            <Button onClick={() => window.print()}>Print</Button>
            <Button onClick={() => void fetchLink()}>New link</Button>
          </div>
          <p className="ui-hint">A new link replaces this one: only the newest works.</p>
          {copied && <p role="status">{copied}</p>}
        </>
      )}
    </section>
  );
}
