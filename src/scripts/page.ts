/**
 * Shared by the page scripts: marks the page as scripted (CSS shows the
 * widgets that need JS) and announces messages in the layout's live region.
 * Being shared also keeps every script an external /_astro/*.js file.
 */
document.documentElement.classList.add('js');

export function announce(message: string): void {
  const status = document.getElementById('live-status');
  if (!status) return;
  status.textContent = '';
  // Clearing first makes screen readers announce a repeated message again.
  window.setTimeout(() => (status.textContent = message), 50);
}
