import { siteWideChecks } from '../site-checks.ts';

siteWideChecks({ dist: 'dist', content: 'content' });
