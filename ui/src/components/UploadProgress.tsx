import { useI18n } from '../i18n';

/** A named progress bar for a file being sent, with a button to stop it. */
export function UploadProgress({ name, fraction, onStop, testId }: { name: string; fraction: number; onStop: () => void; testId: string }) {
  const { t } = useI18n();
  const pct = Math.round(fraction * 100);
  const label = t('upload.progress', { name, pct });
  return (
    <div className="upload-progress" data-testid={testId} role="status">
      <progress max={100} value={pct} aria-label={label} />
      <span className="small">{label}</span>
      <button type="button" className="btn btn-small btn-ghost" data-testid={`${testId}-stop`} onClick={onStop}>
        {t('upload.stop')}
      </button>
    </div>
  );
}
