import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { api } from '../services/api';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  api.tokens.set(null);
  localStorage.clear();
  sessionStorage.clear();
});
