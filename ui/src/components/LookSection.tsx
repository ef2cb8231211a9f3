import { useState } from 'react';
import { translate, useI18n } from '../i18n';

/** A caption sample in the video's language, for the preview before a theme is typed (fonts and scripts show). */
const SAMPLES: Record<string, string> = {
  es: 'Así se verán tus subtítulos',
  de: 'So sehen deine Untertitel aus',
  it: 'Ecco i tuoi sottotitoli',
  pt: 'Assim ficam as tuas legendas',
  nl: 'Zo zien je ondertitels eruit',
  pl: 'Tak wyglądają twoje napisy',
  ru: 'Так выглядят ваши субтитры',
  tr: 'Altyazıların böyle görünecek',
  ar: 'هكذا تبدو ترجماتك',
  hi: 'आपके कैप्शन ऐसे दिखेंगे',
  ja: '字幕はこのように表示されます',
  ko: '자막은 이렇게 보입니다',
  zh: '字幕就是这样显示的',
};

export function sampleLine(language: string): string {
  const base = language.split('-')[0]!.toLowerCase();
  if (base === 'fr' || base === 'en') return translate(base, 'look.preview.sample');
  return SAMPLES[base] ?? translate('en', 'look.preview.sample');
}
import { CAPTION_SIZE_MAX, CAPTION_SIZE_MIN, FONT_MAX, lookKey, previewText } from '../output';
import { ASPECT_SIZES, ASPECTS, CAPTION_POSITIONS, CAPTION_STYLES, OUTPUT_DEFAULTS, type Aspect, type OutputSettings } from '../types';
import { CaptionPreview } from './CaptionPreview';
import { FieldError } from './FieldError';
import { MusicPicker } from './MusicPicker';
import { VoicePicker } from './VoicePicker';

interface Props {
  value: OutputSettings;
  onChange: (patch: Partial<OutputSettings>) => void;
  theme: string;
  /** The video's language: the preview's sample line and the voices are in it. */
  language: string;
  /** A synthesized voice speaks the video: the voice picker is shown. */
  showVoice: boolean;
  errors: Record<string, string>;
  open: boolean;
  onToggle: (open: boolean) => void;
}

/** A small frame of the format's proportions, for the format choices. */
function FrameIcon({ aspect }: { aspect: Aspect }) {
  const { width, height } = ASPECT_SIZES[aspect];
  const scale = 22 / Math.max(width, height);
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  return (
    <svg className="frame-icon" width={24} height={24} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x={(24 - w) / 2} y={(24 - h) / 2} width={w} height={h} rx={2} fill="none" stroke="currentColor" strokeWidth={1.6} />
    </svg>
  );
}

/**
 * The Create page's "Look and sound": format, captions (style, position, colours, size, font) with a live
 * still drawn by the server, music and the voice. Folded by default; nothing in it changes the defaults.
 */
