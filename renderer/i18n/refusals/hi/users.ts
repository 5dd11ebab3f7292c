import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'Patient accounts are not managed here': 'मरीज़ों के अकाउंट यहाँ से नहीं संभाले जाते',
  'Only DOCTOR accounts are linked to a doctor profile': 'सिर्फ़ डॉक्टर (DOCTOR) अकाउंट ही किसी डॉक्टर प्रोफ़ाइल से जुड़ते हैं',
  'No such user': 'ऐसा कोई अकाउंट नहीं है',
  'You cannot change the role of your own account; another administrator must': 'आप अपने ही अकाउंट की भूमिका नहीं बदल सकते; यह कोई दूसरा एडमिन करे',
  'You cannot disable your own account; another administrator must': 'आप अपना ही अकाउंट बंद नहीं कर सकते; यह कोई दूसरा एडमिन करे',
  "You cannot change the role of the clinic's last active administrator": 'क्लिनिक के आख़िरी चालू एडमिन की भूमिका नहीं बदली जा सकती',
  "You cannot disable the clinic's last active administrator": 'क्लिनिक के आख़िरी चालू एडमिन का अकाउंट बंद नहीं किया जा सकता',
  'That doctor profile does not exist': 'वह डॉक्टर प्रोफ़ाइल मौजूद नहीं है',
  'No doctor profile has this email. Create the doctor first, or choose their profile.':
    'इस ईमेल की कोई डॉक्टर प्रोफ़ाइल नहीं है। पहले डॉक्टर जोड़ें, या उनकी प्रोफ़ाइल चुनें।',
};
export default hi;
