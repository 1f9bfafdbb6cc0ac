// File sizes in words an admin reads ("12.4 MB"), for the file-too-large issue raised before reading.

const UNITS = ['bytes', 'kB', 'MB', 'GB', 'TB'] as const;

/** Decimal units, as operating systems show file sizes; one decimal from kB upward. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} ${value === 1 ? 'byte' : 'bytes'}` : `${value.toFixed(1).replace(/\.0$/, '')} ${UNITS[unit]}`;
}
