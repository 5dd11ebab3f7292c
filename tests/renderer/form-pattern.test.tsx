import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallError, Req } from '../../preload/contract';
import { Button } from '../../renderer/ui/Button';
import { FormField } from '../../renderer/ui/Field';
import { applyRefusal } from '../../renderer/ui/form/apply-refusal';
import { FormProblem } from '../../renderer/ui/form/FormProblem';
import { useContractForm } from '../../renderer/ui/form/use-contract-form';

afterEach(() => cleanup());

/** A small patient form on the pattern; `main` answers each request it is sent. */
function NewPatient({ main }: { main(request: Req<'patients.create'>): CallError | null }) {
  const form = useContractForm('patients.create', { name: '', phone: null, dateOfBirth: null });
  const submit = form.handleSubmit(async (request) => {
    await Promise.resolve();
    const error = main(request);
    if (error) applyRefusal(form, error);
  });
  return (
    <form onSubmit={submit} noValidate aria-label="New patient">
      <FormProblem form={form} />
      <FormField form={form} name="name" label="Full name" />
      <FormField form={form} name="phone" emptyIsNull label="Phone" type="tel" />
      <FormField form={form} name="dateOfBirth" emptyIsNull label="Date of birth" />
      <Button type="submit">Register</Button>
    </form>
  );
}

function setUp(reply: CallError | null) {
  const sent: Req<'patients.create'>[] = [];
  const user = userEvent.setup();
  render(<NewPatient main={(r) => (sent.push(r), reply)} />);
  return { sent, user };
}

describe('the form pattern', () => {
  it('checks the request against the contract schema first: its message at its field, nothing sent', async () => {
    const { sent, user } = setUp(null);
    await user.type(screen.getByLabelText('Full name'), 'Asha Verma');
    await user.type(screen.getByLabelText('Date of birth'), '20/01/2024');
    await user.click(screen.getByRole('button', { name: 'Register' }));
    const message = await screen.findByText('Use a date such as 2024-01-20');
    const field = screen.getByLabelText('Date of birth');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(message.id);
    expect(document.activeElement).toBe(field);
    expect(sent).toEqual([]);
  });

  it('sends the request as the contract types it: an empty optional field is null', async () => {
    const { sent, user } = setUp(null);
    await user.type(screen.getByLabelText('Full name'), 'Asha Verma');
    await user.click(screen.getByRole('button', { name: 'Register' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'Asha Verma', phone: null, dateOfBirth: null }]));
  });

  it('puts a refusal about one of its fields on that field, and focuses it', async () => {
    const { user } = setUp({ code: 'INVALID', field: 'phone', message: 'That is not a phone number' });
    await user.type(screen.getByLabelText('Full name'), 'Asha Verma');
    await user.type(screen.getByLabelText('Phone'), '12');
    await user.click(screen.getByRole('button', { name: 'Register' }));
    const message = await screen.findByText('That is not a phone number');
    const phone = screen.getByLabelText('Phone');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(phone.getAttribute('aria-describedby')).toContain(message.id);
    await waitFor(() => expect(document.activeElement).toBe(phone));
    expect(screen.getByLabelText('Full name').getAttribute('aria-invalid')).toBeNull();
    // What was typed stays for the next try.
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Asha Verma');
  });

  it('puts a refusal about a part of a field (as main words a list entry) on that field', async () => {
    const { user } = setUp({ code: 'INVALID', field: 'dateOfBirth.year', message: 'No one on file was born then' });
    await user.type(screen.getByLabelText('Full name'), 'Asha Verma');
    await user.type(screen.getByLabelText('Date of birth'), '1890-01-20');
    await user.click(screen.getByRole('button', { name: 'Register' }));
    const message = await screen.findByText('No one on file was born then');
    const born = screen.getByLabelText('Date of birth');
    expect(born.getAttribute('aria-describedby')).toContain(message.id);
    await waitFor(() => expect(document.activeElement).toBe(born));
  });

  it.each([
    ['a field the form does not have', { code: 'NOT_FOUND', field: 'id', message: 'That patient no longer exists' }],
    ['no field at all', { code: 'UNAVAILABLE', message: 'The clinic database cannot be reached.' }],
  ] as const)('shows a refusal about %s for the whole form, never losing focus to the body', async (_, error) => {
    const { user } = setUp(error);
    await user.type(screen.getByLabelText('Full name'), 'Asha Verma');
    await user.click(screen.getByRole('button', { name: 'Register' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(error.message);
    for (const label of ['Full name', 'Phone', 'Date of birth']) expect(screen.getByLabelText(label).getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).not.toBe(document.body);
  });
});