export function LookSection({ value, onChange, theme, language, showVoice, errors, open, onToggle }: Props) {
  const { t } = useI18n();
  const [previewError, setPreviewError] = useState<{ field: string; rule: string } | null>(null);
  const shown = previewError && !errors[previewError.field] ? { ...errors, [previewError.field]: previewError.rule } : errors;
  const summary = [
    value.aspect,
    t('look.summary.captions', { style: t(lookKey('style', value.caption_style)) }),
    value.music === 'none' ? t('music.none') : t('look.summary.music'),
  ].join(' · ');
  const described = (name: string) => (shown[name] ? `error-${name}` : undefined);
  const sample = sampleLine(language);
  const captions = value.caption_style !== 'none';

  return (
    <details className="card look" data-testid="look-section" open={open} onToggle={(e) => onToggle((e.currentTarget as HTMLDetailsElement).open)}>
      <summary data-testid="look-summary">
        <span className="look-title">{t('look.title')}</span> <span className="muted small">{summary}</span>
      </summary>
      {open && (
        <div className="look-body">
          <fieldset className="field choices" id="field-aspect">
            <legend>{t('look.format')}</legend>
            <div className="choice-row">
              {ASPECTS.map((a) => (
                <label key={a} className={`choice${value.aspect === a ? ' chosen' : ''}`}>
                  <input type="radio" name="aspect" value={a} data-testid={`aspect-${a}`} checked={value.aspect === a} onChange={() => onChange({ aspect: a })} />
                  <FrameIcon aspect={a} />
                  <span>
                    {t(lookKey('aspect', a))}
                    <span className="muted small"> {ASPECT_SIZES[a].width}×{ASPECT_SIZES[a].height}</span>
                  </span>
                </label>
              ))}
            </div>
            <FieldError errors={shown} name="aspect" />
          </fieldset>

          <div className="look-captions">
            <div className="look-controls">
              <div className="grid-2">
                <div className="field" id="field-caption_style">
                  <label htmlFor="input-caption-style">{t('look.style')}</label>
                  <select id="input-caption-style" data-testid="caption-style-select" value={value.caption_style} aria-describedby="caption-style-hint" onChange={(e) => onChange({ caption_style: e.target.value as OutputSettings['caption_style'] })}>
                    {CAPTION_STYLES.map((s) => (
                      <option key={s} value={s}>
                        {t(lookKey('style', s))}
                      </option>
                    ))}
                  </select>
                  <p className="muted small hint" id="caption-style-hint">
                    {t(`look.style.hint.${value.caption_style}` as Parameters<typeof t>[0])}
                  </p>
                  <FieldError errors={shown} name="caption_style" />
                </div>
                <div className="field" id="field-caption_position">
                  <label htmlFor="input-caption-position">{t('look.position')}</label>
                  <select id="input-caption-position" data-testid="caption-position-select" value={value.caption_position} disabled={!captions} onChange={(e) => onChange({ caption_position: e.target.value as OutputSettings['caption_position'] })}>
                    {CAPTION_POSITIONS.map((p) => (
                      <option key={p} value={p}>
                        {t(lookKey('position', p))}
                      </option>
                    ))}
                  </select>
                  <FieldError errors={shown} name="caption_position" />
                </div>
              </div>
              <details className="look-more" data-testid="look-more" open={Boolean(shown.caption_font || shown.caption_color || shown.caption_highlight || shown.caption_size) || undefined}>
                <summary>{t('look.more')}</summary>
                <div className="grid-2">
                  <div className="field" id="field-caption_color">
                    <label htmlFor="input-caption-color">{t('look.color')}</label>
                    <input id="input-caption-color" type="color" data-testid="caption-color" value={value.caption_color.toLowerCase()} disabled={!captions} aria-describedby={described('caption_color')} onChange={(e) => onChange({ caption_color: e.target.value.toUpperCase() })} />
                    <FieldError errors={shown} name="caption_color" />
                  </div>
                  <div className="field" id="field-caption_highlight">
                    <label htmlFor="input-caption-highlight">{t('look.highlight')}</label>
                    <input id="input-caption-highlight" type="color" data-testid="caption-highlight" value={value.caption_highlight.toLowerCase()} disabled={!captions} aria-describedby={described('caption_highlight')} onChange={(e) => onChange({ caption_highlight: e.target.value.toUpperCase() })} />
                    <FieldError errors={shown} name="caption_highlight" />
                  </div>
                </div>
                <div className="field" id="field-caption_size">
                  <div className="label-row">
                    <label htmlFor="input-caption-size">{t('look.size')}</label>
                    <output htmlFor="input-caption-size" data-testid="caption-size-value">
                      {value.caption_size} %
                    </output>
                  </div>
                  <input id="input-caption-size" type="range" min={CAPTION_SIZE_MIN} max={CAPTION_SIZE_MAX} step={5} data-testid="caption-size" value={value.caption_size} disabled={!captions} onChange={(e) => onChange({ caption_size: Number(e.target.value) })} />
                  <FieldError errors={shown} name="caption_size" />
                </div>
                <div className="field" id="field-caption_font">
                  <label htmlFor="input-caption-font">{t('look.font')}</label>
                  <input id="input-caption-font" data-testid="caption-font" value={value.caption_font ?? ''} maxLength={FONT_MAX} placeholder={t('look.font.placeholder')} disabled={!captions} aria-invalid={Boolean(shown.caption_font)} aria-describedby={described('caption_font') ?? 'caption-font-hint'} onChange={(e) => onChange({ caption_font: e.target.value || null })} />
                  <p className="muted small hint" id="caption-font-hint">{t('look.font.hint')}</p>
                  <FieldError errors={shown} name="caption_font" />
                </div>
                {(value.caption_color !== OUTPUT_DEFAULTS.caption_color || value.caption_highlight !== OUTPUT_DEFAULTS.caption_highlight || value.caption_size !== OUTPUT_DEFAULTS.caption_size || value.caption_font) && (
                  <button type="button" className="btn btn-small btn-ghost" data-testid="look-reset" onClick={() => onChange({ caption_color: OUTPUT_DEFAULTS.caption_color, caption_highlight: OUTPUT_DEFAULTS.caption_highlight, caption_size: OUTPUT_DEFAULTS.caption_size, caption_font: null })}>
                    {t('look.reset')}
                  </button>
                )}
              </details>
            </div>
            <CaptionPreview
              look={value}
              language={language}
              text={previewText(theme, sample)}
              onFieldError={(field, rule) => setPreviewError(field && rule ? { field, rule } : null)}
            />
          </div>

          <h2 className="look-heading">{t('look.sound')}</h2>
          <MusicPicker music={value.music} volume={value.music_volume} onChange={onChange} errors={shown} />
          {showVoice && <VoicePicker language={language} voice={value.voice} rate={value.speech_rate} onChange={onChange} errors={shown} />}
        </div>
      )}
    </details>
  );
}
