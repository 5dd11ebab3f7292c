import { useEffect, useState } from 'react';
import type { Res } from '../../preload/contract';
import { clinic } from '../api/clinic';

type Info = Res<'app.info'>;

export function App() {
  const [info, setInfo] = useState<Info>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    clinic.app.info({}).then((r) => (r.ok ? setInfo(r.value) : setError(r.error.message)));
  }, []);

  return (
    <main aria-labelledby="title">
      <h1 id="title">Clinic Desk</h1>
      {error && <p role="alert">{error}</p>}
      {info && (
        <p>
          Version {info.version}, {info.databaseMode === 'embedded' ? 'this PC’s own database' : 'the clinic server'}
        </p>
      )}
    </main>
  );
}
