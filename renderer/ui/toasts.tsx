import { create } from 'zustand';

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
  return (
    <div className="ui-toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="ui-toast" data-tone={t.tone}>
          <span>{t.text}</span>
          <button type="button" className="ui-icon-button" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
