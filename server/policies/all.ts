// Registers every capability's policy rules (each file calls definePolicies).
export {};
