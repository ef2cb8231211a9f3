import { useEffect, useRef, useState } from 'react';
import { errorText } from '../errors';
import { isMessageKey, useI18n } from '../i18n';
import { SPEECH_RATE_MAX, SPEECH_RATE_MIN } from '../output';
import { api, ApiError } from '../services/api';
import { FieldError } from './FieldError';
import type { VoiceList } from '../types';

interface Props {
  language: string;
  voice: string | null;
  rate: number;
  onChange: (patch: { voice?: string | null; speech_rate?: number }) => void;
  /** Field errors by API name (`voice`, `speech_rate`). */
  errors: Record<string, string>;
}

/** The speech provider's voices for the video's language, a short sample of the chosen one, and the rate. */
export function VoicePicker({ language, voice, rate, onChange, errors }: Props) {
  const { t, lang } = useI18n();
  const [list, setList] = useState<VoiceList | null>(null);
  const [unsupported, setUnsupported] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sampling, setSampling] = useState(false);
  const audio = useRef<HTMLAudioElement>(null);
  const sampleUrl = useRef<string | null>(null);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;

  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    api.voices(language, ctrl.signal).then(
      (l) => {
        setList(l);
        // A voice of another language does not speak this one: back to the default.
        if (voice && !l.items.some((v) => v.id === voice)) changeRef.current({ voice: null });
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        if (e instanceof ApiError && e.status === 404) setUnsupported(true);
        else setError(e);
      },
    );
    return () => ctrl.abort();
    // The list depends on the language only; the voice is checked against each new list.
  }, [language]);
  useEffect(() => () => {
    if (sampleUrl.current) URL.revokeObjectURL(sampleUrl.current);
  }, []);

  if (unsupported) return null;
  const listen = async () => {
    setSampling(true);
    setError(null);
    try {
      const blob = await api.voiceSample(voice ?? list?.default_voice ?? null, language);
      if (sampleUrl.current) URL.revokeObjectURL(sampleUrl.current);
      sampleUrl.current = URL.createObjectURL(blob);
      const el = audio.current;
      if (el) {
        el.src = sampleUrl.current;
        await el.play();
      }
    } catch (e) {
      setError(e);
    } finally {
      setSampling(false);
    }
  };
  const defaultName = list?.items.find((v) => v.id === list.default_voice)?.name ?? list?.default_voice ?? null;
  const rateText = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(rate);

  return (
    <div className="grid-2" data-testid="voice-picker">
      <div className="field" id="field-voice">
        <label htmlFor="input-voice">{t('voice.label')}</label>
        <div className="input-row">
          <select id="input-voice" data-testid="voice-select" value={voice ?? ''} aria-invalid={Boolean(errors.voice)} aria-describedby={errors.voice ? 'error-voice' : undefined} disabled={!list} onChange={(e) => onChange({ voice: e.target.value || null })}>
            <option value="">{defaultName ? t('voice.defaultNamed', { name: defaultName }) : t('voice.default')}</option>
            {list?.items
              .filter((v) => v.id !== list.default_voice)
              .map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
          </select>
          <button type="button" className="btn btn-small" data-testid="voice-listen" disabled={!list || sampling} onClick={() => void listen()}>
            {sampling ? t('voice.listening') : t('voice.listen')}
          </button>
        </div>
        {list && <p className="muted small hint">{t('voice.provider', { provider: isMessageKey(`provider.${list.provider}`) ? t(`provider.${list.provider}` as Parameters<typeof t>[0]) : list.provider })}</p>}
        {error != null && (
          <p className="error-text small" role="alert" data-testid="voice-error">
            {errorText(error, t)}
          </p>
        )}
        <FieldError errors={errors} name="voice" />
        <audio ref={audio} data-testid="voice-sample" preload="none" />
      </div>
      <div className="field" id="field-speech_rate">
        <div className="label-row">
          <label htmlFor="input-speech-rate">{t('voice.rate')}</label>
          <output htmlFor="input-speech-rate" data-testid="speech-rate-value">
            {rateText} ×
          </output>
        </div>
        <input id="input-speech-rate" type="range" min={SPEECH_RATE_MIN} max={SPEECH_RATE_MAX} step={0.05} data-testid="speech-rate" value={rate} onChange={(e) => onChange({ speech_rate: Math.round(Number(e.target.value) * 100) / 100 })} />
        <FieldError errors={errors} name="speech_rate" />
      </div>
    </div>
  );
}
