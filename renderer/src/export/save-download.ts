// Hands bytes the archive made to the user as a file: a Blob behind an <a download>. In a browser
// that is a download; in the desktop app, Electron's download handling asks where to save it.
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function saveDownload(fileName: string, bytes: Uint8Array<ArrayBuffer>, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has taken its copy once the click is handled; a minute is plenty.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
