/*
 * Evaluate functions of wagtail-chiiki's content checks in Wagtail's checker (axe).
 * The server finds the problems; each check is given the texts it found ("needles") and fails on
 * the elements that show them, so that the checker can point at them on the page.
 */
(() => {
  const userbar = window.wagtail && window.wagtail.userbar;
  if (!userbar || typeof userbar.registerCheck !== 'function') return;

  const squash = (text) => (text || '').replace(/\s+/g, ' ').trim();
  const ownText = (node) =>
    Array.from(node.childNodes)
      .filter((child) => child.nodeType === Node.TEXT_NODE)
      .map((child) => child.data)
      .join('');
  const needlesOf = (options) => (options && options.needles) || [];

  // Text: an element whose own text holds a text the server flagged.
  userbar.registerCheck('chiiki-text', (node, options) => {
    const text = ownText(node);
    return !needlesOf(options).some((needle) => needle && text.includes(needle));
  });
  // Link: a link whose text (its own, or all of it) is a flagged link text.
  userbar.registerCheck('chiiki-link', (node, options) => {
    const own = squash(ownText(node));
    const all = squash(node.textContent);
    return !needlesOf(options).some((needle) => [own, all].includes(squash(needle)));
  });
  // Alt: an image whose alternative text was flagged (missing counts as empty).
  userbar.registerCheck('chiiki-alt', (node, options) => {
    const alt = node.getAttribute('alt') || '';
    return !needlesOf(options).includes(alt);
  });
  // Tables: a table without a caption or header cells, and a table used for layout.
  userbar.registerCheck(
    'chiiki-table',
    (node, options) =>
      needlesOf(options).length === 0 ||
      Boolean(node.querySelector('caption') && node.querySelector('th')),
  );
  userbar.registerCheck(
    'chiiki-layout-table',
    (node, options) =>
      needlesOf(options).length === 0 ||
      !(['presentation', 'none'].includes(node.getAttribute('role')) || node.querySelector('table')),
  );
})();
