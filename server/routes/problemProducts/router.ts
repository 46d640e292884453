// Problem products: product records, sampling imports, flags, enforcement cases, abuse review.
import { productRoutes } from './products.js';
import { samplingRoutes } from './sampling.js';
import { flagRoutes } from './flags.js';
import { caseRoutes } from './cases.js';
import { abuseRoutes } from './abuse.js';
// Contributes the credit tier to public merchant profiles.

export const problemProductRoutes = () => [...productRoutes(), ...samplingRoutes(), ...flagRoutes(), ...caseRoutes(), ...abuseRoutes()];
