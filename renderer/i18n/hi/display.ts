import type en from '../en/display';
import type { Translation } from '../shape';

const hi: Translation<typeof en> = {
  label: 'टोकन डिस्प्ले',
  clinicDesk: 'क्लिनिक डेस्क',
  now: 'अभी',
  next: 'अगले',
  reconnecting: 'फिर से जोड़ रहे हैं…',
  priority: { EMERGENCY: 'इमरजेंसी', ELDERLY: 'प्राथमिकता', PREGNANT: 'प्राथमिकता', CHILD: 'प्राथमिकता' },
};
export default hi;
