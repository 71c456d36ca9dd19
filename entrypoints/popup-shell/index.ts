import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadModuleAfterFirstFrame, paintShell } from '../../src/ui/popup-shell';

/** popup.html's first paint, before any module: see src/ui/popup-shell.ts. */
export default defineUnlistedScript(() => {
  // Scheduled first: should painting ever throw, the app still comes.
  loadModuleAfterFirstFrame();
  paintShell();
});
