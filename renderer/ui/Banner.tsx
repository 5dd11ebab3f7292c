import type { ReactNode } from 'react';

export function Banner({ tone, children }: { tone: 'error' | 'warning' | 'info'; children: ReactNode }) {
  return (
    <div className="ui-banner" data-tone={tone} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
