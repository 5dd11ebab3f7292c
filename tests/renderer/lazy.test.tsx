import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Loading, preloadable, preloadWhenIdle } from '../../renderer/ui/lazy';

/** A chunk whose arrival the test decides. */
function chunk() {
  const pending: { resolve(): void; reject(e: Error): void }[] = [];
  const Screen = ({ name }: { name: string }) => <h1>Hello {name}</h1>;
  const load = vi.fn(
    () =>
      new Promise<typeof Screen>((resolve, reject) => {
        pending.push({ resolve: () => resolve(Screen), reject });
      }),
  );
  return { load, arrive: () => pending.shift()!.resolve(), fail: (message: string) => pending.shift()!.reject(new Error(message)) };
}

afterEach(cleanup);

describe('lazily loaded parts', () => {
  it('say what is opening while the chunk is on its way, then show it; one fetch for render and preload', async () => {
    const c = chunk();
    const Part = preloadable(c.load);
    render(
      <Loading what="the schedule" place="section">
        <Part name="desk" />
      </Loading>,
    );
    expect(screen.getByRole('status').textContent).toBe('Opening the schedule…');
    void Part.preload();
    await act(async () => c.arrive());
    expect(await screen.findByRole('heading', { name: 'Hello desk' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    expect(c.load).toHaveBeenCalledTimes(1);
  });

  it('once preloaded, render at once without a loading state', async () => {
    const c = chunk();
    const Part = preloadable(c.load);
    const preloaded = Part.preload();
    c.arrive();
    await preloaded;
    render(
      <Loading what="the schedule" place="section">
        <Part name="again" />
      </Loading>,
    );
    // Synchronously: no fallback frame in between.
    expect(screen.getByRole('heading', { name: 'Hello again' })).toBeTruthy();
  });

  it('name a chunk that cannot be fetched, fetch it again on request, and let a dialog be closed', async () => {
    const c = chunk();
    const Part = preloadable(c.load);
    const onClose = vi.fn();
    // React reports the caught error on the console; it is the point of this test.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <Loading what="the booking form" place="dialog" onClose={onClose}>
        <Part name="again" />
      </Loading>,
    );
    await act(async () => c.fail('Failed to fetch dynamically imported module'));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not open the booking form: Failed to fetch dynamically imported module');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(c.load).toHaveBeenCalledTimes(2));
    await act(async () => c.arrive());
    expect(await screen.findByRole('heading', { name: 'Hello again' })).toBeTruthy();
    vi.mocked(console.error).mockRestore();
  });

  it('preload one chunk after another when idle, and stop when cancelled', async () => {
    const [a, b, c] = [chunk(), chunk(), chunk()];
    const cancel = preloadWhenIdle([preloadable(a.load), preloadable(b.load), preloadable(c.load)]);
    await waitFor(() => expect(a.load).toHaveBeenCalledTimes(1));
    expect(b.load).not.toHaveBeenCalled();
    a.fail('offline');
    // A failed one does not hold up the rest.
    await waitFor(() => expect(b.load).toHaveBeenCalledTimes(1));
    cancel();
    b.arrive();
    await Promise.resolve();
    expect(c.load).not.toHaveBeenCalled();
  });
});
