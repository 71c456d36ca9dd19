// The demo's switches; a file of its own because the host's CSP admits no inline script.
const banner = document.getElementById('banner');
const status = document.getElementById('status');
const form = document.getElementById('controls');
form.addEventListener('change', () => {
  const data = new FormData(form);
  const src = `feeds/${data.get('feed')}.json`;
  banner.src = status.src = src;
  banner.theme = status.theme = data.get('theme');
  banner.position = data.get('position');
  banner.showOperational = data.has('operational');
  // Inline banners sit in the flow; top and bottom ones overlay the page.
  (banner.position === 'inline' ? document.getElementById('inline-slot') : document.body).prepend(banner);
});
document.getElementById('forget').addEventListener('click', () => {
  localStorage.removeItem('sitrep:dismissed');
  location.reload();
});
document.addEventListener('sitrep-change', (event) => console.info('sitrep-change', event.target.id, event.detail.indicator));
