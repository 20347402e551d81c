/**
 * `<timeline-filter>`: checkboxes that show the case timeline's events by entity type and by grade.
 * A year whose events are all filtered out hides its heading too. Without script the form stays
 * hidden and every event shows.
 */
class TimelineFilter extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    if (!form) return;
    form.hidden = false;
    form.addEventListener('change', () => this.#apply(form));
    this.#apply(form);
  }

  #apply(form: HTMLFormElement): void {
    const data = new FormData(form);
    const types = new Set(data.getAll('type').map(String));
    // With no grade filter on the page (no event is graded), every grade passes.
    const gradeFilter = form.querySelector('input[name="grade"]') !== null;
    const grades = new Set(data.getAll('grade').map(String));
    let shown = 0;
    let total = 0;
    for (const year of this.querySelectorAll<HTMLElement>('[data-year]')) {
      let inYear = 0;
      for (const row of year.querySelectorAll<HTMLElement>('li[data-type]')) {
        const visible = types.has(row.dataset.type ?? '') && (!gradeFilter || grades.has(row.dataset.grade ?? ''));
        row.hidden = !visible;
        total++;
        if (visible) inYear++;
      }
      year.hidden = inYear === 0;
      shown += inYear;
    }
    const count = form.querySelector('[data-count]');
    if (count) count.textContent = shown === total ? `All ${total} events` : `${shown} of ${total} events`;
  }
}

if (!customElements.get('timeline-filter')) customElements.define('timeline-filter', TimelineFilter);
