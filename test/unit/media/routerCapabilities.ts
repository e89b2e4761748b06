import { createRequire } from 'node:module';
import type { types } from 'mediasoup';
import { routerCodecs } from '../../../media/engine/routerCodecs.js';

/** The capabilities a real router gets from our codec list, computed by mediasoup's own code (no worker needed). */
export function routerCapabilities(): types.RtpCapabilities {
  const ortc = createRequire(import.meta.url)('mediasoup/node/lib/ortc.js') as {
    generateRouterRtpCapabilities(codecs: types.RtpCodecCapability[]): types.RtpCapabilities;
  };
  return ortc.generateRouterRtpCapabilities(routerCodecs);
}
