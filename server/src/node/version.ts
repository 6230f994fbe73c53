declare const PLAINWORDS_VERSION: string | undefined;
/** Set at build time from package.json. */
export const VERSION: string = typeof PLAINWORDS_VERSION === 'string' ? PLAINWORDS_VERSION : '0.0.0-dev';
