/** Saves text (or bytes: a zip) as a file through the browser's download UI. */
export function downloadText(filename: string, text: string | Uint8Array<ArrayBuffer>, type = 'application/json', doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
