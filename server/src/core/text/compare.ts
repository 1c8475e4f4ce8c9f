// Code-unit order for everything users see sorted: the same on every machine (localeCompare
// follows the user's locale, so two editors or a laptop and CI could disagree), and cheap.
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
