import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_HEADERS } from '../../main/gateway/headers';
import { renderJoinPage } from '../../main/gateway/join-page';
import { joinGateway, joinRouteOf } from '../../main/gateway/join-routes';
import type { JoinView, PatientJoin } from '../../main/video/patient-join';

const VIEW: JoinView = {
  firstName: 'Ravi',
  doctorName: 'Dr. "Asha" <Rao>',
  date: '2098-03-10',
  startTime: '10:30',
  opensAt: '2098-03-10T04:45:00.000Z',
  closesAt: '2098-03-10T05:45:00.000Z',
  opensAtClinic: '2098-03-10 10:15',
  ahead: 0,
};

describe('the join page mounts the call page', () => {
  it('inside the window only, with the doctor’s name escaped, and only when the call page is built', () => {
    const inside = renderJoinPage({ place: 'inside', view: VIEW }, 'hi', '/join/x', true);
    expect(inside).toContain('<div id="join-app" data-lang="hi" data-doctor="Dr. &quot;Asha&quot; &lt;Rao&gt;"></div>');
    expect(inside).toContain('<script type="module" src="/join/assets/join.js"></script>');
    expect(renderJoinPage({ place: 'inside', view: VIEW }, 'en', '/join/x', false)).not.toContain('<script');
    for (const place of ['before', 'after', 'unconfigured'] as const) {
      expect(renderJoinPage({ place, view: VIEW }, 'en', '/join/x', true), place).not.toContain('<script');
    }
    expect(renderJoinPage({ place: 'unpaid', view: VIEW, payUrl: 'https://rzp.io/l/x' }, 'en', '/join/x', true)).not.toContain('<script');
  });

  it('names only the call page’s own script files as routes, never a path', () => {
    expect(joinRouteOf('/join/assets/join.js')).toEqual({ kind: 'script', file: 'join.js' });
    expect(joinRouteOf('/join/assets/join-twilio-vendor-C_JUHvH-.js')).toEqual({ kind: 'script', file: 'join-twilio-vendor-C_JUHvH-.js' });
    for (const url of [
      '/join/assets/other.js',
      '/join/assets/join.js.map',
      '/join/assets/..%2Fjoin.js',
      '/join/assets/%2E%2E/join.js',
      '/join/assets/x/join.js',
    ]) {
      expect(joinRouteOf(url)?.kind, url).not.toBe('script');
    }
  });
});

describe('the gateway serves the built call page', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'join-page-'));
  let server: http.Server;
  let base = '';

  beforeAll(async () => {
    fs.writeFileSync(path.join(dir, 'join.js'), 'import("./join-twilio-vendor-abc.js");');
    fs.writeFileSync(path.join(dir, 'join-twilio-vendor-abc.js'), 'export const twilioVendor = {};');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for patients');
    // The script routes touch no database: a patient join that is never asked anything.
    const serve = joinGateway({ patientJoin: {} as PatientJoin, callPageDir: dir, log: () => undefined });
    server = http.createServer((req, res) => {
      const route = joinRouteOf(req.url);
      if (route) return void serve(req, res, route);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('as JavaScript under the gateway’s headers; a chunk that is not there is a 404', async () => {
    for (const file of ['join.js', 'join-twilio-vendor-abc.js']) {
      const res = await fetch(`${base}/join/assets/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      for (const [name, value] of Object.entries(GATEWAY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
      expect(await res.text()).toBe(fs.readFileSync(path.join(dir, file), 'utf8'));
    }
    expect((await fetch(`${base}/join/assets/join-missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/join/assets/secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/join/assets/join.js`, { method: 'POST' })).status).toBe(405);
  });
});
