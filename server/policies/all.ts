// Registers every capability's policy rules (each file calls definePolicies).
import './complaints.js';
import './returns.js';
import './products.js';
import './stores.js';
import './accounts.js';
export {};
