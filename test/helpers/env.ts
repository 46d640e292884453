// Imported first by the root hooks, before any server module reads the environment.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'silent';
// Modules that read the configuration lazily (mail outbox, evidence storage) keep test files out of ./data.
process.env.DATA_DIR ??= process.env.TEST_DATA_DIR ?? '/tmp/fangxin-test-data';
