// Registers every capability's demo seeder.
import './returns.js';
export {};
