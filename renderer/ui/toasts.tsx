import { create } from 'zustand';
import { useT } from '../i18n/use-t';

interface Toast {
  id: number;
  tone: 'info' | 'error';
  text: string;
}

interface ToastState {
  toasts: Toast[];
  show(text: string, tone?: Toast['tone']): void;
  dismiss(id: number): void;
}

let nextId = 0;
const SHOWN_MS = 6000;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show(text, tone = 'info') {
    const id = ++nextId;
    set({ toasts: [...get().toasts, { id, tone, text }] });
    setTimeout(() => get().dismiss(id), SHOWN_MS);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

/** Confirms what just happened ("Booked 10:30 with Dr. Rao") without taking focus from the work. */
export const toast = (text: string, tone?: Toast['tone']) => useToasts.getState().show(text, tone);

export function Toasts() {
  const { toasts, dismiss } = useToasts();
  const { t } = useT('common');
  return (
    <div className="ui-toasts" role="status" aria-live="polite">
      {toasts.map((item) => (
        <div key={item.id} className="ui-toast" data-tone={item.tone}>
          <span>{item.text}</span>
          <button type="button" className="ui-icon-button" aria-label={t('dismiss')} onClick={() => dismiss(item.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
