export const SHELL_VIEWS: string[];
export const SHELL_LANGS: string[];
export const DEFAULT_EXPLORER: string;
export const SHELL_PAGES: string[];
export function isDefaultQuery(params: URLSearchParams): boolean;
export function shellPath(view: string, lang: string): string;
export function shellFile(search: string): string;
export function embedShellPath(lang: string): string;
export function isEmbedQuery(params: URLSearchParams): boolean;
