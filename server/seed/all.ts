// Registers every capability's demo seeder.
import './returns.js';
import './complaints.js';
import './products.js';
export {};
