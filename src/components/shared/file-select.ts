// Hands a file from a drop zone to the session; a refusal the session throws (a file while creating)
// is said in the live region, in words.
import { makeFailure } from '../../session/failures.js';
import { SessionError } from '../../session/upload-session.js';
import type { FileSelectEvent } from './internal-events.js';
import type { WizardContext } from './wizard-context.js';

export function uploadSelected(ctx: WizardContext, event: FileSelectEvent): void {
  event.stopPropagation();
  const { file } = event.detail;
  ctx.session.uploadFile(file, file.name).catch((error: unknown) => {
    const failure = error instanceof SessionError ? error.failure : makeFailure('unexpected', error);
    ctx.announce(ctx.localizer.failure(failure), true);
  });
}
