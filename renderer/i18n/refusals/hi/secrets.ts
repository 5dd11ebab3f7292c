import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'A clinic key is {0} bytes, not {1}': 'क्लिनिक कुंजी {0} बाइट की होती है, {1} की नहीं',
  'This is not a Clinic Desk recovery key (those start with {0})': 'यह Clinic Desk की रिकवरी कुंजी नहीं है (वे {0} से शुरू होती हैं)',
  'The recovery key is mistyped or incomplete (its checksum does not match); copy it again exactly as exported':
    'रिकवरी कुंजी गलत लिखी गई है या अधूरी है (उसका checksum मेल नहीं खाता); इसे ठीक वैसे ही दोबारा कॉपी करें जैसे एक्सपोर्ट की गई थी',
  'The clinic key at {0} cannot be read: {1}': '{0} पर रखी क्लिनिक कुंजी पढ़ी नहीं जा सकती: {1}',
  'The clinic key at {0} is damaged: {1}': '{0} पर रखी क्लिनिक कुंजी खराब है: {1}',
  "The clinic key at {0} cannot be unsealed by this user's keychain ({1}); restore it from the recovery key":
    '{0} पर रखी क्लिनिक कुंजी इस यूज़र के keychain से नहीं खुल सकती ({1}); उसे रिकवरी कुंजी से वापस लाएँ',
  'This stored secret is not sealed': 'सेव की गई यह गुप्त जानकारी सील नहीं है',
  "A stored secret was sealed with clinic key {0}, but this PC holds key {1}. Import the clinic's recovery key on this PC, or enter the secret again.":
    'सेव की गई एक गुप्त जानकारी क्लिनिक कुंजी {0} से सील हुई थी, पर इस PC पर कुंजी {1} है। इस PC पर क्लिनिक की रिकवरी कुंजी इंपोर्ट करें, या वह जानकारी फिर से डालें।',
  'A stored secret is damaged (too short)': 'सेव की गई एक गुप्त जानकारी खराब है (बहुत छोटी है)',
  'A stored secret is damaged or was altered (it fails its integrity check); enter it again':
    'सेव की गई एक गुप्त जानकारी खराब है या बदली गई है (जाँच में पास नहीं हुई); उसे फिर से डालें',
};
export default hi;
