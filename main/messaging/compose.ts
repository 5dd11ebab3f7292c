import { formatWhen, renderTemplate, TEMPLATE_VARIABLES, type TemplateValues } from './templates';
import type { OutboxRow, Template } from './repo';

export type ComposeInput = Pick<
  OutboxRow,
  'kind' | 'language' | 'noticeText' | 'link' | 'appointmentDate' | 'startTime' | 'tokenNo' | 'patientName' | 'doctorName'
>;

/**
 * A message's text from its template and the appointment. The desk's text of a notice is the
 * whole message; on a cancellation it is the reason, told after the template so the patient
 * reads the cancellation in their own language whatever language the desk wrote the reason in.
 * WhatsApp content templates take numbered variables: {{1}} is {patient}, {{2}} {doctor}, and so
 * on in TEMPLATE_VARIABLES' order.
 */
export function composeMessage(
  row: ComposeInput,
  template: Pick<Template, 'subject' | 'body'>,
  clinic: { name: string; rebookLink: string | null },
): { subject: string | null; body: string; contentVariables: Record<string, string> } {
  const when = row.appointmentDate && row.startTime ? formatWhen(row.appointmentDate, row.startTime, row.language) : { date: '', time: '' };
  const values: TemplateValues = {
    patient: row.patientName,
    doctor: row.doctorName ?? '',
    date: when.date,
    time: when.time,
    clinic: clinic.name,
    link: row.link ?? clinic.rebookLink ?? '',
    token: row.tokenNo === null ? '' : String(row.tokenNo),
  };
  return {
    subject: template.subject === null ? null : renderTemplate(template.subject, values),
    body: bodyOf(row, template.body, values),
    contentVariables: Object.fromEntries(TEMPLATE_VARIABLES.map((v, i) => [String(i + 1), values[v]])),
  };
}

function bodyOf(row: ComposeInput, templateBody: string, values: TemplateValues): string {
  if (row.noticeText === null) return renderTemplate(templateBody, values);
  if (row.kind === 'CANCELLED') return `${renderTemplate(templateBody, values)}\n${renderTemplate(row.noticeText, values)}`;
  return renderTemplate(row.noticeText, values);
}
