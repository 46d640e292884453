// The products capability: product records, sampling imports, flags, enforcement cases, abuse review.
import { productRecordRoutes } from './products.js';
import { samplingRoutes } from './sampling.js';
import { flagRoutes } from './flags.js';
import { caseRoutes } from './cases.js';
import { abuseRoutes } from './abuse.js';

export const productRoutes = () => [...productRecordRoutes(), ...samplingRoutes(), ...flagRoutes(), ...caseRoutes(), ...abuseRoutes()];
