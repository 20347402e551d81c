/**
 * Where the case's content lives: `content/` by default, or the folder named by CASEFILE_CONTENT
 * (relative to the project root, or absolute), so tests, benchmarks and forks can point the same
 * build at another case.
 */
export const CONTENT_ROOT: string = process.env.CASEFILE_CONTENT || 'content';
