/** Renders the guide with textContent only, and lets the reader switch language on the spot. */
import { GUIDE, type Block } from './content';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function renderBlock(block: Block): HTMLElement {
  if ('h' in block) return el('h2', block.h);
  if ('p' in block) return el('p', block.p);
  const list = el('steps' in block ? 'ol' : 'ul');
  for (const item of 'steps' in block ? block.steps : block.list) list.appendChild(el('li', item));
  return list;
}

function render(lang: 'id' | 'en'): void {
  const app = document.getElementById('app');
  if (!app) return;
  const guide = GUIDE[lang];
  document.documentElement.lang = lang;
  app.replaceChildren();
  const toggle = el('button', guide.switchLabel, 'lang-switch');
  toggle.type = 'button';
  toggle.addEventListener('click', () => render(lang === 'id' ? 'en' : 'id'));
  app.append(toggle, el('h1', guide.title), ...guide.blocks.map(renderBlock));
}

render(document.body.dataset.lang === 'en' ? 'en' : 'id');
