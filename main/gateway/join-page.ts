import type { JoinLookup, JoinView } from '../video/patient-join';

export type JoinLang = 'en' | 'hi';

const STRINGS = {
  en: {
    title: 'Video consultation',
    hello: (v: JoinView) => `Hello ${v.firstName}`,
    when: (v: JoinView) => `Your video consultation with ${v.doctorName} is on ${v.date} at ${v.startTime}.`,
    before: (v: JoinView) => `This link opens at ${v.opensAtClinic}. Please come back then.`,
    after: 'The time for this consultation has passed. Please contact the clinic if you still need to see the doctor.',
    unconfigured: 'The clinic cannot start video calls right now. Please contact the clinic.',
    unpaid: 'Please pay the consultation fee first. This page lets you join once the payment has reached the clinic.',
    pay: 'Pay now',
    noLink: 'Please contact the clinic for a payment link.',
    ready: (v: JoinView) => `You can join now. ${v.doctorName} will join you shortly.`,
    unknown: 'This link does not work. It may have been replaced by a newer one: please ask the clinic for a new link.',
    other: 'हिन्दी में देखें',
  },
  hi: {
    title: 'वीडियो परामर्श',
    hello: (v: JoinView) => `नमस्ते ${v.firstName}`,
    when: (v: JoinView) => `${v.doctorName} के साथ आपका वीडियो परामर्श ${v.date} को ${v.startTime} बजे है।`,
    before: (v: JoinView) => `यह लिंक ${v.opensAtClinic} पर खुलेगा। कृपया तब वापस आएँ।`,
    after: 'इस परामर्श का समय निकल चुका है। अगर आपको अभी भी डॉक्टर से मिलना है तो कृपया क्लिनिक से संपर्क करें।',
    unconfigured: 'क्लिनिक अभी वीडियो कॉल शुरू नहीं कर सकता। कृपया क्लिनिक से संपर्क करें।',
    unpaid: 'कृपया पहले परामर्श शुल्क का भुगतान करें। भुगतान क्लिनिक तक पहुँचते ही आप इस पेज से जुड़ सकेंगे।',
    pay: 'अभी भुगतान करें',
    noLink: 'भुगतान लिंक के लिए कृपया क्लिनिक से संपर्क करें।',
    ready: (v: JoinView) => `आप अभी जुड़ सकते हैं। ${v.doctorName} जल्द ही आपसे जुड़ेंगे।`,
    unknown: 'यह लिंक काम नहीं करता। हो सकता है इसकी जगह नया लिंक भेजा गया हो: कृपया क्लिनिक से नया लिंक माँगें।',
    other: 'View in English',
  },
} as const;

/** Hindi when asked for (?lang=hi, or the browser prefers it), English otherwise. */
export function joinLang(query: URLSearchParams, acceptLanguage: string | undefined): JoinLang {
  const asked = query.get('lang');
  if (asked === 'hi' || asked === 'en') return asked;
  return /^\s*hi\b/i.test(acceptLanguage ?? '') ? 'hi' : 'en';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The join page as the gateway renders it: every state but the call itself needs no script. */
export function renderJoinPage(lookup: JoinLookup, lang: JoinLang, path: string): string {
  const t = STRINGS[lang];
  const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
  let body: string;
  if (lookup.place === 'unknown') {
    body = p(t.unknown);
  } else {
    const v = lookup.view;
    const state = {
      before: p(t.before(v)),
      after: p(t.after),
      unconfigured: p(t.unconfigured),
      unpaid:
        p(t.unpaid) +
        (lookup.place === 'unpaid' && lookup.payUrl && /^https:\/\//.test(lookup.payUrl)
          ? `<p><a href="${escapeHtml(lookup.payUrl)}" rel="noopener noreferrer">${escapeHtml(t.pay)}</a></p>`
          : p(t.noLink)),
      // The in-browser call (device preview, lobby, call) mounts here: see README, "the gateway".
      inside: `${p(t.ready(v))}<div id="join-app" data-lang="${lang}"></div>`,
    }[lookup.place];
    body = `<h2>${escapeHtml(t.hello(v))}</h2>${p(t.when(v))}<section data-state="${lookup.place}">${state}</section>`;
  }
  const other = lang === 'hi' ? 'en' : 'hi';
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(t.title)}</title><link rel="stylesheet" href="/join/assets/join.css"></head>` +
    `<body><main><h1>${escapeHtml(t.title)}</h1>${body}<p><a href="${escapeHtml(path)}?lang=${other}" lang="${other}">${escapeHtml(t.other)}</a></p></main></body></html>`
  );
}

/** Mobile first: one column, large targets, readable at 360 px; high contrast. */
export const JOIN_CSS = `
*{box-sizing:border-box}body{margin:0;font:18px/1.5 system-ui,"Noto Sans","Noto Sans Devanagari",sans-serif;color:#1a1a1a;background:#f6f7f9}
main{max-width:40rem;margin:0 auto;padding:1.25rem}h1{font-size:1.4rem;margin:0 0 1rem}h2{font-size:1.2rem}
section{background:#fff;border:1px solid #c9ced6;border-radius:.5rem;padding:1rem;margin:1rem 0}
a{color:#0b5cad}@media (min-width:48rem){body{font-size:17px}main{padding:2.5rem}}
`;
