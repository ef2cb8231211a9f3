// Wire types of the ReelForge API (JSON, snake_case), as in the API contract.

export const STYLES = ['informative', 'storytelling', 'humorous', 'dramatic', 'educational'] as const;
export type Style = (typeof STYLES)[number];

/** The languages the app itself is shown in. */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The languages offered for a video's script, voice and captions (the server takes any BCP-47 tag of an ISO 639
 * language; the built-in offline writer writes fr and en only, the others need an LLM writer).
 */
export const VIDEO_LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'pt', 'nl', 'pl', 'ru', 'tr', 'ar', 'hi', 'ja', 'ko', 'zh'] as const;
/** A BCP-47 tag such as `fr`, `pt-BR` or `zh-Hant`. */
export type VideoLanguage = string;
/** The shape of a tag the server may take: a 2–3 letter language, then subtags. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const MODES = ['native_audio', 'narrated'] as const;
export type Mode = (typeof MODES)[number];

export const CLIP_STRATEGIES = ['parallel', 'extend'] as const;
export type ClipStrategy = (typeof CLIP_STRATEGIES)[number];

/** Veo's clip lengths: the fallback when the server does not say (see Estimate.clip_lengths). */
export const BLOCK_DURATIONS = [4, 6, 8] as const;
export type BlockDuration = number;

/** The lengths a block may have with the configured clip model: `only` if not empty, else every second min..max. */
export interface ClipLengths {
  min: number;
  max: number;
  only: number[];
}

export function allowedLengths(lengths: ClipLengths | null | undefined): number[] {
  if (!lengths) return [...BLOCK_DURATIONS];
  if (lengths.only && lengths.only.length > 0) return [...lengths.only].sort((a, b) => a - b);
  const out: number[] = [];
  for (let s = Math.ceil(lengths.min); s <= Math.floor(lengths.max); s++) out.push(s);
  return out.length > 0 ? out : [...BLOCK_DURATIONS];
}

export const VIDEO_STATUSES = [
  'queued',
  'script_generated',
  'awaiting_approval',
  'generating_clips',
  'ready_for_assembly',
  'assembling',
  'completed',
  'failed',
  'cancelled',
] as const;
export type VideoStatus = (typeof VIDEO_STATUSES)[number];

export const TERMINAL_STATUSES: readonly VideoStatus[] = ['completed', 'failed', 'cancelled'];
export function isTerminal(status: VideoStatus | undefined | null): boolean {
  return status != null && TERMINAL_STATUSES.includes(status);
}

export type Step = 'script' | 'adapt' | 'audio' | 'clips' | 'assembly';

export type ClipState = 'submitting' | 'pending' | 'success' | 'failed' | 'abandoned';

export type ErrorCategory =
  | 'usage_guidelines'
  | 'third_party_content'
  | 'quota_exceeded'
  | 'operation_timeout'
  | 'assembly_failed'
  | 'budget_exceeded'
  | 'no_clips'
  | 'default';

export interface User {
  username: string;
  role: string;
  /** Signed in with a one-time password: nothing else works until it is changed. */
  must_change_password?: boolean;
}

export interface LoginResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  user: User;
}

export interface ScriptBlockInput {
  index: number;
  duration: BlockDuration;
  visual_prompt: string;
  spoken_text: string;
  on_screen_text?: string;
}

export interface ScriptInput {
  title: string;
  style_guide: string;
  blocks: ScriptBlockInput[];
}

export interface CreateVideoRequest {
  theme: string;
  target_duration: number;
  style: Style;
  language: VideoLanguage;
  mode: Mode;
  clip_strategy: ClipStrategy;
  script?: ScriptInput;
  budget_usd?: number;
  /** Stop after the script until approved (awaiting_approval). */
  review?: boolean;
  /** Render cheap draft clips first; finalize makes the final ones. */
  draft?: boolean;
  aspect?: Aspect;
  caption_style?: CaptionStyle;
  caption_position?: CaptionPosition;
  caption_font?: string | null;
  caption_color?: string;
  caption_highlight?: string;
  caption_size?: number;
  music?: string;
  music_volume?: number;
  voice?: string | null;
  speech_rate?: number;
}

