/**
 * Saves `blob` as `name` through a download link: the table's exports and the chart's use it. The
 * object URL is revoked after the click has started the download.
 */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
