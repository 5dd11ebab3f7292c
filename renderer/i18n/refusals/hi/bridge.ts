import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'The request is not valid JSON': 'अनुरोध सही JSON नहीं है',
};
export default hi;
