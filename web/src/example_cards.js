// The first screen's examples, named by the business they describe (the
// part of an example's title before its colon: "SaaS company: ..."); the
// worked examples of the metrics follow under their own name.

/**
 * @param {Array<{id: string, title: string}>} examples from virtual:bbb-examples
 * @param {(id: string) => void} onPick loads the example
 * @returns {HTMLElement[]} list items
 */
export function exampleCards(examples, onPick) {
  const business = examples.filter((e) => e.title.includes(':'));
  const worked = examples.filter((e) => !e.title.includes(':'));
  const item = (id, name, detail) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'example-card';
    button.dataset.example = id;
    const strong = document.createElement('strong');
    strong.textContent = name;
    const small = document.createElement('span');
    small.textContent = detail;
    button.append(strong, small);
    button.addEventListener('click', () => onPick(id));
    li.append(button);
    return li;
  };
  const items = business.map((e) => {
    const colon = e.title.indexOf(':');
    return item(e.id, e.title.slice(0, colon).trim(), e.title.slice(colon + 1).trim());
  });
  const all = worked.find((e) => e.id === 'worked-examples.csv') ?? worked[0];
  if (all) items.push(item(all.id, 'Worked examples', 'an annual prepaid, a monthly-billed and an undelivered order, in three currencies'));
  return items;
}
