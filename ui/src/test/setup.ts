import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { api } from '../services/api';

// jsdom has no blob URLs and cannot play media: stand-ins that record what the page asked for.
let blobUrls = 0;
/** Blob URLs made and not yet revoked, with the blob each stands for. */
export const liveBlobUrls = new Map<string, Blob>();
URL.createObjectURL = (blob: Blob | MediaSource) => {
  const url = `blob:fake/${++blobUrls}`;
  liveBlobUrls.set(url, blob as Blob);
  return url;
};
URL.revokeObjectURL = (url: string) => {
  liveBlobUrls.delete(url);
};
/** Sources the page played, in order. */
export const played: string[] = [];
HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement) {
  played.push(this.src);
  return Promise.resolve();
};
HTMLMediaElement.prototype.pause = () => undefined;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  api.tokens.set(null);
  localStorage.clear();
  sessionStorage.clear();
  played.length = 0;
});
