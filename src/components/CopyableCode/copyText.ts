/**
 * Puts text on the clipboard. Uses the async Clipboard API where the browser has it and allows it,
 * else falls back to a hidden textarea and `document.execCommand('copy')`, which still works on
 * plain-http pages and in browsers that refuse clipboard permission. Resolves to whether it copied.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    // The Clipboard API is missing on insecure origins and in older browsers, despite the DOM typings.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, document not focused): try the fallback below.
  }
  return copyWithTextarea(text);
}

function copyWithTextarea(text: string): boolean {
  const previousFocus = document.activeElement;
  const textarea = document.createElement('textarea');
  textarea.value = text;
  textarea.setAttribute('readonly', '');
  // Off-screen but selectable; a hidden or display:none textarea cannot be selected.
  textarea.style.position = 'fixed';
  textarea.style.top = '-1000px';
  textarea.style.opacity = '0';
  document.body.appendChild(textarea);
  textarea.select();
  let copied = false;
  try {
    // Deprecated, but the only synchronous way to copy where the Clipboard API is unavailable.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  textarea.remove();
  if (previousFocus instanceof HTMLElement) previousFocus.focus();
  return copied;
}
