// @ts-check
import config from '../../astro.config.mjs';
import { withStageMarkers } from './stage-timer.ts';

/** The site's own configuration, with the benchmark's stage markers around its integrations. */
export default { ...config, integrations: withStageMarkers(config.integrations) };
