// Registers every capability's policy rules (each file calls definePolicies).
import './returns.js';
export {};
