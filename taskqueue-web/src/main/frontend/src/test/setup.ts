// Adds toBeInTheDocument() & co. to vitest's expect, and unmounts between tests
// (automatic cleanup needs vitest globals, which we do not enable).
import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  cleanup()
})
