import { useState, type FormEvent } from 'react';
import { clinic } from '../../api/clinic';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';

export function LoginScreen() {
  const setSession = useSession((s) => s.setSession);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await clinic.auth.login({ email, password });
    setBusy(false);
    if (r.ok) {
      setSession(r.value);
    } else {
      setProblem(r.error.message);
      setPassword('');
    }
  }

  return (
    <main className="ui-center">
      <form className="ui-card ui-form" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">Sign in to Clinic Desk</h1>
        {problem && <Banner tone="error">{problem}</Banner>}
        <Field label="Email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" autoFocus required />
        <Field label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        <Button variant="primary" type="submit" disabled={busy || !email || !password}>
          {busy ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </main>
  );
}
