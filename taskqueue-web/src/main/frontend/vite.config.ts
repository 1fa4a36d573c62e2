import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// The Java server serves the built files; CONSOLE_OUT_DIR lets its build put them
// straight into its static resources without a copy step.
const outDir = process.env.CONSOLE_OUT_DIR || 'dist'
const backend = 'http://127.0.0.1:8080'

export default defineConfig({
  // Relative asset URLs: the console works under any context root.
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: backend },
      '/ws': { target: backend, ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
})
