import { useT } from '../../i18n/use-t';
import { clinic } from '../../api/clinic';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '../../i18n/languages';
import { useSession } from '../../stores/session';
import { toast } from '../../ui/toasts';

/**
 * The signed-in user's language, in the bar: saved on their account (so every PC they sign in
 * to starts in it) and applied at once, without a restart, when main confirms it.
 */
export function LanguagePicker() {
  const { t } = useT('common');
  const language = useSession((s) => s.session?.language);
  const setSession = useSession((s) => s.setSession);
  return (
    <select
      className="theme-picker"
      aria-label={t('language')}
      value={language}
      onChange={async (e) => {
        const chosen = e.target.value;
        if (!isLanguage(chosen)) return;
        const r = await clinic.auth.setLanguage({ language: chosen });
        if (r.ok) setSession(r.value);
        else toast(r.error.message, 'error');
      }}
    >
      {LANGUAGES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LANGUAGE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
