import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'This doctor has {0} appointment(s) on record; deactivate the profile instead of deleting it':
    'इस डॉक्टर के {0} अपॉइंटमेंट रिकॉर्ड में हैं; प्रोफ़ाइल हटाने की जगह उसे निष्क्रिय करें',
};
export default hi;
