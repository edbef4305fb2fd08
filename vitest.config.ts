import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI and archive tests start real processes; give slow CI machines room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
