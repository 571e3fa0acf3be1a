/**
 * Copies text for the visitor (a service's details) with the Clipboard API, or by selecting
 * it in a hidden text area where that API is refused. Needs no lifecycle, so it is a function
 * rather than a controller; the element says the outcome through its notices.
 */

/** Copies text; true when it was copied. The fallback text area goes into `root` for a moment. */
export async function copyText(root: HTMLElement | DocumentFragment, text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    root.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}
