// Saves a Blob the session made (template, issues report) as a file, through a temporary object URL.
export function saveBlob(blob: Blob, fileName: string, root: Node = document.body): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  // Some browsers only follow a download link that is in the document.
  (root instanceof ShadowRoot || root instanceof HTMLElement ? root : document.body).append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
