/**
 * The refusal of an amount above what is due. Plain text with no imports: the renderer tests'
 * fake desk answers with the very same words main does.
 */
export function overDueMessage(due: string, currency: string): string {
  return /^0+(\.0+)?$/.test(due)
    ? 'Nothing is due for this visit (it is paid, or a payment is pending confirmation). To keep money on account, mark it as an advance and say why.'
    : `Only ${currency} ${due} is due for this visit. To take more, mark it as an advance and say why.`;
}
