import { useI18n, type MessageKey } from '../i18n';
import type { Step, VideoDetail } from '../types';

export type StepState = 'done' | 'active' | 'failed' | 'pending' | 'cancelled';

export function stepsFor(mode: VideoDetail['mode']): Step[] {
  return mode === 'narrated' ? ['script', 'adapt', 'audio', 'clips', 'assembly'] : ['script', 'clips', 'assembly'];
}

/** Where each step stands, from status, current_step and last_successful_step. */
export function stepStates(video: Pick<VideoDetail, 'mode' | 'status' | 'current_step' | 'last_successful_step'>): Record<Step, StepState> {
  const steps = stepsFor(video.mode);
  const result = {} as Record<Step, StepState>;
  const at = (s: Step | null) => (s ? steps.indexOf(s) : -1);
  const lastDone = at(video.last_successful_step);
  let current = at(video.current_step);
  if (current < 0) {
    // Infer the step from the status when the server did not say.
    const fromStatus: Partial<Record<VideoDetail['status'], Step>> = {
      queued: 'script',
      script_generated: video.mode === 'narrated' ? 'adapt' : 'clips',
      generating_clips: 'clips',
      ready_for_assembly: 'assembly',
      assembling: 'assembly',
    };
    const s = fromStatus[video.status];
    current = s ? steps.indexOf(s) : lastDone + 1;
  }
  steps.forEach((step, i) => {
    let state: StepState;
    if (video.status === 'completed') state = 'done';
    else if (i <= lastDone && i !== current) state = 'done';
    else if (i < current) state = 'done';
    else if (i === current) {
      state = video.status === 'failed' ? 'failed' : video.status === 'cancelled' ? 'cancelled' : 'active';
      if (video.status === 'queued' && i === 0 && lastDone < 0) state = 'active';
    } else state = 'pending';
    result[step] = state;
  });
  return result;
}

export function StepTimeline({ video }: { video: VideoDetail }) {
  const { t } = useI18n();
  const steps = stepsFor(video.mode);
  const states = stepStates(video);
  return (
    <ol className="timeline" data-testid="step-timeline">
      {steps.map((step) => (
        <li key={step} className={`timeline-step step-${states[step]}`} data-testid={`step-${step}`} data-state={states[step]}>
          <span className="timeline-dot" aria-hidden="true" />
          <span className="timeline-label">{t(`step.${step}` as MessageKey)}</span>
        </li>
      ))}
    </ol>
  );
}
