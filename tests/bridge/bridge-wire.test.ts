import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bridge } from '../../main/bridge/server';
import { startTestBridge } from '../support/test-bridge';

const CLIENT = 'w'.repeat(24);
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * The bridge as a browser or a script meets it, request by request: each route's status, its
 * refusal's words and the headers every JSON answer carries. Plain `http` rather than fetch, so a
 * test can send the Host and Origin a hostile page would.
 */
describe('the bridge on the wire', () => {
  let bridge: Bridge;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ bridge, dispose } = await startTestBridge());
  });
  afterAll(() => dispose());

  const send = (method: string, path: string, headers: http.OutgoingHttpHeaders = {}, body?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: bridge.port, method, path, headers: { Host: `127.0.0.1:${bridge.port}`, ...headers } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const api = (method: string, path: string, headers: http.OutgoingHttpHeaders = {}, body?: string) =>
    send(method, path, { Authorization: `Bearer ${bridge.token}`, 'X-Clinic-Client': CLIENT, ...headers }, body);

  it('answers a call as JSON that is neither cached nor sniffed', async () => {
    const answer = await api('POST', '/api/call/app.info', {}, '{}');
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject(JSON_HEADERS);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { version: '9.9.9' } });
    // An empty body is a call without a payload, for the contract to judge, not malformed JSON.
    expect(JSON.parse((await api('POST', '/api/call/app.info')).body)).toEqual({
      ok: false,
      error: { code: 'INVALID', message: 'Invalid input: expected object, received undefined' },
    });
  });

  it('lets the bridge’s own address in by either name, as Host and as Origin', async () => {
    for (const name of ['127.0.0.1', 'localhost']) {
      const answer = await api('POST', '/api/call/app.info', { Host: `${name}:${bridge.port}`, Origin: `http://${name}:${bridge.port}` }, '{}');
      expect(answer.status, name).toBe(200);
    }
  });

  // Each refusal: the request, its status, and its words; a hand-written list, not the server's own table.
  const refusals: [string, () => Promise<Answer>, number, string][] = [
    ['a foreign Host', () => api('POST', '/api/call/app.info', { Host: 'evil.example' }, '{}'), 403, 'Unknown host'],
    ['the right host on another port', () => api('POST', '/api/call/app.info', { Host: '127.0.0.1:1' }, '{}'), 403, 'Unknown host'],
    [
      'an https Origin of the same address',
      () => api('POST', '/api/call/app.info', { Origin: `https://127.0.0.1:${bridge.port}` }, '{}'),
      403,
      'Cross-origin request refused',
    ],
    ['a foreign Origin', () => api('POST', '/api/call/app.info', { Origin: 'http://evil.example' }, '{}'), 403, 'Cross-origin request refused'],
    [
      'an Origin of the bridge’s address with a scheme inside it',
      () => api('POST', '/api/call/app.info', { Origin: `127.0.0.1:http://${bridge.port}` }, '{}'),
      403,
      'Cross-origin request refused',
    ],
    ['no token', () => send('POST', '/api/call/app.info', { 'X-Clinic-Client': CLIENT }, '{}'), 401, 'Missing or wrong bridge token'],
    [
      'the token after another scheme than Bearer',
      () => send('POST', '/api/call/app.info', { Authorization: `Basic Bearer ${bridge.token}`, 'X-Clinic-Client': CLIENT }, '{}'),
      401,
      'Missing or wrong bridge token',
    ],
    ['no client id', () => send('POST', '/api/call/app.info', { Authorization: `Bearer ${bridge.token}` }, '{}'), 400, 'Missing or malformed client id'],
    [
      'a client id with a slash',
      () => api('POST', '/api/call/app.info', { 'X-Clinic-Client': `${'x'.repeat(20)}/..` }, '{}'),
      400,
      'Missing or malformed client id',
    ],
    ['a call by GET', () => api('GET', '/api/call/app.info'), 404, 'No such API'],
    ['the event stream by POST', () => api('POST', '/api/events', {}, '{}'), 404, 'No such API'],
    ['a download by POST', () => api('POST', '/api/download/abc', {}, '{}'), 404, 'No such API'],
    ['a download nobody made', () => api('GET', '/api/download/abc'), 404, 'No such download'],
    ['a display stream without a valid ticket', () => api('GET', '/api/events?display=nope'), 401, 'Not a valid display ticket'],
    ['a display stream by POST', () => api('POST', '/api/events?display=nope', {}, '{}'), 404, 'No such API'],
    ['a download with a display ticket', () => api('GET', '/api/download/abc?display=nope'), 404, 'No such download'],
    ['the event stream before signing in', () => api('GET', '/api/events'), 403, 'Sign in before opening the event stream'],
    ['an unknown API', () => api('GET', '/api/nothing'), 404, 'No such API'],
    ['a page by POST', () => send('POST', '/', {}, 'x'), 405, 'Method not allowed'],
    ['a page by DELETE', () => send('DELETE', '/index.html'), 405, 'Method not allowed'],
  ];
  it.each(refusals)('refuses %s', async (_what, request, status, words) => {
    const answer = await request();
    expect(answer.status).toBe(status);
    expect(answer.headers).toMatchObject(JSON_HEADERS);
    expect(JSON.parse(answer.body)).toEqual({ error: words });
  });

  it('says why a call’s body is refused: too large (and the connection is closed), or not JSON', async () => {
    const large = await api('POST', '/api/call/app.info', {}, JSON.stringify({ pad: 'p'.repeat(1_100_000) }));
    expect(large.status).toBe(413);
    expect(large.headers.connection).toBe('close');
    expect(JSON.parse(large.body)).toEqual({ error: 'Request too large' });
    const malformed = await api('POST', '/api/call/app.info', {}, '{not json');
    expect(JSON.parse(malformed.body)).toEqual({ ok: false, error: { code: 'INVALID', message: 'The request is not valid JSON' } });
  });

  it('serves pages to GET and HEAD (HEAD without the body), and says when one is missing', async () => {
    const page = await send('GET', '/index.html');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Clinic Desk</title>');
    const head = await send('HEAD', '/index.html');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe(page.headers['content-type']);
    expect(head.body).toBe('');
    const missing = await send('GET', '/nothing-here.js');
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('Not found');
  });
});
