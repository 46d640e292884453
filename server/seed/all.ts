// Registers every capability's demo seeder.
export {};
