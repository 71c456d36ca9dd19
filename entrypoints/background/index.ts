import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Listeners are registered synchronously here so a woken service worker sees every event.
});
