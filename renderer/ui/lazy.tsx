import { Component, createContext, createElement, lazy, Suspense, useContext, useState, type ComponentType, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { Banner } from './Banner';
import { Button } from './Button';

export interface Preloadable<P> {
  (props: P): ReactNode;
  preload(): Promise<unknown>;
}

// Each mount of a Loading, and each "Try again" in one, is a new attempt, numbered in order. A
// chunk that failed is fetched again only for a later attempt: the render that the failure
// itself brings must show the error, not start another fetch.
let attempts = 0;
const Attempt = createContext(0);

/**
 * A component in a chunk of its own: fetched on first render, or earlier by preload() (called
 * while the desk is idle, so a click seldom waits for it). Both share one import, so the chunk is
 * fetched once whichever comes first, and once it is in the component renders straight away,
 * without suspending. A failed fetch is not kept: the next attempt fetches again.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  let loaded: ComponentType<P> | undefined;
  /** The last attempt that has seen the fetch fail, if it failed. */
  let failedUpTo: number | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (e: unknown) => {
        loading = undefined;
        failedUpTo = attempts;
        throw e;
      },
    ));
  const lazyOne = () => lazy(() => preload().then((component) => ({ default: component })));
  let current = lazyOne();
  function Preloaded(props: P) {
    const attempt = useContext(Attempt);
    if (failedUpTo !== undefined && attempt > failedUpTo) {
      // React.lazy keeps a rejection for good: a new attempt needs a lazy of its own.
      current = lazyOne();
      failedUpTo = undefined;
    }
    // Kept for the life of this mount: swapping the lazy for the loaded component on a later
    // render would remount everything below it.
    const [Shown] = useState(() => loaded ?? current);
    return createElement(Shown, props);
  }
  return Object.assign(Preloaded, { preload });
}

/**
 * Fetches the given chunks one after another, each when the page is next idle, so fetching never
 * holds up what the desk is looking at. Returns the cancel, for an effect's cleanup.
 */
export function preloadWhenIdle(chunks: readonly { preload(): Promise<unknown> }[]): () => void {
  let handle: number | undefined;
  let cancelled = false;
  const next = (i: number) => {
    const chunk = chunks[i];
    if (cancelled || !chunk) return;
    handle = requestIdleCallback(() => {
      handle = undefined;
      // One that fails now is fetched again, and its problem shown, when it is opened.
      void chunk.preload().then(
        () => next(i + 1),
        () => next(i + 1),
      );
    });
  };
  next(0);
  return () => {
    cancelled = true;
    if (handle !== undefined) cancelIdleCallback(handle);
  };
}

type Place = 'page' | 'section' | 'dialog';

const framed = (place: Place, content: ReactNode) =>
  place === 'page' ? (
    <main className="ui-center">{content}</main>
  ) : place === 'dialog' ? (
    <div className="ui-backdrop">
      <div className="ui-dialog">{content}</div>
    </div>
  ) : (
    content
  );

interface LoadingProps {
  what: string;
  place: Place;
  /** A dialog's close: with its chunk missing there is no dialog to press Esc in. */
  onClose?(): void;
  children: ReactNode;
}

function LoadFailed({ what, problem, onRetry, onClose }: { what: string; problem: string; onRetry(): void; onClose?(): void }) {
  const { t } = useT('common');
  return (
    <Banner tone="error">
      {t('couldNotOpen', { what, problem })} <Button onClick={onRetry}>{t('tryAgain')}</Button>
      {onClose && <Button onClick={onClose}>{t('close')}</Button>}
    </Banner>
  );
}

function Opening({ what }: { what: string }) {
  const { t } = useT('common');
  return (
    <p className="ui-loading" role="status">
      {t('opening', { what })}
    </p>
  );
}

class LoadProblem extends Component<LoadingProps, { problem?: string; attempt: number }> {
  override state: { problem?: string; attempt: number } = { attempt: ++attempts };
  static getDerivedStateFromError(e: unknown) {
    return { problem: e instanceof Error ? e.message : String(e) };
  }
  override render() {
    const { problem } = this.state;
    if (problem === undefined) return <Attempt.Provider value={this.state.attempt}>{this.props.children}</Attempt.Provider>;
    return framed(
      this.props.place,
      <LoadFailed
        what={this.props.what}
        problem={problem}
        onRetry={() => this.setState({ problem: undefined, attempt: ++attempts })}
        onClose={this.props.onClose}
      />,
    );
  }
}

/**
 * Where a lazily loaded part goes: while its chunk is on the way the place says what is opening
 * (the page, the section's area, or a dialog over the frame) instead of flashing blank, and a
 * chunk that cannot be fetched is named in an error instead of taking the whole window down.
 */
export function Loading({ children, ...props }: LoadingProps) {
  const { what, place } = props;
  return (
    <LoadProblem {...props}>
      <Suspense fallback={framed(place, <Opening what={what} />)}>{children}</Suspense>
    </LoadProblem>
  );
}
