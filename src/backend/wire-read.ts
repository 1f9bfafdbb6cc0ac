// The zod side of RestBackend's answer reading, loaded on demand (with the upload's first write, or a
// refusal that carries issues): the schemas of the upload's own answers and of problem documents with
// issues. The first screens' answers are checked without zod (answers.ts).
import type { z } from 'zod';
import { AnswerProblem } from './answers.js';
import { CommitResultSchema, DryRunResultSchema, ProblemSchema, StagedUploadSchema, describeZodIssue, type Problem } from './schemas.js';

/** Reads an answer with a zod schema; the first issue becomes an AnswerProblem (as the zod-free checks throw). */
function read<S extends z.ZodType>(schema: S): (json: unknown) => z.output<S> {
  return (json) => {
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0];
    const { field, problem } = first ? describeZodIssue(first) : { field: '', problem: 'not what the contract says' };
    throw new AnswerProblem(field, problem);
  };
}

export const readStagedUpload = read(StagedUploadSchema);
export const readDryRunResult = read(DryRunResultSchema);
export const readCommitResult = read(CommitResultSchema);

/** A problem document (issues included), or undefined when the answer is not one. */
export function problemOf(json: unknown): Problem | undefined {
  const parsed = ProblemSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
