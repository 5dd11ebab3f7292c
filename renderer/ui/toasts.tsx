import { create } from 'zustand';
import { useT } from '../i18n/use-t';

/** A button on a toast ("Undo"): pressing it runs once and closes the toast. */
export interface ToastAction {
  label: string;
  run(): void;
}

interface Toast {
  id: number;
  tone: 'info' | 'error';
  text: string;
  action?: ToastAction;
}

interface ToastState {
  toasts: Toast[];
  show(text: string, tone?: Toast['tone'], action?: ToastAction): void;
  dismiss(id: number): void;
}

let nextId = 0;
const SHOWN_MS = 6000;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show(text, tone = 'info', action) {
    const id = ++nextId;
    set({ toasts: [...get().toasts, { id, tone, text, ...(action ? { action } : {}) }] });
    setTimeout(() => get().dismiss(id), SHOWN_MS);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

/** Confirms what just happened ("Booked 10:30 with Dr. Rao") without taking focus from the work. */
export const toast = (text: string, tone?: Toast['tone'], action?: ToastAction) => useToasts.getState().show(text, tone, action);

export function Toasts() {
  const { toasts, dismiss } = useToasts();
  const { t } = useT('common');
  return (
    <div className="ui-toasts" role="status" aria-live="polite">
      {toasts.map((item) => (
        <div key={item.id} className="ui-toast" data-tone={item.tone}>
          <span>{item.text}</span>
          {item.action && (
            <button
              type="button"
              className="ui-toast-action"
              onClick={() => {
                dismiss(item.id);
                item.action!.run();
              }}
            >
              {item.action.label}
            </button>
          )}
          <button type="button" className="ui-icon-button" aria-label={t('dismiss')} onClick={() => dismiss(item.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
