import { startTestHost } from '../host/host-fixture';
import { createHostTarget } from '../../src/publish/targets/host-target';
import { describeTargetContract } from './target-contract';

describeTargetContract('the embedded host', async () => {
  const host = await startTestHost();
  const url = host.url.replace(/\/$/, '');
  return {
    target: createHostTarget({ kind: 'host', id: 'host', url }, host.token),
    siteUrl: url,
    conditional: true,
    keepsCacheControl: false,
    async readPublic(path) {
      const response = await host.get(path);
      if (!response.ok) return undefined;
      return { body: await response.text(), contentType: response.headers.get('Content-Type'), cacheControl: response.headers.get('Cache-Control') };
    },
    close: () => host.stop(),
  };
});
