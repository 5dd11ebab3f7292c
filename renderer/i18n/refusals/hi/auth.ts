import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'Use at least {0} characters': 'कम से कम {0} अक्षर रखें',
  'Use at most 72 characters (fewer with accented letters or symbols)': 'ज़्यादा से ज़्यादा 72 अक्षर रखें (मात्रा वाले अक्षरों या चिह्नों के साथ इससे कम)',
  'The password may not start or end with a space': 'पासवर्ड के शुरू या आख़िर में स्पेस नहीं हो सकता',
  'This password is on the list of commonly used passwords; choose another': 'यह पासवर्ड आम तौर पर इस्तेमाल होने वाले पासवर्डों की सूची में है; कोई दूसरा चुनें',
  'Do not use your email address as the password': 'अपने ईमेल पते को पासवर्ड न बनाएँ',
  'Email or password is incorrect.': 'ईमेल या पासवर्ड गलत है।',
  'Too many failed sign-ins on this PC. Try again in {0}, or ask a clinic administrator to unlock the account.':
    'इस PC पर साइन इन की बहुत सारी कोशिशें नाकाम हुईं। {0} बाद फिर से कोशिश करें, या क्लिनिक के किसी एडमिन से अकाउंट अनलॉक करवाएँ।',
  '"{0}" is not a known time zone': '"{0}" कोई जाना-पहचाना टाइम ज़ोन नहीं है',
  'This clinic is already set up. Sign in instead.': 'यह क्लिनिक पहले से सेट अप है। साइन इन करें।',
  'Patient accounts cannot sign in to Clinic Desk. Patients join their consultation through the link the clinic sends them.':
    'मरीज़ों के अकाउंट से Clinic Desk में साइन इन नहीं हो सकता। मरीज़ क्लिनिक के भेजे लिंक से अपने परामर्श में जुड़ते हैं।',
  'This account is disabled. Ask a clinic administrator.': 'यह अकाउंट बंद है। क्लिनिक के किसी एडमिन से बात करें।',
  'Please sign in.': 'कृपया साइन इन करें।',
  'Too many wrong passwords: you have been signed out. Sign in again.': 'बहुत बार गलत पासवर्ड डाला गया: आपको साइन आउट कर दिया गया है। फिर से साइन इन करें।',
  'That password is not right.': 'यह पासवर्ड सही नहीं है।',
  'The current password is not right.': 'अभी का पासवर्ड सही नहीं है।',
  'Choose a password different from the current one': 'अभी वाले पासवर्ड से अलग पासवर्ड चुनें',
};
export default hi;
