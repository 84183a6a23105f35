/**
 * The search plugin's autocomplete (autocomplete.js) marks up its suggestions with ARIA 1.0's combobox:
 * `aria-owns` on the input and `role="listbox"` on the whole dropdown, whose "See all results" link
 * and "No results" text are then children a listbox may not have. This moves it to ARIA 1.2's pattern,
 * in place, each time the autocomplete renders:
 * - the options' own container is the listbox (named "Search suggestions"), the dropdown a plain box;
 * - the input points at the listbox with `aria-controls` (at the dropdown while there is none).
 * Only attributes that differ are written, so a MutationObserver calling this does not loop.
 */
export function repairSuggestionsAria(root: Element): void {
  for (const input of Array.from(root.querySelectorAll('input[role="combobox"]'))) {
    const dropdownId = input.getAttribute('aria-owns') ?? input.getAttribute('data-suggestions');
    if (!dropdownId) continue;
    const dropdown = root.ownerDocument.getElementById(dropdownId);
    if (!dropdown) continue;
    setAttribute(input, 'data-suggestions', dropdownId);
    input.removeAttribute('aria-owns');
    if (dropdown.getAttribute('role') === 'listbox') dropdown.removeAttribute('role');

    let controls = dropdownId;
    const options = dropdown.querySelector('[role="option"]');
    const list = options?.parentElement;
    if (list && list !== dropdown) {
      controls = `${dropdownId}-options`;
      setAttribute(list, 'id', controls);
      setAttribute(list, 'role', 'listbox');
      setAttribute(list, 'aria-label', 'Search suggestions');
    }
    setAttribute(input, 'aria-controls', controls);
  }
}

function setAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
