import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'A phone number may contain only digits, spaces, +, -, ( and )': 'फ़ोन नंबर में सिर्फ़ अंक, स्पेस, +, -, ( और ) हो सकते हैं',
  '{0} is not a valid phone number for its country code': '{0} अपने देश के कोड के हिसाब से सही फ़ोन नंबर नहीं है',
  'That phone number is too short': 'यह फ़ोन नंबर बहुत छोटा है',
  'That phone number is too long': 'यह फ़ोन नंबर बहुत लंबा है',
  '{0} is not a valid phone number in {1}; check the digits or type it with its country code (+…)':
    '{0} {1} का सही फ़ोन नंबर नहीं है; अंक जाँचें या नंबर देश के कोड (+…) के साथ लिखें',
  'Only doctors and administrators may record medical history': 'मेडिकल हिस्ट्री सिर्फ़ डॉक्टर और एडमिन दर्ज कर सकते हैं',
  'The date of birth cannot be in the future': 'जन्म तिथि आगे की तारीख नहीं हो सकती',
  'The date of birth is before 1900': 'जन्म तिथि 1900 से पहले की है',
};
export default hi;
