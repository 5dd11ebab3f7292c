import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallError } from '../../preload/contract';
import { Button } from '../../renderer/ui/Button';
import { Combobox } from '../../renderer/ui/Combobox';
import { Dialog } from '../../renderer/ui/Dialog';
import { FormField } from '../../renderer/ui/Field';
import { applyRefusal } from '../../renderer/ui/form/apply-refusal';
import { FormProblem } from '../../renderer/ui/form/FormProblem';
import { useContractForm } from '../../renderer/ui/form/use-contract-form';

afterEach(() => cleanup());

/** A dialog holding a sign-in form whose submit main answers with `reply` (null: accepted). */
function Harness({ reply }: { reply: () => CallError | null }) {
  const [open, setOpen] = useState(false);
  return (
    <main>
      <Button onClick={() => setOpen(true)}>Open the form</Button>
      {open && (
        <Dialog title="Sign in again" onClose={() => setOpen(false)}>
          <SignIn reply={reply} onDone={() => setOpen(false)} />
        </Dialog>
      )}
    </main>
  );
}

function SignIn({ reply, onDone }: { reply: () => CallError | null; onDone(): void }) {
  const form = useContractForm('auth.login', { email: '', password: '' });
  const submit = form.handleSubmit(async () => {
    await Promise.resolve();
    const error = reply();
    if (error) applyRefusal(form, error);
    else onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <FormProblem form={form} />
      <FormField form={form} name="email" label="Email" type="email" autoFocus />
      <FormField form={form} name="password" label="Password" type="password" />
      <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
        Sign in
      </Button>
    </form>
  );
}

async function openForm(reply: () => CallError | null) {
  const user = userEvent.setup();
  render(<Harness reply={reply} />);
  const opener = screen.getByRole('button', { name: 'Open the form' });
  await user.click(opener);
  const dialog = await screen.findByRole('dialog', { name: 'Sign in again' });
  return { user, opener, dialog };
}

async function fillAndSubmit(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement) {
  await user.type(within(dialog).getByLabelText('Email'), 'meera@sunrise.test');
  await user.type(within(dialog).getByLabelText('Password'), 'wrong one');
  await user.click(within(dialog).getByRole('button', { name: 'Sign in' }));
}

describe('dialog focus', () => {
  it('opens on its first field and gives focus back to the opener when Esc closes it', async () => {
    const { user, opener, dialog } = await openForm(() => null);
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Email'));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('gives focus back to the opener after a submit that closes it, never to the page body', async () => {
    const { user, opener, dialog } = await openForm(() => null);
    await fillAndSubmit(user, dialog);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('after a refusal for the whole form: focus stays in the dialog, Tab wraps inside it and Esc still closes', async () => {
    const { user, opener, dialog } = await openForm(() => ({ code: 'UNAVAILABLE', message: 'The clinic database cannot be reached.' }));
    await fillAndSubmit(user, dialog);
    expect(await within(dialog).findByText('The clinic database cannot be reached.')).toBeTruthy();
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Sign in' }).hasAttribute('disabled')).toBe(false));
    expect(document.activeElement).not.toBe(document.body);
    expect(dialog.contains(document.activeElement)).toBe(true);

    // Round the whole dialog and back: Tab never leaves it.
    const close = within(dialog).getByRole('button', { name: 'Close' });
    const submit = within(dialog).getByRole('button', { name: 'Sign in' });
    close.focus();
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(submit);
    await user.tab();
    expect(document.activeElement).toBe(close);
    for (let i = 0; i < 6; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('after a refusal about a field: the message is on that field and the field has focus', async () => {
    const { user, dialog } = await openForm(() => ({ code: 'INVALID', field: 'password', message: 'That password is not right.' }));
    await fillAndSubmit(user, dialog);
    const error = await within(dialog).findByText('That password is not right.');
    const password = within(dialog).getByLabelText('Password');
    await waitFor(() => expect(document.activeElement).toBe(password));
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toContain(error.id);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

describe('combobox', () => {
  const NAMES = ['Asha Verma', 'Ravi Kumar', 'Zoya Qureshi'];

  function Picker({ onPick }: { onPick(name: string): void }) {
    const [query, setQuery] = useState('');
    const items = NAMES.filter((n) => n.toLowerCase().includes(query.toLowerCase()));
    return (
      <Combobox
        label="Patient"
        listLabel="Matching patients"
        query={query}
        onQueryChange={setQuery}
        items={items}
        keyOf={(n) => n}
        render={(n) => n}
        onPick={onPick}
        autoFocus
      />
    );
  }

  it('keeps focus in the input while the arrows move the highlight, and Enter takes the highlighted option', async () => {
    const user = userEvent.setup();
    const picked: string[] = [];
    render(<Picker onPick={(n) => picked.push(n)} />);
    const input = screen.getByRole('combobox', { name: 'Patient' });
    expect(document.activeElement).toBe(input);
    const list = screen.getByRole('listbox', { name: 'Matching patients' });
    await waitFor(() => expect(within(list).getByRole('option', { name: 'Asha Verma' }).getAttribute('aria-selected')).toBe('true'));

    await user.keyboard('{ArrowDown}');
    const ravi = within(list).getByRole('option', { name: 'Ravi Kumar' });
    await waitFor(() => expect(ravi.getAttribute('aria-selected')).toBe('true'));
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute('aria-activedescendant')).toBe(ravi.id);
    await user.keyboard('{Enter}');
    expect(picked).toEqual(['Ravi Kumar']);

    await user.type(input, 'zoya');
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Zoya Qureshi']),
    );
    await waitFor(() => expect(within(list).getByRole('option').getAttribute('aria-selected')).toBe('true'));
    await user.keyboard('{Enter}');
    expect(picked).toEqual(['Ravi Kumar', 'Zoya Qureshi']);
    expect(document.activeElement).toBe(input);
  });
});
