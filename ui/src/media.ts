// What the server takes as an upload: content types (from the file's type, else its extension) and sizes.

const MB = 1024 * 1024;

export interface UploadKind {
  /** Content-Type by file extension, for files the browser gives no type (often .flac, .mov). */
  types: Record<string, string>;
  maxBytes: number;
}

export const AUDIO_UPLOAD: UploadKind = {
  types: { mp3: 'audio/mpeg', m4a: 'audio/mp4', aac: 'audio/mp4', mp4: 'audio/mp4', wav: 'audio/wav', flac: 'audio/flac', ogg: 'audio/ogg', oga: 'audio/ogg', opus: 'audio/ogg' },
  maxBytes: 50 * MB,
};

export const MEDIA_UPLOAD: UploadKind = {
  types: { mp4: 'video/mp4', m4v: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' },
  maxBytes: 200 * MB,
};

/** Browser spellings of the same types. */
const ALIASES: Record<string, string> = { 'audio/mp3': 'audio/mpeg', 'audio/x-wav': 'audio/wav', 'audio/wave': 'audio/wav', 'audio/x-flac': 'audio/flac', 'audio/x-m4a': 'audio/mp4', 'image/jpg': 'image/jpeg' };

/** The accept attribute of a file input for this kind: the types and the extensions (some files have no type). */
export function acceptOf(kind: UploadKind): string {
  return [...new Set(Object.values(kind.types)), ...Object.keys(kind.types).map((e) => `.${e}`)].join(',');
}

export type UploadCheck = { ok: true; contentType: string } | { ok: false; problem: 'type' | 'size'; megabytes: number };

/** The Content-Type to send `file` with, or why the server would refuse it. */
export function checkUpload(file: File, kind: UploadKind): UploadCheck {
  const megabytes = Math.ceil(file.size / MB);
  const allowed = new Set(Object.values(kind.types));
  const declared = ALIASES[file.type] ?? file.type;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const contentType = allowed.has(declared) ? declared : kind.types[ext];
  if (!contentType) return { ok: false, problem: 'type', megabytes };
  if (file.size > kind.maxBytes) return { ok: false, problem: 'size', megabytes };
  return { ok: true, contentType };
}

export const maxMegabytes = (kind: UploadKind) => Math.round(kind.maxBytes / MB);

/** "clip.mp4" from "C:\fakepath\clip.mp4"-like names; at most 120 characters. */
export function fileName(file: File): string {
  const base = file.name.split(/[\\/]/).pop() ?? file.name;
  return [...base].slice(0, 120).join('') || 'media';
}
