// A record as validation produces it and the backend receives it: one spreadsheet row, normalised.

/** Values by column key: dates as `YYYY-MM-DD`, numbers as numbers, choices in canonical spelling. */
export type RecordValues = Readonly<Record<string, string | number | null>>;

export interface UploadRecord {
  /** The spreadsheet row it came from (header row counted, 1-based). */
  readonly row: number;
  readonly values: RecordValues;
}

/** The backend's verdict on one record in a dry run. */
export type DryRunLabel = 'create' | 'already-recorded' | 'conflict';
