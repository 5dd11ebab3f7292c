import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'The clinic is closed on {0} ({1})': '{0} ({1}) को क्लिनिक बंद है',
  'One patient has already come in on {0}; the clinic cannot be closed that day': '{0} को एक मरीज़ आ चुका है; उस दिन क्लिनिक बंद नहीं किया जा सकता',
  '{0} patients have already come in on {1}; the clinic cannot be closed that day': '{1} को {0} मरीज़ आ चुके हैं; उस दिन क्लिनिक बंद नहीं किया जा सकता',
  '{0} is already a holiday ({1})': '{0} को पहले से छुट्टी है ({1})',
  '{0} was made a holiday meanwhile': 'इस बीच {0} को छुट्टी बना दिया गया',
  'That holiday no longer exists': 'वह छुट्टी अब मौजूद नहीं है',
  '{0} was made a holiday meanwhile; import again': 'इस बीच {0} को छुट्टी बना दिया गया; फिर से आयात करें',
};
export default hi;
