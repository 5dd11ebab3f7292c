import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'The clinic database cannot be reached. What you typed is kept; try again in a moment.':
    'क्लिनिक के डेटाबेस से संपर्क नहीं हो पा रहा। आपका लिखा हुआ बचा है; थोड़ी देर में फिर से कोशिश करें।',
  'Unknown call "{0}"': 'अनजान काम "{0}"',
  'Your account is no longer active. Please sign in again.': 'आपका अकाउंट अब चालू नहीं है। कृपया फिर से साइन इन करें।',
  'The screen is locked. Enter your password to continue.': 'स्क्रीन लॉक है। आगे बढ़ने के लिए अपना पासवर्ड डालें।',
  'A call window can only run the call. Use the main Clinic Desk window for this.':
    'कॉल की विंडो में सिर्फ़ कॉल चल सकती है। इसके लिए Clinic Desk की मुख्य विंडो इस्तेमाल करें।',
  'Your role does not allow this.': 'आपकी भूमिका में इसकी अनुमति नहीं है।',
  'Something went wrong on this PC. Please try again; if it keeps happening, tell your administrator.':
    'इस PC पर कुछ गड़बड़ हो गई। कृपया फिर से कोशिश करें; बार-बार ऐसा हो तो अपने एडमिन को बताएँ।',
};
export default hi;
