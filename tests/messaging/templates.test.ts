import { describe, expect, it } from 'vitest';
import { composeMessage } from '../../main/messaging/compose';
import { countSegments } from '../../main/messaging/segments';
import { checkTemplate, formatWhen } from '../../main/messaging/templates';

describe('templates', () => {
  it.each([
    ['{patient} {doctor} {date} {time} {clinic} {link} {token}', undefined],
    ['Hello {name}', '{name} is not a template variable; use {patient} {doctor} {date} {time} {clinic} {link} {token}'],
    ['Hello {Patient}', '{Patient} is not a template variable; use {patient} {doctor} {date} {time} {clinic} {link} {token}'],
    ['Hello {}', '{} is not a template variable; use {patient} {doctor} {date} {time} {clinic} {link} {token}'],
    ['Hello {patient', 'A "{" in the template opens or closes no variable'],
    ['Hello patient}', 'A "}" in the template opens or closes no variable'],
    ['{{patient}}', 'A "{" in the template opens or closes no variable'],
    ['   ', 'The template is empty'],
  ])('%j is %s', (body, refusal) => {
    if (refusal === undefined) expect(() => checkTemplate(body)).not.toThrow();
    else expect(() => checkTemplate(body)).toThrow(refusal);
  });

  it('fills every variable from the appointment, in the patient’s language', () => {
    const row = {
      kind: 'REMINDER' as const,
      language: 'en',
      noticeText: null,
      link: null,
      appointmentDate: '2026-12-05',
      startTime: '14:30:00',
      tokenNo: 7,
      patientName: 'Asha',
      doctorName: 'Dr. Rao',
    };
    const out = composeMessage(
      row,
      { subject: '{clinic}', body: '{patient}|{doctor}|{date}|{time}|{clinic}|{link}|{token}' },
      { name: 'Sunrise', rebookLink: 'https://x.example/rebook' },
    );
    expect(out.body).toBe('Asha|Dr. Rao|Sat, 5 Dec, 2026|2:30 pm|Sunrise|https://x.example/rebook|7');
    expect(out.subject).toBe('Sunrise');
    expect(out.contentVariables).toEqual({
      '1': 'Asha',
      '2': 'Dr. Rao',
      '3': 'Sat, 5 Dec, 2026',
      '4': '2:30 pm',
      '5': 'Sunrise',
      '6': 'https://x.example/rebook',
      '7': '7',
    });
    // A notice carries the desk's own text; a video link its own link.
    expect(
      composeMessage(
        { ...row, noticeText: 'Running late, {patient}', link: 'https://v.example/j' },
        { subject: null, body: 'x {link}' },
        { name: 'S', rebookLink: null },
      ).body,
    ).toBe('Running late, Asha');
    expect(composeMessage({ ...row, link: 'https://v.example/j' }, { subject: null, body: '{link}' }, { name: 'S', rebookLink: 'https://r' }).body).toBe(
      'https://v.example/j',
    );
  });

  it('writes the date and time in Hindi for a Hindi reader', () => {
    expect(formatWhen('2026-12-05', '09:05:00', 'hi')).toEqual({ date: 'शनि, 5 दिस॰ 2026', time: '9:05 am' });
  });
});

describe('SMS segments', () => {
  it.each([
    ['', 'GSM-7', 0, 0],
    ['a'.repeat(160), 'GSM-7', 160, 1],
    ['a'.repeat(161), 'GSM-7', 161, 2],
    ['a'.repeat(306), 'GSM-7', 306, 2],
    ['a'.repeat(307), 'GSM-7', 307, 3],
    // Extension characters take an escape septet each.
    ['€'.repeat(80), 'GSM-7', 160, 1],
    ['€'.repeat(81), 'GSM-7', 162, 2],
    ['Café £5 @ 10:00', 'GSM-7', 15, 1],
    ['न'.repeat(70), 'UCS-2', 70, 1],
    ['न'.repeat(71), 'UCS-2', 71, 2],
    ['न'.repeat(134), 'UCS-2', 134, 2],
    ['न'.repeat(135), 'UCS-2', 135, 3],
    // One character outside GSM-7 makes the whole text UCS-2.
    ['a'.repeat(69) + '✓', 'UCS-2', 70, 1],
    ['a'.repeat(70) + '✓', 'UCS-2', 71, 2],
  ])('%#: %s chars', (text, encoding, units, segments) => {
    expect(countSegments(text)).toEqual({ encoding, units, segments });
  });
});
