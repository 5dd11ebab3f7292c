import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'A recall is due on a later day': 'रिकॉल आगे की किसी तारीख का होना चाहिए',
  'This recall was already dismissed': 'यह रिकॉल पहले ही हटाया जा चुका है',
  'No such recall': 'ऐसा कोई रिकॉल नहीं मिला',
};
export default hi;