// ---- the look and sound of the output (issue 10) ------------------------------------------------

export const ASPECTS = ['9:16', '1:1', '16:9'] as const;
export type Aspect = (typeof ASPECTS)[number];

export const CAPTION_STYLES = ['karaoke', 'pop', 'clean', 'boxed', 'none'] as const;
export type CaptionStyle = (typeof CAPTION_STYLES)[number];

export const CAPTION_POSITIONS = ['bottom', 'middle', 'top'] as const;
export type CaptionPosition = (typeof CAPTION_POSITIONS)[number];

/** The output settings of a video, as its document carries them (`output`) and the create request takes them. */
export interface OutputSettings {
  aspect: Aspect;
  caption_style: CaptionStyle;
  caption_position: CaptionPosition;
  /** null: the language's font. */
  caption_font: string | null;
  caption_color: string;
  caption_highlight: string;
  caption_size: number;
  /** `none`, `mood:NAME` or a library track id. */
  music: string;
  music_volume: number;
  /** null: the speech provider's default voice. */
  voice: string | null;
  speech_rate: number;
}

/** The server's defaults: a request that leaves a field out gets these. */
export const OUTPUT_DEFAULTS: OutputSettings = {
  aspect: '9:16',
  caption_style: 'karaoke',
  caption_position: 'bottom',
  caption_font: null,
  caption_color: '#FFFFFF',
  caption_highlight: '#FFFF00',
  caption_size: 100,
  music: 'none',
  music_volume: 100,
  voice: null,
  speech_rate: 1,
};

/** Pixel size of each format's frame. */
export const ASPECT_SIZES: Record<Aspect, { width: number; height: number }> = {
  '9:16': { width: 1080, height: 1920 },
  '1:1': { width: 1080, height: 1080 },
  '16:9': { width: 1920, height: 1080 },
};

/** GET /api/voices?language=. */
export interface VoiceList {
  provider: string;
  default_voice: string | null;
  items: Voice[];
}

export interface Voice {
  id: string;
  name: string;
  language: string;
}

/** A track of the music library (GET /api/music). */
export interface MusicTrack {
  id: string;
  title: string;
  moods: string[];
  duration_seconds: number;
}

/** A block made from the person's own file instead of the clip provider (at $0). */
export interface BlockMedia {
  kind: 'video' | 'image';
  name: string;
  keep_sound: boolean;
}

/** One burned caption word (GET/PUT /api/videos/{id}/captions). */
export interface CaptionWord {
  text: string;
  start_ms: number;
  end_ms: number;
}

export interface Captions {
  words: CaptionWord[];
  /** The words were corrected by hand since the video was made. */
  edited: boolean;
}

/** POST /api/estimates: what a request would cost with the server's providers, before anything is created. */
export interface Estimate {
  estimate_usd: number;
  unpriced: string[];
  /** The same video as a draft (absent from servers before the review change). */
  draft_estimate_usd?: number;
  /** A paid clip provider is configured: the review switch is on by default then. */
  paid_clips?: boolean;
  clip_model?: string;
  clip_lengths?: ClipLengths;
  /** Which provider and model each step uses (script, voice, clip, transcriber). */
  models?: StepModel[];
}

export interface StepModel {
  step: string;
  provider: string;
  model: string;
}

export interface CreateVideoResponse {
  video_id: string;
}

export interface VideoSummary {
  video_id: string;
  theme: string;
  status: VideoStatus;
  status_label: string;
  progress_percentage: number;
  message: string;
  target_duration: number;
  language: VideoLanguage;
  created_at: string;
  updated_at: string;
  has_final: boolean;
  /** Signed link to the small thumbnail. */
  thumbnail_url: string | null;
  final_url?: string | null;
  download_url?: string | null;
  links_expire_at?: string;
  /** Real length of the final video (the blocks that made it in). */
  duration_seconds?: number | null;
  partial?: boolean;
}

