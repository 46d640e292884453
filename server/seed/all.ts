// Registers every capability's demo seeder.
import './returns.js';
import './complaints.js';
export {};
