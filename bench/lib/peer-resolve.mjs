// Resolve hook for peer-deps.mjs: papaparse and @duckdb/* come from bench/.
const parentURL = new URL('../package.json', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'papaparse' || specifier.startsWith('papaparse/') || specifier.startsWith('@duckdb/'))
    return next(specifier, { ...context, parentURL });
  return next(specifier, context);
}
