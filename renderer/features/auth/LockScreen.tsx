import { useState, type FormEvent } from 'react';
import { clinic } from '../../api/clinic';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';

/**
 * Covers the whole window while the session is locked. What is underneath stays mounted (so
 * nothing typed is lost) but hidden from sight and from assistive technology.
 */
export function LockScreen() {
  const { session, setSession } = useSession();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await clinic.auth.unlock({ password });
    setPassword('');
    if (r.ok) setSession(r.value);
    else setProblem(r.error.message);
  }

  async function signOut() {
    await clinic.auth.logout({});
    setSession(null);
  }

  return (
    <div className="lock-overlay">
      <main className="ui-center">
        <form className="ui-card ui-form" onSubmit={submit} aria-labelledby="lock-title" noValidate>
          <h1 id="lock-title">Clinic Desk is locked</h1>
          <p className="ui-hint">Signed in as {session?.displayName || session?.email}. Enter your password to continue.</p>
          {problem && <Banner tone="error">{problem}</Banner>}
          <Field label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" autoFocus />
          <Button variant="primary" type="submit" disabled={!password}>
            Unlock
          </Button>
          <Button onClick={signOut}>Sign out</Button>
        </form>
      </main>
    </div>
  );
}