export interface VideoPage {
  items: VideoSummary[];
  page: number;
  size: number;
  total: number;
}

export interface Clip {
  status: ClipState;
  retry_count: number;
  submissions: number;
  last_error: string | null;
  error_category: ErrorCategory | null;
  updated_at: string | null;
}

export interface VideoBlock {
  index: number;
  duration: number;
  visual_prompt: string;
  spoken_text: string;
  on_screen_text: string | null;
  clip: Clip | null;
  /** The person's own file for this block (absent from servers before issue 10). */
  media?: BlockMedia | null;
}

export interface Assembly {
  status: 'waiting' | 'timeout_assembly' | 'completed';
  expected_clips: number;
  found_clips: number;
  first_detected_at: string | null;
  last_checked_at: string | null;
}

export interface CostLine {
  provider: string;
  operation: string;
  calls: number;
  units: number;
  unit: string;
  amount_usd: number;
}

export interface Costs {
  spent_usd: number;
  estimate_usd: number;
  saved_usd: number;
  budget_usd: number | null;
  calls: number;
  by_provider: CostLine[];
}

export interface VideoEvent {
  at: string;
  type: string;
  message: string;
}

export interface VideoFiles {
  final: string | null;
  download?: string | null;
  thumbnail: string | null;
  thumbnail_small?: string | null;
  captions_ass: string | null;
  captions_srt: string | null;
  script: string | null;
}

export interface VideoDetail {
  video_id: string;
  theme: string;
  target_duration: number;
  style: Style;
  language: VideoLanguage;
  mode: Mode;
  clip_strategy: ClipStrategy;
  status: VideoStatus;
  status_label: string;
  current_step: Step | null;
  last_successful_step: Step | null;
  total_blocks: number;
  completed_blocks: number;
  progress_percentage: number;
  message: string;
  error_category: ErrorCategory | null;
  error_message: string | null;
  failure_reason: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
  blocks: VideoBlock[];
  assembly: Assembly | null;
  costs: Costs | null;
  events: VideoEvent[];
  files: VideoFiles | null;
  /** When the signed links of files and frames stop working. */
  links_expire_at?: string;
  /** Block number → signed link to a frame of its clip. */
  frames?: Record<string, string>;
  eta?: Eta | null;
  quality?: 'draft' | 'final';
  review?: { required: boolean; approved_at: string | null };
  result?: VideoResult | null;
  /** Look and sound of the output (absent from servers before issue 10). */
  output?: OutputSettings;
}

export interface Eta {
  remaining_seconds: number | null;
  basis: 'history' | 'no_history';
  samples: number;
}

export interface VideoResult {
  duration_seconds: number;
  blocks_used: number;
  blocks_missing: number[];
  partial: boolean;
}

export interface ReviewBlock {
  index: number;
  duration: number;
  visual_prompt: string;
  spoken_text: string;
  on_screen_text: string | null;
  emphasis: string[];
}

/** GET/PUT /api/videos/{id}/script. */
export interface ReviewScript {
  title: string;
  style_guide: string;
  blocks: ReviewBlock[];
  estimate_usd?: number;
  editable?: boolean;
}

export interface BlockEdit {
  visual_prompt?: string;
  spoken_text?: string;
  on_screen_text?: string;
}

export interface ProgressBlock {
  index: number;
  status: ClipState;
  retry_count: number;
}

export interface Progress {
  video_id: string;
  status: VideoStatus;
  status_label: string;
  current_step: Step | null;
  completed_blocks: number;
  total_blocks: number;
  progress_percentage: number;
  message: string;
  error_category: ErrorCategory | null;
  error_message: string | null;
  updated_at: string;
  blocks: ProgressBlock[];
}

/** An RFC 7807 problem, as the server sends it (application/problem+json). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  field?: string;
  rule?: string;
}
