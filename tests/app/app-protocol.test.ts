import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, createAppProtocolHandler, resolveAppFile } from '../../main/app/app-protocol';

let base: string;
let renderer: string;

beforeAll(() => {
  // base/renderer is served; base/secret.txt and base/renderer-evil/x.txt sit right beside it.
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-app-protocol-'));
  renderer = path.join(base, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(base, 'renderer-evil'));
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Clinic Desk</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(renderer, 'assets', 'chunk.mjs'), 'export {}');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(renderer, 'assets', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(renderer, 'assets', 'logo.PNG'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(renderer, 'assets', 'font.woff2'), 'wOF2');
  fs.writeFileSync(path.join(renderer, 'assets', 'pglite.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  fs.writeFileSync(path.join(renderer, 'assets', 'data.json'), '{}');
  fs.writeFileSync(path.join(renderer, 'favicon.ico'), 'ico');
  fs.writeFileSync(path.join(renderer, 'assets', 'blob.bin'), 'bin');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'patient list');
  fs.writeFileSync(path.join(base, 'renderer-evil', 'x.txt'), 'not served');
});

afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

describe('resolveAppFile', () => {
  it.each([
    ['app://clinic/index.html', 'index.html'],
    ['app://clinic/', 'index.html'],
    ['app://clinic/assets/app.js?v=3#x', 'assets/app.js'],
    ['app://clinic/assets/my%20file.js', 'assets/my file.js'],
    ['app://clinic/assets/../index.html', 'index.html'],
    ['app://clinic//assets//app.js', 'assets/app.js'],
  ])('maps %s inside the renderer folder', (url, relative) => {
    expect(resolveAppFile(renderer, url)).toBe(path.join(renderer, relative));
  });

  // The URL parser itself folds literal and %2e-encoded dot segments, and cannot climb above
  // the root: these land inside the renderer folder (where no such file exists), never beside it.
  it.each([
    ['app://clinic/../secret.txt', 'secret.txt'],
    ['app://clinic/../../../../etc/passwd', 'etc/passwd'],
    ['app://clinic/%2e%2e/secret.txt', 'secret.txt'],
    ['app://clinic/%2E%2E/secret.txt', 'secret.txt'],
    ['app://clinic/assets/.%2e/.%2e/secret.txt', 'secret.txt'],
  ])('keeps %s inside the renderer folder', (url, relative) => {
    expect(resolveAppFile(renderer, url)).toBe(path.join(renderer, relative));
  });

  it.each([
    'app://clinic/%2e%2e%2fsecret.txt',
    'app://clinic/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://clinic/..%2fsecret.txt',
    'app://clinic/..%2Frenderer-evil%2Fx.txt',
    'app://clinic/%2e%2e%2frenderer-evil/x.txt',
    'app://clinic/..%5csecret.txt',
    'app://clinic/assets%5C..%5C..%5Csecret.txt',
    'app://clinic/..\\secret.txt',
    'app://clinic/index.html%00.png',
    'app://clinic/%00',
    'app://clinic/%E0%A4%A', // malformed escape
    'app://other/index.html',
    'app://clinic.evil.example/index.html',
    'app://clinic:1234/index.html',
    'file:///etc/passwd',
    'https://clinic/index.html',
    'http://clinic/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(renderer, url)).toBeUndefined();
  });

  it('never yields a path outside the renderer folder, whatever the encoding', () => {
    const dots = ['..', '%2e%2e', '%2E%2e', '.%2e', '%2e.'];
    const seps = ['/', '%2f', '%2F', '%5c', '\\'];
    for (const d of dots) {
      for (const s of seps) {
        for (const url of [
          `app://clinic/${d}${s}secret.txt`,
          `app://clinic/assets/${d}${s}${d}${s}secret.txt`,
          `app://clinic/${d}${s}renderer-evil${s}x.txt`,
        ]) {
          const file = resolveAppFile(renderer, url);
          if (file !== undefined) expect(file.startsWith(renderer + path.sep), `${url} → ${file}`).toBe(true);
        }
      }
    }
  });
});

describe('createAppProtocolHandler', () => {
  const get = (url: string) => createAppProtocolHandler(renderer)(new Request(url));

  it('serves index.html with the CSP and nosniff headers', async () => {
    const res = await get(`${APP_ORIGIN}/index.html`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<!doctype html><title>Clinic Desk</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    const directives = new Map(
      csp!.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/(^|[\s;])\*(\s|;|$)/); // no bare wildcard source
  });

  it('serves / as index.html', async () => {
    const res = await get(`${APP_ORIGIN}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Clinic Desk');
  });

  it.each([
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/chunk.mjs', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/logo.PNG', 'image/png'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/pglite.wasm', 'application/wasm'],
    ['assets/data.json', 'application/json'],
    ['favicon.ico', 'image/x-icon'],
    ['assets/blob.bin', 'application/octet-stream'],
  ])('serves %s as %s, with the CSP', async (file, mime) => {
    const res = await get(`${APP_ORIGIN}/${file}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(mime);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(fs.readFileSync(path.join(renderer, file)));
  });

  it.each([
    `${APP_ORIGIN}/missing.js`,
    `${APP_ORIGIN}/assets`, // a folder, not a file
    `${APP_ORIGIN}/../secret.txt`,
    `${APP_ORIGIN}/%2e%2e/secret.txt`,
    `${APP_ORIGIN}/%2e%2e%2fsecret.txt`,
    `${APP_ORIGIN}/..%5csecret.txt`,
    `${APP_ORIGIN}/%2e%2e%2frenderer-evil%2fx.txt`,
    `${APP_ORIGIN}/index.html%00`,
    'app://other/index.html',
  ])('answers 404 for %s, never the file', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toContain('patient list');
    expect(body).not.toContain('not served');
  });
});
