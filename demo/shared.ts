// Small helpers shared by the demo pages.
import {
  BEFORE_CREATE_EVENT,
  CREATED_EVENT,
  FAILED_EVENT,
  STEP_CHANGE_EVENT,
  VALIDATED_EVENT,
} from '../src/events/index.js';

/** Writes the wizard's public events into a <pre>, newest first, to show what a host hears. */
export function logEvents(target: HTMLElement, log: HTMLElement, label = ''): void {
  const write = (line: string) => {
    log.textContent = `${new Date().toLocaleTimeString()} ${label}${line}\n${log.textContent ?? ''}`.slice(0, 4000);
  };
  target.addEventListener(STEP_CHANGE_EVENT, (e) => write(`${e.type}: ${e.detail.previous ?? '–'} → ${e.detail.step}`));
  target.addEventListener(VALIDATED_EVENT, (e) => write(`${e.type}: ${e.detail.summary.records} ready, ${e.detail.issues.length} issues`));
  target.addEventListener(BEFORE_CREATE_EVENT, (e) => write(`${e.type}: ${e.detail.count} records for ${e.detail.activity.name}`));
  target.addEventListener(CREATED_EVENT, (e) => write(`${e.type}: ${e.detail.count} created (upload ${e.detail.uploadId})`));
  target.addEventListener(FAILED_EVENT, (e) => write(`${e.type}: ${e.detail.failure.kind} — ${e.detail.failure.message}`));
}
