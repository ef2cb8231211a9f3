import { useI18n, type MessageKey } from '../i18n';
import type { VideoStatus } from '../types';

export function StatusBadge({ status, testId = 'status-badge' }: { status: VideoStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-${status}`} data-testid={testId} data-status={status}>
      {t(`status.${status}` as MessageKey)}
    </span>
  );
}
